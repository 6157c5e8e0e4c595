"""Figures per check-in list: expected (admitted), checked in, inside and places left.

Checked in and inside count only attendees the list admits (not blocked, right ticket type and
category), so no figure ever exceeds what the list expects. Places left counts everyone inside,
since a person blocked after entering still takes a place.
"""

from __future__ import annotations

from sqlalchemy import func, select

from kiosk.core.checkin_lists import CHECKIN, ListInfo, _latest_moves, all_lists, get_list, occupancy
from kiosk.core.models import Attendee, CheckInKind
from kiosk.core.store import Store


def _admitted(clist: ListInfo):
    """The WHERE clause of the attendees a list admits."""
    conditions = [Attendee.event_id == clist.event_id, Attendee.blocked == False]  # noqa: E712
    if clist.ticket_types:
        conditions.append(func.lower(Attendee.ticket_type).in_([t.lower() for t in clist.ticket_types]))
    if clist.categories:
        conditions.append(func.lower(Attendee.category).in_([c.lower() for c in clist.categories]))
    return conditions


def _people_whose_latest(conn, clist: ListInfo, moves: tuple[str, ...]) -> int:
    latest_entries = (
        select(CHECKIN.c.attendee_id)
        .where(_latest_moves(clist.id, moves), CHECKIN.c.kind == CheckInKind.ENTRY.value)
        .scalar_subquery()
    )
    return conn.execute(
        select(func.count()).select_from(Attendee).where(*_admitted(clist), Attendee.id.in_(latest_entries))
    ).scalar() or 0


def list_figures(conn, clist: ListInfo) -> dict:
    expected = conn.execute(select(func.count()).select_from(Attendee).where(*_admitted(clist))).scalar() or 0
    if clist.print_only:
        checked_in = inside = 0
    else:
        checked_in = _people_whose_latest(conn, clist, (CheckInKind.ENTRY.value, CheckInKind.ANNUL.value))
        inside = _people_whose_latest(conn, clist, (CheckInKind.ENTRY.value, CheckInKind.EXIT.value, CheckInKind.ANNUL.value))
    left = None if clist.capacity is None else max(0, clist.capacity - occupancy(conn, clist.id))
    return {
        "list": clist.name,
        "rule": clist.rule.value,
        "expected": expected,
        "checked_in": checked_in,
        "inside": inside,
        "not_arrived": expected - checked_in,
        "capacity": clist.capacity,
        "capacity_left": left,
    }


def stats_for_list(store: Store, event_id: int, name: str | None) -> dict:
    clist = get_list(store, event_id, name)
    with store.read() as session:
        return list_figures(session.connection(), clist)


def stats_by_list(store: Store, event_id: int) -> dict[str, dict]:
    lists = all_lists(store, event_id)
    with store.read() as session:
        conn = session.connection()
        return {clist.name: list_figures(conn, clist) for clist in lists}
