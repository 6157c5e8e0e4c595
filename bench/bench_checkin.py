"""Check-in latency on SQLite at 100k attendees, against a hand-written sqlite3 check-in
(SELECT, INSERT, COMMIT; interleaved with the real ones) and a raw INSERT+COMMIT on the same file.

The reference writes a row shaped like a CheckIn with the same pragmas (WAL, synchronous=FULL),
so the ratio shows what the check-in rule costs on top of the durable commit it cannot avoid.
Goal: median and p95 ratio <= 2.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from common import Timer, emit, summary_ms

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--attendees", type=int)
    ap.add_argument("--scans", type=int)
    args = ap.parse_args()
    n = args.attendees or (2_000 if args.small else 100_000)
    scans = args.scans or (100 if args.small else 1_000)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = open_store(f"sqlite:///{path}")
        with Timer() as t_demo:
            event_id = create_demo(store, attendees=n, seed=1)
        codes = [a.code for a in attendees.list_all(store, event_id)]
        rng = random.Random(2)
        picks = rng.sample(codes, min(2 * scans, len(codes)))
        picks, others = picks[: len(picks) // 2], picks[len(picks) // 2 :]
        desk = CheckInService(store, event_id, Actor("Bench", "bench"))
        hand = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
            hand.execute(f"PRAGMA {pragma}")
        hand.execute("CREATE TABLE IF NOT EXISTS hand (id CHAR(32) PRIMARY KEY, attendee_id INT, kind TEXT, at DATETIME,"
                     " station TEXT)")
        samples, results, cpu, hand_wall, hand_cpu = [], [], [], [], []
        for code, other in zip(picks, others):  # interleaved: the same disk, the same moment
            start, c0 = time.perf_counter(), time.process_time()
            results.append(desk.scan(code).kind)
            samples.append(time.perf_counter() - start)
            cpu.append(time.process_time() - c0)
            start, c0 = time.perf_counter(), time.process_time()
            hand.execute("BEGIN IMMEDIATE")
            attendee_id = hand.execute("SELECT id FROM attendee WHERE event_id = ? AND code = ?", (event_id, other)).fetchone()[0]
            hand.execute("INSERT INTO hand VALUES (?,?,?,?,?)",
                         (uuid.uuid4().hex, attendee_id, "entry", "2026-01-01 10:00:00", "Bench"))
            hand.execute("COMMIT")
            hand_wall.append(time.perf_counter() - start)
            hand_cpu.append(time.process_time() - c0)
        hand.close()
        assert all(k is ResultKind.CHECKED_IN for k in results)
        amber = []
        for code in picks[: max(20, scans // 5)]:
            start = time.perf_counter()
            desk.scan(code)
            amber.append(time.perf_counter() - start)
        store.dispose()

        raw = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            raw.execute(f"PRAGMA {pragma}")
        raw.execute(
            "CREATE TABLE ref (id CHAR(32) PRIMARY KEY, event_id INT, attendee_id INT, kind TEXT, at DATETIME,"
            " station TEXT, operator TEXT, method TEXT, reason TEXT)"
        )
        ref = []
        for i in range(len(picks)):
            start = time.perf_counter()
            raw.execute("BEGIN")
            raw.execute(
                "INSERT INTO ref VALUES (?,?,?,?,?,?,?,?,?)",
                (uuid.uuid4().hex, event_id, i, "entry", "2026-01-01 10:00:00", "Bench", "bench", "scan", ""),
            )
            raw.execute("COMMIT")
            ref.append(time.perf_counter() - start)
        raw.close()

    checkin, reference = summary_ms(samples), summary_ms(ref)
    emit(
        "checkin_sqlite",
        {
            "attendees": n,
            "demo_create_s": round(t_demo.elapsed, 2),
            "checkin": checkin,
            "already_checked_in": summary_ms(amber),
            "raw_insert_commit": reference,
            "hand_written_checkin": summary_ms(hand_wall),
            "ratio_to_hand_written_median": round(checkin["median_ms"] / statistics.median(hand_wall) / 1000, 2),
            "cpu_ms_per_scan_median": round(statistics.median(cpu) * 1000, 3),
            "hand_written_cpu_ms_median": round(statistics.median(hand_cpu) * 1000, 3),
            "ratio_median": round(checkin["median_ms"] / reference["median_ms"], 2),
            "ratio_p95": round(checkin["p95_ms"] / reference["p95_ms"], 2),
            "goal": "<= 1.5x the hand-written check-in, <= 0.15 ms CPU per scan",
        },
    )


if __name__ == "__main__":
    main()
