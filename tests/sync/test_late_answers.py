"""A hub that commits but answers too late: the station has already decided offline. The scan
(or walk-in) must still reach the hub once, not twice: the offline decision reuses the
entry id (and the walk-in its code) of the online attempt, so the push finds it there."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from kiosk.core import replica as rep, sync
from kiosk.core.checkin import ResultKind
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, CheckIn, CheckInKind
from kiosk.core.station_service import StationService

pytestmark = pytest.mark.postgres

DEADLINE = 0.5


@pytest.fixture
def station(hub, hub_url, event_id, make_replica):
    local = make_replica("late")
    rep.first_fill(local, hub, event_id)
    worker = sync.SyncWorker(local, hub_url, interval=0.2)
    service = StationService(hub, local, event_id, Actor("Door 1", "Ola"), worker=worker, deadline=DEADLINE)
    yield service
    worker.stop()


def answer_late(service, name: str) -> None:
    """The hub does the work and commits; its answer arrives after the station stopped waiting."""
    real = getattr(service.online_service, name)

    def late(*args, **kwargs):
        value = real(*args, **kwargs)
        time.sleep(DEADLINE * 3)
        return value

    setattr(service.online_service, name, late)


def _wait(predicate, seconds=15.0):
    end = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def _entries(hub, attendee_id=None, code=None):
    with hub.read() as s:
        if attendee_id is None:
            attendee_id = s.execute(select(Attendee.id).where(Attendee.code == code)).scalar_one()
        return s.execute(select(CheckIn.id).where(CheckIn.attendee_id == attendee_id,
                                                  CheckIn.kind == CheckInKind.ENTRY)).all()


def test_a_scan_the_hub_committed_after_the_deadline_is_recorded_once(station, hub, event_id):
    with hub.read() as s:
        code = s.execute(select(Attendee.code).where(Attendee.event_id == event_id).order_by(Attendee.id)).scalars().first()
    answer_late(station, "scan")
    result = station.scan(code)
    assert result.kind is ResultKind.CHECKED_IN and not station.online
    time.sleep(DEADLINE * 3)  # the late answer has come and gone
    del station.online_service.scan  # the hub answers in time again
    station.worker.start()
    _wait(lambda: station.online and sync.status(station.replica).waiting == 0)
    assert len(_entries(hub, code=code)) == 1
    assert [c for c in sync.conflicts(station.replica) if c.kind == "double_entry"] == []


def test_a_walk_in_the_hub_committed_after_the_deadline_is_registered_once(station, hub, event_id):
    answer_late(station, "walk_in")
    result = station.walk_in({"first_name": "Sana", "last_name": "Latesvar"})
    assert result.kind is ResultKind.CHECKED_IN and not station.online
    time.sleep(DEADLINE * 3)
    del station.online_service.walk_in
    station.worker.start()
    _wait(lambda: station.online and sync.status(station.replica).waiting == 0)
    with hub.read() as s:
        people = s.execute(select(Attendee.id).where(Attendee.last_name == "Latesvar")).scalars().all()
    assert len(people) == 1
    assert len(_entries(hub, attendee_id=people[0])) == 1
