"""The dashboard shows each station's link to the hub and its backlog, and counts the scans a
station made offline once they arrive (with their own, older times)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from kiosk.core import replica as rep, sync
from kiosk.core.events import Actor
from kiosk.core.models import Event, Station, utcnow
from kiosk.core.station_service import StationService
from kiosk.core.store import open_store
from kiosk.ui.dashboard.assemble import open_dashboard
from tests.ui.conftest import OFFSCREEN_NOISE, people

pytestmark = [OFFSCREEN_NOISE, pytest.mark.postgres]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _links(window) -> dict[str, str]:
    table = window.stations
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_the_dashboard_shows_station_links_and_backlogs(qtbot, relay, hub, event_id, make_replica):
    with hub.read() as s:
        event = s.get(Event, event_id)
    far = open_store(relay.url)
    local = make_replica("door2")
    rep.first_fill(local, far, event_id)
    worker = sync.SyncWorker(local, relay.url, interval=0.2, station="Door 2")
    station = StationService(far, local, event_id, Actor("Door 2", "Eva"), worker=worker, deadline=0.5)
    window = open_dashboard(hub, event, poll_ms=100)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)

    relay.stall()
    for person in people(hub, event_id)[:30]:
        station.scan(person.code)
    assert not station.online
    # Two other stations as they reported: one sending its backlog, one not heard of for a minute.
    sync.report(hub, "Door 3", "sending", 120)
    sync.report(hub, "Desk 1", "online", 0)
    sync.report(hub, "Door 4", "online", 0)
    sync.report(hub, "Door 4", "online", 45)
    with hub.engine.begin() as conn:
        conn.execute(update(Station).where(Station.name == "Door 4").values(last_seen=utcnow() - timedelta(minutes=1)))
    qtbot.waitUntil(lambda: _links(window).get("Door 4", "").startswith("OFFLINE"), timeout=10_000)
    links = _links(window)
    assert links["Door 3"] == "sending 120" and links["Desk 1"] == "online"
    assert links["Door 4"] == "OFFLINE · 45 waiting"
    if os.environ.get("KIOSK_SCREENSHOTS") == "1":  # refresh docs/screenshots
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / "dashboard-backlog.png"))
    assert window.figures.headline.checked_in == 0  # the offline scans are not on the hub yet

    relay.resume()
    worker.start()
    qtbot.waitUntil(lambda: station.online, timeout=20_000)
    qtbot.waitUntil(lambda: _links(window).get("Door 2") == "online", timeout=10_000)
    qtbot.waitUntil(lambda: window.figures.headline.checked_in == 30, timeout=10_000)
    worker.stop()
    window.close()
    far.dispose()
