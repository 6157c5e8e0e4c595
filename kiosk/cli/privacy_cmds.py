"""purge, person (export / erase), audit, admin set-pin."""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from datetime import datetime, timedelta

from kiosk.cli.args import nonempty_name, nonempty_path
from kiosk.cli.progress import Progress
from kiosk.core import audit, person_data, pin, privacy
from kiosk.core.errors import UsageError
from kiosk.core.models import utcnow
from kiosk.i18n import tr


def _event_option(p) -> None:
    # SUPPRESS: when not given here, the global ``kiosk --event NAME`` still applies.
    p.add_argument("--event", metavar="NAME", type=nonempty_name, default=argparse.SUPPRESS, help=tr("event to work on"))


def _actor_options(p) -> None:
    p.add_argument("--station", metavar="S", help=tr("station recorded in the audit trail (default: cli)"))
    p.add_argument("--operator", metavar="O", help=tr("operator recorded in the audit trail"))


def register(sub) -> None:
    p = sub.add_parser("purge", help=tr("anonymise an event's attendees for good (after the event)"))
    _event_option(p)
    p.add_argument("--expired", action="store_true", help=tr("purge every event past its retention period"))
    p.add_argument("--yes", action="store_true", help=tr("do not ask for the event's name as confirmation"))
    p.add_argument("--json", action="store_true")
    _actor_options(p)
    p.set_defaults(func=cmd_purge, skip_retention_warning=True)

    p = sub.add_parser("person", help=tr("one person's data: export it (--export FILE.json) or erase it (--erase)"))
    p.add_argument("key", metavar="CODE|EMAIL")
    _event_option(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--export", metavar="FILE.json", type=nonempty_path, help=tr("write everything held about them to this file"))
    what.add_argument("--erase", action="store_true", help=tr("anonymise this attendee (cannot be undone)"))
    p.add_argument("--yes", action="store_true", help=tr("erase without asking"))
    _actor_options(p)
    p.set_defaults(func=cmd_person)

    p = sub.add_parser("audit", help=tr("list the audit trail (imports, exports, edits, purges, ...)"))
    _event_option(p)
    p.add_argument("--since", metavar="WHEN", help=tr("from this time: 2026-05-01, '2026-05-01 14:00', 7d, 12h, 30m"))
    p.add_argument("--until", metavar="WHEN", help=tr("before this time (same forms)"))
    p.add_argument("--action", action="append", metavar="NAME", help=tr("only this action (repeatable)"))
    p.add_argument("--limit", type=int, metavar="N", help=tr("only the newest N entries"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("admin", help=tr("staff settings of an event: set-pin"))
    asub = p.add_subparsers(dest="admin_command", metavar="ACTION", parser_class=type(p))
    asub.required = True
    q = asub.add_parser("set-pin", help=tr("set the staff PIN (4-12 digits); without PIN it is read from stdin"))
    q.add_argument("pin", nargs="?", metavar="PIN")
    _event_option(q)
    _actor_options(q)
    q.set_defaults(func=cmd_set_pin)


# -- confirmation ---------------------------------------------------------------------------

def _read_line(prompt: str) -> str | None:
    """One line from stdin (prompt on stderr); None when there is no input."""
    if sys.stdin is None or sys.stdin.closed:
        return None
    if sys.stdin.isatty():
        sys.stderr.write(prompt)
        sys.stderr.flush()
    try:
        line = sys.stdin.readline()
    except (OSError, ValueError):
        return None
    return line.rstrip("\r\n") if line else None


def _confirm(prompt: str, expected: str, what: str) -> None:
    answer = _read_line(prompt)
    if answer is None or answer.strip() != expected:
        raise UsageError(f"{what} aborted: confirmation did not match (or use --yes)")


# -- purge ----------------------------------------------------------------------------------

def _purge_line(r: privacy.PurgeResult) -> str:
    return (
        f"Purged {r.event_name!r}: {r.attendees} attendees anonymised, {r.checkins_cleaned} log reasons, "
        f"{r.print_jobs_cleaned} print errors and {r.audit_cleaned} audit entries cleaned ({r.seconds:.1f} s)."
    )


def _files_warning(ctx, r: privacy.PurgeResult) -> None:
    if r.files_clean:
        return
    if ctx.store.dialect == "sqlite":
        print("kiosk: warning: the database is open in another program, so its files could not be compacted; "
              "close it and run the purge again", file=sys.stderr)
    else:
        print("kiosk: note: rows are anonymised; old row versions, WAL and backups on the database server "
              "are the server operator's responsibility", file=sys.stderr)


def cmd_purge(args, ctx) -> int:
    if args.expired:
        if getattr(args, "event", None) is not None:
            raise UsageError("give either --expired or --event, not both")
        targets = privacy.expired_events(ctx.store)
        if not targets:
            if args.json:
                ctx.emit_json([])
            else:
                print(tr("No event is past its retention period."))
            return 0
        ids = [(e.id, e.name) for e in targets]
    else:
        event = ctx.event
        ids = [(event.id, event.name)]
    results = []
    for event_id, name in ids:
        if not args.yes:
            _confirm(f"Purge {name!r}? This cannot be undone. Type the event's name to confirm: ", name, "purge")
        with Progress(0 if args.json else 2, tr("purge {name}").format(name=name)) as bar:
            result = privacy.purge_event(ctx.store, event_id, ctx.actor, expired=args.expired,
                                         progress=None if args.json else lambda step, _steps: bar.set(step))
        results.append(result)
        if not args.json:
            print(_purge_line(result))
        _files_warning(ctx, result)
    if args.json:
        ctx.emit_json([r.to_json() for r in results] if args.expired else results[0].to_json())
    return 0


# -- one person -----------------------------------------------------------------------------

def cmd_person(args, ctx) -> int:
    event_id = ctx.event.id if getattr(args, "event", None) is not None else None
    if args.export is not None:  # never "if args.export": an empty path must not fall through to erase
        people = person_data.find_people(ctx.store, args.key, event_id)
        if not people:
            raise person_data.PersonNotFound("No attendee with that code or email" + (" in this event" if event_id else ""))
        path = person_data.export_people(ctx.store, people, args.export, ctx.actor)
        print(tr("Wrote %n record(s) to {file}", None, len(people)).format(file=path))
        return 0
    ref = person_data.find_one(ctx.store, args.key, event_id)
    if not args.yes:
        _confirm(
            f"Erase attendee {ref.code} of {ref.event_name!r}? This cannot be undone. Type 'erase' to confirm: ", "erase", "erase"
        )
    result = privacy.erase_attendee(ctx.store, ref.attendee_id, ctx.actor)
    print(tr("Erased attendee #{id} of {event} ({seconds} s).").format(id=ref.attendee_id, event=repr(ref.event_name), seconds=f"{result.seconds:.1f}"))
    _files_warning(ctx, result)
    return 0


# -- audit ----------------------------------------------------------------------------------

_RELATIVE = re.compile(r"^(\d+)\s*([dhm])$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_when(text: str) -> datetime:
    """'7d', '12h', '30m' (ago), an ISO date or date and time (local time unless it has an offset)."""
    text = text.strip()
    rel = _RELATIVE.match(text.lower())
    if rel:
        n, unit = int(rel.group(1)), rel.group(2)
        return utcnow() - timedelta(**{_UNITS[unit]: n})
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"Cannot read the time {text!r}: use 2026-05-01, '2026-05-01 14:00', 7d, 12h or 30m") from None
    return value if value.tzinfo else value.astimezone()


def _details_text(details: dict) -> str:
    return " ".join(f"{k}={v}" for k, v in details.items())


def cmd_audit(args, ctx) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    since = parse_when(args.since) if args.since else None
    until = parse_when(args.until) if args.until else None
    event_id = ctx.event.id if getattr(args, "event", None) else None
    entries = audit.list_entries(ctx.store, since=since, until=until, actions=args.action, event_id=event_id, limit=args.limit)
    if args.json:
        ctx.emit_json([e.to_json() for e in entries])
        return 0
    for e in entries:
        who = "/".join(x for x in (e.station, e.operator) if x) or "-"
        subject = f"#{e.attendee_id}" if e.attendee_id is not None else "-"
        print("\t".join((e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), who, e.action, e.event_name or "-", subject, _details_text(e.details))))
    if not entries:
        print(tr("No audit entries."), file=sys.stderr)
    return 0


# -- admin ----------------------------------------------------------------------------------

def cmd_set_pin(args, ctx) -> int:
    value = args.pin
    if value is None:
        if sys.stdin is not None and sys.stdin.isatty():
            value = getpass.getpass("New PIN: ")
            if getpass.getpass("Again: ") != value:
                raise UsageError("The two PINs differ; nothing changed")
        else:
            value = _read_line("")
        if not value:
            raise UsageError("No PIN given (pass it as an argument or on stdin)")
    pin.set_pin(ctx.store, ctx.event.id, value, ctx.actor)
    print(tr("PIN set for {event}.").format(event=repr(ctx.event.name)))
    return 0
