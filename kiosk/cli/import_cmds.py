"""import: attendee lists in (CSV, XLSX), into the current event."""

from __future__ import annotations

import sys

from kiosk.cli.args import nonempty_path
from kiosk.cli.progress import Progress
from kiosk.core.importing import FIELDS, parse_overrides, preview, run_import
from kiosk.core.importing.labels import field_label
from kiosk.core.text import LINE_LIMIT, clip
from kiosk.i18n import tr

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


def cmd_import(args, ctx) -> int:
    overrides = parse_overrides(args.map)
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
            ctx.event.id,
            args.file,
            mapping=overrides,
            skip_invalid=args.skip_invalid,
            dry_run=args.dry_run,
            progress=None if args.json else progress,
            actor=ctx.actor,
        )
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        extra = {"event": ctx.event.name}
        if args.dry_run:
            extra["first_rows"] = preview(args.file, overrides, rows=PREVIEW_ROWS).first_rows
        ctx.emit_json(report.to_json() | extra)
        return 2 if report.refused else 0
    for problem in report.errors:
        print(clip(problem.format(report.file), LINE_LIMIT), file=sys.stderr)
    for problem in report.warnings[:MAX_WARNINGS_SHOWN]:
        print(clip(problem.format(report.file), LINE_LIMIT), file=sys.stderr)
    hidden = len(report.warnings) - MAX_WARNINGS_SHOWN
    if hidden > 0:
        print(tr("{file}: ... and {n} more warnings (see --json)").format(file=report.file, n=hidden), file=sys.stderr)
    if report.refused:
        print(f"kiosk: {report.summary()}", file=sys.stderr)
        return 2
    print(tr("{summary} (event {name})").format(summary=report.summary(), name=repr(ctx.event.name)))
    return 0
