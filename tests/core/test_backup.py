"""Checks, backups and restores of a SQLite database, all through SQLite itself."""

from __future__ import annotations

import sqlite3
import stat

import pytest
from sqlalchemy import text

from kiosk.core import attendees, backup
from kiosk.core.checkin import CheckInService
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.sqlite_files import DatabaseInUse, StationLock, is_database_file, sqlite_file
from kiosk.core.store import open_store
from tests.core.sqlite_damage import damage_an_index


@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "data" / "kiosk.db"
    store = open_store(f"sqlite:///{db}")
    event_id = create_demo(store, attendees=80, seed=3)
    yield db, store, event_id
    store.dispose()


def checkin(store, event_id, code, actor):
    return CheckInService(store, event_id, actor).scan(code)


def count(db, sql="SELECT count(*) FROM checkin"):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_a_sound_database_passes_and_a_damaged_index_is_found(demo_db, tmp_path):
    db, store, _ = demo_db
    assert backup.check_file(db) == [] and backup.check_file(db, full=True) == []
    store.dispose()
    damage_an_index(db)
    found = backup.check_file(db)
    assert found, "quick_check missed the damaged index"
    with pytest.raises(backup.DatabaseDamaged) as err:
        backup.require_sound(db)
    message = str(err.value)
    assert "\n" not in message and str(db) in message and "kiosk db restore" in message


def test_backups_are_owner_only_complete_and_rotated(demo_db):
    db, store, event_id = demo_db
    person = attendees.list_all(store, event_id)[0]
    checkin(store, event_id, person.code, Actor("Desk 1", "Tove"))
    source = backup.connect(db)
    try:
        made = [backup.backup_to_folder(source, db, keep=3) for _ in range(5)]
    finally:
        source.close()
    kept = backup.list_backups(db)
    assert kept == made[-3:]
    folder = db.parent / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in kept:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert count(path) == 1  # the check-in made through the store's own connection
        assert backup.check_file(path, full=True) == []
        assert not path.with_name(path.name + "-wal").exists()  # a self-contained file
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []  # no partial copy left


def test_auto_backup_copies_only_after_a_change(demo_db):
    db, store, event_id = demo_db
    auto = backup.AutoBackup(db, keep=10)
    try:
        first = auto.run(force=True)
        assert first is not None
        assert auto.run() is None  # nothing changed
        person = attendees.list_all(store, event_id)[1]
        checkin(store, event_id, person.code, Actor("Desk 1", "Tove"))  # another connection commits
        second = auto.run()
        assert second is not None and count(second) == count(first) + 1
        assert auto.run() is None
    finally:
        auto.close()


def test_backup_file_refuses_the_database_itself_and_an_existing_file(demo_db, tmp_path):
    db, _store, _ = demo_db
    for target in (db, db.with_name("kiosk.db-wal")):
        with pytest.raises(backup.BackupError, match="is the database itself"):
            backup.backup_file(db, target)
    out = backup.backup_file(db, tmp_path / "copy.db")
    assert backup.check_file(out) == []
    with pytest.raises(backup.BackupError, match="already exists"):
        backup.backup_file(db, out)


def test_restore_brings_back_the_copy_and_keeps_a_safety_copy(demo_db, tmp_path):
    db, store, event_id = demo_db
    saved = backup.backup_file(db, tmp_path / "saved.db")
    people = attendees.list_all(store, event_id)
    for person in people[:3]:
        checkin(store, event_id, person.code, Actor("Desk 1", "Tove"))
    assert count(db) == 3
    store.dispose()

    safety = backup.restore(db, saved)

    assert count(db) == 0 and count(safety) == 3
    assert safety.name.endswith("-before-restore.db")
    assert backup.check_file(db, full=True) == []
    reopened = open_store(f"sqlite:///{db}")  # the app opens it again, in WAL mode
    try:
        with reopened.read() as s:
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        reopened.dispose()


def test_restore_is_refused_while_a_station_holds_the_database(demo_db, tmp_path):
    db, store, _ = demo_db
    saved = backup.backup_file(db, tmp_path / "saved.db")
    with StationLock(db) as station:
        station.hold_shared()
        with pytest.raises(DatabaseInUse, match="A station has the database"):
            backup.restore(db, saved)
        with StationLock(db) as second_station:
            second_station.hold_shared()  # stations share it
    assert backup.list_backups(db) == []  # refused before anything was written


def test_restore_refuses_a_damaged_or_foreign_file(demo_db, tmp_path):
    db, store, _ = demo_db
    damaged = backup.backup_file(db, tmp_path / "damaged.db")
    damage_an_index(damaged)
    with pytest.raises(backup.BackupError, match="is damaged"):
        backup.restore(db, damaged)
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(backup.BackupError, match="is not a kiosk database"):
        backup.restore(db, foreign)
    with pytest.raises(backup.BackupError, match="No backup file"):
        backup.restore(db, tmp_path / "missing.db")
    assert backup.list_backups(db) == []


def test_database_files_are_recognised_by_name_and_by_identity(tmp_path):
    db = sqlite_file(f"sqlite:///{tmp_path / 'ev.db'}")
    db.write_bytes(b"")
    (tmp_path / "link.csv").symlink_to(db)
    assert all(is_database_file(db, tmp_path / name) for name in ("ev.db", "ev.db-wal", "ev.db-shm", "ev.db-journal", "link.csv"))
    assert not is_database_file(db, tmp_path / "guests.csv")
    assert sqlite_file("postgresql+psycopg://u@h/db") is None


def test_restore_repairs_a_damaged_database_and_keeps_the_damaged_one(demo_db, tmp_path):
    db, store, _ = demo_db
    saved = backup.backup_file(db, tmp_path / "saved.db")
    store.dispose()
    damage_an_index(db)
    assert backup.check_file(db)

    safety = backup.restore(db, saved)

    assert backup.check_file(db, full=True) == []
    assert backup.check_file(safety)  # kept as it was: damaged


def test_restore_replaces_a_file_sqlite_cannot_open(demo_db, tmp_path):
    db, store, _ = demo_db
    saved = backup.backup_file(db, tmp_path / "saved.db")
    store.dispose()
    with open(db, "r+b") as f:  # the header itself: "file is not a database"
        f.write(b"garbage" * 20)
    assert backup.check_file(db) == ["file is not a database"]

    safety = backup.restore(db, saved)

    assert backup.check_file(db, full=True) == []
    assert safety.read_bytes().startswith(b"garbage")
    assert count(db, "SELECT count(*) FROM attendee") == 80
