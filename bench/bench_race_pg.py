"""Eight stations scanning at once on PostgreSQL at 100k attendees: check-in p95 and doubles,
beside a hand-written psycopg check-in in the same run.

Each process scans random codes drawn from a shared pool that is smaller than the total number
of scans, so stations often hit the same ticket at the same moment. Each station alternates a
kiosk scan with a hand-written one (BEGIN; SELECT the attendee FOR UPDATE; INSERT an entry
unless it has one; COMMIT: 4 round trips) on codes from a second shared pool, so both meet the same load and the
same lock waits. Goals: p95 <= 1.5x the hand-written check-in, 0 doubles.
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


HAND_LOCK = "SELECT id FROM attendee WHERE event_id = %s AND code = %s FOR UPDATE"
HAND_INSERT = ("INSERT INTO bench_hand SELECT %(id)s, %(a)s, 'entry', now(), %(station)s"
               " WHERE NOT EXISTS (SELECT 1 FROM bench_hand WHERE attendee_id = %(a)s)")


def station(url, event_id, pool, hand_pool, warm, scans, seed, barrier, out):
    import psycopg

    from kiosk.core.checkin import CheckInService
    from kiosk.core.events import Actor
    from kiosk.core.store import open_store

    store = open_store(url, upgrade=False)
    name = f"Station {seed}"
    desk = CheckInService(store, event_id, Actor(name, "bench"))
    hand = psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))
    rng = random.Random(seed)
    picks = [rng.choice(pool) for _ in range(scans)]
    hand_picks = [rng.choice(hand_pool) for _ in range(scans)]
    desk.scan(warm)  # connect and find the list, like a station that has been open a while
    barrier.wait(timeout=120)
    samples, kinds, hand_samples, hand_greens = [], [], [], 0
    for code, other in zip(picks, hand_picks):
        start = time.perf_counter()
        kinds.append(desk.scan(code).kind.value)
        samples.append(time.perf_counter() - start)
        start = time.perf_counter()
        with hand.cursor() as cur:
            attendee_id = cur.execute(HAND_LOCK, (event_id, other)).fetchone()[0]
            hand_greens += cur.execute(HAND_INSERT, {"id": uuid.uuid4(), "a": attendee_id, "station": name}).rowcount
        hand.commit()
        hand_samples.append(time.perf_counter() - start)
    hand.close()
    store.dispose()
    out.put((samples, kinds, hand_samples, hand_greens))


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
        both = random.Random(9).sample(codes, min(2 * pool_size + args.stations, len(codes)))
        warm, both = both[: args.stations], both[args.stations :]
        pool, hand_pool = both[: len(both) // 2], both[len(both) // 2 :]
        with store.write() as s:
            s.connection().exec_driver_sql(
                "CREATE TABLE bench_hand (id uuid PRIMARY KEY, attendee_id int, kind text, at timestamptz, station text)")
        ctx = mp.get_context("spawn")
        barrier, out = ctx.Barrier(args.stations), ctx.Queue()
        procs = [ctx.Process(target=station, args=(url, event_id, pool, hand_pool, warm[i], scans, i, barrier, out))
                 for i in range(args.stations)]
        for p in procs:
            p.start()
        results = [out.get(timeout=600) for _ in procs]
        for p in procs:
            p.join()
        samples = [s for r in results for s in r[0]]
        kinds = [k for r in results for k in r[1]]
        hand_samples = [s for r in results for s in r[2]]
        hand_greens = sum(r[3] for r in results)
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
    scan, ref = summary_ms(samples), summary_ms(hand_samples)
    emit("race_pg", {
        "attendees": n, "stations": args.stations, "scans_per_station": scans, "shared_pool": len(pool),
        "scan": scan, "greens": greens, "ambers": kinds.count("already_checked_in"),
        "distinct_checked_in": len(per), "doubles": doubles,
        "hand_written_psycopg": ref, "hand_written_greens": hand_greens,
        "ratio_median": round(scan["median_ms"] / ref["median_ms"], 2), "ratio_p95": round(scan["p95_ms"] / ref["p95_ms"], 2),
        "round_trips": "counted by bench_checkin_pg.py (a relay would slow both sides here)",
        "goal": "p95 <= 1.5x hand-written psycopg, 0 doubles",
    })


if __name__ == "__main__":
    main()
