"""The command line: the same services the screens use, as a stable scripting interface.

Each area registers its sub-commands from its own module (every ``kiosk/cli/*_cmds.py`` module). A command
function takes the parsed arguments and a ``Context`` and returns the exit status. Errors the
user can act on (``KioskError``) print one line and exit with their status; no traceback ever
reaches the user.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import pkgutil
import sys

from kiosk import __version__
from kiosk.cli import argparse_words
from kiosk.cli.args import nonempty_name
from sqlalchemy.exc import DBAPIError, OperationalError

from kiosk.cli.context import Context
from kiosk.core.errors import KioskError
from kiosk.core.store import safe_url
from kiosk.i18n import tr

log = logging.getLogger("kiosk.cli")

# File errors that say the user named a file badly (usage, exit 2) rather than a failing disk.
USER_FILE_ERRORS = {errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.EPERM, errno.EEXIST}


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
    except (OperationalError, DBAPIError) as exc:  # locked, dropped or timed out mid-command: exit 7
        if not (isinstance(exc, OperationalError) or exc.connection_invalidated):
            return _internal_error(args, exc)
        log.warning("database error in %s: %s", args.command, exc)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        url = safe_url(ctx.store.url) if "store" in ctx.__dict__ else tr("the database")
        print("kiosk: " + tr("Cannot reach database {url}: {reason}").format(url=url, reason=reason), file=sys.stderr)
        return 7
    except KeyboardInterrupt:
        print("kiosk: " + tr("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the system refuses: name too long, no such folder, no access
        log.warning("file error in %s: %s", args.command, exc)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"kiosk: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2 if exc.errno in USER_FILE_ERRORS else 1
    except Exception as exc:  # the last line of defence: one line for the user, details in the log
        return _internal_error(args, exc)
    finally:
        ctx.close()


def _internal_error(args, exc: Exception) -> int:
    log.exception("unhandled error in %s", args.command, exc_info=exc)
    error = f"{type(exc).__name__}: {exc}".splitlines()[0]
    print("kiosk: " + tr("internal error: {error}").format(error=error), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
