"""Reports out: the check-in log, the attendee list and attendance, as CSV or XLSX.

Times are shown in the event's time zone. Every text cell a spreadsheet would run as a formula
(it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``,
so opening an export never executes anything an attendee typed into a registration form.
CSV is UTF-8 with a BOM (Excel then shows "Åsa" rather than "Ã…sa"). Files are created
readable by their owner only, and each export is recorded in the audit trail (what and where,
never whose data).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from kiosk.core import audit
from kiosk.core.checkin_lists import ListInfo
from kiosk.core.errors import KioskError, UsageError
from kiosk.core.events import Actor, zone
from kiosk.core.files import open_private
from kiosk.core.models import Attendee, CheckIn, CheckInKind, CheckInList, Event
from kiosk.core.rules import Past, admits, is_inside, live
from kiosk.core.sqlite_files import refuse_database_file
from kiosk.core.store import Store

KINDS = ("checkins", "attendees", "attendance")
FORMATS = ("csv", "xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
YIELD_PER = 2000


class ExportError(KioskError):
    exit_code = 2


@dataclass(frozen=True)
class ExportResult:
    what: str
    path: Path
    format: str
    rows: int

    def to_json(self) -> dict:
        return {"what": self.what, "file": str(self.path), "format": self.format, "rows": self.rows}


def neutralise(value) -> str:
    """The cell as text, with a leading ``'`` when a spreadsheet would take it for a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _bool(value: bool) -> str:
    return "yes" if value else "no"


class _Clock:
    def __init__(self, tz_name: str):
        self.tz = zone(tz_name)

    def __call__(self, at: datetime | None) -> str:
        return at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M:%S") if at else ""


def _checkins(session, event_id: int, when: _Clock) -> tuple[list[str], Iterator[list]]:
    header = [f"Time ({when.tz.key})", "Kind", "Code", "First name", "Last name", "Organisation",
              "Station", "Operator", "Method", "Reason", "List"]
    query = (
        select(CheckIn.at, CheckIn.kind, Attendee.code, Attendee.first_name, Attendee.last_name,
               Attendee.organisation, CheckIn.station, CheckIn.operator, CheckIn.method, CheckIn.reason,
               CheckInList.name)
        .join(Attendee, Attendee.id == CheckIn.attendee_id)
        .outerjoin(CheckInList, CheckInList.id == CheckIn.list_id)
        .where(CheckIn.event_id == event_id)
        .order_by(CheckIn.at, CheckIn.id)
        .execution_options(yield_per=YIELD_PER)
    )

    def rows():
        for at, kind, *rest in session.execute(query):
            yield [when(at), kind, *rest]

    return header, rows()


def _attendees(session, event_id: int, when: _Clock) -> tuple[list[str], Iterator[list]]:
    header = ["Code", "First name", "Last name", "Email", "Organisation", "Job title", "Category",
              "Ticket type", "External reference", "Alerts", "Badge privacy", "Blocked", "Walk-in",
              "Checked in at", "Inside", "Notes"]
    query = (
        select(Attendee.code, Attendee.first_name, Attendee.last_name, Attendee.email, Attendee.organisation,
               Attendee.job_title, Attendee.category, Attendee.ticket_type, Attendee.external_ref,
               Attendee.alerts, Attendee.badge_privacy, Attendee.blocked, Attendee.walk_in,
               Attendee.checked_in_at, Attendee.inside, Attendee.notes)
        .where(Attendee.event_id == event_id)
        .order_by(Attendee.last_name, Attendee.first_name, Attendee.id)
        .execution_options(yield_per=YIELD_PER)
    )

    def rows():
        for r in session.execute(query):
            privacy = getattr(r.badge_privacy, "value", r.badge_privacy)
            yield [*r[:10], privacy, _bool(r.blocked), _bool(r.walk_in), when(r.checked_in_at), _bool(r.inside), r.notes]

    return header, rows()


