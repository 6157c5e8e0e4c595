"""The desk on a hub with a replica: a scan while the hub is frozen is still decided (green)
within 2 s, the window keeps running, the status bar says OFFLINE with what waits, the desk warns
once, and it all reaches the hub when it is back."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from kiosk.core import replica as rep
from kiosk.core.models import Event
from kiosk.core.station_service import connect
from kiosk.core.store import open_store
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, desk_actor, log_rows, people, print_jobs, station_settings  # noqa: F401 (fixtures)

pytestmark = [OFFSCREEN_NOISE, pytest.mark.postgres]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_the_desk_goes_on_offline_and_says_so(qtbot, relay, hub, event_id, desk_actor, station_settings):
    from kiosk.ui.desk.assemble import build_desk

    far = open_store(relay.url)
    with far.read() as s:
        event = s.get(Event, event_id)
    service = connect(far, event_id, desk_actor)
    service.worker.interval = 0.3
    desk = build_desk(far, event, desk_actor, station_settings, sounds=False, printing=False, camera=False, service=service)
    desk.closing.append(service.close)
    qtbot.addWidget(desk)
    desk.resize(1100, 700)
    desk.show()
    qtbot.waitExposed(desk)
    desk.search.setFocus()
    qtbot.waitUntil(lambda: desk.controller.index_ready, timeout=10_000)
    a, b, c = people(hub, event_id)[:3]

    def scan(code):
        qtbot.keyClicks(desk.search, code, delay=2)
        qtbot.keyClick(desk.search, Qt.Key.Key_Return)

    scan(a.code)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.SUCCESS, timeout=10_000)
    qtbot.waitUntil(lambda: "Hub: online" in desk.status.database.text(), timeout=10_000)
    assert not desk.offline_note.isVisible()
    qtbot.waitUntil(lambda: len(print_jobs(hub, a.id)) == 1, timeout=10_000)  # a's badge, queued online
    qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=10_000)

    relay.stall()
    desk.banner.clear()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    scan(b.code)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.SUCCESS, timeout=5_000)
    assert time.monotonic() - started < 2.5  # typing the code plus at most the 1.5 s deadline
    timer.stop()
    assert max(y - x for x, y in zip(ticks, ticks[1:])) < 0.5  # the window kept running
    # The check-in and its badge (printed after a first check-in) wait for the hub.
    qtbot.waitUntil(lambda: "OFFLINE · 2 waiting" in desk.status.database.text(), timeout=5_000)
    assert desk.offline_note.isVisible() and "twice" in desk.offline_note.text()
    # A badge asked for offline is queued the same way, at once; never a stuck desk.
    desk.banner.clear()
    started = time.monotonic()
    desk.controller.reprint(b.id)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.INFO, timeout=3_000)
    assert time.monotonic() - started < 2.0 and "queued" in desk.banner.title.text()
    qtbot.waitUntil(lambda: "OFFLINE · 3 waiting" in desk.status.database.text(), timeout=5_000)
    # Search works from the replica while the hub is away.
    desk.search.setText(c.last_name)
    qtbot.waitUntil(lambda: desk.model.rowCount() > 0, timeout=5_000)
    if os.environ.get("KIOSK_SCREENSHOTS") == "1":  # refresh docs/screenshots
        SHOTS.mkdir(parents=True, exist_ok=True)
        desk.grab().save(str(SHOTS / "desk-offline.png"))

    relay.resume()
    qtbot.waitUntil(lambda: service.online, timeout=20_000)
    desk.controller.refresh_status()
    qtbot.waitUntil(lambda: "Hub: online" in desk.status.database.text(), timeout=10_000)
    assert not desk.offline_note.isVisible()
    assert len(log_rows(hub, a.id)) == 1 and len(log_rows(hub, b.id)) == 1  # each once on the hub
    assert [j.reprint for j in print_jobs(hub, b.id)] == [False, True]  # both joined the hub's queue
    assert len(print_jobs(hub, a.id)) == 1
    assert rep.waiting(service.replica) == 0
    desk.close()
    far.dispose()


def test_the_panel_marks_a_double_entry_made_offline(qtbot):
    import uuid
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from kiosk.core.checkin import LogEntry
    from kiosk.core.models import BadgePrivacy, CheckInKind, Method
    from kiosk.core.attendees import AttendeeInfo
    from kiosk.core.printqueue import BadgeStatus
    from kiosk.ui.desk.controller import AttendeeDetails
    from kiosk.ui.desk.panel import AttendeePanel

    at = datetime(2026, 5, 12, 9, 0, tzinfo=timezone.utc)
    first = LogEntry(uuid.uuid4(), CheckInKind.ENTRY, at, "North", "Ann", Method.SCAN, "")
    later = LogEntry(uuid.uuid4(), CheckInKind.ENTRY, at.replace(minute=5), "South", "Bea", Method.SCAN, "")
    person = AttendeeInfo(1, 1, "CODE", "Ada", "Lund", "", "", "", "", "", "", (), BadgePrivacy.FULL, False, False, at, True)
    panel = AttendeePanel(ZoneInfo("UTC"))
    qtbot.addWidget(panel)
    panel.show_details(AttendeeDetails(person, [first, later], BadgeStatus(False), doubles=frozenset({later.id})))
    lines = [panel.history.item(i).text() for i in range(panel.history.count())]
    assert any("South" in line and "DOUBLE ENTRY" in line for line in lines)
    assert not any("North" in line and "DOUBLE ENTRY" in line for line in lines)
