"""The dashboard's list selector and room view, in a real window: picking a list changes what is
shown, a check-in made through another connection shows after a poll, and full and nearly full
are said in words."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.core.checkin import CheckInService
from kiosk.core.checkin_lists import create_list
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.list_stats import stats_by_list
from kiosk.core.models import Event
from kiosk.core.store import open_store
from kiosk.ui.dashboard.assemble import open_dashboard
from tests.ui.conftest import OFFSCREEN_NOISE, people

pytestmark = OFFSCREEN_NOISE
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def cells(window) -> list[list[str]]:
    t = window.rooms.table
    return [[t.item(r, c).text() for c in range(7)] for r in range(t.rowCount())]


def bar(window, row: int) -> str:
    return window.rooms.table.cellWidget(row, 7).format()


def test_the_selector_and_a_check_in_from_another_connection(qtbot, desk_store, desk_event, sqlite_url):
    everyone = [p for p in people(desk_store, desk_event.id) if not p.blocked]
    create_list(desk_store, desk_event.id, "Workshop A", capacity=3, rule="exit")
    create_list(desk_store, desk_event.id, "Day 2", rule="daily")
    room = CheckInService(desk_store, desk_event.id, Actor("Room A"), list_name="Workshop A")
    room.scan(everyone[0].code)
    window = open_dashboard(desk_store, desk_event, poll_ms=100)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
    window.views.setCurrentWidget(window.rooms)
    selector = window.rooms.selector
    assert [selector.itemText(i) for i in range(selector.count())] == ["All lists", "Entrance", "Day 2", "Workshop A"]
    assert [row[0] for row in cells(window)] == ["Entrance", "Day 2", "Workshop A"]
    assert window.rooms.summary.text().startswith("Inside the building: 0")
    # pick the workshop: only its row, and a summary in words
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_End)
    assert selector.currentText() == "Workshop A"
    assert cells(window) == [["Workshop A", "in and out", str(len(everyone)), "1", "1", "3", "2"]]
    assert window.rooms.summary.text() == "Workshop A: 1 of 3 places taken, 2 left"
    assert bar(window, 0) == "1 of 3 places"
    # another connection to the same database checks someone in: after a poll it is shown
    other = open_store(sqlite_url)
    try:
        CheckInService(other, desk_event.id, Actor("Room A 2"), list_name="Workshop A").scan(everyone[1].code)
        qtbot.waitUntil(lambda: cells(window)[0][4] == "2", timeout=10_000)
        assert cells(window)[0][6] == "1"  # two thirds taken: not nearly full yet
        CheckInService(other, desk_event.id, Actor("Room A 2"), list_name="Workshop A").scan(everyone[2].code)
        qtbot.waitUntil(lambda: cells(window)[0][6] == "0 · FULL", timeout=10_000)
        assert bar(window, 0) == "3 of 3 places · FULL"
        assert window.rooms.table.item(0, 0).font().bold()  # and red, but never by colour alone
        # the selection stays through the refreshes; the figures are the CLI's
        assert selector.currentText() == "Workshop A"
        figures = stats_by_list(desk_store, desk_event.id)["Workshop A"]
        assert (figures["inside"], figures["capacity_left"]) == (3, 0)
        # back to every list; the entrance shows its own figures
        qtbot.keyClick(selector, Qt.Key.Key_Home)
        assert [row[0] for row in cells(window)] == ["Entrance", "Day 2", "Workshop A"]
        CheckInService(other, desk_event.id, Actor("Desk 1")).scan(everyone[3].code)
        qtbot.waitUntil(lambda: cells(window)[0][4] == "1", timeout=10_000)
        assert window.rooms.summary.text() == "Inside the building: 1"
        assert bar(window, 0) == f"1 of {len(everyone)} expected"
    finally:
        other.dispose()


def test_a_new_list_appears_and_the_selection_survives(qtbot, desk_store, desk_event):
    window = open_dashboard(desk_store, desk_event, poll_ms=100)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
    create_list(desk_store, desk_event.id, "Plenary", capacity=0)
    qtbot.waitUntil(lambda: window.rooms.selector.count() == 3, timeout=10_000)
    window.rooms.select("Plenary")
    assert cells(window)[0][6] == "0 · FULL"
    create_list(desk_store, desk_event.id, "Annex", capacity=10)
    for p in [p for p in people(desk_store, desk_event.id) if not p.blocked][:9]:
        CheckInService(desk_store, desk_event.id, Actor("Annex door"), list_name="Annex").scan(p.code)
    qtbot.waitUntil(lambda: window.rooms.selector.count() == 4, timeout=10_000)
    assert window.rooms.selector.currentText() == "Plenary"
    window.rooms.select("Annex")
    qtbot.waitUntil(lambda: cells(window)[0][6] == "1 · nearly full", timeout=10_000)
    assert window.rooms.summary.text() == "Annex: 9 of 10 places taken, 1 left — nearly full"
    window.rooms.select("")
    assert window.rooms.selector.currentIndex() == 0


def test_room_view_on_the_demo_event(qtbot, sqlite_url):
    """The demo event with two sessions, one nearly full (KIOSK_SCREENSHOTS=1 saves
    docs/screenshots/dashboard-rooms.png)."""
    store = open_store(sqlite_url)
    try:
        event_id = create_demo(store)
        everyone = [p for p in people(store, event_id) if not p.blocked]
        law = next(p.category for p in everyone if p.category.lower() == "law enforcement")
        create_list(store, event_id, "Workshop: Reporting online abuse", capacity=40, rule="exit")
        create_list(store, event_id, "Closed session: Law enforcement", categories=[law], capacity=30, rule="once")
        create_list(store, event_id, "Day 2", rule="daily", counts_inside=True)
        desk = CheckInService(store, event_id, Actor("Desk 1"))
        for p in everyone[:118]:
            desk.scan(p.code)
        for p in everyone[:9]:
            desk.check_out(p.id)
        workshop = CheckInService(store, event_id, Actor("Room 2"), list_name="Workshop: Reporting online abuse")
        for p in everyone[10:48]:
            workshop.scan(p.code)
        for p in everyone[10:13]:
            workshop.check_out(p.id)
        for p in everyone[60:62]:
            workshop.scan(p.code)
        closed = CheckInService(store, event_id, Actor("Room 3"), list_name="Closed session: Law enforcement")
        for p in [p for p in everyone[:118] if p.category == law][:14]:
            closed.scan(p.code)
        with store.read() as s:
            event = s.get(Event, event_id)
        window = open_dashboard(store, event, synchronous=True)
        qtbot.addWidget(window)
        window.views.setCurrentWidget(window.rooms)
        rows = {row[0]: row for row in cells(window)}
        assert rows["Workshop: Reporting online abuse"][4:] == ["37", "40", "3 · nearly full"]
        assert rows["Entrance"][3:5] == ["118", "109"]
        assert window.rooms.summary.text() == "Inside the building: 109"  # the entrance and day 2 count; no one in day 2 yet
        if os.environ.get("KIOSK_SCREENSHOTS") == "1":  # refresh docs/screenshots
            qtbot.wait(200)
            window.grab().save(str(SHOTS / "dashboard-rooms.png"))
        window.close()
    finally:
        store.dispose()
