"""A station refuses a damaged database, and backs its database up off the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.core import attendees, backup
from kiosk.core.checkin import CheckInService
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.store import open_store
from kiosk.ui.station_database import StationBackups
from tests.core.sqlite_damage import damage_an_index


def test_backups_at_start_after_changes_and_at_stop(qtbot, tmp_path):
    db = tmp_path / "data" / "ev.db"
    store = open_store(f"sqlite:///{db}")
    event_id = create_demo(store, attendees=30, seed=2)
    people = attendees.list_all(store, event_id)
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    backups = StationBackups(db, interval_s=0.2, keep=10)
    try:
        backups.start()
        qtbot.waitUntil(lambda: len(backup.list_backups(db)) == 1, timeout=5000)
        qtbot.wait(700)  # several ticks, nothing changed
        assert len(backup.list_backups(db)) == 1

        desk.scan(people[0].code)
        qtbot.waitUntil(lambda: len(backup.list_backups(db)) == 2, timeout=5000)
        desk.scan(people[1].code)
    finally:
        backups.stop()
        store.dispose()
    made = backup.list_backups(db)
    assert len(made) == 3  # the one at stop holds the last check-in
    assert backups.last == made[-1] and backups.error == ""
    conn = backup.connect(made[-1])
    try:
        assert conn.execute("SELECT count(*) FROM checkin").fetchone()[0] == 2
    finally:
        conn.close()


def test_a_station_refuses_to_open_a_damaged_database(tmp_path):
    db = tmp_path / "ev.db"
    store = open_store(f"sqlite:///{db}")
    create_demo(store, attendees=60)
    store.dispose()
    damage_an_index(db)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_CONFIG_DIR=str(tmp_path / "config"))
    for mode in ("desk", "self", "dashboard"):
        run = subprocess.run(
            [sys.executable, "-m", "kiosk", "--db", f"sqlite:///{db}", "run", "--mode", mode, "--station", "Desk 1",
             "--operator", "Tove"], capture_output=True, text=True, timeout=60, env=env,
        )
        assert run.returncode == 1, run.stderr
        line = run.stderr.strip()
        assert "\n" not in line and line.startswith(f"kiosk: The database {db} is damaged (")
    assert not (tmp_path / "backups").exists()


def test_a_backup_of_a_damaged_database_fails_loudly_and_writes_nothing(qtbot, tmp_path):
    db = tmp_path / "data" / "ev.db"
    store = open_store(f"sqlite:///{db}")
    create_demo(store, attendees=60)
    store.dispose()
    damage_an_index(db)
    backups = StationBackups(db, interval_s=60)
    try:
        with qtbot.waitSignal(backups.failed, timeout=5000) as failed:
            backups.start()
    finally:
        backups.stop()
    assert failed.args[0].startswith("The copy of the database is damaged: ")
    assert list((db.parent / "backups").iterdir()) == [] and backups.last is None  # no partial copy either
