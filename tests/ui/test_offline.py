"""The database goes away mid-shift: the check-in is refused with a clear banner, nothing is
half-written, the window keeps answering, and it works again when the database is back.

A real PostgreSQL behind a small TCP relay that the test can make stall, like a dead switch.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy.engine import make_url

from kiosk.core.demo import create_demo
from kiosk.core.models import Event
from kiosk.core.store import open_store
from kiosk.ui.result_state import ResultState
from tests.relay import Relay
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, people, print_jobs

pytestmark = [OFFSCREEN_NOISE, pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def relayed_store(pg_database):
    url = make_url(pg_database)
    relay = Relay(url.host, url.port)
    store = open_store(url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False))
    from tests.conftest import _truncate_pg

    _truncate_pg(pg_database)
    event_id = create_demo(store, attendees=60, seed=3)
    with store.read() as s:
        event = s.get(Event, event_id)
    yield store, event, relay
    relay.close()
    store.dispose()


@pytest.mark.parametrize("fault", ["stall", "freeze"])
def test_unreachable_database_refuses_clearly_and_never_freezes(
    qtbot, relayed_store, make_desk, desk_actor, station_settings, fault
):
    store, event, relay = relayed_store
    from kiosk.ui.desk.assemble import build_desk

    desk = build_desk(store, event, desk_actor, station_settings, sounds=False, printing=False, camera=False)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)
    desk.search.setFocus()
    qtbot.waitUntil(lambda: desk.controller.index_ready, timeout=10_000)
    a, b, c = people(store, event.id)[:3]

    def scan(code):
        qtbot.keyClicks(desk.search, code, delay=2)
        qtbot.keyClick(desk.search, Qt.Key.Key_Return)

    scan(a.code)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.SUCCESS, timeout=10_000)

    getattr(relay, fault)()  # a dead link, or a server that stops answering (SIGSTOP)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    scan(b.code)
    # While the write waits for the dead database, the window keeps running and typing works.
    qtbot.keyClicks(desk.search, "anna", delay=120)
    assert desk.search.text() == "anna"
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.OFFLINE, timeout=20_000)
    waited = time.monotonic() - started
    timer.stop()
    gaps = [y - x for x, y in zip(ticks, ticks[1:])]
    assert waited > 1.0 and len(ticks) > waited / 0.05 * 0.5 and max(gaps) < 0.5
    assert waited < 4.0  # the scan's 2.5 s deadline, plus the banner's way to the screen
    assert "NOT recorded" in desk.banner.title.text()
    qtbot.waitUntil(lambda: "UNREACHABLE" in desk.status.database.text(), timeout=10_000)

    relay.resume()
    qtbot.keyClick(desk.search, Qt.Key.Key_Escape)
    scan(c.code)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.SUCCESS, timeout=20_000)
    desk.controller.refresh_status()
    qtbot.waitUntil(lambda: "UNREACHABLE" not in desk.status.database.text(), timeout=10_000)
    assert len(log_rows(store, a.id)) == 1
    assert log_rows(store, b.id) == []  # refused, and nothing half-written
    assert len(log_rows(store, c.id)) == 1
    desk.close()


def test_a_failed_read_never_says_a_check_in_was_not_recorded(qtbot, relayed_store, desk_actor, station_settings):
    store, event, relay = relayed_store
    from kiosk.ui.desk.assemble import build_desk

    desk = build_desk(store, event, desk_actor, station_settings, sounds=False, printing=False, camera=False)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitUntil(lambda: desk.controller.index_ready, timeout=10_000)
    person = people(store, event.id)[0]
    desk.controller.scan(person.code)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.SUCCESS, timeout=10_000)
    qtbot.waitUntil(lambda: len(print_jobs(store, person.id)) == 1, timeout=10_000)  # the badge got queued
    qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=10_000)
    relay.stall()
    desk.controller.open_attendee(person.id)  # a read that cannot reach the database
    qtbot.waitUntil(lambda: "UNREACHABLE" in desk.status.database.text(), timeout=20_000)
    assert desk.banner.state in (ResultState.SUCCESS, None)  # green, or closed by itself: never "NOT recorded"
    relay.resume()
    assert len(log_rows(store, person.id)) == 1
    desk.close()
