"""What the command line says about check-in lists: results on a list and a list's figures."""

from __future__ import annotations

from kiosk.core.checkin import ResultKind, ScanResult
from kiosk.core.list_stats import stats_for_list
from kiosk.i18n import tr

# Results only a list can give; always worded with the list's name.
LIST_RESULTS = {ResultKind.NOT_ADMITTED, ResultKind.OUTSIDE_WINDOW, ResultKind.CAPACITY_FULL, ResultKind.PRINTED}
# Results worded with the list's name when the station works on a chosen list.
_NAMED = LIST_RESULTS | {
    ResultKind.CHECKED_IN, ResultKind.ALREADY_CHECKED_IN, ResultKind.CHECKED_OUT, ResultKind.NOT_INSIDE,
    ResultKind.ANNULLED, ResultKind.NOT_CHECKED_IN,
}


def station_list(args) -> str | None:
    """--list, else the station's check-in list setting, else None (the event's default list)."""
    if getattr(args, "list", None):
        return args.list
    from kiosk.settings import StationSettings

    return StationSettings().get("station/list") or None


def wants_list_line(result: ScanResult, args) -> bool:
    return result.kind in LIST_RESULTS or (result.kind in _NAMED and bool(result.list_name) and bool(station_list(args)))


def list_result_line(result: ScanResult, who: str, when) -> str:
    k, name = result.kind, result.list_name
    if k is ResultKind.NOT_ADMITTED:
        a = result.attendee
        if result.reason == "category":
            why = tr("category {value}").format(value=a.category if a else "?")
        else:
            why = tr("ticket type {value}").format(value=a.ticket_type if a else "?")
        return tr("Not admitted on {list}: {who} ({why})").format(list=name, who=who, why=why)
    if k is ResultKind.OUTSIDE_WINDOW:
        if result.reason == "not_open":
            return tr("{list} is not open yet: {who}").format(list=name, who=who)
        return tr("{list} is closed: {who}").format(list=name, who=who)
    if k is ResultKind.CAPACITY_FULL:
        return tr("{list} is full ({n} places): {who}").format(list=name, n=result.reason, who=who)
    if k is ResultKind.PRINTED:
        return tr("Badge scan logged at {list} (not an entry): {who}").format(list=name, who=who)
    if k is ResultKind.ALREADY_CHECKED_IN:
        f = result.first_checkin
        if f:
            return tr("Already checked in on {list} at {time}, {station}: {who}").format(
                list=name, time=when(f.at), station=f.station or "?", who=who
            )
        return tr("Already checked in on {list}: {who}").format(list=name, who=who)
    if k is ResultKind.CHECKED_IN:
        if result.reentry:
            return tr("Checked in on {list}: {who} (again)").format(list=name, who=who)
        return tr("Checked in on {list}: {who}").format(list=name, who=who)
    if k is ResultKind.CHECKED_OUT:
        return tr("Checked out of {list}: {who}").format(list=name, who=who)
    if k is ResultKind.NOT_INSIDE:
        return tr("Not inside {list}, nothing to check out: {who}").format(list=name, who=who)
    if k is ResultKind.ANNULLED:
        return tr("Check-in on {list} annulled: {who}").format(list=name, who=who)
    return tr("Not checked in on {list}, nothing to undo: {who}").format(list=name, who=who)


def print_list_stats(args, ctx) -> int:
    figures = stats_for_list(ctx.store, ctx.event.id, args.list)
    if args.json:
        ctx.emit_json(figures)
        return 0
    e = figures["expected"]
    pct = f" ({100 * figures['checked_in'] / e:.0f}%)" if e else ""
    rows = [
        (tr("List:"), figures["list"]),
        (tr("Expected:"), e),
        (tr("Checked in:"), f"{figures['checked_in']}{pct}"),
        (tr("Inside now:"), figures["inside"]),
        (tr("Not arrived:"), figures["not_arrived"]),
    ]
    if figures["capacity"] is not None:
        rows.append((tr("Places left:"), f"{figures['capacity_left']} / {figures['capacity']}"))
    width = max(15, *(len(label) + 1 for label, _ in rows))
    for label, value in rows:
        print(f"{label:<{width}}{value}")
    return 0
