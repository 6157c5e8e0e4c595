"""The desk on a session's check-in list: it decides on that list and says why in words."""

from __future__ import annotations

from kiosk.core.checkin_lists import create_list
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, kiosk_window, log_rows, people

pytestmark = OFFSCREEN_NOISE


def test_desk_on_a_session_list_refuses_the_wrong_ticket_in_words(qtbot, make_desk, desk_store, desk_event, station_settings):
    everyone = [p for p in people(desk_store, desk_event.id) if not p.blocked]
    types = sorted({p.ticket_type for p in everyone})
    create_list(desk_store, desk_event.id, "Closed session", ticket_types=[types[0]], capacity=1)
    admitted = [p for p in everyone if p.ticket_type == types[0]][:2]
    refused = next(p for p in everyone if p.ticket_type != types[0])
    station_settings.set("station/list", "Closed session")
    desk = make_desk()
    assert desk.banner.title.text() == "Ready to scan: Closed session"

    desk.controller.scan(refused.code)
    assert desk.banner.state is ResultState.ERROR
    assert desk.banner.title.text() == "Not admitted on Closed session"
    assert f"Their ticket type ({refused.ticket_type}) is not admitted here." in desk.banner.detail.text()
    assert log_rows(desk_store, refused.id) == []

    desk.controller.scan(admitted[0].code)
    assert desk.banner.state is ResultState.SUCCESS
    desk.controller.scan(admitted[1].code)
    assert desk.banner.title.text() == "Closed session is full"
    assert "All 1 places are taken" in desk.banner.detail.text()
    assert [r.list_id for r in log_rows(desk_store, admitted[0].id)] != []
    assert log_rows(desk_store, admitted[1].id) == []


def test_kiosk_on_a_list_shows_the_rooms_name(qtbot, desk_store, desk_event, station_settings):
    create_list(desk_store, desk_event.id, "Workshop A")
    station_settings.set("station/list", "Workshop A")
    with kiosk_window(qtbot, desk_store, desk_event, station_settings, station="Room kiosk") as kiosk:
        assert kiosk.welcome.event_name.text() == f"{desk_event.name} — Workshop A"
        person = next(p for p in people(desk_store, desk_event.id) if not p.blocked)
        kiosk.scan(person.code)
        assert [r.list_id for r in log_rows(desk_store, person.id)] != []
