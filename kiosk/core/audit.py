"""The audit trail: an append-only record of sensitive actions.

Callers pass the open write session, so the audit row commits with the action it records.
Details hold codes and ids, not names or emails, unless the action itself is about a field
(an edit records the field's old and new value, and a purge anonymises those later).
"""

from __future__ import annotations

import json

from sqlmodel import Session

from kiosk.core.events import Actor
from kiosk.core.models import AuditEntry


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
        details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
    )
    session.add(entry)
    return entry
