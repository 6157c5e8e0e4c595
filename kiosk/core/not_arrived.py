"""Who has not arrived yet: the organisers' filterable list (everyone, or the speakers and VIPs
they chase), shaped by each person's badge privacy: the list shows no more than the badge does,
and a filter matches only what is shown. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kiosk.core.dashboard import _role
from kiosk.core.dashboard_figures import ExpectedPerson, shown_name, shown_org
from kiosk.core.models import Attendee
from kiosk.core.search import fold as normalise
from kiosk.core.store import Store

EVERYONE, CHASED = "all", "chased"
LIMIT = 500


@dataclass(frozen=True)
class NotArrived:
    people: tuple[ExpectedPerson, ...]  # at most ``limit``, chased people first, then by surname
    total: int  # everyone who matches


def not_arrived(store: Store, event_id: int, text: str = "", who: str = EVERYONE, limit: int = LIMIT) -> NotArrived:
    """The people of the event not checked in (blocked ones left out) whose shown name,
    organisation, category or ticket type contains every word of ``text``."""
    a = Attendee.__table__.c
    query = select(a.first_name, a.last_name, a.organisation, a.badge_privacy, a.alerts, a.ticket_type, a.category).where(
        a.event_id == event_id, a.checked_in_at.is_(None), a.blocked.is_(False))
    words = normalise(text).split()
    found = []
    with store.read() as session:
        for first, last, org, privacy, alerts, ticket_type, category in session.execute(query):
            privacy = getattr(privacy, "value", privacy)
            role = _role(alerts or "", ticket_type or "")
            if who == CHASED and role is None:
                continue
            name, shown = shown_name(first or "", last or "", privacy), shown_org(org or "", privacy)
            if words:
                haystack = normalise(" ".join((name, shown, category or "", ticket_type or "", role or "")))
                if not all(w in haystack for w in words):
                    continue
            surname = last if name != (first or "—") else ""
            found.append((role is None, normalise(surname or name), normalise(name), ExpectedPerson(name, shown, role or "")))
    found.sort(key=lambda row: row[:3])
    return NotArrived(tuple(row[3] for row in found[:limit]), len(found))
