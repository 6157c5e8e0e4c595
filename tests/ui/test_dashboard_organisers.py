"""The dashboard as organisers use it: presentation mode in and out by keyboard, stations that
went silent, and the not-arrived list they filter."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.core.models import BadgePrivacy, Station, utcnow
from kiosk.ui.dashboard.assemble import open_dashboard
from kiosk.ui.dashboard.lists import SILENT_COLOUR
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def dashboard(qtbot, store, event):
    window = open_dashboard(store, event, synchronous=True, poll_ms=50)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # window shortcuts work in the active window
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
    return window


def test_f11_and_escape_leave_presentation_mode(qtbot, desk_store, desk_event):
    window = dashboard(qtbot, desk_store, desk_event)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presentation and window.isFullScreen() and not window.toolbar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)  # the tool bar with the action is hidden now: F11 still works
    assert not window.presentation and not window.isFullScreen() and window.toolbar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presentation
    qtbot.keyClick(window.expected, Qt.Key.Key_Escape)  # from inside a list, too
    assert not window.presentation and not window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc outside presentation mode changes nothing
    assert not window.presentation and window.isVisible()


def test_a_station_without_a_heartbeat_is_marked_silent(qtbot, desk_store, desk_event):
    now = utcnow()
    with desk_store.write() as session:
        session.add(Station(name="Desk 1", mode="desk", last_seen=now, printer_status="ready"))
        session.add(Station(name="Lobby kiosk", mode="self", last_seen=now - timedelta(minutes=5), printer_status="ready"))
        session.add(Station(name="Desk 2", mode="desk", last_seen=now - timedelta(seconds=58), printer_status="ready"))
    window = dashboard(qtbot, desk_store, desk_event)
    table = window.stations

    def row(name):
        r = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
        return [table.item(r, c) for c in range(table.columnCount())]

    assert row("Desk 1")[5].text().endswith("silent") is False
    assert row("Lobby kiosk")[5].text().endswith("· silent")
    assert row("Lobby kiosk")[0].foreground().color() == SILENT_COLOUR
    qtbot.wait(2500)  # Desk 2's minute runs out; no new figures are needed to say so
    window.station_clock.timeout.emit()
    assert row("Desk 2")[5].text().endswith("· silent")


def test_the_not_arrived_list_lists_everyone_and_filters(qtbot, desk_store, desk_event):
    people = [p for p in attendees.list_all(desk_store, desk_event.id) if not p.blocked]
    window = dashboard(qtbot, desk_store, desk_event)
    panel = window.not_arrived
    qtbot.waitUntil(lambda: panel.found is not None, timeout=5000)
    assert panel.found.total == len(people)
    assert "Not arrived yet: " in panel.title.text()
    plain = next(p for p in people if not p.alerts and p.organisation and p.badge_privacy == BadgePrivacy.FULL.value)
    qtbot.keyClicks(panel.filter, plain.last_name)
    qtbot.waitUntil(lambda: panel.found.total < len(people), timeout=5000)
    shown = {panel.table.item(r, 0).text() for r in range(panel.table.rowCount())}
    assert f"{plain.first_name} {plain.last_name}" in shown
    CheckInService(desk_store, desk_event.id, Actor(station="Desk 1")).scan(plain.code)
    qtbot.waitUntil(lambda: f"{plain.first_name} {plain.last_name}" not in
                    {panel.table.item(r, 0).text() for r in range(panel.table.rowCount())}, timeout=5000)
    panel.filter.clear()
    panel.who.setCurrentIndex(panel.who.findData("chased"))
    qtbot.waitUntil(lambda: panel.found.total < len(people) - 1, timeout=5000)
    assert {panel.table.item(r, 2).text() for r in range(panel.table.rowCount())} <= {"Speaker", "VIP"}
