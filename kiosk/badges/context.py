"""What a badge needs from the database besides the attendee: the event's name, date and logo."""

from __future__ import annotations

import io
import logging
import json
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image
from sqlmodel import select

from kiosk.core.privacy_rules import load_rules, shown_person
from kiosk.badges.render import default_template_name, render_with_layout
from kiosk.badges.sources import load_image
from kiosk.badges.templates import Template, get_template
from kiosk.core import attendees
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.errors import KioskError
from kiosk.core.events import zone
from kiosk.core.models import Event, EventSetting
from kiosk.core.printqueue import NO_TEMPLATE
from kiosk.core.sqlite_files import is_open_database_file
from kiosk.core.store import Store

log = logging.getLogger(__name__)

#: EventSetting key holding the path of a PNG/JPEG logo for templates with an image "logo".
LOGO_SETTING = "logo_path"
#: EventSetting key holding the band colours per value (JSON), set with 'kiosk config set event/badge_colours'.
COLOURS_SETTING = "badge_colours"


@dataclass(frozen=True)
class EventLabels:
    name: str
    date: str
    logo: Image.Image | None = None
    #: The event's band colours (value -> "#rrggbb"), laid over each template band's own.
    colours: dict | None = None


def with_colours(template: Template, colours: dict | None) -> Template:
    """``template`` with the event's band colours over the template's (the same template if none)."""
    if not colours:
        return template
    elements = tuple(replace(e, colors={**e.colors, **colours}) if e.type == "band" else e for e in template.elements)
    return replace(template, elements=elements)


def date_text(event: Event) -> str:
    tz = zone(event.timezone)
    start, end = event.starts_at.astimezone(tz).date(), event.ends_at.astimezone(tz).date()
    first = f"{start.day} {start:%B %Y}"
    return first if end == start else f"{first} – {end.day} {end:%B %Y}"


def event_labels(store: Store, event_id: int) -> EventLabels:
    with store.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise KioskError(f"No event with id {event_id}")
        logo_path = session.exec(
            select(EventSetting.value).where(EventSetting.event_id == event_id, EventSetting.key == LOGO_SETTING)
        ).first()
        colours_json = session.exec(
            select(EventSetting.value).where(EventSetting.event_id == event_id, EventSetting.key == COLOURS_SETTING)
        ).first()
    logo = None
    if logo_path and is_open_database_file(logo_path):  # opening it would drop SQLite's locks
        log.warning("event logo %s is a file of the database; badges print without it", logo_path)
        logo_path = None
    if logo_path:
        try:
            logo = load_image(Path(logo_path))  # a regular file of sane size (never a FIFO)
        except (OSError, ValueError, Image.DecompressionBombError):
            log.warning("event logo %s cannot be read; badges print without it", logo_path)
    try:
        colours = json.loads(colours_json) if colours_json else None
    except ValueError:
        log.warning("event badge colours unreadable; the template's colours are used")
        colours = None
    return EventLabels(event.name, date_text(event), logo, colours if isinstance(colours, dict) else None)


def pick_template(name: str | None) -> Template:
    return get_template(name if name and name != NO_TEMPLATE else default_template_name())


def badge_for(store: Store, attendee_id: int, template_name: str | None, labels: EventLabels | None = None
              ) -> tuple[Image.Image, Template, AttendeeInfo]:
    attendee = attendees.get(store, attendee_id)
    if attendee is None:
        raise KioskError(f"No attendee with id {attendee_id}")
    labels = labels or event_labels(store, attendee.event_id)
    attendee = shown_person(attendee, load_rules(store, attendee.event_id))
    template = with_colours(pick_template(template_name), labels.colours)
    image, _ = render_with_layout(attendee, template, labels.name, labels.date, logo=labels.logo)
    return image, template, attendee


def png_bytes(image: Image.Image, dpi: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    return buffer.getvalue()
