"""Attendees: the read-only view handed to screens, and adding or editing them.

Every insert or edit bumps ``Event.attendee_rev`` in the same transaction and stamps the row
with the new value, so search indexes in other processes can fetch just what changed.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, select

from kiosk.core import audit
from kiosk.core.codes import generate_code
from kiosk.core.errors import KioskError
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, BadgePrivacy, Event, utcnow
from kiosk.core.store import Store

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EDITABLE = (
    "first_name",
    "last_name",
    "email",
    "organisation",
    "job_title",
    "category",
    "ticket_type",
    "notes",
    "alerts",
    "badge_privacy",
    "blocked",
    "block_reason",
)
MAX_LENGTHS = {
    "first_name": 200,
    "last_name": 200,
    "email": 320,
    "organisation": 200,
    "job_title": 200,
    "category": 100,
    "ticket_type": 100,
    "alerts": 200,
    "external_ref": 200,
    "code": 512,
    "notes": 5000,
}


class ValidationError(KioskError):
    exit_code = 2


@dataclass(frozen=True)
class AttendeeInfo:
    """A detached, immutable copy of an attendee for screens and results."""

    id: int
    event_id: int
    code: str
    first_name: str
    last_name: str
    email: str
    organisation: str
    job_title: str
    category: str
    ticket_type: str
    notes: str
    alerts: tuple[str, ...]
    badge_privacy: BadgePrivacy
    blocked: bool
    walk_in: bool
    checked_in_at: datetime | None
    inside: bool
    #: Why the ticket is blocked: refunded, cancelled or unpaid (from an import), or staff's words.
    block_reason: str = ""
    #: badge_privacy is the person's own choice (else the event's rule for their category may apply).
    privacy_own: bool = False
    #: Registration answers from the import, (question, answer) in file order.
    answers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, row: Attendee) -> AttendeeInfo:
        """From an ORM row or a Core row of the attendee table."""
        return cls(
            id=row.id,
            event_id=row.event_id,
            code=row.code,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
            organisation=row.organisation,
            job_title=row.job_title,
            category=row.category,
            ticket_type=row.ticket_type,
            notes=row.notes,
            alerts=tuple(a.strip() for a in row.alerts.split(",") if a.strip()),
            badge_privacy=BadgePrivacy(row.badge_privacy),
            blocked=row.blocked,
            walk_in=row.walk_in,
            checked_in_at=row.checked_in_at,
            inside=row.inside,
            block_reason=row.block_reason,
            privacy_own=bool(row.privacy_own),
            answers=parse_answers(row.answers),
        )

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    def to_json(self) -> dict:
        data = asdict(self)
        data["alerts"] = list(self.alerts)
        data["answers"] = dict(self.answers)
        data["badge_privacy"] = self.badge_privacy.value
        data["checked_in_at"] = self.checked_in_at.isoformat() if self.checked_in_at else None
        return data


def parse_answers(text: str) -> tuple[tuple[str, str], ...]:
    """The stored answers (a JSON object) as pairs; nothing for an empty or damaged value."""
    if not text:
        return ()
    try:
        found = json.loads(text)
    except ValueError:
        return ()
    return tuple((str(k), str(v)) for k, v in found.items()) if isinstance(found, dict) else ()


def validate(values: dict) -> list[tuple[str, str]]:
    """Problems with attendee field values, as (field, message) pairs."""
    problems: list[tuple[str, str]] = []
    for name, value in values.items():
        if isinstance(value, str):
            if "\x00" in value:
                problems.append((name, "contains a NUL byte"))
            limit = MAX_LENGTHS.get(name)
            if limit and len(value) > limit:
                problems.append((name, f"is {len(value)} characters long (at most {limit})"))
    if "first_name" in values or "last_name" in values:
        if not (str(values.get("first_name", "")).strip() or str(values.get("last_name", "")).strip()):
            problems.append(("name", "is missing"))
    email = str(values.get("email", "") or "").strip()
    if email and not EMAIL_RE.match(email):
        problems.append(("email", f"{email!r} is not a valid email address"))
    if "badge_privacy" in values:
        try:
            BadgePrivacy(values["badge_privacy"])
        except ValueError:
            allowed = ", ".join(p.value for p in BadgePrivacy)
            problems.append(("badge_privacy", f"must be one of {allowed}"))
    return problems


def bump_rev(session: Session, event_id: int) -> int:
    """Take the next attendee revision of an event (row-locks the event on PostgreSQL)."""
    result = session.execute(
        update(Event).where(Event.id == event_id).values(attendee_rev=Event.attendee_rev + 1).returning(Event.attendee_rev)
    )
    return result.scalar_one()


def get(store: Store, attendee_id: int) -> AttendeeInfo | None:
    with store.read() as session:
        row = session.get(Attendee, attendee_id)
        return AttendeeInfo.of(row) if row else None


def by_code(store: Store, event_id: int, code: str) -> AttendeeInfo | None:
    with store.read() as session:
        row = session.exec(select(Attendee).where(Attendee.event_id == event_id, Attendee.code == code)).first()
        return AttendeeInfo.of(row) if row else None


def list_all(store: Store, event_id: int) -> list[AttendeeInfo]:
    with store.read() as session:
        rows = session.exec(
            select(Attendee).where(Attendee.event_id == event_id).order_by(Attendee.last_name, Attendee.first_name, Attendee.id)
        )
        return [AttendeeInfo.of(r) for r in rows]


def _clean(values: dict) -> dict:
    out = {}
    for key, value in values.items():
        if isinstance(value, str) and key != "notes":
            value = " ".join(value.split())
        out[key] = value
    return out


def walk_in_values(values: dict) -> dict:
    """A walk-in's fields, cleaned and checked; raises ValidationError before anything is written."""
    values = _clean({k: v for k, v in values.items() if k in EDITABLE})
    values.setdefault("first_name", "")
    values.setdefault("last_name", "")
    problems = validate(values)
    if problems:
        raise ValidationError("; ".join(f"{field} {msg}" for field, msg in problems))
    return values


