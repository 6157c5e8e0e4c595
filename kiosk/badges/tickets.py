"""Tickets sent to attendees before the event: one file each, a merged PDF and a mail-merge CSV.
A PDF ticket is drawn as vectors (kiosk.badges.vector): small and quick to write.

Every file is created readable by its owner only (kiosk.core.files): tickets are personal data
and, through their QR code, the key to the event.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.badges.render import render_with_layout
from kiosk.badges.vector import PT_PER_MM, NotVector, Page, PdfWriter, ticket_page
from kiosk.badges.templates import TemplateError, get_template
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.files import open_private, private_dir

log = logging.getLogger(__name__)

TICKET_TEMPLATE = "ticket"
FORMATS = ("pdf", "png")
MERGED_NAME = "tickets-all.pdf"
CSV_NAME = "tickets.csv"
#: Spreadsheet programs run a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class TicketsWritten:
    count: int
    folder: Path
    merged_pdf: Path
    csv: Path


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:40] or "attendee"


def ticket_file_name(attendee: AttendeeInfo, fmt: str) -> str:
    code = re.sub(r"[^A-Za-z0-9_-]", "", attendee.code)[:32]
    return f"{_slug(attendee.display_name)}-{code or attendee.id}.{fmt}"


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _page(person: AttendeeInfo, tpl, event_name: str, event_date: str) -> Page:
    """The ticket as vectors; as a picture when the template or a name needs it."""
    try:
        return ticket_page(person, tpl, event_name, event_date)
    except NotVector as exc:
        log.info("ticket for attendee %s drawn as a picture: %s", person.id, exc)
        image, _ = render_with_layout(person, tpl, event_name, event_date)
        return Page(tpl.width_mm * PT_PER_MM, tpl.height_mm * PT_PER_MM, image=image)


def write_tickets(
    people: list[AttendeeInfo], out_dir: Path, event_name: str, event_date: str, fmt: str = "pdf", template: str = TICKET_TEMPLATE,
    progress: Callable[[int], None] | None = None,
) -> TicketsWritten:
    """Render a ticket per attendee into ``out_dir`` plus the merged PDF and the CSV.
    ``progress(n)`` is called after each ticket with the number written so far."""
    if fmt not in FORMATS:
        raise TemplateError(f"Unknown ticket format {fmt!r} (use {' or '.join(FORMATS)})")
    tpl = get_template(template)
    folder = private_dir(out_dir)
    rows: list[tuple[str, str, str]] = []
    merged_path = folder / MERGED_NAME
    with open_private(merged_path, "wb") as merged:
        book = PdfWriter(merged, title=f"{event_name}: tickets")
        for person in people:
            path = folder / ticket_file_name(person, fmt)
            with open_private(path, "wb") as fh:
                page = _page(person, tpl, event_name, event_date)  # the merged PDF is vectors either way
                if fmt == "png":
                    image, _ = render_with_layout(person, tpl, event_name, event_date)
                    image.save(fh, format="PNG", dpi=(tpl.dpi, tpl.dpi), optimize=False)
                else:
                    one = PdfWriter(fh, title=f"{event_name}: {person.display_name}")
                    one.add(page)
                    one.close()
            book.add(page)
            rows.append((person.email, person.display_name, str(path)))
            if progress:
                progress(len(rows))
        book.close()
    csv_path = folder / CSV_NAME
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(("email", "name", "file"))
    for email, name, file in rows:
        writer.writerow((_cell(email), _cell(name), file))
    with open_private(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(buffer.getvalue())
    return TicketsWritten(len(rows), folder, merged_path, csv_path)
