"""The import service the command line and the desk window both call.

``preview(path, overrides)`` reads the header and the first rows and shows the mapping;
``run_import(...)`` reads the whole file, checks every row, and then, in one write
transaction, adds and updates attendees. With errors and without ``skip_invalid`` nothing is
written at all and the report says so (``report.refused``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from kiosk.core import audit
from kiosk.core.events import Actor
from kiosk.core.importing.applying import plan_import, write_plan
from kiosk.core.importing.mapping import Mapping, build_mapping
from kiosk.core.importing.reading import Table, fail, open_table
from kiosk.core.importing.validation import Problem, RowChecker
from kiosk.core.store import Store
from kiosk.i18n import tr
from kiosk.core.text import clip, shorten

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class Preview:
    """What a file would import as, before anything is read further or written."""

    file: str
    format: str
    headers: list[str]
    mapping: Mapping
    #: [{"line": n, "ok": bool, "values": {field: value}}] for the first rows
    first_rows: list[dict]
    problems: list[Problem]

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "mapping": self.mapping.to_json(),
            "first_rows": self.first_rows,
            "problems": [p.to_json() for p in self.problems],
        }


@dataclass
class ImportReport:
    file: str
    format: str
    mapping: Mapping
    dry_run: bool
    skip_invalid: bool
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: True once the transaction committed (never for a dry run or a refused import)
    written: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    @property
    def skipped(self) -> int:
        return len({p.line for p in self.errors})

    @property
    def refused(self) -> bool:
        """All-or-nothing import with errors: nothing was (or would be) written."""
        return bool(self.errors) and not self.skip_invalid

    def summary(self) -> str:
        if self.refused:
            if len(self.errors) == 1:
                text = tr("{file}: 1 problem in {skipped} of {rows} rows; nothing was imported (fix the file, or use "
                          "--skip-invalid to import the valid rows)")
            else:
                text = tr("{file}: {n} problems in {skipped} of {rows} rows; nothing was imported (fix the file, or use "
                          "--skip-invalid to import the valid rows)")
            return text.format(file=self.file, n=len(self.errors), skipped=self.skipped, rows=self.rows)
        numbers = {"file": self.file, "added": self.added, "updated": self.updated, "unchanged": self.unchanged, "skipped": self.skipped}
        if self.dry_run:
            return tr("{file}: dry run, nothing written; would have added {added}, updated {updated}, unchanged {unchanged}, "
                      "skipped {skipped}").format(**numbers)
        return tr("{file}: added {added}, updated {updated}, unchanged {unchanged}, skipped {skipped}").format(**numbers)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "dry_run": self.dry_run,
            "written": self.written,
            "refused": self.refused,
            "rows": self.rows,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "mapping": self.mapping.to_json(),
            "errors": [p.to_json() for p in self.errors],
            "warnings": [p.to_json() for p in self.warnings],
        }


def _mapping_for(table: Table, overrides: dict[str, str] | None) -> Mapping:
    return build_mapping(table.headers, overrides)


def _no_name_message(table: Table) -> str:
    shown = clip(", ".join(shorten(h) for h in table.headers if h), 160) or "none"
    return (
        f"no name column found (columns: {shown}); "
        "name one with --map COLUMN=first_name (or last_name, full_name)"
    )


def preview(path: str | Path, mapping_overrides: dict[str, str] | None = None, rows: int = 5) -> Preview:
    """The mapping and the first ``rows`` rows as they would import. Raises for unreadable files."""
    with open_table(path) as table:
        mapping = _mapping_for(table, mapping_overrides)
        problems: list[Problem] = []
        first_rows: list[dict] = []
        if not mapping.has_name:
            problems.append(Problem(table.header_line, "name", _no_name_message(table)))
        checker = RowChecker(mapping)
        for line, cells in islice(table.rows, rows):
            row, found = checker.check(line, cells)
            problems.extend(found)
            if row is not None:
                first_rows.append({"line": line, "ok": True, "values": dict(row.values)})
            else:
                raw = {f: cells[i] if i < len(cells) else "" for i, f in enumerate(mapping.fields) if f}
                first_rows.append({"line": line, "ok": False, "values": raw})
        return Preview(table.name, table.describe(), list(table.headers), mapping, first_rows, problems)


def run_import(
    store: Store,
    event_id: int,
    path: str | Path,
    mapping: dict[str, str] | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    actor: Actor = Actor(),
) -> ImportReport:
    """Import an attendee list into an event. ``mapping`` holds overrides {column: field}.

    ``progress(done, total)`` is called while reading (bytes of a CSV, rows of an XLSX), once
    the file is read (before anything is written: an exception raised there cancels the import
    with nothing written) and once more with ``(total, total)`` when the import has finished.
    """
    with open_table(path) as table:
        columns = _mapping_for(table, mapping)
        if not columns.has_name:
            raise fail(table.path, _no_name_message(table))
        report = ImportReport(table.name, table.describe(), columns, dry_run=dry_run, skip_invalid=skip_invalid)
        checker = RowChecker(columns)
        valid = []
        for line, cells in table.rows:
            report.rows += 1
            row, found = checker.check(line, cells)
            if found:
                report.problems.extend(found)
            if row is not None:
                valid.append(row)
            if progress and report.rows % PROGRESS_EVERY == 0:
                progress(table.position(), table.size)
        if report.rows == 0:
            raise fail(table.path, "the file has a header row but no attendees")
        total = table.size
        if progress:  # read to the end: the last moment to stop (a progress that raises) before anything is written
            progress(total, total)
    if report.refused:
        return report
    try:
        _apply(store, event_id, report, valid, checker, dry_run, actor)
    except _Refused:
        return report  # the transaction was rolled back: nothing of it stays
    report.written = not dry_run
    if progress:
        progress(total, total)
    return report


class _Refused(Exception):
    """Raised inside the write transaction to roll all of it back."""


def _apply(store: Store, event_id: int, report: ImportReport, valid: list, checker: RowChecker, dry_run: bool,
           actor: Actor) -> None:
    """Match every row first, then write, all in one transaction.

    Matching finds problems of its own ("the same attendee as line N", "collides with a code");
    with any of them and without ``skip_invalid``, ``_Refused`` rolls the whole transaction back,
    so not even the event's revision moves.
    """
    source = f"import:{report.file}"[:200]
    with (store.read() if dry_run else store.write()) as session:
        plan = plan_import(session, event_id, valid, checker.present, checker.unique_ref)
        del valid[:]  # the plan holds what is written; the rows are not needed any more
        report.problems.extend(plan.problems)
        if report.refused:
            raise _Refused
        report.added, report.updated, report.unchanged = len(plan.inserts), len(plan.updates), plan.unchanged
        if not dry_run:
            write_plan(session, event_id, plan, source)
            audit.record(
                session,
                "import",
                actor,
                event_id,
                file=report.file,
                format=report.format,
                rows=report.rows,
                added=report.added,
                updated=report.updated,
                unchanged=report.unchanged,
                skipped=report.skipped,
                errors=len(report.errors),
                warnings=len(report.warnings),
            )
