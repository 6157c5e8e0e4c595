"""doctor (is this machine ready: versions, database, printers, cameras, fonts, resources)."""

from __future__ import annotations

from kiosk.i18n import tr


def register(sub) -> None:
    p = sub.add_parser(
        "doctor",
        help=tr("check versions, database, printers, cameras, fonts and resources (exit 1 when something blocks check-in)"),
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-hardware", action="store_true", help=tr("skip the printers and cameras"))
    p.set_defaults(func=cmd_doctor)


def cmd_doctor(args, ctx) -> int:
    from kiosk.cli.context import chosen_database_url
    from kiosk.doctor import run_checks

    report = run_checks(chosen_database_url(args.db), hardware=not args.no_hardware)  # the station's database
    if args.json:
        ctx.emit_json(report.to_json())
    else:
        print("\n".join(report.lines()))
        problems = len(report.problems)
        print(tr("{n} problem(s): check-in is blocked").format(n=problems) if problems else tr("ready for check-in"))
    return report.exit_code