def add_walk_in(session: Session, event_id: int, values: dict, actor: Actor, despite: tuple[int, ...] = (),
                code: str | None = None) -> Attendee:
    """Add a walk-in inside the caller's transaction (``values`` from ``walk_in_values``).

    ``despite``: ids of registered attendees the desk was offered as likely the same person
    and chose not to use; the audit trail records them with the walk-in."""
    rev = bump_rev(session, event_id)
    row = Attendee(event_id=event_id, code=code or generate_code(), walk_in=True, source="walk-in", rev=rev, **values)
    session.add(row)
    session.flush()
    if despite:
        audit.record(session, "walk_in", actor, event_id, row.id, code=row.code, despite_matches=list(despite))
    else:
        audit.record(session, "walk_in", actor, event_id, row.id, code=row.code)
    return row


def register_walk_in(
    store: Store, event_id: int, values: dict, actor: Actor, despite: tuple[int, ...] = (), code: str | None = None
) -> AttendeeInfo:
    """Add a person who arrives without a ticket; they get a fresh code. Not checked in yet
    (``CheckInService.walk_in`` registers and checks in as one step)."""
    values = walk_in_values(values)
    with store.write() as session:
        return AttendeeInfo.of(add_walk_in(session, event_id, values, actor, despite, code=code))


def update_attendee(store: Store, attendee_id: int, changes: dict, actor: Actor) -> AttendeeInfo:
    """Edit an attendee; each changed field goes to the audit trail with old and new value."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Cannot edit {', '.join(sorted(unknown))}")
    changes = _clean(changes)
    with store.write() as session:
        row = session.get(Attendee, attendee_id, with_for_update=True)
        if row is None:
            raise KioskError(f"No attendee with id {attendee_id}")
        merged = {name: getattr(row, name) for name in ("first_name", "last_name")} | changes
        problems = validate(merged)
        if problems:
            raise ValidationError("; ".join(f"{field} {msg}" for field, msg in problems))
        changed = {k: v for k, v in changes.items() if getattr(row, k) != v}
        if not changed:
            return AttendeeInfo.of(row)
        rev = bump_rev(session, row.event_id)
        for name, value in changed.items():
            audit.record(session, "edit", actor, row.event_id, row.id, field=name, old=getattr(row, name), new=value)
            setattr(row, name, value)
        if "badge_privacy" in changed:
            row.privacy_own = True  # the person's own choice now: category rules no longer apply
        row.rev = rev
        row.updated_at = utcnow()
        session.add(row)
        session.flush()
        return AttendeeInfo.of(row)


FIELD_NAMES = tuple(f.name for f in fields(AttendeeInfo))
