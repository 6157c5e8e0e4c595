"""kiosk db backup, restore and check, as a user runs them."""

from __future__ import annotations

import stat
import subprocess
import sys

import pytest

from kiosk.core.sqlite_files import StationLock
from tests.core.sqlite_damage import damage_an_index


@pytest.fixture
def sqlite_kiosk(tmp_path):
    db = tmp_path / "data" / "ev.db"
    url = f"sqlite:///{db}"

    def run(*args: str):
        return subprocess.run([sys.executable, "-m", "kiosk", "--db", url, *args], capture_output=True, text=True,
                              timeout=120)

    assert run("demo", "--attendees", "20").returncode == 0
    return db, run


def test_backup_check_restore_round_trip(sqlite_kiosk, tmp_path):
    db, kiosk = sqlite_kiosk
    saved = tmp_path / "saved.db"
    run = kiosk("db", "backup", str(saved))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"Backed up {db} to {saved}"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600

    code = subprocess.run([sys.executable, "-m", "kiosk", "--db", f"sqlite:///{db}", "attendees", "--json"],
                          capture_output=True, text=True, timeout=60).stdout.split('"code": "')[1].split('"')[0]
    assert kiosk("checkin", code).returncode == 0
    assert kiosk("db", "check").stdout.strip() == f"{db}: ok (quick_check)"
    assert kiosk("db", "check", "--full").stdout.strip() == f"{db}: ok (integrity_check)"

    run = kiosk("db", "restore", str(saved))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert lines[0] == f"Restored {db} from {saved}"
    assert lines[1].startswith("The database as it was is kept in ") and lines[1].endswith("-before-restore.db")
    assert kiosk("checkin", code).returncode == 0  # the check-in made after the backup is gone


def test_restore_is_refused_while_a_station_has_the_database(sqlite_kiosk, tmp_path):
    db, kiosk = sqlite_kiosk
    saved = tmp_path / "saved.db"
    assert kiosk("db", "backup", str(saved)).returncode == 0
    with StationLock(db) as station:
        station.hold_shared()
        run = kiosk("db", "restore", str(saved))
    assert run.returncode == 1
    assert run.stderr.strip() == (
        f"kiosk: A station has the database {db} open: close every station window using it, then restore"
    )
    assert not (db.parent / "backups").exists()


def test_a_damaged_database_fails_the_check_in_one_line(sqlite_kiosk, tmp_path):
    db, kiosk = sqlite_kiosk
    damage_an_index(db)
    for args in (("db", "check"), ("db", "check", "--full")):
        run = kiosk(*args)
        assert run.returncode == 1
        assert run.stdout == ""
        line = run.stderr.strip()
        assert "\n" not in line and line.startswith(f"kiosk: The database {db} is damaged (")
        assert "Traceback" not in run.stderr


def test_backup_refuses_the_database_itself(sqlite_kiosk):
    db, kiosk = sqlite_kiosk
    run = kiosk("db", "backup", str(db.with_name("ev.db-wal")))
    assert run.returncode == 1
    assert run.stderr.strip() == f"kiosk: {db.with_name('ev.db-wal')} is the database itself: choose another file"


@pytest.mark.postgres
def test_postgresql_points_to_pg_dump(pg_database, tmp_path):
    for args in (("backup", str(tmp_path / "x.db")), ("restore", str(tmp_path / "x.db")), ("check",)):
        run = subprocess.run([sys.executable, "-m", "kiosk", "--db", pg_database, "db", *args],
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 2
        line = run.stderr.strip()
        assert "\n" not in line and line.startswith(f"kiosk: kiosk db {args[0]} works on a SQLite file; for ")
        assert line.endswith("use pg_dump and pg_restore")


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_no_command_writes_or_reads_the_database_files_as_ordinary_files(sqlite_kiosk, tmp_path, suffix):
    db, kiosk = sqlite_kiosk
    target = db.with_name(db.name + suffix)
    before = kiosk("stats", "--json").stdout
    for args in (("export", "checkins", str(target)), ("export", "attendees", str(target), "--format", "xlsx"),
                 ("import", str(target))):
        run = kiosk(*args)
        assert run.returncode == 2, (args, run.stdout, run.stderr)
        assert run.stderr.strip() == (
            f"kiosk: {target} is a file of the database in use: choose another file"
        ), args
    assert kiosk("db", "check", "--full").returncode == 0
    assert kiosk("stats", "--json").stdout == before


def test_a_missing_database_file_is_one_line_and_never_created(tmp_path):
    db = tmp_path / "nowhere" / "ev.db"
    for args in (("db", "check"), ("db", "backup", str(tmp_path / "b.db")), ("db", "restore", str(tmp_path / "b.db"))):
        run = subprocess.run([sys.executable, "-m", "kiosk", "--db", f"sqlite:///{db}", *args],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 7, run.stderr
        assert run.stderr.strip() == f"kiosk: No database file {db}"
        assert not db.exists()
