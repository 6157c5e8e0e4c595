"""Online first, the replica when the hub is lost or frozen: the scan in hand is decided within
2 s of the scanner's Enter, nothing is lost, and the station comes back by itself."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from kiosk.core import replica as rep, sync
from kiosk.core.checkin import ResultKind
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, CheckIn
from kiosk.core.station_service import StationService
from kiosk.core.store import open_store

pytestmark = pytest.mark.postgres


@pytest.fixture
def station(relay, hub, event_id, make_replica):
    """A station that reaches the hub only through the relay."""
    far_hub = open_store(relay.url)
    local = make_replica("s")
    rep.first_fill(local, far_hub, event_id)
    worker = sync.SyncWorker(local, relay.url, interval=0.2)
    service = StationService(far_hub, local, event_id, Actor("Door 1", "Ola"), worker=worker)
    yield service
    worker.stop()
    far_hub.dispose()


def _codes(store, event_id):
    with store.read() as s:
        return s.execute(select(Attendee.code).where(Attendee.event_id == event_id).order_by(Attendee.id)).scalars().all()


def _hub_log(hub):
    with hub.read() as s:
        return s.execute(select(CheckIn.id, CheckIn.station, CheckIn.kind)).all()


def _wait(predicate, seconds=10.0):
    end = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_a_frozen_hub_is_treated_like_a_lost_one_and_nothing_is_lost(station, relay, hub, event_id):
    codes = _codes(hub, event_id)
    assert station.scan(codes[0]).kind is ResultKind.CHECKED_IN and station.online
    assert len(_hub_log(hub)) == 1
    relay.stall()  # open links die, new ones hang unanswered
    started = time.monotonic()
    in_hand = station.scan(codes[1])
    assert time.monotonic() - started < 2.0
    assert in_hand.kind is ResultKind.CHECKED_IN and not station.online
    started = time.monotonic()
    for code in codes[2:6]:  # offline: decided locally without waiting on the hub
        assert station.scan(code).kind is ResultKind.CHECKED_IN
    assert station.scan(codes[0]).kind is ResultKind.ALREADY_CHECKED_IN  # the online one was mirrored
    assert time.monotonic() - started < 0.5
    assert sync.status(station.replica).state == "offline"
    assert sync.status(station.replica).waiting == 5
    station.worker.start()
    time.sleep(0.5)
    assert not station.online and len(_hub_log(hub)) == 1
    relay.resume()
    _wait(lambda: station.online)
    assert {r.id for r in _hub_log(hub)} >= {in_hand.entry.id}
    assert len(_hub_log(hub)) == 6 and sync.status(station.replica).waiting == 0


def test_a_walk_in_and_an_edit_made_offline_reach_the_hub_and_the_other_stations(station, relay, hub, event_id, make_replica):
    other = make_replica("other")
    rep.first_fill(other, hub, event_id)
    relay.stall()
    from kiosk.core.search import SearchIndex, find

    index = SearchIndex(station.replica, event_id, refresh_interval=0)
    index.refresh(force=True)
    person = station.register_walk_in({"first_name": "Maja", "last_name": "Offlinesson"})
    assert not station.online and person.id < 0
    index.refresh(force=True)  # found at this station at once, offline
    assert [m.attendee.id for m in find(index, "Offlinesson")] == [person.id]
    assert station.check_in(person.id).kind is ResultKind.CHECKED_IN
    codes = _codes(hub, event_id)
    with hub.read() as s:
        known = s.execute(select(Attendee).where(Attendee.code == codes[7])).scalar_one()
    station.edit(known.id, {"organisation": "Offline AB"})
    relay.resume()
    station.worker.start()
    _wait(lambda: station.online)
    with hub.read() as s:
        on_hub = s.execute(select(Attendee).where(Attendee.code == person.code)).scalar_one()
        assert on_hub.id > 0 and on_hub.walk_in and on_hub.inside
        assert s.get(Attendee, known.id).organisation == "Offline AB"
    with station.replica.read() as s:  # the station's own copy now carries the hub's id
        assert s.get(Attendee, on_hub.id).code == person.code
    index.refresh(force=True)  # and, once the hub has it, under the hub's id
    assert on_hub.id in [m.attendee.id for m in find(index, "Offlinesson")]
    rep.pull(other, hub)
    hits = find(SearchIndex(other, event_id), "Offlinesson")
    assert hits and hits[0].attendee.id == on_hub.id and hits[0].attendee.inside


def test_an_edit_of_one_field_at_two_stations_keeps_the_last_and_lists_the_loser(station, relay, hub, event_id):
    codes = _codes(hub, event_id)
    with hub.read() as s:
        known = s.execute(select(Attendee).where(Attendee.code == codes[9])).scalar_one()
    relay.stall()
    station.scan("nothing-like-a-code")  # goes offline
    station.edit(known.id, {"job_title": "Drummer"})
    time.sleep(0.02)
    from kiosk.core.attendees import update_attendee

    update_attendee(hub, known.id, {"job_title": "Singer"}, Actor("Desk 9", "Kim"))  # later, on the hub
    relay.resume()
    station.worker.start()
    _wait(lambda: station.online)
    with hub.read() as s:
        assert s.get(Attendee, known.id).job_title == "Singer"
    (conflict,) = sync.conflicts(station.replica)
    assert conflict.kind == "edit" and conflict.details["lost"] == "Drummer" and conflict.details["kept"] == "Singer"


def test_kiosk_run_on_a_hub_sets_up_the_replica_itself(hub, event_id, tmp_path, sqlite_url):
    from kiosk.core.models import Event
    from kiosk.core.replica import replica_path
    from kiosk.settings import StationSettings
    from kiosk.ui.desk.assemble import build_desk
    from kiosk.ui.station_run import Station

    settings = StationSettings(tmp_path / "station.toml")
    with hub.read() as s:
        event = s.get(Event, event_id)
    assert not replica_path(hub.url).exists()
    service = Station(hub, "desk", Actor("Desk 5", "Liv"), settings, build_desk)._station_service(event)
    try:
        assert replica_path(hub.url).exists() and service.online
        assert sync.status(service.replica).event_id == event_id
        with service.replica.read() as s:
            assert len(s.execute(select(Attendee.id)).all()) == 40
    finally:
        service.close()
    solo = open_store(sqlite_url)
    assert Station(solo, "desk", Actor("Desk 5", "Liv"), settings, build_desk)._station_service(event) is None  # a file stays as it was
    solo.dispose()
