"""Figures for `kiosk stats` and the dashboard, from the status cache and the log."""

from __future__ import annotations

from sqlalchemy import case, func, select

from kiosk.core.models import Attendee, CheckIn, CheckInKind
from kiosk.core.store import Store


def _grouped(session, column, event_id: int) -> dict[str, dict[str, int]]:
    rows = session.execute(
        select(
            column,
            func.count(),
            func.sum(case((Attendee.checked_in_at.is_not(None), 1), else_=0)),
        )
        .where(Attendee.event_id == event_id, Attendee.blocked == False)  # noqa: E712
        .group_by(column)
        .order_by(column)
    ).all()
    return {key or "": {"expected": int(n), "checked_in": int(c or 0)} for key, n, c in rows}


def event_stats(store: Store, event_id: int) -> dict:
    with store.read() as session:
        expected, checked_in, inside, walk_ins = session.execute(
            select(
                func.count(),
                func.sum(case((Attendee.checked_in_at.is_not(None), 1), else_=0)),
                func.sum(case((Attendee.inside == True, 1), else_=0)),  # noqa: E712
                func.sum(case((Attendee.walk_in == True, 1), else_=0)),  # noqa: E712
            ).where(Attendee.event_id == event_id, Attendee.blocked == False)  # noqa: E712
        ).one()
        by_station = dict(
            session.execute(
                select(CheckIn.station, func.count())
                .where(CheckIn.event_id == event_id, CheckIn.kind == CheckInKind.ENTRY)
                .group_by(CheckIn.station)
                .order_by(CheckIn.station)
            ).all()
        )
        blocked = session.execute(
            select(func.count()).where(Attendee.event_id == event_id, Attendee.blocked == True)  # noqa: E712
        ).scalar()
        flagged = session.execute(
            select(Attendee.code, Attendee.first_name, Attendee.last_name, Attendee.block_reason)
            .where(Attendee.event_id == event_id, Attendee.blocked == True, Attendee.checked_in_at.is_not(None))  # noqa: E712
            .order_by(Attendee.last_name, Attendee.first_name, Attendee.code)
        ).all()
        expected, checked_in, inside = int(expected or 0), int(checked_in or 0), int(inside or 0)
        return {
            "expected": expected,
            "checked_in": checked_in,
            "inside": inside,
            "not_arrived": expected - checked_in,
            "walk_ins": int(walk_ins or 0),
            "blocked": int(blocked or 0),
            #: blocked (refunded, cancelled, ...) after they were checked in: the check-in stays
            "blocked_checked_in": [
                {"code": code, "name": " ".join(p for p in (first, last) if p), "reason": reason}
                for code, first, last, reason in flagged
            ],
            "by_category": _grouped(session, Attendee.category, event_id),
            "by_ticket_type": _grouped(session, Attendee.ticket_type, event_id),
            "by_station": {k or "": int(v) for k, v in by_station.items()},
        }
