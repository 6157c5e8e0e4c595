"""Dashboard refresh at 100k attendees and 100k check-ins, on SQLite and (when a server is
given with --pg or KIOSK_BENCH_PG_URL) PostgreSQL.

The check-ins are spread over several check-in lists (the entrance, three rooms with
capacities, one of them for one ticket type, and a second day), with exits. Measures the cheap
per-second change marker, a dashboard refresh after five new check-ins at the entrance and in
the rooms (every headline number, chart series and list, and the room view, kept up to date from
what changed), the room view's own share of it, the first load, a from-scratch
``load_figures``, and the one-off per-list figures of ``kiosk stats --list`` on a fresh,
not ANALYZEd database. ``--old`` also times the per-list query the figures used first (a
correlated NOT EXISTS; on PostgreSQL it stops at a 20 s statement timeout). Goal: a refresh
<= 50 ms.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
import os
import random
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from common import Timer, emit, summary_ms
from sqlalchemy import bindparam, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from kiosk.core.checkin import CheckInService
from kiosk.core.checkin_lists import CHECKIN, _latest_moves, all_lists, create_list, get_list
from kiosk.core.dashboard import DashboardData, load_figures
from kiosk.core.events import Actor
from kiosk.core.demo import create_demo
from kiosk.core.list_stats import _admitted, list_figures, stats_by_list
from kiosk.core.models import Attendee, CheckIn, PrintJob, Station, utcnow
from kiosk.core.store import open_store


ROOMS = ("Workshop A", "Workshop B", "Closed session", "Day 2")


def make_lists(store, event_id: int, attendees: int) -> dict[str, int]:
    """The entrance and four more lists; returns name -> id."""
    with store.read() as session:
        ticket_type = session.execute(select(Attendee.ticket_type).where(Attendee.event_id == event_id).limit(1)).scalar()
    create_list(store, event_id, "Workshop A", rule="exit", capacity=attendees // 10)
    create_list(store, event_id, "Workshop B", rule="exit", capacity=attendees // 20, counts_inside=True)
    create_list(store, event_id, "Closed session", rule="once", ticket_types=[ticket_type], capacity=attendees // 50)
    create_list(store, event_id, "Day 2", rule="daily")
    return {x.name: x.id for x in all_lists(store, event_id)}


def fill(store, attendees: int, checkins: int, seed: int = 1) -> int:
    """The demo event with ``checkins`` entries spread over the last three hours (60 % at the
    entrance, the rest in four other lists, one in ten followed by an exit), a badge job for
    each first entry, and six stations."""
    event_id = create_demo(store, attendees=attendees, seed=seed, reset=True, name="Dashboard bench")
    lists = make_lists(store, event_id, attendees)
    entrance = get_list(store, event_id).id
    rng = random.Random(seed)
    now = utcnow()
    with store.read() as session:
        ids = list(session.execute(select(Attendee.id).where(Attendee.event_id == event_id)).scalars())
    stations = [f"Desk {i}" for i in range(1, 5)] + ["Kiosk 1", "Kiosk 2"]
    first: dict[int, tuple] = {}
    log, jobs = [], []
    for _ in range(checkins):
        at = now - timedelta(seconds=rng.uniform(0, 3 * 3600))
        station = rng.choice(stations)
        if rng.random() < 0.4:  # in a room
            attendee_id, list_id = rng.choice(ids), lists[rng.choice(ROOMS)]
        else:
            attendee_id = rng.choice(ids) if len(first) >= len(ids) * 0.8 else ids[len(first)]
            list_id = entrance
        kind = "exit" if rng.random() < 0.1 and list_id != lists["Day 2"] else "entry"
        log.append(dict(id=uuid.uuid4(), event_id=event_id, attendee_id=attendee_id, kind=kind, at=at,
                        station=station, operator="", method="scan", reason="", list_id=list_id))
        if list_id != entrance or kind != "entry":
            continue
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


def analyzed(store) -> bool | None:
    """Whether PostgreSQL has statistics for the log yet (None on SQLite: it has none unless asked)."""
    if store.engine.dialect.name != "postgresql":
        return None
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT last_analyze, last_autoanalyze FROM pg_stat_user_tables WHERE relname = 'checkin'")).one()
    return any(v is not None for v in row)


def old_query_ms(store, event_id: int, name: str) -> float | None:
    """The per-list figures as first written (NOT EXISTS); None when PostgreSQL gave up at 20 s."""
    clist = get_list(store, event_id, name)
    with store.read() as session:
        conn = session.connection()
        if store.engine.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL statement_timeout = '20s'"))
        try:
            with Timer() as t:
                for moves in (("entry", "annul"), ("entry", "exit", "annul")):
                    latest = select(CHECKIN.c.attendee_id).where(_latest_moves(clist.id, moves), CHECKIN.c.kind == "entry")
                    conn.execute(select(func.count()).select_from(Attendee).where(*_admitted(clist), Attendee.id.in_(latest)))
        except OperationalError:
            return None
    return round(t.elapsed * 1000, 1)


def list_stats_times(store, event_id: int, old: bool) -> dict:
    """``kiosk stats --list NAME`` for each list, on a database fresh from the fill."""
    out = {"analyzed": analyzed(store)}
    lists = all_lists(store, event_id)
    for clist in lists:
        with store.read() as session:
            conn = session.connection()
            with Timer() as t:
                list_figures(conn, clist)
        out[clist.name] = round(t.elapsed * 1000, 1)
    with Timer() as t:
        stats_by_list(store, event_id)
    out["all_lists_ms"] = round(t.elapsed * 1000, 1)
    if old:
        out["old_not_exists_ms"] = {name: old_query_ms(store, event_id, name) for name in ("Entrance", "Workshop A")}
    return out


def measure(url: str, attendees: int, checkins: int, rounds: int, old: bool = False) -> dict:
    store = open_store(url)
    try:
        event_id = fill(store, attendees, checkins)
        stats_list = list_stats_times(store, event_id, old)
        with store.read() as session:
            waiting = list(session.execute(
                select(Attendee.code).where(Attendee.event_id == event_id, Attendee.checked_in_at.is_(None)).limit(rounds * 5)
            ).scalars())
        services = [CheckInService(store, event_id, Actor("Desk 1")), CheckInService(store, event_id, Actor("Desk 2")),
                    CheckInService(store, event_id, Actor("Room A"), list_name="Workshop A"),
                    CheckInService(store, event_id, Actor("Room B"), list_name="Workshop B"),
                    CheckInService(store, event_id, Actor("Day 2"), list_name="Day 2")]
        data = DashboardData(store, event_id)
        with Timer() as first:
            data.refresh()
        marker, refresh, scratch, rooms = [], [], [], []
        for i in range(rounds):
            for service, code in zip(services, waiting[i * 5 : i * 5 + 5]):  # five stations' worth of news each second
                service.scan(code)
            with Timer() as t:
                data.marker()
            marker.append(t.elapsed)
            with Timer() as t:
                figures = data.refresh()
            refresh.append(t.elapsed)
            with Timer() as t:
                data.lists.rows()
            rooms.append(t.elapsed)
        for _ in range(3):
            with Timer() as t:
                fresh = load_figures(store, event_id)
            scratch.append(t.elapsed)
        same_moment = utcnow()
        assert fresh.headline.checked_in == figures.headline.checked_in
        assert load_figures(store, event_id, same_moment) == data.refresh(same_moment), "incremental != from scratch"
        by_list = stats_by_list(store, event_id)
        assert {x.name: x.as_stats() for x in figures.lists} == by_list, "room view != kiosk stats --list"
        return {
            "attendees": attendees,
            "checkins": checkins + len(waiting),
            "checked_in": figures.headline.checked_in,
            "marker": summary_ms(marker),
            "lists": len(figures.lists),
            "refresh": summary_ms(refresh),
            "room_view_from_memory": summary_ms(rooms),
            "first_load_ms": round(first.elapsed * 1000, 1),
            "from_scratch": summary_ms(scratch),
            "full_reloads_after_start": data.full_loads - 1,
            "stats_list_ms_fresh": stats_list,
        }
    finally:
        store.dispose()


@contextmanager
def fresh_database(server_url: str):
    """A new, empty database on the server (no statistics from an earlier run), dropped after."""
    name = f"kiosk_bench_dashboard_{os.getpid()}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="5k attendees and check-ins (CI)")
    parser.add_argument("--pg", default=os.environ.get("KIOSK_BENCH_PG_URL"), help="PostgreSQL URL to bench too")
    parser.add_argument("--old", action="store_true", help="also time the first per-list query (NOT EXISTS)")
    args = parser.parse_args()
    n = 5_000 if args.small else 100_000
    rounds = 10 if args.small else 30
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = measure(f"sqlite:///{Path(tmp) / 'bench.db'}", n, n, rounds, args.old)
    if args.pg:
        with fresh_database(args.pg) as url:
            results["postgresql"] = measure(url, n, n, rounds, args.old)
    results["goal_refresh_ms"] = 50
    emit("dashboard", results)


if __name__ == "__main__":
    main()
