"""The check-in's hot path on PostgreSQL: how many round trips a scan makes, counted on the wire
(bench/pg_wire.py, the relay the bench uses), and that folding the reads into one statement
never lets a scan decide on a log that another station changed while it waited for the lock.

Counts, not times: a regression to more round trips fails here; speed is for bench/.
"""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from bench.pg_wire import CountingRelay
from kiosk.core import attendees
from kiosk.core.checkin import STATION_TOUCH_SECONDS, CheckInService, ResultKind
from kiosk.core.checkin_lists import create_list, edit_list
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.models import utcnow
from kiosk.core.store import open_store
from tests.conftest import _truncate_pg

pytestmark = pytest.mark.postgres


class Policy:
    """A station that prints every first check-in's badge."""

    auto_print = True
    printer = "kiosk-test-pdf"

    def template_for(self, ticket_type):
        return "default"


@pytest.fixture
def counted(pg_database):
    _truncate_pg(pg_database)
    store = open_store(pg_database)
    event_id = create_demo(store, attendees=30, seed=3)
    store.dispose()
    relay = CountingRelay(pg_database)
    store = open_store(relay.url, upgrade=False)
    yield store, event_id, relay
    store.dispose()


def trips(relay, fn, *args):
    relay.take()
    result = fn(*args)
    return result, relay.take()


def test_a_green_scan_is_four_round_trips_an_amber_at_most_four(counted):
    store, event_id, relay = counted
    people = attendees.list_all(store, event_id)
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    assert desk.scan(people[0].code).kind is ResultKind.CHECKED_IN  # the station finds its list once

    for person in people[1:4]:
        result, (n, statements) = trips(relay, desk.scan, person.code)
        assert result.kind is ResultKind.CHECKED_IN
        assert n == 4, statements  # BEGIN, one SELECT, one write, COMMIT
    result, (n, statements) = trips(relay, desk.check_in, people[4].id)  # a pick from search
    assert result.kind is ResultKind.CHECKED_IN and n == 4, statements
    result, (n, statements) = trips(relay, desk.scan, people[1].code)
    assert result.kind is ResultKind.ALREADY_CHECKED_IN and n <= 4, statements


def test_the_badge_job_and_the_station_heartbeat_ride_in_the_same_write(counted):
    store, event_id, relay = counted
    people = attendees.list_all(store, event_id)
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"), badges=Policy())
    desk.scan(people[0].code)
    desk._station_touched = time.monotonic() - STATION_TOUCH_SECONDS - 1  # the heartbeat is due
    result, (n, statements) = trips(relay, desk.scan, people[1].code)
    assert result.kind is ResultKind.CHECKED_IN and result.badge_job is not None
    assert n == 4, statements
    with psycopg.connect(make_url(relay.url).set(drivername="postgresql").render_as_string(hide_password=False)) as c:
        job = c.execute("SELECT attendee_id, state FROM print_job WHERE id = %s", (result.badge_job,)).fetchone()
        seen = c.execute("SELECT last_seen FROM station WHERE name = 'Desk 1'").fetchone()
    assert job == (people[1].id, "queued")
    assert seen is not None and utcnow().timestamp() - seen[0].timestamp() < 60


def test_a_list_change_is_seen_by_the_next_scan(counted):
    store, event_id, relay = counted
    people = attendees.list_all(store, event_id)
    create_list(store, event_id, "Hall", rule="once")
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"), list_name="Hall")
    assert desk.scan(people[0].code).kind is ResultKind.CHECKED_IN
    edit_list(store, event_id, "Hall", ticket_types=["Nobody has this"])
    result, (n, _) = trips(relay, desk.scan, people[1].code)
    assert result.kind is ResultKind.NOT_ADMITTED and n <= 4
    edit_list(store, event_id, "Hall", ticket_types=[], capacity=1)  # now a room with one place
    assert desk.scan(people[2].code).kind is ResultKind.CAPACITY_FULL
    edit_list(store, event_id, "Hall", capacity=None, new_name="Main hall")
    result = desk.scan(people[2].code)
    assert result.kind is ResultKind.CHECKED_IN and result.list_name == "Main hall"


