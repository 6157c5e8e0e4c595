"""Renaming and archiving events (audited). Archiving hides an event; nothing is deleted."""

from __future__ import annotations

from sqlmodel import select

from kiosk.core import audit
from kiosk.core.errors import UsageError
from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.store import Store


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
