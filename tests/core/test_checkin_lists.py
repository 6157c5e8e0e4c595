"""Check-in lists at the desk, on both engines: rooms, rules, capacity, the badge desk."""

import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.checkin_lists import (
    NoListError,
    all_lists,
    archive_list,
    create_list,
    edit_list,
    get_list,
    occupancy,
)
from kiosk.core.errors import UsageError
from kiosk.core.events import Actor, create_event
from kiosk.core.models import Attendee, CheckIn, CheckInKind, Method, utcnow


def _people(store, event_id, **where):
    people = attendees.list_all(store, event_id)
    return [p for p in people if all(getattr(p, k) == v for k, v in where.items())]


def _desk(store, event_id, list_name=None, station="Desk 2"):
    return CheckInService(store, event_id, Actor(station, "Ola"), list_name=list_name)


def test_every_event_gets_an_entrance_list(store, demo_event):
    assert [(x.name, x.is_default, x.rule.value) for x in all_lists(store, demo_event)] == [("Entrance", True, "exit")]
    starts = datetime(2026, 5, 12, 8, tzinfo=timezone.utc)
    other = create_event(store, "Other", starts, starts + timedelta(hours=8))
    assert get_list(store, other.id).name == "Entrance"
    assert get_list(store, other.id, "entrance").is_default


def test_a_room_refuses_the_wrong_ticket_type(store, demo_event):
    types = sorted({p.ticket_type for p in attendees.list_all(store, demo_event)})
    create_list(store, demo_event, "Closed session", ticket_types=[types[0]])
    admitted = _people(store, demo_event, ticket_type=types[0], blocked=False)[0]
    refused = _people(store, demo_event, ticket_type=types[1], blocked=False)[0]
    room = _desk(store, demo_event, "Closed session")
    r = room.scan(refused.code)
    assert (r.kind, r.reason, r.list_name, r.tone.value) == (ResultKind.NOT_ADMITTED, "ticket_type", "Closed session", "error")
    assert r.kind.exit_code == 5
    r = room.scan(admitted.code)
    assert r.kind is ResultKind.CHECKED_IN and r.list_name == "Closed session"
    r = room.scan(admitted.code)
    assert r.kind is ResultKind.ALREADY_CHECKED_IN and r.first_checkin.station == "Desk 2"
    # the room is not the building: the entrance still sees a first entry, and the cache is the entrance's
    with store.read() as s:
        assert s.get(Attendee, admitted.id).checked_in_at is None
    r = _desk(store, demo_event).scan(admitted.code)
    assert (r.kind, r.reentry, r.list_name) == (ResultKind.CHECKED_IN, False, "Entrance")


def test_capacity_full_then_an_exit_frees_a_place(store, demo_event):
    create_list(store, demo_event, "Workshop A", capacity=2, rule="exit")
    a, b, c = _people(store, demo_event, blocked=False)[:3]
    room = _desk(store, demo_event, "Workshop A")
    assert room.scan(a.code).kind is ResultKind.CHECKED_IN
    assert room.scan(b.code).kind is ResultKind.CHECKED_IN
    r = room.scan(c.code)
    assert (r.kind, r.reason) == (ResultKind.CAPACITY_FULL, "2")
    assert room.scan(a.code).kind is ResultKind.ALREADY_CHECKED_IN  # inside, holds a place
    assert room.check_out(a.id).kind is ResultKind.CHECKED_OUT
    assert room.check_out(a.id).kind is ResultKind.NOT_INSIDE
    assert room.scan(c.code).kind is ResultKind.CHECKED_IN
    assert room.scan(a.code).kind is ResultKind.CAPACITY_FULL
    with store.read() as s:
        lst = get_list(store, demo_event, "Workshop A")
        assert occupancy(s.connection(), lst.id) == 2
        # the entrance's status cache was never touched
        assert not s.get(Attendee, a.id).inside


def test_daily_entry_across_two_days_in_the_events_time_zone(store, demo_event):
    create_list(store, demo_event, "Day pass", rule="daily")
    person = _people(store, demo_event, blocked=False)[0]
    lst = get_list(store, demo_event, "Day pass")
    tz = ZoneInfo("Europe/Stockholm")
    # an entry at 23:50 local yesterday (the demo event is in Stockholm)
    yesterday = datetime.combine(datetime.now(tz).date() - timedelta(days=1), datetime.min.time(), tz) + timedelta(hours=23, minutes=50)
    with store.write() as s:
        s.add(CheckIn(id=uuid.uuid4(), event_id=demo_event, attendee_id=person.id, kind=CheckInKind.ENTRY,
                      at=yesterday, station="Desk 9", operator="X", method=Method.SCAN, list_id=lst.id))
    desk = _desk(store, demo_event, "Day pass")
    r = desk.scan(person.code)
    assert (r.kind, r.reentry) == (ResultKind.CHECKED_IN, True)
    r = desk.scan(person.code)
    assert r.kind is ResultKind.ALREADY_CHECKED_IN and r.first_checkin.station == "Desk 2"


