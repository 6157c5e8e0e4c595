"""Stations racing on the same tickets: several processes scan the same codes at the same moment."""

import multiprocessing as mp
from collections import Counter

import pytest
from sqlmodel import func, select

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.events import Actor
from kiosk.core.models import CheckIn, CheckInKind
from kiosk.core.store import open_store

STATIONS = 6
CODES = 30


def _station(url, event_id, codes, barrier, station, out):
    store = open_store(url)
    desk = CheckInService(store, event_id, Actor(station=station, operator="race"))
    barrier.wait(timeout=60)
    results = [(code, desk.scan(code).kind.value) for code in codes]
    store.dispose()
    out.put(results)


@pytest.mark.slow
def test_racing_stations_give_one_winner_per_code(store, demo_event):
    codes = [a.code for a in attendees.list_all(store, demo_event)[:CODES]]
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(STATIONS)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_station, args=(store.url, demo_event, codes, barrier, f"S{i}", out)) for i in range(STATIONS)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    wins = Counter(code for station in results for code, kind in station if kind == ResultKind.CHECKED_IN.value)
    ambers = Counter(code for station in results for code, kind in station if kind == ResultKind.ALREADY_CHECKED_IN.value)
    assert set(wins) == set(codes) and all(n == 1 for n in wins.values())
    assert all(ambers[c] == STATIONS - 1 for c in codes)
    with store.read() as s:
        per_attendee = s.exec(
            select(CheckIn.attendee_id, func.count()).where(CheckIn.kind == CheckInKind.ENTRY).group_by(CheckIn.attendee_id)
        ).all()
    assert len(per_attendee) == CODES and all(n == 1 for _, n in per_attendee)
