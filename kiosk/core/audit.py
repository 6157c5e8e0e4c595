"""The audit trail: an append-only record of sensitive actions.

Callers pass the open write session, so the audit row commits with the action it records.
Details hold codes and ids, not names or emails, unless the action itself is about a field
(an edit records the field's old and new value, and a purge anonymises those later).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from kiosk.core.events import Actor
from kiosk.core.models import AuditEntry, Event
from kiosk.core.store import Store


def record(
    session: Session,
    action: str,
    actor: Actor,
    event_id: int | None = None,
    attendee_id: int | None = None,
    **details: object,
) -> AuditEntry:
    entry = AuditEntry(
        action=action,
        station=actor.station,
        operator=actor.operator,
        event_id=event_id,
        attendee_id=attendee_id,
        details=json.dumps(without_passwords(details), ensure_ascii=False, sort_keys=True, default=str),
    )
    session.add(entry)
    return entry


_URL = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*://")


def without_passwords(details: dict) -> dict:
    """``details`` with the password of any URL in it masked: the trail never holds one."""
    from kiosk.core.urls import mask_url

    return {k: mask_url(v) if isinstance(v, str) and _URL.match(v) else v for k, v in details.items()}


# -- reading the trail ----------------------------------------------------------------------

@dataclass(frozen=True)
class AuditView:
    """One audit entry as a plain value, with its details decoded."""

    id: uuid.UUID
    at: datetime
    event_id: int | None
    event_name: str
    attendee_id: int | None
    station: str
    operator: str
    action: str
    details: dict

    def to_json(self) -> dict:
        return {
            "id": str(self.id),
            "at": self.at.isoformat(),
            "event_id": self.event_id,
            "event": self.event_name,
            "attendee_id": self.attendee_id,
            "station": self.station,
            "operator": self.operator,
            "action": self.action,
            "details": self.details,
        }


def decode(details: str) -> dict:
    """An entry's details as a dict (text that is not a JSON object comes back as ``{"text": ...}``)."""
    if not details:
        return {}
    try:
        value = json.loads(details)
    except ValueError:
        return {"text": details}
    return value if isinstance(value, dict) else {"value": value}


def list_entries(
    store: Store,
    since: datetime | None = None,
    until: datetime | None = None,
    actions: Iterable[str] | None = None,
    event_id: int | None = None,
    attendee_id: int | None = None,
    limit: int | None = None,
) -> list[AuditView]:
    """Entries oldest first, filtered by time (``since`` inclusive, ``until`` exclusive) and more."""
    query = select(AuditEntry, Event.name).outerjoin(Event, Event.id == AuditEntry.event_id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    if actions:
        query = query.where(AuditEntry.action.in_(list(actions)))
    if event_id is not None:
        query = query.where(AuditEntry.event_id == event_id)
    if attendee_id is not None:
        query = query.where(AuditEntry.attendee_id == attendee_id)
    query = query.order_by(AuditEntry.at, AuditEntry.id)
    if limit is not None:
        # the newest ``limit`` entries, still listed oldest first
        query = query.order_by(None).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    with store.read() as session:
        rows = session.execute(query).all()
    views = [
        AuditView(e.id, e.at, e.event_id, name or "", e.attendee_id, e.station, e.operator, e.action,
                  without_passwords(decode(e.details)))
        for e, name in rows
    ]
    if limit is not None:
        views.reverse()
    return views


# -- anonymising ----------------------------------------------------------------------------

#: Placeholder for a personal value that was removed.
ANONYMISED = "(anonymised)"
#: Detail keys whose values are personal data whatever the action.
PERSONAL_KEYS = frozenset(
    {
        "old", "new", "code", "codes", "reason", "name", "names", "first_name", "last_name", "full_name",
        "email", "emails", "organisation", "job_title", "notes", "block_reason", "external_ref", "query", "value",
    }
)
#: Attendee fields whose edits may keep their old and new values after anonymisation.
NON_PERSONAL_FIELDS = frozenset({"category", "ticket_type", "alerts", "badge_privacy", "blocked"})
_CHUNKS = re.compile(r"[\s/\\,;:'\"()<>\[\]{}|=]+")


def personal_terms(values: Iterable[str]) -> set[str]:
    """What identifies a person in free text: every folded word of a name, and whole emails/codes."""
    from kiosk.core.search import fold, words  # search imports attendees, which imports this module

    terms: set[str] = set()
    for value in values:
        if not value:
            continue
        folded = fold(value.strip())
        if "@" in folded or " " not in folded:
            terms.add(folded)
        terms.update(w for w in words(value) if len(w) >= 2)
    return terms


def mentions(text: str, terms: set[str]) -> bool:
    """Whether free text contains any of ``terms`` as a word or a whole chunk (an email, a code)."""
    if not text or not terms:
        return False
    from kiosk.core.search import fold, words

    folded = fold(text)
    if any(w in terms for w in words(folded)):
        return True
    return any(chunk in terms for chunk in _CHUNKS.split(folded) if chunk)


def anonymise_details(action: str, details: dict, terms: Callable[[], set[str]]) -> dict:
    """A copy of ``details`` with personal values replaced by ``ANONYMISED``.

    Values under personal keys always go (except an edit of a non-personal field such as the
    category); any other text goes when it mentions one of ``terms`` (computed only if needed).
    """
    keep_values = action == "edit" and details.get("field") in NON_PERSONAL_FIELDS

    def scrub(key: str | None, value):
        if isinstance(value, dict):
            return {k: scrub(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [scrub(key, v) for v in value]
        if key in PERSONAL_KEYS and not keep_values:
            return ANONYMISED if value not in (None, "", [], {}) else value
        if isinstance(value, str) and mentions(value, terms()):
            return ANONYMISED
        return value

    return {k: scrub(k, v) for k, v in details.items()}


def anonymise(session: Session, condition, terms: Callable[[], set[str]]) -> int:
    """Rewrite the details of the entries matching ``condition``; returns how many changed."""
    changed = 0
    for entry in session.exec(select(AuditEntry).where(condition)):
        before = decode(entry.details)
        after = anonymise_details(entry.action, before, terms)
        if after != before:
            entry.details = json.dumps(after, ensure_ascii=False, sort_keys=True, default=str)
            session.add(entry)
            changed += 1
    return changed
