"""The screens in Swedish (KIOSK_LANG=sv): the desk, the self-service welcome page, times."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.core.models import Method
from kiosk.ui.locale_format import install_language, time_text
from kiosk.ui.selfservice.assemble import open_self_service
from tests.ui.conftest import OFFSCREEN_NOISE, people

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def swedish(qapp, monkeypatch):
    monkeypatch.setenv("KIOSK_LANG", "sv")
    assert install_language(qapp) == "sv"
    yield
    monkeypatch.setenv("KIOSK_LANG", "en")
    assert install_language(qapp) == "en"


def test_desk_speaks_swedish(swedish, make_desk, desk_store, desk_event):
    desk = make_desk()
    assert desk.windowTitle().startswith("Incheckningsdisk — ")
    assert desk.banner.title.text() == "Redo att skanna"
    assert desk.search.placeholderText() == "Skanna eller skriv ett namn…"
    assert desk.act_check_in.text() == "Checka in (Enter)"
    assert desk.model.headerData(0, desk.table.horizontalHeader().orientation()) == "Namn"
    person = people(desk_store, desk_event.id)[0]
    desk.controller.scan(person.code)
    assert desk.banner.title.text() == "Incheckad"
    desk.controller.scan(person.code)
    assert desk.banner.title.text() == "Redan incheckad"
    assert "vid station Desk 1 av Tove" in desk.banner.detail.text()
    desk.controller.scan("NO-SUCH-CODE")
    assert desk.banner.title.text() == "Okänd kod"
    assert desk.panel.history_title.text() == "Historik"


def test_self_service_welcome_in_swedish(swedish, qtbot, desk_store, desk_event, station_settings):
    from kiosk.core.pin import set_pin

    set_pin(desk_store, desk_event.id, "4711")
    window = open_self_service(desk_store, desk_event, station="Lobby", settings=station_settings, synchronous=True,
                               sounds=False, printing=False, camera=False, fullscreen=False)
    qtbot.addWidget(window)
    try:
        assert window.welcome.prompt.text() == "Skanna QR-koden på din biljett"
        assert window.welcome.lookup.text() == "Hitta mig via namn"
        window.scan("NO-SUCH-CODE")
        assert window.result.banner.title.text() == "Vi hittade inte biljetten."
        assert window.result.banner.detail.text() == "Gå till informationsdisken."
    finally:
        window.may_close = True
        window.close()


def test_times_follow_the_language(swedish, qapp, monkeypatch):
    at = datetime(2026, 11, 26, 14, 5, 9, tzinfo=timezone.utc)
    assert time_text(at, timezone.utc) == "14:05"
    assert time_text(at, timezone.utc, seconds=True) == "14:05:09"
    QLocale.setDefault(QLocale("en_US"))  # an American English computer writes 12-hour times
    assert time_text(at, timezone.utc).replace("\u202f", " ") == "2:05 PM"
    QLocale.setDefault(QLocale("sv_SE"))


def test_desk_history_times_in_swedish_locale(swedish, make_desk, desk_store, desk_event):
    person = people(desk_store, desk_event.id)[1]
    CheckInService(desk_store, desk_event.id, Actor("Desk 9", "Ola")).scan(person.code, method=Method.SCAN)
    desk = make_desk()
    desk.controller.open_attendee(person.id)
    line = desk.panel.history.item(0).text()
    assert "  In  ·  Desk 9  ·  Ola" in line and line[2] == ":"  # 24-hour HH:mm first
    assert desk.panel.status.text().startswith("Incheckad sedan ")
    assert QApplication.instance() is not None


def test_kiosk_started_in_swedish_switches_to_english_and_back(swedish, qtbot, desk_store, desk_event, station_settings):
    """KIOSK_LANG=sv: the language button must switch the whole screen, not only its own label."""
    from kiosk.core.pin import set_pin

    set_pin(desk_store, desk_event.id, "4711")
    window = open_self_service(desk_store, desk_event, station="Lobby", settings=station_settings, synchronous=True,
                               sounds=False, printing=False, camera=False, fullscreen=False)
    qtbot.addWidget(window)
    try:
        assert window.welcome.prompt.text() == "Skanna QR-koden på din biljett"
        assert window.welcome.language.text() == "English"
        window.welcome.language.click()
        assert window.welcome.prompt.text() == "Scan the QR code on your ticket"
        assert window.welcome.language.text() == "Svenska"
        window.welcome.language.click()
        assert window.welcome.prompt.text() == "Skanna QR-koden på din biljett"
        window.welcome.language.click()
        window.reset()  # the next attendee gets the kiosk's own language again
        assert window.welcome.prompt.text() == "Skanna QR-koden på din biljett"
    finally:
        window.may_close = True
        window.close()
