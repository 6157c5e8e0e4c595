"""An event logo set to one of the database's own files is never opened (that would drop
SQLite's locks in the printing station): badges print without it."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.badges.context import LOGO_SETTING, event_labels
from kiosk.core.demo import create_demo
from kiosk.core.models import EventSetting
from kiosk.core.store import open_store

OPENED: list[str] = []
WATCHING: list[bool] = []


def _audit(event: str, args) -> None:
    if WATCHING and event == "open" and isinstance(args[0], (str, bytes, Path)):
        OPENED.append(str(args[0]))


sys.addaudithook(_audit)  # Python's own record of every open(): no stand-in for Pillow


def test_a_logo_path_naming_the_database_is_not_opened(sqlite_url):
    db = Path(sqlite_url.removeprefix("sqlite:///"))
    store = open_store(sqlite_url)
    demo_event = create_demo(store, attendees=5)
    for name in (db.name, db.name + "-wal", db.name + "-shm"):
        path = str(db.with_name(name))
        with store.write() as session:
            session.merge(EventSetting(event_id=demo_event, key=LOGO_SETTING, value=path))
        OPENED.clear()
        WATCHING.append(True)
        try:
            labels = event_labels(store, demo_event)
        finally:
            WATCHING.clear()
        assert labels.logo is None
        assert [p for p in OPENED if Path(p).name.startswith(db.name)] == []
    store.dispose()
