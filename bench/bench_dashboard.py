"""Dashboard refresh at 100k attendees and 100k check-ins, on SQLite and (when a server is
given with --pg or KIOSK_BENCH_PG_URL) PostgreSQL.

Measures the cheap per-second change marker, a dashboard refresh after five new check-ins
(every headline number, chart series and list, kept up to date from what changed), the first
load, and a from-scratch ``load_figures``. Goal: a refresh <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from common import Timer, emit, summary_ms
from sqlalchemy import bindparam, select

from kiosk.core.checkin import CheckInService
from kiosk.core.dashboard import DashboardData, load_figures
from kiosk.core.events import Actor
from kiosk.core.demo import create_demo
from kiosk.core.models import Attendee, CheckIn, PrintJob, Station, utcnow
from kiosk.core.store import open_store


def fill(store, attendees: int, checkins: int, seed: int = 1) -> int:
    """The demo event with ``checkins`` entries spread over the last three hours, a badge job
    for each first entry, and six stations."""
    event_id = create_demo(store, attendees=attendees, seed=seed, reset=True, name="Dashboard bench")
    rng = random.Random(seed)
    now = utcnow()
    with store.read() as session:
        ids = list(session.execute(select(Attendee.id).where(Attendee.event_id == event_id)).scalars())
    stations = [f"Desk {i}" for i in range(1, 5)] + ["Kiosk 1", "Kiosk 2"]
    first: dict[int, tuple] = {}
    log, jobs = [], []
    for _ in range(checkins):
        attendee_id = rng.choice(ids) if len(first) >= len(ids) * 0.8 else ids[len(first)]
        at = now - timedelta(seconds=rng.uniform(0, 3 * 3600))
        station = rng.choice(stations)
        log.append(dict(id=uuid.uuid4(), event_id=event_id, attendee_id=attendee_id, kind="entry", at=at,
                        station=station, operator="", method="scan", reason=""))
        if attendee_id not in first or at < first[attendee_id][0]:
            first[attendee_id] = (at, station)
    for attendee_id, (at, station) in first.items():
        jobs.append(dict(id=uuid.uuid4(), event_id=event_id, attendee_id=attendee_id, station=station, template="a6",
                         printer="p", state="printed", reprint=False, attempts=1, error="", created_at=at,
                         next_try_at=at, printed_at=at))
    with store.write() as session:
        conn = session.connection()
        for start in range(0, len(log), 5000):
            conn.execute(CheckIn.__table__.insert(), log[start : start + 5000])
        for start in range(0, len(jobs), 5000):
            conn.execute(PrintJob.__table__.insert(), jobs[start : start + 5000])
        rows = [{"b_id": a, "b_at": at} for a, (at, _s) in first.items()]
        table = Attendee.__table__
        mark = table.update().where(table.c.id == bindparam("b_id")).values(checked_in_at=bindparam("b_at"), inside=True)
        for start in range(0, len(rows), 5000):
            conn.execute(mark, rows[start : start + 5000])
        for name in stations:
            session.merge(Station(name=name, last_seen=now, mode="desk", printer_status=f"{name} printer: ready"))
    return event_id


def measure(url: str, attendees: int, checkins: int, rounds: int) -> dict:
    store = open_store(url)
    try:
        event_id = fill(store, attendees, checkins)
        with store.read() as session:
            waiting = list(session.execute(
                select(Attendee.code).where(Attendee.event_id == event_id, Attendee.checked_in_at.is_(None)).limit(rounds * 5)
            ).scalars())
        service = CheckInService(store, event_id, Actor("Desk 1"))
        data = DashboardData(store, event_id)
        with Timer() as first:
            data.refresh()
        marker, refresh, scratch = [], [], []
        for i in range(rounds):
            for code in waiting[i * 5 : i * 5 + 5]:  # five stations' worth of news each second
                service.scan(code)
            with Timer() as t:
                data.marker()
            marker.append(t.elapsed)
            with Timer() as t:
                figures = data.refresh()
            refresh.append(t.elapsed)
        for _ in range(3):
            with Timer() as t:
                fresh = load_figures(store, event_id)
            scratch.append(t.elapsed)
        same_moment = utcnow()
        assert fresh.headline.checked_in == figures.headline.checked_in
        assert load_figures(store, event_id, same_moment) == data.refresh(same_moment), "incremental != from scratch"
        return {
            "attendees": attendees,
            "checkins": checkins + len(waiting),
            "checked_in": figures.headline.checked_in,
            "marker": summary_ms(marker),
            "refresh": summary_ms(refresh),
            "first_load_ms": round(first.elapsed * 1000, 1),
            "from_scratch": summary_ms(scratch),
            "full_reloads_after_start": data.full_loads - 1,
        }
    finally:
        store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="5k attendees and check-ins (CI)")
    parser.add_argument("--pg", default=os.environ.get("KIOSK_BENCH_PG_URL"), help="PostgreSQL URL to bench too")
    args = parser.parse_args()
    n = 5_000 if args.small else 100_000
    rounds = 10 if args.small else 30
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = measure(f"sqlite:///{Path(tmp) / 'bench.db'}", n, n, rounds)
    if args.pg:
        results["postgresql"] = measure(args.pg, n, n, rounds)
    results["goal_refresh_ms"] = 50
    emit("dashboard", results)


if __name__ == "__main__":
    main()
