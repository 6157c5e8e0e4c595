"""A database that freezes or drops a connection: a check-in succeeds or fails clearly within
3 seconds, never hangs, writes nothing half, and works again once the server is back.

A real PostgreSQL behind a TCP relay that the test freezes (like a server stopped with SIGSTOP:
links stay open, nothing answers) or whose connections the server itself terminates.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.store import open_store
from tests.conftest import _truncate_pg
from tests.relay import Relay

pytestmark = pytest.mark.postgres

BOUND = 3.0  # seconds: a scan succeeds or fails within this, whatever the server does


@pytest.fixture
def relayed(pg_database):
    url = make_url(pg_database)
    relay = Relay(url.host, url.port)
    _truncate_pg(pg_database)
    store = open_store(url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False))
    event_id = create_demo(store, attendees=20, seed=5)
    yield store, event_id, relay
    relay.close()
    store.dispose()


def entries(url: str, attendee_id: int) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM checkin WHERE attendee_id = :a"), {"a": attendee_id}).scalar()
    engine.dispose()
    return n


def timed(fn, *args):
    started = time.monotonic()
    try:
        return fn(*args), time.monotonic() - started
    except DBAPIError as exc:
        return exc, time.monotonic() - started


def test_a_frozen_server_fails_a_scan_within_3_seconds_then_works_again(relayed, pg_database):
    store, event_id, relay = relayed
    a, b, c, d = attendees.list_all(store, event_id)[:4]
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    assert desk.scan(a.code).kind is ResultKind.CHECKED_IN  # the pool holds a live connection

    relay.freeze()
    try:
        outcome, waited = timed(desk.scan, b.code)  # on the open connection
        assert isinstance(outcome, DBAPIError) and waited < BOUND, (outcome, waited)
        outcome, waited = timed(desk.scan, c.code)  # on a new connection to the frozen server
        assert isinstance(outcome, DBAPIError) and waited < BOUND, (outcome, waited)
        alive, waited = timed(store.ping)  # the status bar's question is answered as quickly
        assert alive is False and waited < BOUND
    finally:
        relay.resume()

    result, waited = timed(desk.scan, d.code)
    assert not isinstance(result, Exception) and result.kind is ResultKind.CHECKED_IN, result
    assert waited < BOUND
    assert entries(pg_database, b.id) == 0 and entries(pg_database, c.id) == 0  # nothing half-written
    assert desk.scan(b.code).kind is ResultKind.CHECKED_IN


def test_a_dropped_connection_is_retried_once_on_a_fresh_one(relayed, pg_database):
    store, event_id, relay = relayed
    a, b = attendees.list_all(store, event_id)[:2]
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    assert desk.scan(a.code).kind is ResultKind.CHECKED_IN
    admin = create_engine(pg_database, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # the server (or a firewall) ends the station's idle connections
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()"),
            {"db": make_url(pg_database).database},
        )
    admin.dispose()
    result = desk.scan(b.code)
    assert result.kind is ResultKind.CHECKED_IN
    assert entries(pg_database, b.id) == 1


def test_a_retried_check_in_whose_first_commit_landed_is_still_green(store, demo_event):
    """The answer to a commit can be lost after the server wrote it: the retry finds the
    check-in it made itself (same entry id) and reports it as checked in, not amber."""
    person = attendees.list_all(store, demo_event)[0]
    desk = CheckInService(store, demo_event, Actor("Desk 1", "Tove"))
    first = desk.check_in(person.id)
    again = desk.check_in(person.id, entry_id=first.entry.id)
    assert again.kind is ResultKind.CHECKED_IN and again.entry == first.entry
    assert desk.check_in(person.id).kind is ResultKind.ALREADY_CHECKED_IN
