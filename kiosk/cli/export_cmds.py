"""export: the check-in log, the attendee list or attendance, as CSV or XLSX."""

from __future__ import annotations

from kiosk.cli.args import nonempty_path
from kiosk.core.exporting import FORMATS, KINDS, export
from kiosk.i18n import tr


def register(sub) -> None:
    p = sub.add_parser(
        "export",
        help=tr("export checkins, attendees or attendance to a CSV or XLSX file"),
        description=(
            tr("checkins: the full log (times in the event's time zone); attendees: the list; attendance: first entry, last exit and status per attendee. CSV is UTF-8 with BOM; cells that would run as spreadsheet formulas are neutralised. The file is readable by its owner only.")
        ),
    )
    p.add_argument("what", choices=KINDS)
    p.add_argument("file", metavar="FILE", type=nonempty_path)
    p.add_argument("--format", choices=FORMATS, help=tr("default: from the file name (.xlsx), else csv"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--station", metavar="S")
    p.add_argument("--operator", metavar="O")
    p.set_defaults(func=cmd_export)


def cmd_export(args, ctx) -> int:
    result = export(ctx.store, ctx.event.id, args.what, args.file, args.format, ctx.actor)
    if args.json:
        ctx.emit_json(result.to_json())
    else:
        print(tr("Exported %n {what} rows to {file} ({format})", None, result.rows).format(what=result.what, file=result.path, format=result.format))
    return 0
