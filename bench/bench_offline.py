"""A station on a PostgreSQL hub with its local replica: what offline costs.

- first pull: filling the replica from the hub (goal: 100k attendees in <= 15 s);
- incremental pull when nothing changed (goal: <= 5 ms; measured as the whole pull, so it is an
  upper bound of what it costs the hub);
- an offline decision (on the replica, with its outbox row) against a check-in on a station's
  own SQLite file, interleaved in one run (goal: ratio <= 1.2);
- 1,000 queued scans reaching the hub once it is back (goal: <= 5 s);
- 1,000 more offline scans that each queued a badge, printed from the replica's queue (claim and
  mark, no printer), then reaching the hub, jobs printed and badges counted (goal: <= 5 s).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from common import emit, summary_ms

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--pg", default=os.environ.get("KIOSK_TEST_PG_URL"), help="PostgreSQL server URL")
    args = ap.parse_args()
    if not args.pg:
        print("bench_offline: no PostgreSQL server given (--pg URL or KIOSK_TEST_PG_URL); skipped", file=sys.stderr)
        emit("offline", {"skipped": "no PostgreSQL server"})
        return
    n = 5_000 if args.small else 100_000
    decisions = 300 if args.small else 1_000
    queued = 1_000
    badges = 1_000

    from kiosk.core import attendees, replica, sync
    from kiosk.core.checkin import CheckInService
    from kiosk.core.demo import create_demo
    from kiosk.core.events import Actor
    from kiosk.core.station_service import StationService
    from kiosk.core.store import open_store

    name = f"kiosk_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-offline-"))
    try:
        hub = open_store(url)
        event_id = create_demo(hub, attendees=n, seed=1)
        codes = [a.code for a in attendees.list_all(hub, event_id)]
        local = replica.open_replica(url, work / "replica.db")
        started = time.perf_counter()
        replica.first_fill(local, hub, event_id)
        first_pull = time.perf_counter() - started

        link = sync.sync_engine_store(url)  # the worker's own pool, as a station uses it
        replica.pull(local, link)
        idle, hub_side = [], []
        state = replica.read_state(local)
        for _ in range(50):
            t = time.perf_counter()
            replica.pull(local, link)
            idle.append(time.perf_counter() - t)
            time.sleep(0.01)
        for _ in range(50):  # the hub's part alone: the one statement an idle pull sends
            with link.engine.connect() as conn:
                t = time.perf_counter()
                replica.read_changes(conn, event_id, int(state["watermark"]), int(state["xmin"]))
                conn.rollback()
                hub_side.append(time.perf_counter() - t)

        # The same attendees on a station's own SQLite file, for the offline/local ratio.
        own = open_store(f"sqlite:///{work / 'own.db'}")
        own_event = create_demo(own, attendees=n, seed=1)
        own_desk = CheckInService(own, own_event, Actor("Solo", "bench"))
        offline = StationService(hub, local, event_id, Actor("Door 1", "bench"))
        offline._online = False  # as after a lost hub: every decision on the replica
        picks = random.Random(3).sample(range(n), decisions + queued + badges)
        own_codes = [a.code for a in attendees.list_all(own, own_event)]
        off_s, own_s = [], []
        for i in picks[:decisions]:
            t = time.perf_counter()
            assert offline.scan(codes[i]).kind.value == "checked_in"
            off_s.append(time.perf_counter() - t)
            t = time.perf_counter()
            assert own_desk.scan(own_codes[i]).kind.value == "checked_in"
            own_s.append(time.perf_counter() - t)
        for i in picks[decisions:decisions + queued - decisions] if decisions < queued else []:
            offline.scan(codes[i])
        waiting = replica.waiting(local)
        started = time.perf_counter()
        pushed, _pulled = sync.sync_once(local, link)
        drain = time.perf_counter() - started

        from kiosk.core.station_queue import StationQueue

        class Badges:  # the station's badge policy: every first check-in queues its badge
            auto_print, printer = True, "bench"

            @staticmethod
            def template_for(_ticket_type):
                return "a6"

        offline.use_badges(Badges())
        for i in picks[decisions + queued:]:
            offline.scan(codes[i])
        prints = StationQueue(link, local, lambda: False, 1.5)  # offline: the replica's queue only
        marked = []
        while True:
            t = time.perf_counter()
            claim = prints.claim("Door 1")
            if claim is None:
                break
            prints.printed(claim, "bench")
            marked.append(time.perf_counter() - t)
        badge_waiting = replica.waiting(local)
        started = time.perf_counter()
        badge_pushed, _pulled = sync.sync_once(local, link)
        badge_drain = time.perf_counter() - started
        with hub.read() as session:
            printed_on_hub = session.execute(text("SELECT count(*) FROM print_job WHERE state = 'printed'")).scalar()
        own.dispose()
        local.dispose()
        link.dispose()
        hub.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    ratio = statistics.median(off_s) / statistics.median(own_s)
    emit("offline", {
        "attendees": n,
        "first_pull_s": round(first_pull, 2),
        "idle_pull": summary_ms(idle),
        "idle_pull_hub_statement": summary_ms(hub_side),
        "offline_decision": summary_ms(off_s),
        "own_sqlite_checkin": summary_ms(own_s),
        "offline_vs_own_ratio": round(ratio, 2),
        "queued": waiting, "pushed": pushed, "queued_to_hub_s": round(drain, 2),
        "offline_badge_claim_and_mark": summary_ms(marked),
        "badge_scans_queued": badge_waiting, "badge_scans_pushed": badge_pushed,
        "badges_printed_on_hub": printed_on_hub, "badge_scans_to_hub_s": round(badge_drain, 2),
        "goal": "first pull of 100k <= 15 s, idle pull <= 5 ms, ratio <= 1.2, 1,000 queued on the hub <= 5 s, "
                "1,000 scans with badges printed offline on the hub <= 5 s",
    })


if __name__ == "__main__":
    main()
