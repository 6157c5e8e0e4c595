"""The import service the command line and the desk window both call.

``preview(path, overrides)`` reads the header and the first rows and shows the mapping;
``run_import(...)`` works in two passes. The first reads the file, checks every row and
notes it in a scratch database on disk (see ``scratch``); the second, in one write
transaction, matches the valid rows batch by batch and adds and updates attendees. With
errors and without ``skip_invalid`` nothing is written at all and the report says so
(``report.refused``); a problem found while matching rolls the whole transaction back. So
memory stays flat however long the file is.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from sqlalchemy import select

from kiosk.core import audit
from kiosk.core.events import Actor
from kiosk.core.importing.applying import Matcher, any_attendee, identity_hash
from kiosk.core.importing.mapping import Mapping, build_mapping
from kiosk.core.importing.reading import Table, fail, open_table
from kiosk.core.importing.scratch import Scratch
from kiosk.core.importing.validation import Problem, RowChecker
from kiosk.core.importing.writing import BATCH, Writer
from kiosk.core.models import Attendee
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
    #: Tickets blocked (new ones arriving blocked included) and unblocked by this import
    blocked: int = 0
    unblocked: int = 0
    #: Blocked by this import though already checked in (the check-in stays): [{code, reason}]
    blocked_checked_in: list[dict] = field(default_factory=list)
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
            status = tr("; would block {blocked}, unblock {unblocked}").format(blocked=self.blocked, unblocked=self.unblocked) \
                if self.blocked or self.unblocked else ""
            return tr("{file}: dry run, nothing written; would have added {added}, updated {updated}, unchanged {unchanged}, "
                      "skipped {skipped}").format(**numbers) + status
        status = tr("; blocked {blocked}, unblocked {unblocked}").format(blocked=self.blocked, unblocked=self.unblocked) \
            if self.blocked or self.unblocked else ""
        return tr("{file}: added {added}, updated {updated}, unchanged {unchanged}, skipped {skipped}").format(**numbers) + status

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
            "blocked": self.blocked,
            "unblocked": self.unblocked,
            "blocked_checked_in": self.blocked_checked_in,
            "mapping": self.mapping.to_json(),
            "errors": [p.to_json() for p in self.errors],
            "warnings": [p.to_json() for p in self.warnings],
        }


def checked_in_among(session, ids: list[int], updates: list[dict]) -> list[dict]:
    """Of the attendees an import blocks, those already checked in: [{code, reason}]."""
    if not ids:
        return []
    reasons = {u["id"]: u.get("block_reason", "") for u in updates}
    found = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(Attendee.id, Attendee.code).where(Attendee.id.in_(chunk), Attendee.checked_in_at.is_not(None))
        ).all()
        found += [{"code": code, "reason": reasons.get(attendee_id, "")} for attendee_id, code in rows]
    return sorted(found, key=lambda item: item["code"])


def has_attendees(store: Store, event_id: int) -> bool:
    """Whether the event has any attendee (else no row of an import can match one)."""
    with store.read() as session:
        return any_attendee(session, event_id)


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
            cells = list(cells)  # as the file has them, for "first value" in a preview
            if row is not None:
                first_rows.append({"line": line, "ok": True, "values": dict(row.values), "cells": cells})
            else:
                raw = {f: cells[i] if i < len(cells) else "" for i, f in enumerate(mapping.fields) if f}
                first_rows.append({"line": line, "ok": False, "values": raw, "cells": cells})
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

    ``progress(done, total)`` is called while reading (bytes of a CSV, rows of an XLSX; the
    first half of ``total``) and while writing (the second half), and once more with
    ``(size, size)`` when the import has finished.
    """
    with _collector_paused(), Scratch(Path(path).name) as scratch:
        with open_table(path) as table:
            columns = _mapping_for(table, mapping)
            if not columns.has_name:
                raise fail(table.path, _no_name_message(table))
            report = ImportReport(table.name, table.describe(), columns, dry_run=dry_run, skip_invalid=skip_invalid)
            checker = RowChecker(columns, track=False)
            _check_rows(table, checker, scratch, report, progress)
            if report.rows == 0:
                raise fail(table.path, "the file has a header row but no attendees")
            total = table.size
        report.problems.extend(scratch.finish())
        report.problems.sort(key=_by_line)
        if report.refused:
            return report
        if has_attendees(store, event_id):  # else nothing can match: no need to know what is unique
            scratch.mark_unique()
        try:
            _apply(store, event_id, report, checker, scratch, dry_run, actor, progress, total)
        except _Refused:
            return report  # the transaction was rolled back: nothing of it stays
    report.written = not dry_run
    if progress:
        progress(total, total)
    return report


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an import runs, back on after (however it ends).

    An import makes millions of short-lived containers and no reference cycles, yet what it
    keeps for a while (the problems listed, the batch being matched) sets off full collections
    that walk every live object: some 10% of the import's CPU time. Objects are still freed as
    soon as nothing refers to them."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _by_line(problem: Problem) -> int:
    return problem.line