def _status(first_entry, inside: bool, blocked: bool) -> str:
    if first_entry is None:
        return "blocked" if blocked else "not arrived"
    return "inside" if inside else "left"


def _attendance(session, event_id: int, when: _Clock) -> tuple[list[str], Iterator[list]]:
    """One row per attendee per (unarchived) check-in list that admits them: first entry, last
    exit and status on that list, read from the log as the check-in rule reads it."""
    header = ["Code", "First name", "Last name", "Organisation", "Category", "Ticket type",
              "First entry", "Last exit", "Status", "List"]
    lists = [ListInfo.of(r) for r in session.execute(
        select(CheckInList).where(CheckInList.event_id == event_id, CheckInList.archived == False)  # noqa: E712
        .order_by(CheckInList.is_default.desc(), CheckInList.name)
    ).scalars()]
    logs: dict[tuple[int, int], list[Past]] = {}
    for list_id, attendee_id, kind, at in session.execute(
        select(CheckIn.list_id, CheckIn.attendee_id, CheckIn.kind, CheckIn.at).where(CheckIn.event_id == event_id)
    ):
        logs.setdefault((list_id, attendee_id), []).append(Past(CheckInKind(kind), at))
    query = (
        select(Attendee.id, Attendee.code, Attendee.first_name, Attendee.last_name, Attendee.organisation,
               Attendee.category, Attendee.ticket_type, Attendee.blocked)
        .where(Attendee.event_id == event_id)
        .order_by(Attendee.last_name, Attendee.first_name, Attendee.id)
        .execution_options(yield_per=YIELD_PER)
    )

    def rows():
        for r in session.execute(query):
            for clist in lists:
                if not admits(clist.facts, r.ticket_type, r.category):
                    continue
                log = live(logs.get((clist.id, r.id), []))
                entries = [p.at for p in log if p.kind is CheckInKind.ENTRY]
                first = entries[0] if entries else None
                exits = [p.at for p in log if p.kind is CheckInKind.EXIT and first is not None and p.at >= first]
                status = _status(first, is_inside(log), r.blocked)
                yield [*r[1:7], when(first), when(exits[-1] if exits else None), status, clist.name]

    return header, rows()


_BUILDERS = {"checkins": _checkins, "attendees": _attendees, "attendance": _attendance}


def _write_csv(path: Path, header: list[str], rows: Iterator[list]) -> int:
    count = 0
    with open_private(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow([neutralise(v) for v in row])
            count += 1
    return count


def _write_xlsx(path: Path, title: str, header: list[str], rows: Iterator[list]) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title)
    sheet.append([neutralise(h) for h in header])
    count = 0
    for row in rows:
        sheet.append([neutralise(v) for v in row])
        count += 1
    with open_private(path, "wb") as out:
        book.save(out)
    return count


def format_for(path: str | os.PathLike, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise UsageError(f"Unknown format {fmt!r}; use csv or xlsx")
        return fmt
    return "xlsx" if Path(path).suffix.lower() == ".xlsx" else "csv"


def export(
    store: Store, event_id: int, what: str, path: str | os.PathLike, fmt: str | None = None, actor: Actor = Actor()
) -> ExportResult:
    """Write one report to ``path`` (format from ``fmt``, else from the file suffix)."""
    if what not in KINDS:
        raise UsageError(f"Unknown export {what!r}; use one of {', '.join(KINDS)}")
    fmt = format_for(path, fmt)
    path = Path(path)
    refuse_database_file(path)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: the folder {str(path.parent)!r} does not exist")
    with store.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise KioskError(f"No event with id {event_id}")
        header, rows = _BUILDERS[what](session, event_id, _Clock(event.timezone))
        try:
            if fmt == "csv":
                count = _write_csv(path, header, rows)
            else:
                count = _write_xlsx(path, what, header, rows)
        except OSError as exc:
            raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
    with store.write() as session:
        audit.record(session, "export", actor, event_id, what=what, format=fmt, rows=count, file=str(path.resolve()))
    return ExportResult(what, path, fmt, count)
