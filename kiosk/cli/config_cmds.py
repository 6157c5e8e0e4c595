"""config show / config set: the station's and the event's settings, for scripts and remote admin.

The same declarations as the settings dialog check every value; a bad key or value is one line
(exit 2) and nothing is written. Each change is written to the audit trail (action ``settings``)."""

from __future__ import annotations

from kiosk.core.errors import UsageError
from kiosk.core.events import NoEventError
from kiosk.settings import EVENT_SETTINGS, SETTINGS, EventSettings, StationSettings, lookup
from kiosk.settings.event import record_station_change
from kiosk.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("config", help=tr("show or change this station's and the event's settings"))
    csub = p.add_subparsers(dest="config_command", metavar="ACTION")
    csub.required = True
    show = csub.add_parser("show", help=tr("list every setting with its value (and its description with --verbose)"))
    show.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    show.add_argument("--verbose", "-v", action="store_true", help=tr("add each setting's description"))
    show.set_defaults(func=cmd_show)
    put = csub.add_parser("set", help=tr("change one setting, e.g. 'kiosk config set printing/printer Zebra'"))
    put.add_argument("key", help=tr("a key from 'kiosk config show' (station/name or station.name)"))
    put.add_argument("value", help=tr("the new value (true/false, a number, text, or NAME=VALUE; NAME=VALUE for tables)"))
    put.set_defaults(func=cmd_set)


def _event_settings(ctx) -> EventSettings | None:
    try:
        return EventSettings(ctx.store, ctx.event.id)
    except NoEventError:
        return None


def cmd_show(args, ctx) -> int:
    station = StationSettings()
    rows = [(spec, station.get(key), "station") for key, spec in SETTINGS.items()]
    event = _event_settings(ctx)
    if event is not None:
        values = event.as_dict()
        rows += [(spec, values[key], "event") for key, spec in EVENT_SETTINGS.items()]
    if args.json:
        ctx.emit_json({
            "station_file": str(station.path),
            "event": ctx.event.name if event is not None else None,
            "settings": [
                {
                    "key": spec.key, "scope": scope, "page": spec.page, "type": spec.type.__name__,
                    "value": spec.public(value), "default": spec.default,
                    "description": spec.description,
                }
                for spec, value, scope in rows
            ],
        })
        return 0
    print(f"# station file: {station.path}")
    if event is None:
        print("# no event yet: event settings appear once one exists")
    else:
        print(f"# event: {ctx.event.name}")
    width = max(len(spec.key) for spec, _, _ in rows)
    for spec, value, _ in rows:
        line = f"{spec.key:<{width}}  {spec.show(value)}"
        print(f"{line}    # {spec.description}" if args.verbose else line)
    for problem in station.problems:
        print(f"# {problem}")
    return 0


def cmd_set(args, ctx) -> int:
    spec = lookup(args.key)
    value = spec.parse(args.value)  # a bad value stops here, before anything is written
    if spec.secret and not value:  # in the settings dialog an empty PIN field means "unchanged"
        raise UsageError(f"{spec.key}: give a PIN of 4 to 12 digits (a PIN cannot be removed by leaving it empty)")
    if spec.scope == "event":
        EventSettings(ctx.store, ctx.event.id).set(spec.key, value, ctx.actor)
    else:
        station = StationSettings()
        station.set(spec.key, value)
        station.sync()
        try:
            event_id = ctx.event.id
        except NoEventError:
            event_id = None
        record_station_change(ctx.store, event_id, spec.key, value, ctx.actor)
    print(f"{spec.key} = {spec.show(value)}")
    return 0
