"""import: attendee lists in (CSV, XLSX), into the current event."""

from __future__ import annotations

import sys
from datetime import date

from kiosk.cli.args import nonempty_path
from kiosk.cli.event_cmds import add_event_options
from kiosk.core.errors import UsageError
from kiosk.core.event_admin import create_event_from_text, delete_empty_event, event_times
from kiosk.core.events import find_event
from kiosk.cli.progress import Progress
from kiosk.core.importing import FIELDS, parse_overrides, preview, run_import
from kiosk.core.importing.labels import field_label
from kiosk.core.text import LINE_LIMIT, clip
from kiosk.i18n import tr
from kiosk.import_messages import problem_line
from kiosk.messages import block_reason_text

MAX_WARNINGS_SHOWN = 20
PREVIEW_ROWS = 5


def register(sub) -> None:
    p = sub.add_parser(
        "import",
        help=tr("import an attendee list (CSV or XLSX) into the event; re-importing updates, never deletes"),
        description=tr(
            "Import attendees from a ticketing export or spreadsheet. Columns are mapped from their headers "
            "(fields: {fields}). With any invalid row nothing is imported, unless --skip-invalid. "
            "Exit status: 0 imported, 2 refused or bad usage."
        ).format(fields=", ".join(FIELDS)),
    )
    p.add_argument("file", metavar="FILE", type=nonempty_path)
    p.add_argument(
        "--create-event",
        metavar="NAME",
        help="create this event (with --date, --start, --end, --venue, --tz) and import into it, in one step",
    )
    add_event_options(p, date_required=False)
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=tr("map a column (header or 1-based number) to a field, or to 'ignore'; repeatable"),
    )
    p.add_argument("--skip-invalid", action="store_true", help=tr("import the valid rows and list the others"))
    p.add_argument("--dry-run", action="store_true", help=tr("show the mapping, the first rows and the counts; write nothing"))
    p.add_argument("--json", action="store_true", help=tr("print the report as JSON"))
    p.add_argument("--station", metavar="S")
    p.add_argument("--operator", metavar="O")
    p.set_defaults(func=cmd_import)


def _print_preview(args, overrides) -> None:
    shown = preview(args.file, overrides, rows=PREVIEW_ROWS)
    print(clip(f"{shown.file}: {shown.format}", LINE_LIMIT))
    print(tr("Columns:"))
    headers = [clip(h) for h in shown.headers]
    width = max((len(h) for h in headers), default=0)
    for header, field in shown.mapping.pairs():
        named = f"{field} ({field_label(field)})" if field and field_label(field) != field else field
        print(f"  {clip(header):<{width}}  -> {named or tr('(ignored)')}")
    print(tr("First rows ({n}):").format(n=len(shown.first_rows)))
    for row in shown.first_rows:
        values = row["values"]
        name = " ".join(filter(None, (values.get("first_name", ""), values.get("last_name", "")))) or values.get("full_name", "")
        extra = [clip(values.get(k, "")) for k in ("email", "organisation", "code") if values.get(k)]
        mark = "" if row["ok"] else "  " + tr("(invalid)")
        print(clip(f"  {row['line']:>5}: " + " | ".join([clip(name) or "?", *extra]) + mark, LINE_LIMIT))


def _event_for(args, ctx) -> tuple[int, str, bool]:
    """(event id, name, created now). With --create-event the event is checked, and made
    unless this is a dry run (which plans against an empty event)."""
    if not args.create_event:
        return ctx.event.id, ctx.event.name, False
    if args.event:
        raise UsageError(tr("--create-event and --event cannot be used together"))
    day = args.date or date.today().isoformat()
    if args.dry_run:
        event_times(day, args.start, args.end, args.tz)
        with ctx.store.read() as session:
            if find_event(session, args.create_event.strip()) is not None:
                raise UsageError(f"An event named {args.create_event.strip()!r} already exists")
        return -1, args.create_event.strip(), False
    event = create_event_from_text(
        ctx.store, args.create_event, day, args.start, args.end, args.venue, args.tz, ctx.actor
    )
    return event.id, event.name, True


def cmd_import(args, ctx) -> int:
    from kiosk.core.sqlite_files import refuse_database_file

    overrides = parse_overrides(args.map)
    ctx.store  # noqa: B018 (open the database first, so the file can be checked against it)
    refuse_database_file(args.file)
    event_id, event_name, created = _event_for(args, ctx)
    if args.dry_run and not args.json:
        _print_preview(args, overrides)
    bar: Progress | None = None

    def progress(done: int, total: int) -> None:  # bytes of a CSV, rows of an XLSX
        nonlocal bar
        if bar is None:
            bar = Progress(total, tr("import"), unit="B" if str(args.file).lower().endswith((".csv", ".tsv", ".txt")) else "")
        bar.set(done)

    try:
        report = run_import(
            ctx.store,
            event_id,
            args.file,
            mapping=overrides,
            skip_invalid=args.skip_invalid,
            dry_run=args.dry_run,
            progress=None if args.json else progress,
            actor=ctx.actor,
        )
    except BaseException:
        if created:
            delete_empty_event(ctx.store, event_id)
        raise
    finally:
        if bar is not None:
            bar.close()
    if created and not report.written:
        delete_empty_event(ctx.store, event_id)  # nothing partial: no event without its list
    if args.json:
        extra = {"event": event_name}
        if args.dry_run:
            extra["first_rows"] = preview(args.file, overrides, rows=PREVIEW_ROWS).first_rows
        ctx.emit_json(report.to_json() | extra)
        return 2 if report.refused else 0
    for problem in report.errors:
        print(clip(problem_line(problem, report.file), LINE_LIMIT), file=sys.stderr)
    for problem in report.warnings[:MAX_WARNINGS_SHOWN]:
        print(clip(problem_line(problem, report.file), LINE_LIMIT), file=sys.stderr)
    hidden = len(report.warnings) - MAX_WARNINGS_SHOWN
    if hidden > 0:
        print(tr("{file}: ... and {n} more warnings (see --json)").format(file=report.file, n=hidden), file=sys.stderr)
    if report.refused:
        print(f"kiosk: {report.summary()}", file=sys.stderr)
        return 2
    print(tr("{summary} (event {name})").format(summary=report.summary(), name=repr(event_name)))
    for person in report.blocked_checked_in:
        print(tr("{code}: now {reason}, but already checked in; the check-in stays (see kiosk stats)").format(
            code=person["code"], reason=block_reason_text(person["reason"])))
    return 0
