"""The self-service kiosk on a hub goes on checking people in when the hub is lost, and its
staff menu says OFFLINE with what waits."""

from __future__ import annotations

import pytest

from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.pin import set_pin
from kiosk.core.station_service import connect
from kiosk.core.store import open_store
from kiosk.ui.result_state import ResultState
from kiosk.ui.selfservice.assemble import open_self_service
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, people, print_jobs, station_settings  # noqa: F401 (fixture)

pytestmark = [OFFSCREEN_NOISE, pytest.mark.postgres]
PIN = "4711"


def test_the_kiosk_checks_in_offline_and_its_staff_menu_says_so(qtbot, relay, hub, event_id, station_settings):
    set_pin(hub, event_id, PIN)
    far = open_store(relay.url)
    with far.read() as s:
        event = s.get(Event, event_id)
    service = connect(far, event_id, Actor("Lobby kiosk", "self-service"))
    service.deadline = 0.5
    window = open_self_service(far, event, station="Lobby kiosk", settings=station_settings, synchronous=True,
                               sounds=False, printing=False, camera=False, fullscreen=False, service=service)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    person = people(hub, event_id)[4]
    relay.stall()
    window.controller.scan(person.code)
    qtbot.waitUntil(lambda: window.result.banner.state is ResultState.SUCCESS if hasattr(window.result, "banner") else True,
                    timeout=5_000)
    assert not service.online and service.sync_status().waiting == 2  # the check-in and its badge
    window.ask_pin()
    keys = {k.text(): k for k in window.pin.keypad.keys}
    for ch in PIN:
        keys[ch].click()
    window.pin.ok.click()
    assert window.page is window.staff
    qtbot.waitUntil(lambda: window.staff.link.isVisible(), timeout=5_000)
    assert window.staff.link.text().startswith("OFFLINE") and "2 waiting" in window.staff.link.text()

    relay.resume()
    service.worker.interval = 0.2
    service.worker.kick()
    qtbot.waitUntil(lambda: service.online, timeout=20_000)
    assert len(log_rows(hub, person.id)) == 1 and len(print_jobs(hub, person.id)) == 1
    window.may_close = True
    window.close()
    service.close()
    far.dispose()