def test_print_only_scans_never_count_as_entries(store, demo_event):
    create_list(store, demo_event, "Badge desk", print_only=True)
    person = _people(store, demo_event, blocked=False)[0]
    badge = _desk(store, demo_event, "Badge desk", station="Badges")
    for _ in range(2):
        r = badge.scan(person.code)
        assert (r.kind, r.tone.value, r.entry.kind) == (ResultKind.PRINTED, "success", CheckInKind.PRINT)
    with store.read() as s:
        kinds = s.exec(select(CheckIn.kind).where(CheckIn.attendee_id == person.id)).scalars().all()
        assert sorted(kinds) == ["print", "print"]
        assert s.get(Attendee, person.id).checked_in_at is None
    from kiosk.core.stats import event_stats

    assert event_stats(store, demo_event)["checked_in"] == 0
    assert "Badges" not in event_stats(store, demo_event)["by_station"]
    r = _desk(store, demo_event).scan(person.code)
    assert (r.kind, r.reentry) == (ResultKind.CHECKED_IN, False)


def test_undo_on_a_list_leaves_other_lists_alone(store, demo_event):
    create_list(store, demo_event, "Workshop B", rule="once")
    person = _people(store, demo_event, blocked=False)[0]
    room, door = _desk(store, demo_event, "Workshop B"), _desk(store, demo_event)
    assert door.scan(person.code).kind is ResultKind.CHECKED_IN
    assert room.annul(person.id, "wrong room").kind is ResultKind.NOT_CHECKED_IN
    assert room.scan(person.code).kind is ResultKind.CHECKED_IN
    assert room.annul(person.id, "wrong room").kind is ResultKind.ANNULLED
    assert room.scan(person.code).kind is ResultKind.CHECKED_IN
    assert door.scan(person.code).kind is ResultKind.ALREADY_CHECKED_IN


def test_outside_the_window(store, demo_event):
    now = utcnow()
    create_list(store, demo_event, "Later", valid_from=now + timedelta(hours=1), valid_until=now + timedelta(hours=2))
    create_list(store, demo_event, "Earlier", valid_from=now - timedelta(hours=2), valid_until=now - timedelta(hours=1))
    person = _people(store, demo_event, blocked=False)[0]
    assert _desk(store, demo_event, "Later").scan(person.code).reason == "not_open"
    r = _desk(store, demo_event, "Earlier").scan(person.code)
    assert (r.kind, r.reason) == (ResultKind.OUTSIDE_WINDOW, "closed")


def test_blocked_and_unknown_on_a_list(store, demo_event):
    create_list(store, demo_event, "Room")
    room = _desk(store, demo_event, "Room")
    blocked = _people(store, demo_event)[0]
    with store.write() as s:
        row = s.get(Attendee, blocked.id)
        row.blocked, row.block_reason = True, "refunded"
        s.add(row)
    r = room.scan(blocked.code)
    assert (r.kind, r.reason) == (ResultKind.BLOCKED, "refunded")
    assert room.scan("NOPE-NOT-A-CODE").kind is ResultKind.UNKNOWN_CODE


def test_managing_lists(store, demo_event):
    made = create_list(store, demo_event, " Workshop  A ", ticket_types=["Delegate, Speaker"], capacity=30)
    assert (made.name, made.ticket_types, made.rule.value, made.counts_inside) == ("Workshop A", ("Delegate", "Speaker"), "once", False)
    with pytest.raises(UsageError, match="already exists"):
        create_list(store, demo_event, "workshop a")
    with pytest.raises(UsageError, match="entry rule"):
        create_list(store, demo_event, "X", rule="twice")
    with pytest.raises(UsageError, match="negative"):
        create_list(store, demo_event, "X", capacity=-1)
    with pytest.raises(UsageError, match="needs a name"):
        create_list(store, demo_event, "  ")
    edited = edit_list(store, demo_event, "Workshop A", new_name="Workshop 1", capacity=None, rule="multiple")
    assert (edited.name, edited.capacity, edited.rule.value, edited.ticket_types) == ("Workshop 1", None, "multiple", ("Delegate", "Speaker"))
    with pytest.raises(UsageError, match="already exists"):
        edit_list(store, demo_event, "Workshop 1", new_name="Entrance")
    with pytest.raises(NoListError, match="No check-in list named 'Nope' \\(known: Entrance, Workshop 1\\)"):
        get_list(store, demo_event, "Nope")
    with pytest.raises(UsageError, match="cannot be archived"):
        archive_list(store, demo_event, "Entrance")
    archive_list(store, demo_event, "Workshop 1")
    assert [x.name for x in all_lists(store, demo_event)] == ["Entrance"]
    assert [x.name for x in all_lists(store, demo_event, include_archived=True)] == ["Entrance", "Workshop 1"]
