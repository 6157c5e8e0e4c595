"""Eight stations scanning at once on PostgreSQL at 100k attendees: check-in p95 and doubles.

Each process scans random codes drawn from a shared pool that is smaller than the total number
of scans, so stations often hit the same ticket at the same moment. Goal: p95 <= 20 ms, 0 doubles.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import time
import uuid

from common import emit, summary_ms

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url


def station(url, event_id, pool, scans, seed, barrier, out):
    from kiosk.core.checkin import CheckInService
    from kiosk.core.events import Actor
    from kiosk.core.store import open_store

    store = open_store(url)
    desk = CheckInService(store, event_id, Actor(f"Station {seed}", "bench"))
    rng = random.Random(seed)
    picks = [rng.choice(pool) for _ in range(scans)]
    barrier.wait(timeout=120)
    samples, kinds = [], []
    for code in picks:
        start = time.perf_counter()
        kinds.append(desk.scan(code).kind.value)
        samples.append(time.perf_counter() - start)
    store.dispose()
    out.put((samples, kinds))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--pg", default=os.environ.get("KIOSK_TEST_PG_URL"), help="PostgreSQL server URL")
    ap.add_argument("--stations", type=int, default=8)
    args = ap.parse_args()
    if not args.pg:
        print("bench_race_pg: no PostgreSQL server given (--pg URL or KIOSK_TEST_PG_URL); skipped", file=sys.stderr)
        emit("race_pg", {"skipped": "no PostgreSQL server"})
        return
    n = 2_000 if args.small else 100_000
    scans = 50 if args.small else 500
    pool_size = max(50, scans * args.stations // 3)

    from kiosk.core import attendees
    from kiosk.core.demo import create_demo
    from kiosk.core.models import CheckIn, CheckInKind
    from kiosk.core.store import open_store

    name = f"kiosk_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    try:
        store = open_store(url)
        event_id = create_demo(store, attendees=n, seed=1)
        codes = [a.code for a in attendees.list_all(store, event_id)]
        pool = random.Random(9).sample(codes, min(pool_size, len(codes)))
        ctx = mp.get_context("spawn")
        barrier, out = ctx.Barrier(args.stations), ctx.Queue()
        procs = [ctx.Process(target=station, args=(url, event_id, pool, scans, i, barrier, out)) for i in range(args.stations)]
        for p in procs:
            p.start()
        results = [out.get(timeout=600) for _ in procs]
        for p in procs:
            p.join()
        samples = [s for r in results for s in r[0]]
        kinds = [k for r in results for k in r[1]]
        with store.read() as s:
            per = s.exec(select(CheckIn.attendee_id, func.count()).where(CheckIn.kind == CheckInKind.ENTRY)
                         .group_by(CheckIn.attendee_id)).all()
        doubles = sum(1 for _, c in per if c > 1)
        greens = kinds.count("checked_in")
        store.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    emit("race_pg", {
        "attendees": n, "stations": args.stations, "scans_per_station": scans, "shared_pool": len(pool),
        "scan": summary_ms(samples), "greens": greens, "ambers": kinds.count("already_checked_in"),
        "distinct_checked_in": len(per), "doubles": doubles, "goal": "p95 <= 20 ms, 0 doubles",
    })


if __name__ == "__main__":
    main()
