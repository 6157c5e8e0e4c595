"""A station process for the sync tests: a StationService with its replica and sync worker,
driven by one JSON command a line on stdin, answering one JSON line each on stdout."""

from __future__ import annotations

import json
import sys
import time


def main(hub_url: str, event_id: int, name: str) -> None:
    from kiosk.core import stats, sync
    from kiosk.core.events import Actor
    from kiosk.core.search import SearchIndex, find
    from kiosk.core.station_service import connect
    from kiosk.core.store import open_store

    hub = open_store(hub_url)
    service = connect(hub, event_id, Actor(name, "op-" + name))
    service.worker.interval = 0.3
    index = SearchIndex(service.replica, event_id, refresh_interval=0)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        op = cmd["op"]
        out: dict = {}
        if op == "scan":
            result = service.scan(cmd["code"])
            out = {"kind": result.kind.value, "id": result.entry.id.hex if result.entry else None}
        elif op == "walk_in":
            person = service.register_walk_in({"first_name": cmd["first"], "last_name": cmd["last"]})
            result = service.check_in(person.id)
            out = {"code": person.code, "kind": result.kind.value, "id": result.entry.id.hex if result.entry else None}
        elif op == "undo":
            attendee_id, _code, _other = service.lookup(cmd["code"])
            result = service.annul(attendee_id, cmd["reason"])
            out = {"kind": result.kind.value, "id": result.entry.id.hex if result.entry else None}
        elif op == "kick":
            service.worker.kick()
        elif op == "status":
            status = service.sync_status()
            out = {"online": service.online, **status.to_json()}
        elif op == "search":
            index.refresh(force=True)
            out = {"codes": [m.attendee.code for m in find(index, cmd["q"])]}
        elif op == "stats":
            out = stats.event_stats(service.replica, event_id)
        elif op == "conflicts":
            out = {"conflicts": [c.to_json() for c in sync.conflicts(service.replica)]}
        elif op == "quit":
            break
        print(json.dumps(out, default=str), flush=True)
    service.close()
    hub.dispose()
    time.sleep(0)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
