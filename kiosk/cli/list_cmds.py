"""lists: the event's check-in lists (the entrance, rooms, days, a badge desk)."""

from __future__ import annotations

import argparse
from datetime import datetime

from kiosk.core import checkin_lists
from kiosk.core.errors import UsageError
from kiosk.core.events import zone
from kiosk.i18n import tr

RULES = ("once", "daily", "multiple", "exit")


def _add_fields(p, creating: bool) -> None:
    p.add_argument("--types", nargs="*", metavar="TYPE", help=tr("admitted ticket types (none: all)"))
    p.add_argument("--categories", nargs="*", metavar="CATEGORY", help=tr("admitted categories (none: all)"))
    p.add_argument("--rule", choices=RULES, default="once" if creating else None, help=tr("entry rule (default once)"))
    p.add_argument("--capacity", type=int, metavar="N", help=tr("places in the room") if creating else tr("places in the room; 0 or less removes it"))
    p.add_argument("--from", dest="valid_from", metavar="WHEN", help=tr("opens at (event time unless an offset is given)"))
    p.add_argument("--until", dest="valid_until", metavar="WHEN", help=tr("closes at"))
    # --no-print-only and --no-counts-inside turn them off again
    p.add_argument("--print-only", action=argparse.BooleanOptionalAction, default=None,
                   help=tr("a badge desk: scans print, never enter"))
    p.add_argument("--counts-inside", action=argparse.BooleanOptionalAction, default=None,
                   help=tr("counts toward inside the building"))


def register(sub) -> None:
    p = sub.add_parser("lists", help=tr("the event's check-in lists; create, edit or archive one"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help=tr("include archived lists"))
    p.set_defaults(func=cmd_lists)
    lsub = p.add_subparsers(dest="lists_command", metavar="ACTION")

    c = lsub.add_parser("create", help=tr("a new list"))
    c.add_argument("name")
    _add_fields(c, creating=True)
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_create)

    e = lsub.add_parser("edit", help=tr("change a list; only what is given changes"))
    e.add_argument("name")
    e.add_argument("--rename", metavar="NEW")
    _add_fields(e, creating=False)
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_edit)

    a = lsub.add_parser("archive", help=tr("archive a list (stations can no longer choose it)"))
    a.add_argument("name")
    a.add_argument("--restore", action="store_true", help=tr("bring an archived list back"))
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_archive)


def _time(ctx, text: str | None, option: str) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(tr("{option}: cannot read the time {text} (use '2026-05-12 09:00')").format(option=option, text=repr(text))) from None
    return value if value.tzinfo else value.replace(tzinfo=zone(ctx.event.timezone))


def _when(ctx, dt: datetime | None) -> str:
    return dt.astimezone(zone(ctx.event.timezone)).strftime("%Y-%m-%d %H:%M") if dt else ""


def _line(ctx, info: checkin_lists.ListInfo) -> str:
    parts = [info.name, info.rule.value]
    if info.print_only:
        parts.append(tr("print only"))
    if info.ticket_types:
        parts.append(tr("types: {types}").format(types=", ".join(info.ticket_types)))
    if info.categories:
        parts.append(tr("categories: {categories}").format(categories=", ".join(info.categories)))
    if info.capacity is not None:
        parts.append(tr("capacity {n}").format(n=info.capacity))
    if info.valid_from or info.valid_until:
        parts.append(f"{_when(ctx, info.valid_from)}–{_when(ctx, info.valid_until)}")
    if info.is_default:
        parts.append(tr("default"))
    if info.archived:
        parts.append(tr("archived"))
    return "\t".join(parts)


def _show(args, ctx, info: checkin_lists.ListInfo) -> int:
    if args.json:
        ctx.emit_json(info.to_json())
    else:
        print(_line(ctx, info))
    return 0


def cmd_lists(args, ctx) -> int:
    lists = checkin_lists.all_lists(ctx.store, ctx.event.id, include_archived=args.all)
    if args.json:
        ctx.emit_json([info.to_json() for info in lists])
        return 0
    for info in lists:
        print(_line(ctx, info))
    return 0


def _changes(args, ctx) -> dict:
    changes = {}
    if args.types is not None:
        changes["ticket_types"] = args.types
    if args.categories is not None:
        changes["categories"] = args.categories
    if args.rule is not None:
        changes["rule"] = args.rule
    if args.capacity is not None:
        changes["capacity"] = args.capacity
    if args.valid_from is not None:
        changes["valid_from"] = _time(ctx, args.valid_from, "--from")
    if args.valid_until is not None:
        changes["valid_until"] = _time(ctx, args.valid_until, "--until")
    if args.print_only is not None:
        changes["print_only"] = args.print_only
    if args.counts_inside is not None:
        changes["counts_inside"] = args.counts_inside
    return changes


def cmd_create(args, ctx) -> int:
    info = checkin_lists.create_list(ctx.store, ctx.event.id, args.name, **_changes(args, ctx))
    return _show(args, ctx, info)


def cmd_edit(args, ctx) -> int:
    changes = _changes(args, ctx)
    if "capacity" in changes and args.capacity <= 0:
        changes["capacity"] = None
    if args.rename:
        changes["new_name"] = args.rename
    info = checkin_lists.edit_list(ctx.store, ctx.event.id, args.name, **changes)
    return _show(args, ctx, info)


def cmd_archive(args, ctx) -> int:
    info = checkin_lists.archive_list(ctx.store, ctx.event.id, args.name, archived=not args.restore)
    return _show(args, ctx, info)
