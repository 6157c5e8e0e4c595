"""The desk and the self-service kiosk on a real PostgreSQL server, with threads as in the app:
other stations' check-ins and walk-ins arriving, and the same rules as on SQLite."""

from __future__ import annotations

import pytest

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.pin import set_pin
from kiosk.core.store import open_store
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows

pytestmark = [OFFSCREEN_NOISE, pytest.mark.postgres]


@pytest.fixture
def pg_store(pg_database):
    from tests.conftest import _truncate_pg

    _truncate_pg(pg_database)
    store = open_store(pg_database)
    event_id = create_demo(store, attendees=60, seed=5)
    with store.read() as s:
        event = s.get(Event, event_id)
    yield store, event
    store.dispose()


def test_desk_on_postgres_sees_another_stations_check_in_and_walk_in(qtbot, pg_store, desk_actor, station_settings):
    from kiosk.ui.desk.assemble import build_desk

    store, event = pg_store
    desk = build_desk(store, event, desk_actor, station_settings, synchronous=False, sounds=False,
                      printing=False, camera=False)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitUntil(lambda: desk.controller.index_ready, timeout=15_000)
    a, b = [p for p in attendees.list_all(store, event.id) if not p.blocked][:2]

    desk.controller.scan(a.code)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.SUCCESS, timeout=10_000)

    other = CheckInService(store, event.id, Actor("Desk 2", "Ola"))
    assert other.scan(b.code).kind.value == "checked_in"
    desk.controller.scan(b.code)  # another station got there first: amber, and says where
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.WARNING, timeout=10_000)
    assert "Desk 2" in desk.banner.detail.text() and "Ola" in desk.banner.detail.text()
    assert len(log_rows(store, b.id)) == 1

    walk_in = other.walk_in({"first_name": "Ingrid", "last_name": "Zakariasson", "organisation": "Polisen"})
    desk.search.setText("zakar")
    qtbot.waitUntil(lambda: any(desk.model.attendee(i).id == walk_in.attendee.id
                                for i in range(desk.model.rowCount())), timeout=10_000)
    desk.close()


def test_kiosk_on_postgres_checks_in_once(qtbot, pg_store, station_settings):
    from kiosk.ui.selfservice.assemble import open_self_service

    store, event = pg_store
    set_pin(store, event.id, "4711")
    kiosk = open_self_service(store, event, station="Lobby kiosk", settings=station_settings, synchronous=False,
                              sounds=False, printing=False, camera=False, fullscreen=False)
    qtbot.addWidget(kiosk)
    person = next(p for p in attendees.list_all(store, event.id) if not p.blocked and p.first_name)
    kiosk.scan(person.code)
    qtbot.waitUntil(lambda: kiosk.result.banner.state is ResultState.SUCCESS, timeout=10_000)
    assert kiosk.result.banner.title.text() == f"Welcome, {person.first_name}!"
    qtbot.wait(2100)
    kiosk.scan(person.code)
    qtbot.waitUntil(lambda: kiosk.result.banner.state is ResultState.WARNING, timeout=10_000)
    assert len(log_rows(store, person.id)) == 1
    kiosk.may_close = True
    kiosk.close()
