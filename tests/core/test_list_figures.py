"""The per-list figures on both engines: the one-pass query gives what the "no later row"
definition gives, on entries, exits, annulments, ties, late rows, blocked and wrong tickets; and
the dashboard's figures kept in memory equal them after every change."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import func, select

from kiosk.core import attendees
from kiosk.core.checkin_lists import CHECKIN, _latest_moves, all_lists, create_list, get_list, occupancy
from kiosk.core.list_stats import _admitted, list_figures, stats_by_list
from kiosk.core.models import Attendee, CheckIn, CheckInKind, utcnow

ENTRY, EXIT, ANNUL, PRINT = "entry", "exit", "annul", "print"


def reference_figures(conn, clist) -> dict:
    """The definition the figures had first (a correlated NOT EXISTS), kept as the oracle."""

    def whose_latest(moves):
        latest = select(CHECKIN.c.attendee_id).where(_latest_moves(clist.id, moves), CHECKIN.c.kind == ENTRY).scalar_subquery()
        return conn.execute(select(func.count()).select_from(Attendee).where(*_admitted(clist), Attendee.id.in_(latest))).scalar()

    expected = conn.execute(select(func.count()).select_from(Attendee).where(*_admitted(clist))).scalar()
    checked = 0 if clist.print_only else whose_latest((ENTRY, ANNUL))
    inside = 0 if clist.print_only else whose_latest((ENTRY, EXIT, ANNUL))
    left = None if clist.capacity is None else max(0, clist.capacity - occupancy(conn, clist.id))
    return {"list": clist.name, "rule": clist.rule.value, "expected": expected, "checked_in": checked, "inside": inside,
            "not_arrived": expected - checked, "capacity": clist.capacity, "capacity_left": left}


def log(store, event_id, list_id, attendee_id, kind, at, station="Desk 1"):
    with store.write() as s:
        s.connection().execute(CheckIn.__table__.insert().values(
            id=uuid.uuid4(), event_id=event_id, attendee_id=attendee_id, kind=kind, at=at, station=station,
            operator="", method="scan", reason="", list_id=list_id))


def block(store, attendee_id, blocked=True):
    with store.write() as s:
        row = s.get(Attendee, attendee_id)
        row.blocked = blocked
        s.add(row)


def scenario_lists(store, event_id):
    people = [p for p in attendees.list_all(store, event_id) if not p.blocked]
    types = sorted({p.ticket_type for p in people})
    closed = create_list(store, event_id, "Closed session", ticket_types=[types[0]], rule="once", capacity=4)
    workshop = create_list(store, event_id, "Workshop A", rule="exit", capacity=3, counts_inside=True)
    create_list(store, event_id, "Badge desk", print_only=True)
    entrance = get_list(store, event_id)
    return people, types, entrance, closed, workshop


def play(store, event_id, people, types, entrance, closed, workshop, step=None):
    """Entries, exits, annulments, a tie, a late row, blocked after entry, a wrong ticket type.
    ``step()`` runs after each write (the dashboard's poll)."""
    step = step or (lambda: None)
    t0 = utcnow() - timedelta(hours=1)
    at = lambda minutes: t0 + timedelta(minutes=minutes)  # noqa: E731
    right = [p for p in people if p.ticket_type == types[0]]
    wrong = [p for p in people if p.ticket_type != types[0]]
    badge = get_list(store, event_id, "Badge desk")
    moves = [
        (entrance, people[0], ENTRY, 1), (entrance, people[0], EXIT, 2), (entrance, people[0], ENTRY, 3),  # back in
        (entrance, people[1], ENTRY, 1), (entrance, people[1], ANNUL, 2),  # annulled: neither
        (entrance, people[2], ENTRY, 1), (entrance, people[2], ANNUL, 2), (entrance, people[2], ENTRY, 4),
        (entrance, people[3], ENTRY, 1), (entrance, people[3], EXIT, 1),  # a tie: the entry counts
        (entrance, people[4], ENTRY, 5), (entrance, people[4], EXIT, 6),
        (closed, right[0], ENTRY, 2), (closed, right[1], ENTRY, 2), (closed, wrong[0], ENTRY, 3),  # let in by hand
        (closed, right[2], ENTRY, 3), (closed, right[2], ANNUL, 4),
        (workshop, people[0], ENTRY, 4), (workshop, people[5], ENTRY, 4), (workshop, people[5], EXIT, 7),
        (workshop, people[6], ENTRY, 5), (workshop, people[7], ENTRY, 6), (workshop, people[7], EXIT, 6),
        (badge, people[8], PRINT, 3), (entrance, people[8], PRINT, 3),
        (entrance, people[4], ENTRY, 5.5),  # late: older than the exit already logged, changes nothing
        (workshop, people[5], ENTRY, 6.5),  # late: before the exit, still out
    ]
    for clist, person, kind, minutes in moves:
        log(store, event_id, clist.id, person.id, kind, at(minutes))
        step()
    block(store, right[1].id)  # blocked after entering: not counted, still takes a place
    step()
    block(store, people[6].id)
    step()
    return right, wrong


def test_one_pass_figures_equal_the_definition(store, demo_event):
    people, types, entrance, closed, workshop = scenario_lists(store, demo_event)
    play(store, demo_event, people, types, entrance, closed, workshop)
    lists = all_lists(store, demo_event)
    with store.read() as s:
        conn = s.connection()
        for clist in lists:
            assert list_figures(conn, clist) == reference_figures(conn, clist), clist.name
    figures = stats_by_list(store, demo_event)
    assert figures["Entrance"]["inside"] == 3  # people 0, 2 (annulled then in again) and 3 (the tie)
    assert figures["Entrance"]["checked_in"] == 4  # 0, 2, 3 and 4 (out again, but checked in)
    assert figures["Closed session"]["checked_in"] == 1  # right[0]; right[1] blocked, wrong[0] not admitted
    assert figures["Closed session"]["capacity_left"] == 1  # right[0], right[1] and wrong[0] hold places
    assert figures["Workshop A"]["capacity_left"] == 0  # people 0, 6 (blocked now) and 7 (a tie) inside
    assert figures["Badge desk"]["checked_in"] == 0
    for f in figures.values():
        assert f["checked_in"] <= f["expected"] and f["inside"] <= f["expected"]
