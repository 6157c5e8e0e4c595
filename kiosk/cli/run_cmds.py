"""run (open a station window), decode (read the code in an image)."""

from __future__ import annotations

from kiosk.cli.args import nonempty_name, nonempty_path
from kiosk.core.errors import KioskError
from kiosk.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("run", help=tr("open the station window (desk, self-service kiosk or dashboard)"))
    p.add_argument("--mode", default=None, help=tr("which screen: desk, self (self-service kiosk), dashboard (default: the station's setting, else desk)"))
    p.add_argument("--station", metavar="NAME", help=tr("this station's name (remembered; asked at the first start otherwise)"))
    p.add_argument("--operator", metavar="NAME", help=tr("who staffs the station (remembered)"))
    p.add_argument("--list", metavar="NAME", type=nonempty_name,
                   help=tr("the check-in list this station decides on (remembered; default: the event's Entrance)"))
    p.add_argument("--self-test", action="store_true",
                   help=tr("open each mode off-screen on the current event, render a badge, read its QR code; exit 0 when all pass"))
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("decode", help=tr("print the code in a still image or photo (exit 4 when none is found)"))
    p.add_argument("image", type=nonempty_path)
    p.set_defaults(func=cmd_decode)


def cmd_run(args, ctx) -> int:
    if args.list:  # a misspelt or archived list fails before any window opens, and is remembered
        from kiosk.core.checkin_lists import usable_list
        from kiosk.settings import StationSettings

        settings = StationSettings()
        settings.set("station/list", usable_list(ctx.store, ctx.event.id, args.list).name)
        settings.sync()
    if args.self_test:
        from kiosk.selftest import run_self_test

        return run_self_test(ctx)
    from kiosk import app

    if args.mode:
        app.check_mode(args.mode)  # an unknown mode fails before any window opens
    return app.run(ctx, mode=args.mode, station=args.station, operator=args.operator)


class NoCodeFound(KioskError):
    exit_code = 4


def cmd_decode(args, ctx) -> int:
    from kiosk.scanning.decode import DecodeError, decode_file

    try:
        codes = decode_file(args.image)
    except DecodeError as exc:
        raise KioskError(str(exc), exit_code=2) from None
    if not codes:
        raise NoCodeFound(f"{args.image}: no code found")
    for code in codes:
        print(code)
    return 0
