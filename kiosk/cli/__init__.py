"""The command line: the same services the screens use, as a stable scripting interface.

Each area registers its sub-commands from its own module (every ``kiosk/cli/*_cmds.py`` module). A command
function takes the parsed arguments and a ``Context`` and returns the exit status. Errors the
user can act on (``KioskError``) print one line and exit with their status; no traceback ever
reaches the user.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from kiosk import __version__
from kiosk.cli import argparse_words
from kiosk.cli.args import nonempty_name
from kiosk.cli.context import Context
from kiosk.core.errors import KioskError
from kiosk.i18n import tr

log = logging.getLogger("kiosk.cli")


def command_modules() -> list[str]:
    """Every ``kiosk/cli/*_cmds.py`` registers its own sub-commands."""
    import kiosk.cli as package

    return sorted(f"kiosk.cli.{m.name}" for m in pkgutil.iter_modules(package.__path__) if m.name.endswith("_cmds"))


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line, exit 2
        self.exit(2, argparse_words.error_line(self.prog, message))


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()
    parser = Parser(prog="kiosk", description=tr("Event check-in desk."))
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}", help=argparse_words.version_help())
    parser.add_argument("--db", metavar="URL", type=nonempty_name, help=tr("database URL (default: $KIOSK_DB, else the station's database/url, else a SQLite file in the user data folder)"))
    parser.add_argument("--event", metavar="NAME", type=nonempty_name, help=tr("event to work on (default: the newest one)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for name in command_modules():
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from kiosk import i18n

    i18n.use_command_line()  # texts follow $KIOSK_LANG or the locale (kiosk run hands over to Qt's)
    parser = build_parser()
    args = parser.parse_args(argv)
    from kiosk import logs

    logs.setup()  # the rotating log file, for every command and the windowed app
    ctx = Context(args)
    try:
        return int(args.func(args, ctx) or 0)
    except KioskError as exc:
        from kiosk.messages import localise

        print(f"kiosk: {localise(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kiosk: " + tr("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line for the user, details in the log
        log.exception("unhandled error in %s", args.command)
        from kiosk.core.urls import mask_in_text

        error = mask_in_text(f"{type(exc).__name__}: {exc}", args.db)  # a driver's message may carry the URL
        print("kiosk: " + tr("internal error: {error}").format(error=error), file=sys.stderr)
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
