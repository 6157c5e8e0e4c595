"""Events: creating them and choosing the one a station or command works on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, select

from kiosk.core.errors import KioskError, UsageError
from kiosk.core.models import Event
from kiosk.core.store import Store


class NoEventError(KioskError):
    exit_code = 6


@dataclass(frozen=True)
class Actor:
    """Who does something: the station and the operator at it."""

    station: str = ""
    operator: str = ""


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"Unknown time zone {name!r} (use a name like Europe/Stockholm)") from None


def create_event(
    store: Store, name: str, starts_at: datetime, ends_at: datetime, venue: str = "", tz: str = "UTC",
    actor: Actor | None = None,
) -> Event:
    """A new event (names are unique). With an ``actor`` it is written to the audit trail."""
    name = name.strip()
    if not name:
        raise UsageError("An event needs a name")
    zone(tz)
    if ends_at < starts_at:
        raise UsageError("An event cannot end before it starts")
    with store.write() as session:
        if session.exec(select(Event).where(Event.name == name)).first():
            raise UsageError(f"An event named {name!r} already exists")
        event = Event(name=name, venue=venue, starts_at=starts_at, ends_at=ends_at, timezone=tz)
        session.add(event)
        session.flush()
        if actor is not None:
            from kiosk.core import audit  # audit reaches search and attendees, which import this module

            audit.record(session, "event_created", actor, event.id, None, name=name)
        return event


def list_events(store: Store, include_archived: bool = False) -> list[Event]:
    with store.read() as session:
        query = select(Event).order_by(Event.starts_at.desc(), Event.id.desc())
        if not include_archived:
            query = query.where(Event.archived == False)  # noqa: E712
        return list(session.exec(query))


def find_event(session: Session, name: str) -> Event | None:
    return session.exec(select(Event).where(Event.name == name)).first()


def pick_event(store: Store, name: str | None = None) -> Event:
    """The named event, or else the newest event that is not archived."""
    with store.read() as session:
        if name:
            event = find_event(session, name)
            if event is None:
                raise NoEventError(f"No event named {name!r} in {store.display_url}")
            return event
        event = session.exec(
            select(Event).where(Event.archived == False).order_by(Event.starts_at.desc(), Event.id.desc())  # noqa: E712
        ).first()
    if event is None:
        raise NoEventError(f"No event in {store.display_url} yet: run 'kiosk demo' or create one")
    return event
