"""Who is still expected, as a desk lead asks: everyone not arrived, the VIPs, the speakers;
and the whole event's "checked in / expected". No Qt."""

from __future__ import annotations

from sqlalchemy import case, func, or_
from sqlmodel import select

from kiosk.core.attendees import AttendeeInfo
from kiosk.core.models import Attendee
from kiosk.core.store import Store

#: The desk's filters: every attendee, or only those still expected of a kind.
FILTERS = ("all", "not_arrived", "vip", "speaker")


def wanted(person: AttendeeInfo, kind: str) -> bool:
    """Whether ``person`` belongs in the list the filter ``kind`` shows."""
    if kind == "all":
        return True
    if person.blocked or person.checked_in_at is not None:
        return False
    if kind == "not_arrived":
        return True
    return kind in (a.lower() for a in person.alerts)


def roster(store: Store, event_id: int, kind: str, limit: int = 100) -> list[AttendeeInfo]:
    """The first ``limit`` attendees the filter ``kind`` shows, by name."""
    if kind not in FILTERS:
        raise ValueError(f"unknown filter {kind!r}")
    query = select(Attendee).where(Attendee.event_id == event_id)
    if kind != "all":
        query = query.where(Attendee.blocked == False, Attendee.checked_in_at.is_(None))  # noqa: E712
    if kind in ("vip", "speaker"):
        query = query.where(or_(func.lower(Attendee.alerts).like(f"%{kind}%")))
    query = query.order_by(Attendee.last_name, Attendee.first_name, Attendee.id)
    with store.read() as session:
        people = [AttendeeInfo.of(row) for row in session.exec(query.limit(limit * 4 if kind in ("vip", "speaker") else limit))]
    return [p for p in people if wanted(p, kind)][:limit]


def event_totals(store: Store, event_id: int) -> tuple[int, int]:
    """(checked in, expected) for the whole event; blocked tickets are not expected."""
    with store.read() as session:
        expected, checked_in = session.execute(
            select(func.count(), func.sum(case((Attendee.checked_in_at.is_not(None), 1), else_=0)))
            .where(Attendee.event_id == event_id, Attendee.blocked == False)  # noqa: E712
        ).one()
    return int(checked_in or 0), int(expected or 0)
