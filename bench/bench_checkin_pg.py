"""Round trips and latency of a check-in on PostgreSQL, beside a hand-written psycopg check-in
(BEGIN, SELECT ... FOR UPDATE, INSERT, COMMIT: 4 round trips) on the same database, in the same
run. Round trips are counted on the wire by a relay (bench/pg_wire.py), for greens and for
"already checked in" answers. Goal: 4 per scan; p95 <= 1.5x the hand-written check-in.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from collections import Counter

from common import emit, summary_ms
from pg_wire import CountingRelay

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--pg", default=os.environ.get("KIOSK_TEST_PG_URL"), help="PostgreSQL server URL")
    args = ap.parse_args()
    if not args.pg:
        print("bench_checkin_pg: no PostgreSQL server given (--pg URL or KIOSK_TEST_PG_URL); skipped", file=sys.stderr)
        emit("checkin_pg", {"skipped": "no PostgreSQL server"})
        return
    n, scans = (2_000, 50) if args.small else (100_000, 500)

    import psycopg

    from kiosk.core import attendees
    from kiosk.core.checkin import CheckInService, ResultKind
    from kiosk.core.demo import create_demo
    from kiosk.core.events import Actor
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
        store.dispose()
        picks = random.Random(2).sample(codes, 2 * scans)
        relay = CountingRelay(url)
        store = open_store(relay.url)
        desk = CheckInService(store, event_id, Actor("Bench", "bench"))
        desk.scan(picks[-1])  # connect, warm up
        dsn = make_url(relay.url).set(drivername="postgresql").render_as_string(hide_password=False)
        raw = psycopg.connect(dsn)
        raw.execute("CREATE TEMP TABLE ref (id uuid PRIMARY KEY, attendee_id int, kind text, at timestamptz, station text)")
        raw.commit()
        relay.take()
        t_kiosk, t_raw, trips_kiosk, trips_raw, shapes = [], [], [], [], Counter()
        for i in range(scans):
            start = time.perf_counter()
            kind = desk.scan(picks[i]).kind
            t_kiosk.append(time.perf_counter() - start)
            assert kind is ResultKind.CHECKED_IN, kind
            trips, statements = relay.take()
            trips_kiosk.append(trips)
            if i < 3:
                shapes.update(statements)
            start = time.perf_counter()
            with raw.cursor() as cur:
                cur.execute("SELECT id, checked_in_at FROM attendee WHERE event_id = %s AND code = %s FOR UPDATE",
                            (event_id, picks[scans + i]))
                attendee_id = cur.fetchone()[0]
                cur.execute("INSERT INTO ref VALUES (%s, %s, 'entry', now(), 'Bench')", (uuid.uuid4(), attendee_id))
            raw.commit()
            t_raw.append(time.perf_counter() - start)
            trips_raw.append(relay.take()[0])
        amber_trips, t_amber = [], []
        for code in picks[: max(10, scans // 5)]:  # "already checked in": the same person again
            start = time.perf_counter()
            assert desk.scan(code).kind is ResultKind.ALREADY_CHECKED_IN
            t_amber.append(time.perf_counter() - start)
            amber_trips.append(relay.take()[0])
        raw.close()
        store.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    kiosk, ref = summary_ms(t_kiosk), summary_ms(t_raw)
    emit("checkin_pg", {
        "attendees": n, "scans": scans,
        "round_trips_per_scan": Counter(trips_kiosk).most_common(), "hand_written_round_trips": Counter(trips_raw).most_common(),
        "statements_of_the_first_3_scans": sorted(shapes.items()),
        "round_trips_per_already_checked_in": Counter(amber_trips).most_common(), "already_checked_in": summary_ms(t_amber),
        "checkin": kiosk, "hand_written_psycopg": ref,
        "ratio_median": round(kiosk["median_ms"] / ref["median_ms"], 2), "ratio_p95": round(kiosk["p95_ms"] / ref["p95_ms"], 2),
        "goal": "4 round trips per scan; p95 <= 1.5x hand-written",
    })


if __name__ == "__main__":
    main()
