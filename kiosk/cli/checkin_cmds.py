"""demo, attendees, search, checkin, checkout, undo, stats."""

from __future__ import annotations

from kiosk.cli.args import nonempty_name
from kiosk.core import attendees as attendee_store
from kiosk.core.checkin import CheckInService, ResultKind, ScanResult
from kiosk.core.demo import DEMO_NAME, DemoExists, create_demo
from kiosk.core.errors import UsageError
from kiosk.core.events import zone
from kiosk.core.models import Method
from kiosk.core.search import SearchIndex, find
from kiosk.core.checkin_lists import usable_list
from kiosk.core.list_stats import stats_by_list
from kiosk.core.stats import event_stats
from kiosk.cli.list_texts import list_result_line, print_list_stats, station_list, wants_list_line
from kiosk.i18n import tr
from kiosk.messages import block_reason_text


def register(sub) -> None:
    p = sub.add_parser("demo", help=tr("create the demo event (a one-day forum, 170 attendees)"))
    p.add_argument("--attendees", type=int, default=170, metavar="N")
    p.add_argument("--seed", type=int, default=2026, metavar="S")
    p.add_argument("--reset", action="store_true", help=tr("replace an existing demo event"))
    p.add_argument("--name", default=DEMO_NAME, type=nonempty_name, help=tr("event name"))
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("attendees", help=tr("list every attendee with code and status"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_attendees)

    p = sub.add_parser("search", help=tr("search attendees by name, email, organisation or code"))
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    for name, func, help_ in (
        ("checkin", cmd_checkin, tr("check in the attendee with this code (exit 0 ok, 3 already, 4 unknown, 5 blocked)")),
        ("checkout", cmd_checkout, tr("record an exit for this code")),
        ("undo", cmd_undo, tr("annul this code's check-in, with a reason")),
    ):
        p = sub.add_parser(name, help=help_)
        p.add_argument("code")
        p.add_argument("--station", metavar="S")
        p.add_argument("--operator", metavar="O")
        p.add_argument("--json", action="store_true")
        p.add_argument("--list", metavar="NAME", help=tr("the check-in list (default: the station's, else Entrance)"))
        if name == "undo":
            p.add_argument("--reason", required=True, metavar="TEXT")
        p.set_defaults(func=func)

    p = sub.add_parser("stats", help=tr("expected, checked in, inside, by category, ticket type, station and list"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--list", metavar="NAME", help=tr("the figures of one check-in list"))
    p.set_defaults(func=cmd_stats)


def cmd_demo(args, ctx) -> int:
    if args.attendees < 0 or args.attendees > 1_000_000:
        raise UsageError(tr("--attendees must be between 0 and 1000000"))
    try:
        create_demo(ctx.store, attendees=args.attendees, seed=args.seed, reset=args.reset, name=args.name)
    except DemoExists:
        print(tr("The event {name} already exists; left untouched (use --reset to recreate it).").format(name=repr(args.name)))
        return 0
    print(tr("Created {name} with %n attendees in {url}", None, args.attendees).format(name=repr(args.name), url=ctx.store.display_url))
    return 0


def _when(ctx, dt) -> str:
    return dt.astimezone(zone(ctx.event.timezone)).strftime("%Y-%m-%d %H:%M:%S") if dt else ""


def cmd_attendees(args, ctx) -> int:
    people = attendee_store.list_all(ctx.store, ctx.event.id)
    if args.json:
        keys = ("code", "first_name", "last_name", "email", "organisation", "category", "ticket_type")
        ctx.emit_json(
            [{k: getattr(a, k) for k in keys} | {"checked_in_at": a.checked_in_at.isoformat() if a.checked_in_at else None} for a in people]
        )
        return 0
    for a in people:
        status = tr("in since {time}").format(time=_when(ctx, a.checked_in_at)) if a.checked_in_at else tr("not arrived")
        print("\t".join((a.code, a.display_name, a.email, a.organisation, a.category, a.ticket_type, status)))
    return 0


def cmd_search(args, ctx) -> int:
    if args.limit < 1:
        raise UsageError(tr("--limit must be at least 1"))
    index = SearchIndex(ctx.store, ctx.event.id)
    matches = find(index, args.query, limit=args.limit)
    if args.json:
        ctx.emit_json([m.attendee.to_json() | {"match": m.rank_name} for m in matches])
        return 0
    for m in matches:
        a = m.attendee
        status = tr("checked in") if a.checked_in_at else "-"
        print("\t".join((a.code, a.display_name, a.organisation, a.email, status, m.rank_name)))
    if not matches:
        print(tr("No match."))
    return 0


def _service(args, ctx) -> CheckInService:
    name = station_list(args)
    if name:  # a misspelt or archived list is a usage error, whatever the code
        usable_list(ctx.store, ctx.event.id, name)
    return CheckInService(ctx.store, ctx.event.id, ctx.actor, list_name=name)


def _report(args, ctx, result: ScanResult) -> int:
    if args.json:
        ctx.emit_json(result.to_json())
        return result.kind.exit_code
    a = result.attendee
    who = f"{a.display_name} ({a.organisation})" if a and a.organisation else (a.display_name if a else "")
    k = result.kind
    if wants_list_line(result, args):
        line = list_result_line(result, who, lambda dt: _when(ctx, dt))
    elif k is ResultKind.CHECKED_IN:
        line = (tr("Checked in: {who} (back in after leaving)") if result.reentry else tr("Checked in: {who}")).format(who=who)
    elif k is ResultKind.ALREADY_CHECKED_IN:
        f = result.first_checkin
        if f:
            line = tr("Already checked in: {who} at {time}, station {station}, by {operator}").format(
                who=who, time=_when(ctx, f.at), station=f.station or "?", operator=f.operator or "?"
            )
        else:
            line = tr("Already checked in: {who}").format(who=who)
    elif k is ResultKind.UNKNOWN_CODE:
        line = tr("Unknown code: {code}").format(code=repr(result.code)) if result.code else tr("Unknown code: nothing readable was scanned")
    elif k is ResultKind.OTHER_EVENT:
        line = tr("This code belongs to another event ({event})").format(event=result.other_event)
    elif k is ResultKind.BLOCKED:
        reason = block_reason_text(a.block_reason) if a and a.block_reason else ""
        line = (tr("Blocked ({reason}): {who}").format(reason=reason, who=who) if reason else tr("Blocked: {who}").format(who=who))
    elif k is ResultKind.CHECKED_OUT:
        line = tr("Checked out: {who}").format(who=who)
    elif k is ResultKind.NOT_INSIDE:
        line = tr("Not inside, nothing to check out: {who}").format(who=who)
    elif k is ResultKind.ANNULLED:
        line = tr("Check-in annulled: {who}").format(who=who)
    else:
        line = tr("Not checked in, nothing to undo: {who}").format(who=who)
    print(line)
    return k.exit_code


def _resolve(args, ctx, service: CheckInService) -> int | ScanResult:
    attendee_id, code, other = service.lookup(args.code)
    if attendee_id is None:
        return ScanResult(ResultKind.OTHER_EVENT if other else ResultKind.UNKNOWN_CODE, code=code, other_event=other)
    return attendee_id


def cmd_checkin(args, ctx) -> int:
    return _report(args, ctx, _service(args, ctx).scan(args.code, method=Method.CLI))


def cmd_checkout(args, ctx) -> int:
    service = _service(args, ctx)
    found = _resolve(args, ctx, service)
    result = found if isinstance(found, ScanResult) else service.check_out(found, method=Method.CLI)
    return _report(args, ctx, result)


def cmd_undo(args, ctx) -> int:
    if not args.reason.strip():
        raise UsageError(tr("--reason must not be empty"))
    service = _service(args, ctx)
    found = _resolve(args, ctx, service)
    result = found if isinstance(found, ScanResult) else service.annul(found, args.reason, method=Method.CLI)
    return _report(args, ctx, result)


def cmd_stats(args, ctx) -> int:
    if args.list:
        return print_list_stats(args, ctx)
    figures = event_stats(ctx.store, ctx.event.id)
    if args.json:
        ctx.emit_json({**figures, "by_list": stats_by_list(ctx.store, ctx.event.id)})
        return 0
    e = figures["expected"]
    pct = f" ({100 * figures['checked_in'] / e:.0f}%)" if e else ""
    rows = (
        (tr("Event:"), ctx.event.name),
        (tr("Expected:"), e),
        (tr("Checked in:"), f"{figures['checked_in']}{pct}"),
        (tr("Inside now:"), figures["inside"]),
        (tr("Not arrived:"), figures["not_arrived"]),
        (tr("Walk-ins:"), figures["walk_ins"]),
        (tr("Blocked:"), figures["blocked"]),
    )
    width = max(15, *(len(label) + 1 for label, _ in rows))
    for label, value in rows:
        print(f"{label:<{width}}{value}")
    none = tr("(none)")
    for title, key in ((tr("By category:"), "by_category"), (tr("By ticket type:"), "by_ticket_type")):
        print(title)
        for name, c in figures[key].items():
            print(f"  {name or none:<24} {c['checked_in']:>6} / {c['expected']}")
    print(tr("By station:"))
    for name, n in figures["by_station"].items():
        print(f"  {name or none:<24} {n:>6}")
    lists = stats_by_list(ctx.store, ctx.event.id)
    if len(lists) > 1:
        print(tr("By check-in list:"))
        for name, c in lists.items():
            print(f"  {name:<24} {c['checked_in']:>6} / {c['expected']}")
    flagged = figures["blocked_checked_in"]
    if flagged:
        print(tr("Blocked after check-in (the check-in stays; talk to them): %n", None, len(flagged)))
        for person in flagged:
            print(f"  {person['code']}  {person['name']} ({block_reason_text(person['reason'])})")
    return 0