@pytest.mark.parametrize("list_name", [None, "Hall"])
def test_a_scan_that_waited_for_the_lock_sees_the_entry_made_meanwhile(counted, list_name):
    """Another station holds the attendee and writes an entry; our scan waits for the lock. Its
    one SELECT read the log before the lock was granted, so the write must not trust it: one
    green, one amber, one entry."""
    store, event_id, relay = counted
    people = attendees.list_all(store, event_id)
    if list_name:
        create_list(store, event_id, list_name, rule="once")
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"), list_name=list_name)
    desk.scan(people[0].code)  # bound to its list: the next scan takes the one-SELECT path
    person = people[1]
    dsn = make_url(relay.url).set(drivername="postgresql").render_as_string(hide_password=False)
    other = psycopg.connect(dsn)
    list_id = other.execute(
        "SELECT id FROM checkin_list WHERE event_id = %s AND name = %s", (event_id, list_name or "Entrance")
    ).fetchone()[0]
    other.execute("SELECT id FROM attendee WHERE id = %s FOR UPDATE", (person.id,))
    other.execute(
        "INSERT INTO checkin (id, event_id, attendee_id, kind, at, station, operator, method, reason, list_id)"
        " VALUES (%s, %s, %s, 'entry', now(), 'Desk 2', 'Omar', 'scan', '', %s)",
        (uuid.uuid4(), event_id, person.id, list_id),
    )
    if not list_name:
        other.execute("UPDATE attendee SET checked_in_at = now(), inside = true WHERE id = %s", (person.id,))
    box = {}
    scanner = threading.Thread(target=lambda: box.setdefault("result", desk.scan(person.code)))
    scanner.start()
    time.sleep(0.5)  # the scan is waiting for the lock
    assert "result" not in box
    other.commit()
    scanner.join(10)
    other.close()
    result = box["result"]
    assert result.kind is ResultKind.ALREADY_CHECKED_IN, result
    assert result.first_checkin.station == "Desk 2"
    with psycopg.connect(dsn) as c:
        n = c.execute("SELECT count(*) FROM checkin WHERE attendee_id = %s", (person.id,)).fetchone()[0]
    assert n == 1


@pytest.mark.parametrize("list_name", [None, "Hall"])
def test_a_scan_that_waited_for_the_lock_sees_an_annulment_made_meanwhile(counted, list_name):
    """The log the one SELECT read says "already"; an annulment committed while the scan waited
    makes it a fresh green."""
    store, event_id, relay = counted
    people = attendees.list_all(store, event_id)
    if list_name:
        create_list(store, event_id, list_name, rule="once")
    desk = CheckInService(store, event_id, Actor("Desk 1", "Tove"), list_name=list_name)
    person = people[1]
    assert desk.scan(person.code).kind is ResultKind.CHECKED_IN
    dsn = make_url(relay.url).set(drivername="postgresql").render_as_string(hide_password=False)
    other = psycopg.connect(dsn)
    list_id = other.execute("SELECT list_id FROM checkin WHERE attendee_id = %s", (person.id,)).fetchone()[0]
    other.execute("SELECT id FROM attendee WHERE id = %s FOR UPDATE", (person.id,))
    other.execute(
        "INSERT INTO checkin (id, event_id, attendee_id, kind, at, station, operator, method, reason, list_id)"
        " VALUES (%s, %s, %s, 'annul', now(), 'Desk 2', 'Omar', 'search', 'wrong person', %s)",
        (uuid.uuid4(), event_id, person.id, list_id),
    )
    box = {}
    scanner = threading.Thread(target=lambda: box.setdefault("result", desk.scan(person.code)))
    scanner.start()
    time.sleep(0.5)
    other.commit()
    scanner.join(10)
    other.close()
    result = box["result"]
    assert result.kind is ResultKind.CHECKED_IN and not result.reentry, result
