"""One person's data: finding them by code or email, and handing over everything held about them.

An export holds, per matching attendee: the event, every attendee field, the check-in log, the
print jobs and badge record, and the audit entries about them. It is written readable by its
owner only, in one go (a temporary file renamed into place), and the export itself is audited.
"""

from __future__ import annotations

import enum
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from kiosk.core import audit
from kiosk.core.codes import candidates
from kiosk.core.errors import KioskError
from kiosk.core.events import Actor
from kiosk.core.files import open_private
from kiosk.core.models import Attendee, AuditEntry, BadgePrint, CheckIn, Event, PrintJob, utcnow
from kiosk.core.store import Store

FORMAT = "kiosk-person-export/1"


class PersonNotFound(KioskError):
    exit_code = 4


@dataclass(frozen=True)
class PersonRef:
    attendee_id: int
    event_id: int
    event_name: str
    code: str


def find_people(store: Store, key: str, event_id: int | None = None) -> list[PersonRef]:
    """Attendees whose code is ``key`` (as a scanner would read it) or whose email is ``key``
    (case-blind), in one event or in all of them. One email may hold several tickets."""
    key = key.strip()
    if not key:
        return []
    if "@" in key:
        condition = func.lower(Attendee.email) == key.lower()
    else:
        options = candidates(key)
        if not options:
            return []
        condition = Attendee.code.in_(options)
    query = select(Attendee.id, Attendee.event_id, Event.name, Attendee.code).join(Event, Event.id == Attendee.event_id).where(condition)
    if event_id is not None:
        query = query.where(Attendee.event_id == event_id)
    with store.read() as session:
        rows = session.execute(query.order_by(Attendee.event_id, Attendee.id)).all()
    return [PersonRef(*row) for row in rows]


def find_one(store: Store, key: str, event_id: int | None = None) -> PersonRef:
    """Exactly one attendee for ``key``, or a clear error."""
    found = find_people(store, key, event_id)
    if not found:
        raise PersonNotFound("No attendee with that code or email" + (" in this event" if event_id else ""))
    if len(found) > 1:
        events = sorted({p.event_name for p in found})
        raise KioskError(
            f"That matches {len(found)} attendees (events: {', '.join(repr(e) for e in events)}); "
            "use the ticket code, and --event NAME if the code is in several events",
            exit_code=2,
        )
    return found[0]


def _iso(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _row_dict(row, skip: tuple[str, ...] = ()) -> dict:
    """A table row's columns, in table order, as JSON-ready values."""
    return {c.name: _iso(getattr(row, c.name)) for c in row.__table__.columns if c.name not in skip}


def person_record(store: Store, attendee_id: int) -> dict:
    """Everything held about one attendee, as plain JSON-ready data."""
    with store.read() as session:
        person = session.get(Attendee, attendee_id)
        if person is None:
            raise PersonNotFound(f"No attendee with id {attendee_id}")
        event = session.get(Event, person.event_id)
        checkins = session.scalars(select(CheckIn).where(CheckIn.attendee_id == attendee_id).order_by(CheckIn.at))
        jobs = session.scalars(select(PrintJob).where(PrintJob.attendee_id == attendee_id).order_by(PrintJob.created_at))
        badge = session.get(BadgePrint, attendee_id)
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.attendee_id == attendee_id).order_by(AuditEntry.at, AuditEntry.id)
        )
        return {
            "event": {
                "id": event.id,
                "name": event.name,
                "venue": event.venue,
                "starts_at": _iso(event.starts_at),
                "ends_at": _iso(event.ends_at),
            },
            "attendee": _row_dict(person, skip=("rev",)),
            "checkins": [_row_dict(c, skip=("event_id", "attendee_id")) for c in checkins],
            "print_jobs": [_row_dict(j, skip=("event_id", "attendee_id")) for j in jobs],
            "badge": _row_dict(badge, skip=("attendee_id",)) if badge else None,
            "audit": [
                {"at": _iso(e.at), "action": e.action, "station": e.station, "operator": e.operator, "details": audit.decode(e.details)}
                for e in entries
            ],
        }


def export_people(store: Store, people: list[PersonRef], path: str | os.PathLike, actor: Actor = Actor()) -> Path:
    """Write the records of ``people`` to ``path`` (JSON, 0600) and audit the export per person."""
    if not people:
        raise PersonNotFound("Nobody to export")
    path = Path(path)
    if path.is_dir():
        raise KioskError(f"{path} is a folder; give a file name such as person.json", exit_code=2)
    if not path.parent.exists():
        raise KioskError(f"Folder {path.parent} does not exist", exit_code=2)
    document = {
        "format": FORMAT,
        "generated_at": utcnow().isoformat(),
        "records": [person_record(store, p.attendee_id) for p in people],
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open_private(tmp, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=2)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KioskError(f"Cannot write {path}: {exc.strerror or exc}") from None
    with store.write() as session:
        for p in people:
            audit.record(session, "person_export", actor, p.event_id, p.attendee_id, path=str(path.resolve()))
    return path
