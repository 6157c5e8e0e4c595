"""sync: a station's replica of its hub (status, sync now, conflicts). Status and conflicts
read the station's own replica, so they answer while the hub is down."""

from __future__ import annotations

from kiosk.cli.context import chosen_database_url
from kiosk.core.errors import KioskError
from kiosk.core.store import StoreError, resolve_url
from kiosk.i18n import tr


class NoReplica(KioskError):
    exit_code = 1


def register(sub) -> None:
    p = sub.add_parser("sync", help="this station's local replica of the hub: status, sync now, conflicts")
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    s = ssub.add_parser("status", help="online or offline, what waits for the hub, the last sync")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_status)
    n = ssub.add_parser("now", help="push what waits and pull what changed (fills the replica the first time)")
    n.add_argument("--json", action="store_true")
    n.set_defaults(func=cmd_now)
    c = ssub.add_parser("conflicts", help="double entries made apart and edits that lost, as far as this station knows")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_conflicts)


def _hub_url(args) -> str:
    url = resolve_url(chosen_database_url(args.db))
    if not url.startswith("postgresql"):
        raise KioskError(tr("This station works on its own database file; sync is for stations on a PostgreSQL hub"), exit_code=2)
    return url


def _replica(args, must_exist: bool = True):
    from kiosk.core.replica import open_replica, replica_path

    url = _hub_url(args)
    if must_exist and not replica_path(url).exists():
        raise NoReplica(tr("This station has no replica of the hub yet: run 'kiosk sync now' or 'kiosk run' while the hub answers"))
    return url, open_replica(url)


def cmd_status(args, ctx) -> int:
    from kiosk.core import sync

    _url, local = _replica(args)
    try:
        status = sync.status(local)
    finally:
        local.dispose()
    if args.json:
        ctx.emit_json(status.to_json())
        return 0
    state = tr("online") if status.state == sync.ONLINE else tr("OFFLINE")
    last = status.last_sync.astimezone().strftime("%Y-%m-%d %H:%M:%S") if status.last_sync else tr("never")
    print(tr("State: {state}").format(state=state))
    print(tr("Waiting for the hub: {n}").format(n=status.waiting))
    print(tr("Last sync: {when}").format(when=last))
    if status.state != sync.ONLINE and status.error:
        print(tr("Last error: {error}").format(error=status.error))
    return 0


def cmd_now(args, ctx) -> int:
    from kiosk.core import sync

    url, local = _replica(args, must_exist=False)
    try:
        try:
            hub = ctx.store
            sync.ensure_replica(local, hub, ctx.event.id)
            pushed, pulled = sync.sync_once(local, hub)
        except StoreError:
            sync.mark(local, sync.OFFLINE, tr("the hub does not answer"))
            raise
        except sync.UNREACHABLE as exc:
            sync.mark(local, sync.OFFLINE, tr("the hub does not answer"))
            raise StoreError(tr("Cannot reach the hub: {reason}").format(reason=str(exc).splitlines()[0])) from None
        status = sync.status(local)
    finally:
        local.dispose()
    if args.json:
        ctx.emit_json({"pushed": pushed, "pulled": pulled, **status.to_json()})
    else:
        print(tr("Sent {pushed}, received {pulled}; {n} waiting").format(pushed=pushed, pulled=pulled, n=status.waiting))
    return 0


def cmd_conflicts(args, ctx) -> int:
    from kiosk.core import sync

    _url, local = _replica(args)
    try:
        found = sync.conflicts(local)
    finally:
        local.dispose()
    if args.json:
        ctx.emit_json([c.to_json() for c in found])
        return 0
    if not found:
        print(tr("No conflicts"))
    for c in found:
        when = c.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        who = c.name or c.code
        if c.kind == "double_entry":
            print(tr("{when}  double entry made offline: {who} at {station}, already in at {other} ({other_at})").format(
                when=when, who=who, station=c.station, other=c.details.get("other_station", ""),
                other_at=c.details.get("other_at", "")[:19].replace("T", " ")))
        else:
            print(tr("{when}  edit at two stations: {who}, {field} kept '{kept}', lost '{lost}' ({station})").format(
                when=when, who=who, field=c.details.get("field", ""), kept=c.details.get("kept"),
                lost=c.details.get("lost"), station=c.station))
    return 0
