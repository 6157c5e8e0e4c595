"""Creating, renaming, archiving and restoring events (audited): what the Events dialog and
``kiosk events`` both call. Archiving hides an event; nothing is deleted."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from sqlalchemy import func
from sqlmodel import select

from kiosk.core import audit
from kiosk.core.errors import UsageError
from kiosk.core.events import Actor, NoEventError, create_event, find_event, zone
from kiosk.core.models import Attendee, Event
from kiosk.core.store import Store

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{1,2}:\d{2}$")
DEFAULT_START, DEFAULT_END = "08:00", "18:00"


def parse_day(text: str) -> date:
    text = text.strip()
    try:
        if not _DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text!r}: not a date; write it as YYYY-MM-DD, e.g. 2026-05-20") from None


def parse_clock(option: str, text: str) -> time:
    text = text.strip()
    try:
        if not _TIME.match(text):
            raise ValueError
        hour, minute = (int(p) for p in text.split(":"))
        return time(hour, minute)
    except ValueError:
        raise UsageError(f"{option} {text!r}: not a time; write it as HH:MM, e.g. 08:30") from None


def event_times(day: str, start: str = DEFAULT_START, end: str = DEFAULT_END, tz: str = "UTC") -> tuple[datetime, datetime]:
    """Start and end of an event given as text (YYYY-MM-DD, HH:MM, a zone name); checked."""
    when = parse_day(day)
    begins, finishes = parse_clock("--start", start), parse_clock("--end", end)
    place = zone(tz.strip())
    starts_at, ends_at = datetime.combine(when, begins, place), datetime.combine(when, finishes, place)
    if ends_at <= starts_at:
        raise UsageError(f"--end {end}: the event must end after it starts ({start})")
    return starts_at, ends_at


def create_event_from_text(
    store: Store, name: str, day: str, start: str = DEFAULT_START, end: str = DEFAULT_END, venue: str = "",
    tz: str = "UTC", actor: Actor = Actor(),
) -> Event:
    if len(name.strip()) > 200:
        raise UsageError("An event name has at most 200 characters")
    starts_at, ends_at = event_times(day, start, end, tz)
    return create_event(store, name, starts_at, ends_at, venue.strip(), tz.strip(), actor)


def event_by_name(store: Store, name: str) -> Event:
    """The event with this exact name, archived or not (exit 6 when there is none)."""
    with store.read() as session:
        event = find_event(session, name)
    if event is None:
        raise NoEventError(f"No event named {name!r} in {store.display_url}")
    return event


def attendee_counts(store: Store) -> dict[int, int]:
    with store.read() as session:
        rows = session.exec(select(Attendee.event_id, func.count()).group_by(Attendee.event_id)).all()
    return {event_id: int(n) for event_id, n in rows}


def rename_event(store: Store, event_id: int, name: str, actor: Actor = Actor()) -> None:
    name = name.strip()
    if not name:
        raise UsageError("An event needs a name")
    if len(name) > 200:
        raise UsageError("An event name has at most 200 characters")
    with store.write() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise UsageError(f"No event with id {event_id}")
        if event.name == name:
            return
        if session.exec(select(Event).where(Event.name == name, Event.id != event_id)).first():
            raise UsageError(f"An event named {name!r} already exists")
        old = event.name
        event.name = name
        session.add(event)
        audit.record(session, "event_renamed", actor, event_id, None, old=old, new=name)


def set_archived(store: Store, event_id: int, archived: bool, actor: Actor = Actor()) -> None:
    with store.write() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise UsageError(f"No event with id {event_id}")
        if event.archived == archived:
            return
        event.archived = archived
        session.add(event)
        audit.record(session, "event_archived" if archived else "event_restored", actor, event_id, None)


def delete_empty_event(store: Store, event_id: int) -> None:
    """Undo a just-created event that got nothing (an import into it was refused)."""
    from kiosk.core.models import AuditEntry, CheckInList, EventSetting

    with store.write() as session:
        if session.exec(select(Attendee.id).where(Attendee.event_id == event_id).limit(1)).first() is not None:
            return
        for model in (AuditEntry, EventSetting, CheckInList):
            for row in session.exec(select(model).where(model.event_id == event_id)):
                session.delete(row)
        session.flush()
        event = session.get(Event, event_id)
        if event is not None:
            session.delete(event)
