"""The command line: the same services the screens use, as a stable scripting interface.

Each area registers its sub-commands from its own module (every ``kiosk/cli/*_cmds.py`` module). A command
function takes the parsed arguments and a ``Context`` and returns the exit status. Errors the
user can act on (``KioskError``) print one line and exit with their status; no traceback ever
reaches the user.

``kiosk run`` must show its window fast, so parsing a ``run`` command line builds a parser with the
``run`` command alone first (it imports no database or badge code); anything else it cannot
parse (another command, ``--help``, an error) is parsed again by the whole parser, so every
command, help text and error reads exactly as before. The database libraries are imported by
the commands that use them, never here.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import pkgutil
import sys

from kiosk.cli import argparse_words
from kiosk.cli.args import nonempty_name
from kiosk.cli.context import Context
from kiosk.core.errors import KioskError
from kiosk.i18n import tr

log = logging.getLogger("kiosk.cli")

# File errors that say the user named a file badly (usage, exit 2) rather than a failing disk.
USER_FILE_ERRORS = {errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.EPERM, errno.EEXIST}


def command_modules() -> list[str]:
    """Every ``kiosk/cli/*_cmds.py`` registers its own sub-commands."""
    import kiosk.cli as package

    return sorted(f"kiosk.cli.{m.name}" for m in pkgutil.iter_modules(package.__path__) if m.name.endswith("_cmds"))


#: The commands a station's window needs; ``kiosk run`` is parsed with these alone first.
RUN_MODULES = ("kiosk.cli.run_cmds",)


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line, exit 2
        self.exit(2, argparse_words.error_line(self.prog, message))


class _NotRun(Exception):
    """The quick ``run`` parse met something only the whole parser can answer."""


class _RunParser(Parser):
    """The top level of the quick parse: its errors, help and version go to the whole parser."""

    def error(self, message: str):
        raise _NotRun

    def exit(self, status: int = 0, message: str | None = None):
        raise _NotRun

    def print_help(self, file=None):
        raise _NotRun

    def print_usage(self, file=None):
        raise _NotRun


def version_text() -> str:
    from kiosk import __version__

    return f"kiosk {__version__}"


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):  # noqa: A002
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        if isinstance(parser, _RunParser):
            raise _NotRun
        parser._print_message(version_text() + "\n", sys.stdout)  # noqa: SLF001 (what argparse's own does)
        parser.exit()


def build_parser(modules: tuple[str, ...] | None = None, parser_class: type = Parser) -> argparse.ArgumentParser:
    """The whole parser; ``modules``: only these command modules (the quick ``run`` parse)."""
    argparse_words.install()
    parser = parser_class(prog="kiosk", description=tr("Event check-in desk."))
    parser.add_argument("--version", action=_VersionAction, help=argparse_words.version_help())
    parser.add_argument("--db", metavar="URL", type=nonempty_name, help=tr("database URL (default: $KIOSK_DB, else the station's database/url, else a SQLite file in the user data folder)"))
    parser.add_argument("--event", metavar="NAME", type=nonempty_name, help=tr("event to work on (default: the newest one)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for name in modules or command_modules():
        importlib.import_module(name).register(sub)
    return parser


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """``kiosk run ...`` without importing the other commands (and the database and badge
    libraries they import); everything else, and every error, through the whole parser."""
    words = sys.argv[1:] if argv is None else list(argv)
    if "run" in words:
        try:
            args = build_parser(RUN_MODULES, _RunParser).parse_args(words)
        except _NotRun:
            pass
        else:
            if args.command == "run":
                return args
    return build_parser().parse_args(words)


def main(argv: list[str] | None = None) -> int:
    from kiosk import i18n

    i18n.use_command_line()  # texts follow $KIOSK_LANG or the locale (kiosk run hands over to Qt's)
    args = parse_arguments(argv)
    from kiosk import logs

    logs.setup()  # the rotating log file, for every command and the windowed app
    ctx = Context(args)
    try:
        return int(args.func(args, ctx) or 0)
    except KioskError as exc:
        from kiosk.messages import localise

        print(f"kiosk: {localise(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except _database_errors() as exc:  # locked, dropped or timed out mid-command: exit 7
        from sqlalchemy.exc import OperationalError

        from kiosk.core.store import safe_url

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


class _NoDatabaseError(Exception):
    """Stands in for SQLAlchemy's errors while SQLAlchemy is not loaded (so none can be raised)."""


def _database_errors() -> tuple[type[BaseException], ...]:
    """SQLAlchemy's connection errors, without importing SQLAlchemy for a command that never did."""
    if "sqlalchemy.exc" not in sys.modules:
        return (_NoDatabaseError,)
    from sqlalchemy.exc import DBAPIError, OperationalError

    return (OperationalError, DBAPIError)


def _internal_error(args, exc: Exception) -> int:
    log.exception("unhandled error in %s", args.command, exc_info=exc)
    error = f"{type(exc).__name__}: {exc}".splitlines()[0]
    print("kiosk: " + tr("internal error: {error}").format(error=error), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
