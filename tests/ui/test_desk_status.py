"""Blocked tickets at the desk and at the self-service kiosk, after a real import."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.core.importing import run_import
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, kiosk_window
from tests.ui.test_desk import scan
from tests.ui.test_selfservice import texts

pytestmark = OFFSCREEN_NOISE
DATA = Path(__file__).resolve().parent.parent / "data" / "status"
REFUNDED, MARTA = "300100000310001", "300100000110001"


@pytest.fixture
def imported(desk_store, desk_event):
    run_import(desk_store, desk_event.id, DATA / "eventbrite_attendees_v1.csv")
    return desk_event


def test_desk_shows_the_reason_in_red(qtbot, imported, desk, desk_store):
    scan(qtbot, desk.search, REFUNDED)
    assert desk.banner.state is ResultState.ERROR
    assert desk.banner.title.text() == "Do not admit: refunded"
    assert "Jonas Berg" in desk.banner.detail.text()
    assert desk.panel.blocked.isVisible() and desk.panel.blocked.text() == "BLOCKED: refunded"


def test_desk_flags_a_person_blocked_after_check_in(qtbot, imported, desk, desk_store):
    CheckInService(desk_store, imported.id, Actor("Desk 2", "Omar")).scan(MARTA)
    run_import(desk_store, imported.id, DATA / "eventbrite_attendees_v2.csv")
    scan(qtbot, desk.search, MARTA)
    assert desk.banner.title.text() == "Do not admit: refunded"
    assert "the check-in stays" in desk.panel.blocked.text()
    assert desk.panel.status.text().startswith("Checked in since")


def test_kiosk_sends_a_blocked_ticket_to_the_desk_without_saying_why(qtbot, imported, desk_store, station_settings):
    with kiosk_window(qtbot, desk_store, imported, station_settings) as window:
        window.scan(REFUNDED)
        banner = window.result.banner
        assert banner.state is ResultState.ERROR
        assert (banner.title.text(), banner.detail.text()) == ("Please check in at the desk.", "The staff there will help you.")
        shown = texts(window).lower()
        assert "refund" not in shown and "blocked" not in shown and "jonas" not in shown


def test_desk_panel_shows_the_registration_answers(qtbot, imported, desk, desk_store):
    scan(qtbot, desk.search, MARTA)
    assert desk.panel.answers.isVisible()
    assert desk.panel.answers.text() == "Which sector do you work in?: Social services\nDietary requirements: Vegetarian"


def test_dashboard_sector_chart_says_when_no_category_is_set(qtbot, desk_store, desk_event):
    from kiosk.core.event_admin import create_event_from_text
    from kiosk.ui.dashboard.assemble import open_dashboard

    with_sectors = open_dashboard(desk_store, desk_event, poll_ms=100)
    qtbot.addWidget(with_sectors)
    qtbot.waitUntil(lambda: with_sectors.figures is not None, timeout=10_000)
    assert with_sectors.by_category.chart().title() == "Checked in by sector (category)"
    with_sectors.close()

    bare = create_event_from_text(desk_store, "No sectors", "2026-09-10")
    run_import(desk_store, bare.id, DATA / "eventbrite_attendees_v1.csv")
    window = open_dashboard(desk_store, bare, poll_ms=100)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
    assert window.by_category.chart().title() == "By sector: no category set (import one with --map COLUMN=category)"
    window.close()
