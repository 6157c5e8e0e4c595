"""Tickets sent to attendees before the event: one file each, a merged PDF and a mail-merge CSV.

Every file is created readable by its owner only (kiosk.core.files): tickets are personal data
and, through their QR code, the key to the event.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.badges.pdf import write_pdf
from kiosk.badges.render import render_with_layout
from kiosk.badges.templates import TemplateError, get_template
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.files import open_private, private_dir

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

        def each_page():
            for person in people:
                image, _ = render_with_layout(person, tpl, event_name, event_date)
                path = folder / ticket_file_name(person, fmt)
                with open_private(path, "wb") as fh:
                    if fmt == "png":
                        image.save(fh, format="PNG", dpi=(tpl.dpi, tpl.dpi), optimize=False)
                    else:
                        write_pdf(fh, [(image, tpl.width_mm, tpl.height_mm)], title=f"{event_name}: {person.display_name}")
                rows.append((person.email, person.display_name, str(path)))
                yield image, tpl.width_mm, tpl.height_mm
                if progress:
                    progress(len(rows))

        write_pdf(merged, each_page(), title=f"{event_name}: tickets")
    csv_path = folder / CSV_NAME
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(("email", "name", "file"))
    for email, name, file in rows:
        writer.writerow((_cell(email), _cell(name), file))
    with open_private(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(buffer.getvalue())
    return TicketsWritten(len(rows), folder, merged_path, csv_path)
