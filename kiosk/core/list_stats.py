"""Figures per check-in list: expected (admitted), checked in, inside and places left.

Checked in and inside count only attendees the list admits (not blocked, right ticket type and
category), so no figure ever exceeds what the list expects. Places left counts everyone inside,
since a person blocked after entering still takes a place.

A person's state on a list is their latest move there (the rows with the greatest time; an
entry among them means in). It is found in one pass over the list's rows, in the order of the
(list, attendee, time) index, with window functions: no correlated "is there a later row"
query, which PostgreSQL plans badly before its statistics exist.
"""

from __future__ import annotations

from sqlalchemy import and_, case, func, select

from kiosk.core.checkin_lists import CHECKIN, ListInfo, all_lists, get_list
from kiosk.core.models import Attendee, CheckInKind
from kiosk.core.store import Store

ENTRY, EXIT, ANNUL = CheckInKind.ENTRY.value, CheckInKind.EXIT.value, CheckInKind.ANNUL.value


def _admitted(clist: ListInfo):
    """The WHERE clause of the attendees a list admits."""
    conditions = [Attendee.event_id == clist.event_id, Attendee.blocked == False]  # noqa: E712
    if clist.ticket_types:
        conditions.append(func.lower(Attendee.ticket_type).in_([t.lower() for t in clist.ticket_types]))
    if clist.categories:
        conditions.append(func.lower(Attendee.category).in_([c.lower() for c in clist.categories]))
    return conditions


def latest_states(list_id: int):
    """One row per attendee with a move on the list: ``checked`` (1 when their latest entry or
    annulment is an entry) and ``inside`` (1 when their latest entry, exit or annulment is)."""
    c = CHECKIN.c
    per_person = {"partition_by": c.attendee_id}
    moves = (
        select(
            c.attendee_id,
            c.kind,
            c.at,
            func.max(case((c.kind != EXIT, c.at))).over(**per_person).label("last_checked"),
            func.max(c.at).over(**per_person).label("last_move"),
        )
        .where(c.list_id == list_id, c.kind.in_((ENTRY, EXIT, ANNUL)))
        .subquery("moves")
    )
    m = moves.c
    is_entry = m.kind == ENTRY
    return (
        select(
            m.attendee_id,
            func.max(case((is_entry & (m.at == m.last_checked), 1), else_=0)).label("checked"),
            func.max(case((is_entry & (m.at == m.last_move), 1), else_=0)).label("inside"),
        )
        .group_by(m.attendee_id)
        .subquery("latest")
    )


def list_figures(conn, clist: ListInfo) -> dict:
    expected = conn.execute(select(func.count()).select_from(Attendee).where(*_admitted(clist))).scalar() or 0
    latest = latest_states(clist.id)
    admitted = case((and_(*_admitted(clist)), 1), else_=0)
    occupancy, checked_in, inside = conn.execute(
        select(
            func.coalesce(func.sum(latest.c.inside), 0),
            func.coalesce(func.sum(latest.c.checked * admitted), 0),
            func.coalesce(func.sum(latest.c.inside * admitted), 0),
        ).select_from(latest.join(Attendee, Attendee.id == latest.c.attendee_id, isouter=True))
    ).one()
    if clist.print_only:
        checked_in = inside = 0
    left = None if clist.capacity is None else max(0, clist.capacity - int(occupancy))
    return {
        "list": clist.name,
        "rule": clist.rule.value,
        "expected": expected,
        "checked_in": int(checked_in),
        "inside": int(inside),
        "not_arrived": expected - int(checked_in),
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