def _check_rows(table: Table, checker: RowChecker, scratch: Scratch, report: ImportReport,
                progress: Progress | None) -> None:
    """The first pass: every row checked, its problems listed and its facts noted."""
    check, note, problems, count = checker.check, scratch.note, report.problems, 0
    try:
        for line, cells in table.rows:
            count += 1
            row, found = check(line, cells)
            if found:
                problems.extend(found)
            email, ident, values = "", None, None
            if row is not None:
                values = row.values
                email = values.get("email", "")
                if not checker.code and not checker.ref:
                    ident = identity_hash(values["first_name"], values["last_name"], email)
                email = email.casefold()
            note(line, values, checker.code, checker.ref, email, ident)
            if progress and count % PROGRESS_EVERY == 0:
                progress(table.position() or 1, 2 * table.size)
    finally:
        report.rows += count


class _Refused(Exception):
    """Raised inside the write transaction to roll all of it back."""


def _apply(store: Store, event_id: int, report: ImportReport, checker: RowChecker, scratch: Scratch,
           dry_run: bool, actor: Actor, progress: Progress | None, size: int) -> None:
    """The second pass: match and write the valid rows batch by batch, all in one transaction.

    Matching finds problems of its own ("the same attendee as line N", "collides with a code");
    with any of them and without ``skip_invalid``, ``_Refused`` rolls the whole transaction back,
    so not even the event's revision moves.
    """
    source = f"import:{report.file}"[:200]
    with (store.read() if dry_run else store.write()) as session:
        matcher = Matcher(session, event_id, checker.present, scratch)
        writer = None if dry_run else Writer(session, event_id, matcher.compare, source)
        merger = matcher.merger

        def flush(batch: list) -> None:
            inserts, updates = matcher.match(batch)
            if merger.blocked:
                report.blocked_checked_in += checked_in_among(session, merger.blocked, updates)
            report.blocked += len(merger.blocked)
            report.unblocked += len(merger.unblocked)
            merger.blocked.clear()
            merger.unblocked.clear()
            if writer and not (matcher.errors and not report.skip_invalid):
                writer.write(inserts, [])  # new rows are never candidates for later rows
                scratch.defer_updates(updates)  # changed ones would be: they wait until the end

        valid = scratch.valid_count()
        done = 0
        for batch in scratch.valid_rows(BATCH):
            flush(batch)
            done += len(batch)
            if progress:
                progress(size + size * done // valid, 2 * size)
        report.problems.extend(matcher.problems)
        if report.refused:
            raise _Refused
        if writer:
            for updates in scratch.deferred_updates(BATCH):
                writer.write([], updates)
        report.added, report.updated, report.unchanged = matcher.added, matcher.updated, matcher.unchanged
        report.blocked += merger.new_blocked
        report.blocked_checked_in.sort(key=lambda item: item["code"])
        if not dry_run:
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
                blocked=report.blocked,
                unblocked=report.unblocked,
                errors=len(report.errors),
                warnings=len(report.warnings),
            )
