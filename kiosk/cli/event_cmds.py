"""events: list, create, rename, archive and restore events (the Events dialog's operations)."""

from __future__ import annotations

from kiosk.core.event_admin import (
    DEFAULT_END, DEFAULT_START, attendee_counts, create_event_from_text, event_by_name, rename_event, set_archived,
)
from kiosk.core.events import list_events, zone
from kiosk.i18n import tr


def add_event_options(p, date_required: bool) -> None:
    """--date, --start, --end, --venue and --tz, as ``events create`` and ``import --create-event`` take them."""
    p.add_argument("--date", required=date_required, metavar="YYYY-MM-DD", help="the event's day" + ("" if date_required else " (default: today)"))
    p.add_argument("--start", default=DEFAULT_START, metavar="HH:MM", help=f"start time (default {DEFAULT_START})")
    p.add_argument("--end", default=DEFAULT_END, metavar="HH:MM", help=f"end time (default {DEFAULT_END})")
    p.add_argument("--venue", default="", metavar="V")
    p.add_argument("--tz", default="UTC", metavar="ZONE", help="time zone, e.g. Europe/Stockholm (default UTC)")


def register(sub) -> None:
    p = sub.add_parser("events", help="list, create, rename, archive or restore events")
    events = p.add_subparsers(dest="events_command", metavar="ACTION", parser_class=type(p))
    events.required = True

    q = events.add_parser("list", help="every event, archived ones marked")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)

    q = events.add_parser("create", help="create an event")
    q.add_argument("name", metavar="NAME")
    add_event_options(q, date_required=True)
    q.set_defaults(func=cmd_create)

    q = events.add_parser("rename", help="rename an event")
    q.add_argument("old", metavar="OLD")
    q.add_argument("new", metavar="NEW")
    q.set_defaults(func=cmd_rename)

    for name, func, help_ in (
        ("archive", cmd_archive, "hide an event from lists and the default choice (nothing is deleted)"),
        ("restore", cmd_restore, "bring an archived event back"),
    ):
        q = events.add_parser(name, help=help_)
        q.add_argument("name", metavar="NAME")
        q.set_defaults(func=func)


def _json(event, counts: dict[int, int]) -> dict:
    return {
        "name": event.name,
        "venue": event.venue,
        "starts_at": event.starts_at.astimezone(zone(event.timezone)).isoformat(),
        "ends_at": event.ends_at.astimezone(zone(event.timezone)).isoformat(),
        "timezone": event.timezone,
        "archived": event.archived,
        "attendees": counts.get(event.id, 0),
    }


def cmd_list(args, ctx) -> int:
    events = list_events(ctx.store, include_archived=True)
    counts = attendee_counts(ctx.store)
    if args.json:
        ctx.emit_json([_json(e, counts) for e in events])
        return 0
    if not events:
        print(tr("No events yet: create one with 'kiosk events create NAME --date YYYY-MM-DD'."))
        return 0
    for e in events:
        local = e.starts_at.astimezone(zone(e.timezone))
        until = e.ends_at.astimezone(zone(e.timezone)).strftime("%H:%M")
        mark = tr("(archived)") if e.archived else ""
        people = tr("%n attendee(s)", None, counts.get(e.id, 0))
        print("\t".join((e.name, f"{local:%Y-%m-%d %H:%M}–{until} {e.timezone}", e.venue, people, mark)).rstrip())
    return 0


def cmd_create(args, ctx) -> int:
    event = create_event_from_text(ctx.store, args.name, args.date, args.start, args.end, args.venue, args.tz, ctx.actor)
    print(tr("Created event {name} on {date}").format(name=repr(event.name), date=args.date.strip()))
    return 0


def cmd_rename(args, ctx) -> int:
    event = event_by_name(ctx.store, args.old)
    rename_event(ctx.store, event.id, args.new, ctx.actor)
    print(tr("Renamed event {old} to {new}").format(old=repr(args.old), new=repr(args.new.strip())))
    return 0


def cmd_archive(args, ctx) -> int:
    set_archived(ctx.store, event_by_name(ctx.store, args.name).id, True, ctx.actor)
    print(tr("Archived event {name}").format(name=repr(args.name)))
    return 0


def cmd_restore(args, ctx) -> int:
    set_archived(ctx.store, event_by_name(ctx.store, args.name).id, False, ctx.actor)
    print(tr("Restored event {name}").format(name=repr(args.name)))
    return 0
