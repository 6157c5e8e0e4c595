"""What a desk lead looks at: the whole event's count, the last scans here, and who is still
expected (everyone not arrived, the VIPs, the speakers)."""

from __future__ import annotations

from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, people

pytestmark = OFFSCREEN_NOISE


def test_checked_in_over_expected_for_the_whole_event(qtbot, desk, desk_store, desk_event):
    everyone = people(desk_store, desk_event.id)
    expected = sum(1 for p in everyone if not p.blocked)
    other_station = CheckInService(desk_store, desk_event.id, Actor("Desk 2", "Ola"))
    for p in [p for p in everyone if not p.blocked][:3]:
        other_station.scan(p.code)
    desk.controller.scan(next(p for p in everyone[10:] if not p.blocked).code)
    desk.controller.refresh_status()
    qtbot.waitUntil(lambda: desk.status.event_total.text() == f"Event: 4 / {expected} checked in")


def test_the_last_ten_scans_here_are_listed_and_open_on_click(qtbot, desk, desk_store, desk_event):
    everyone = [p for p in people(desk_store, desk_event.id) if not p.blocked]
    for p in everyone[:12]:
        desk.controller.scan(p.code)
    desk.controller.scan("NOT-A-TICKET-9")
    recent = desk.recent
    assert recent.count() == 10
    assert recent.item(0).text().endswith("NOT-A-TICKET-9") or "NOT-A-TICKET-9" in recent.item(0).text()
    assert everyone[11].display_name in recent.item(1).text()
    assert all(everyone[0].display_name not in recent.item(i).text() for i in range(recent.count()))
    recent.itemClicked.emit(recent.item(3))  # a click opens that person
    qtbot.waitUntil(lambda: desk.controller.current_id == everyone[9].id)


def test_filters_show_who_is_still_expected(qtbot, desk, desk_store, desk_event):
    everyone = people(desk_store, desk_event.id)
    vips = {p.id for p in everyone if "vip" in [a.lower() for a in p.alerts]}
    speakers = {p.id for p in everyone if "speaker" in [a.lower() for a in p.alerts]}
    arrived = next(iter(vips))
    CheckInService(desk_store, desk_event.id, Actor("Desk 2")).check_in(arrived)

    def shown():
        return {desk.model.attendee(i).id for i in range(desk.model.rowCount())}

    desk.filter.setCurrentIndex(desk.filter.findData("vip"))
    qtbot.waitUntil(lambda: shown() == vips - {arrived})
    desk.filter.setCurrentIndex(desk.filter.findData("speaker"))
    qtbot.waitUntil(lambda: shown() == speakers)
    desk.filter.setCurrentIndex(desk.filter.findData("not_arrived"))
    not_arrived = {p.id for p in everyone if p.checked_in_at is None and not p.blocked and p.id != arrived}
    qtbot.waitUntil(lambda: len(shown()) >= min(len(not_arrived), 20) and shown() <= not_arrived)
    qtbot.keyClicks(desk.search, next(p for p in everyone if p.id in not_arrived).last_name[:3], delay=150)
    qtbot.wait(200)
    assert shown() and shown() <= not_arrived  # typing searches within the filter
    desk.filter.setCurrentIndex(desk.filter.findData("all"))
