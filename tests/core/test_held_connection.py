"""SQLite's held connection for the check-in's hot path (``kiosk.core.store._HeldConnection``):
every scan lands once whichever connection it takes, a broken one is replaced, and nothing is
left open when the store closes."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.store import open_store


@pytest.fixture
def opened(tmp_path):
    path = tmp_path / "event.db"
    store = open_store(f"sqlite:///{path}")
    event_id = create_demo(store, attendees=60, seed=4)
    yield store, event_id, path
    store.dispose()


def _log_rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM checkin").fetchone()[0]


def test_scans_from_many_threads_each_land_once(opened):
    store, event_id, path = opened
    people = attendees.list_all(store, event_id)
    desks = [CheckInService(store, event_id, Actor(f"Desk {i}", "Tove")) for i in range(4)]
    for desk, person in zip(desks, people):
        desk.scan(person.code)  # each station finds its list; from here on the hot path
    rest = people[len(desks):]
    results, errors = [], []

    def scan_share(desk, share):
        try:
            # Every person twice, so stations meet on the same people and the connection is shared.
            results.extend(desk.scan(p.code).kind for p in share + share)
        except Exception as exc:  # pragma: no cover - the assertion below names it
            errors.append(exc)

    threads = [threading.Thread(target=scan_share, args=(desk, rest[i::2])) for i, desk in enumerate(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results.count(ResultKind.CHECKED_IN) == len(rest)  # one green per person, whoever scanned
    assert _log_rows(path) == len(people)


def test_a_broken_held_connection_is_replaced_and_the_scan_lands_once(opened):
    store, event_id, path = opened
    people = attendees.list_all(store, event_id)
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    desk.scan(people[0].code)
    desk.scan(people[1].code)  # the hot path opened the held connection
    held = store._held.conn
    assert held is not None
    held.close()  # as if it broke underneath us
    result = desk.scan(people[2].code)  # dropped, and retried on a pooled connection
    assert result.kind is ResultKind.CHECKED_IN
    assert desk.scan(people[3].code).kind is ResultKind.CHECKED_IN
    assert store._held.conn is not None and store._held.conn is not held  # a fresh one
    assert _log_rows(path) == 4


def test_an_error_inside_leaves_the_held_connection_usable_and_writes_nothing(opened):
    store, event_id, path = opened
    people = attendees.list_all(store, event_id)
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    desk.scan(people[0].code)
    with pytest.raises(DBAPIError) as caught:
        with store.write_cursor(2.5) as cur:
            cur.execute("UPDATE attendee SET inside = 1 WHERE id = ?", (people[1].id,))
            cur.execute("SELECT no_such_column FROM attendee")
    assert not caught.value.connection_invalidated
    assert desk.scan(people[2].code).kind is ResultKind.CHECKED_IN
    assert attendees.get(store, people[1].id).inside is False  # the half-done unit was rolled back


def test_closing_the_store_closes_the_held_connection(opened):
    store, event_id, path = opened
    people = attendees.list_all(store, event_id)
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    desk.scan(people[0].code)
    desk.scan(people[1].code)
    assert store._held.conn is not None
    store.dispose()
    # The last connection to close checkpoints and removes the write-ahead log: none is left open.
    assert not Path(f"{path}-wal").exists()
    # A disposed engine opens again on demand, and so does the held connection.
    assert desk.scan(people[2].code).kind is ResultKind.CHECKED_IN
    assert _log_rows(path) == 3
