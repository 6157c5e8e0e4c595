"""The per-list figures on both engines: the one-pass query gives what the "no later row"
definition gives, on entries, exits, annulments, ties, late rows, blocked and wrong tickets; and
the dashboard's figures kept in memory equal them after every change."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import func, select

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.checkin_lists import CHECKIN, _latest_moves, all_lists, archive_list, create_list, edit_list, get_list, occupancy
from kiosk.core.dashboard import DashboardData, figure_rows
from kiosk.core.dashboard_lists import ListRow
from kiosk.core.events import Actor
from kiosk.core.list_stats import _admitted, list_figures, stats_by_list, stats_for_list
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
    attendees.update_attendee(store, attendee_id, {"blocked": blocked}, Actor("Desk 1"))


def scenario_lists(store, event_id):
    people = [p for p in attendees.list_all(store, event_id) if not p.blocked]
    types = sorted({p.ticket_type for p in people})
    closed = create_list(store, event_id, "Closed session", ticket_types=[types[0]], rule="once", capacity=4)
    workshop = create_list(store, event_id, "Workshop A", rule="exit", capacity=3, counts_inside=True)
    create_list(store, event_id, "Badge desk", print_only=True)
    categories = sorted({p.category for p in people if p.category})
    create_list(store, event_id, "Press room", categories=[categories[0].upper()])
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
        (workshop, people[11], ENTRY, 1), (workshop, people[11], EXIT, 2), (workshop, people[11], ENTRY, 2),  # a tie
        (entrance, people[11], EXIT, 2),  # a tie across the lists that count toward the building
        (entrance, people[12], ENTRY, 3), (workshop, people[12], EXIT, 3),
        (entrance, people[14], ENTRY, 5), (workshop, people[14], EXIT, 4),
        (get_list(store, event_id, "Press room"), people[13], ENTRY, 3),
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
    assert stats_for_list(store, demo_event, "press ROOM") == figures["Press room"]
    assert figures["Entrance"]["inside"] == 5  # people 0, 2 (annulled then in again), 3 (the tie), 12 and 14
    assert figures["Entrance"]["checked_in"] == 6  # 0, 2, 3, 4 (out again, but checked in), 12 and 14
    assert figures["Closed session"]["checked_in"] == 1  # right[0]; right[1] blocked, wrong[0] not admitted
    assert figures["Closed session"]["capacity_left"] == 1  # right[0], right[1] and wrong[0] hold places
    assert figures["Workshop A"]["capacity_left"] == 0  # people 0, 6 (blocked now), 7 and 11 (ties) inside
    assert figures["Badge desk"]["checked_in"] == 0
    for f in figures.values():
        assert f["checked_in"] <= f["expected"] and f["inside"] <= f["expected"]


def in_building(store, event_id) -> int:
    """The definition: people not blocked whose latest move on any list counting toward the
    building is an entry (an entry among the moves of the latest time)."""
    counting = {x.id for x in all_lists(store, event_id) if x.counts_inside}
    with store.read() as s:
        rows = s.execute(select(CheckIn.attendee_id, CheckIn.at, CheckIn.kind).where(
            CheckIn.event_id == event_id, CheckIn.list_id.in_(counting), CheckIn.kind.in_((ENTRY, EXIT, ANNUL)))).all()
        blocked = set(s.execute(select(Attendee.id).where(Attendee.blocked == True)).scalars())  # noqa: E712
    latest: dict[int, tuple] = {}
    for attendee_id, at, kind in rows:
        old = latest.get(attendee_id)
        if old is None or at > old[0]:
            latest[attendee_id] = (at, kind == ENTRY)
        elif at == old[0]:
            latest[attendee_id] = (at, old[1] or kind == ENTRY)
    return sum(1 for a, (_at, e) in latest.items() if e and a not in blocked)


def cached_inside(store, event_id) -> int:
    """Today's figure: the entrance's status cache (what the dashboard shows with only the entrance counting)."""
    with store.read() as s:
        return s.execute(select(func.count()).select_from(Attendee).where(
            Attendee.event_id == event_id, Attendee.inside == True, Attendee.blocked == False)).scalar()  # noqa: E712


def building_figure(store, event_id) -> int:
    counting = [x for x in all_lists(store, event_id) if x.counts_inside]
    if [x.is_default for x in counting] == [True]:
        return cached_inside(store, event_id)
    return in_building(store, event_id)


def test_the_dashboard_keeps_the_same_figures_in_memory(store, demo_event):
    people, types, entrance, closed, workshop = scenario_lists(store, demo_event)
    data = DashboardData(store, demo_event)
    seen = []

    def step():
        figures = data.refresh()
        assert {x.name: x.as_stats() for x in figures.lists} == stats_by_list(store, demo_event)
        assert figures.headline.inside == building_figure(store, demo_event)
        seen.append(figures)

    step()
    play(store, demo_event, people, types, entrance, closed, workshop, step)
    assert data.full_loads == 1  # every late row was within the overlap
    # a row older than the overlap: everything is read again, and still the same
    log(store, demo_event, workshop.id, people[9].id, ENTRY, utcnow() - timedelta(hours=3))
    step()
    assert data.full_loads == 2
    # a list edited (capacity, ticket types, counting toward the building) or archived shows at once
    edit_list(store, demo_event, "Workshop A", capacity=10, counts_inside=False, ticket_types=[types[1]])
    archive_list(store, demo_event, "Badge desk")
    step()
    assert [x.name for x in seen[-1].lists] == ["Entrance", "Closed session", "Press room", "Workshop A"]
    assert seen[-1].lists[3].capacity_left == 10 - 5  # people 0, 6, 7, 11 and 9 (the old row)
    # people edited: blocked again, unblocked, ticket type changed, deleted
    block(store, people[6].id, False)
    step()
    attendees.update_attendee(store, people[0].id, {"ticket_type": types[1]}, Actor("Desk 1"))
    step()
    created = create_list(store, demo_event, "Day 2", rule="daily", counts_inside=True)
    CheckInService(store, demo_event, Actor("Desk 3"), list_name=created.name).scan(people[10].code)
    step()
    assert data.full_loads == 2
    for f in seen:
        for x in f.lists:
            assert x.checked_in <= x.expected and x.inside <= x.expected


def test_with_only_the_entrance_inside_is_the_entrance_figure(store, demo_event):
    people = [p for p in attendees.list_all(store, demo_event) if not p.blocked]
    create_list(store, demo_event, "Plenary", capacity=3)  # does not count toward the building
    desk = CheckInService(store, demo_event, Actor("Desk 1"))
    room = CheckInService(store, demo_event, Actor("Desk 2"), list_name="Plenary")
    data = DashboardData(store, demo_event)
    for p in people[:4]:
        desk.scan(p.code)
        room.scan(p.code)
    desk.check_out(people[0].id)
    figures = data.refresh()
    assert figures.headline.inside == cached_inside(store, demo_event) == 3 == in_building(store, demo_event)
    rooms = {x.name: x for x in figures.lists}
    assert (rooms["Plenary"].inside, rooms["Plenary"].capacity_left, rooms["Plenary"].state) == (3, 0, "full")
    assert rooms["Entrance"].state == ""
    rows = figure_rows(figures)  # the snapshot's CSV has them too
    assert ["list_inside", "Plenary", "3", "3"] in rows and ["list_checked_in", "Plenary", "3", str(rooms["Plenary"].expected)] in rows
    # the entrance stops counting and the plenary starts: the building is who is in the plenary
    edit_list(store, demo_event, "Entrance", counts_inside=False)
    edit_list(store, demo_event, "Plenary", counts_inside=True)
    assert data.refresh().headline.inside == 3 == in_building(store, demo_event)
    room.check_out(people[1].id)
    assert data.refresh().headline.inside == in_building(store, demo_event)


def test_a_person_gone_leaves_the_counts(store, demo_event):
    tracker = DashboardData(store, demo_event)
    tracker.refresh()
    lists = tracker.lists
    person = next(iter(lists._people))
    before = lists.rows()[0].expected
    lists.forget(person)
    lists.forget(person)  # twice changes nothing more
    assert lists.rows()[0].expected == before - 1


def test_nearly_full_and_full():
    row = lambda capacity, left: ListRow(1, "Room", "once", 50, 0, 0, capacity, left)  # noqa: E731
    assert [row(None, None).state, row(50, 6).state, row(50, 5).state, row(50, 0).state, row(0, 0).state] == [
        "", "", "nearly_full", "full", "full"]
