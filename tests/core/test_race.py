"""Stations racing on the same tickets: several processes scan the same codes at the same moment."""

import multiprocessing as mp
from collections import Counter

import pytest
from sqlmodel import func, select

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.checkin_lists import create_list
from kiosk.core.events import Actor
from kiosk.core.models import CheckIn, CheckInKind
from kiosk.core.store import open_store

STATIONS = 6
CODES = 30


def _station(url, event_id, codes, barrier, station, out, list_name=None):
    store = open_store(url)
    desk = CheckInService(store, event_id, Actor(station=station, operator="race"), list_name=list_name)
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


def _race(store, event_id, codes_per_station, list_name):
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(codes_per_station))
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_station, args=(store.url, event_id, codes, barrier, f"S{i}", out, list_name))
        for i, codes in enumerate(codes_per_station)
    ]
    for p in procs:
        p.start()
    results = [r for _ in procs for r in out.get(timeout=120)]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results


@pytest.mark.slow
def test_two_stations_one_list_one_green(store, demo_event):
    create_list(store, demo_event, "Workshop A", rule="once")
    codes = [a.code for a in attendees.list_all(store, demo_event)[:CODES]]
    results = _race(store, demo_event, [codes, codes], "Workshop A")
    wins = Counter(code for code, kind in results if kind == ResultKind.CHECKED_IN.value)
    ambers = Counter(code for code, kind in results if kind == ResultKind.ALREADY_CHECKED_IN.value)
    assert set(wins) == set(codes) and all(n == 1 for n in wins.values())
    assert set(ambers) == set(codes) and all(n == 1 for n in ambers.values())


@pytest.mark.slow
def test_two_stations_never_fill_a_room_past_its_capacity(store, demo_event):
    create_list(store, demo_event, "Small room", capacity=7)
    people = [a.code for a in attendees.list_all(store, demo_event)[: 2 * CODES]]
    results = _race(store, demo_event, [people[:CODES], people[CODES:]], "Small room")
    kinds = Counter(kind for _, kind in results)
    assert kinds == {ResultKind.CHECKED_IN.value: 7, ResultKind.CAPACITY_FULL.value: 2 * CODES - 7}
