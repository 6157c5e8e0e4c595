"""A station's window prints: the desk and the self-service kiosk built as ``kiosk run`` builds
them, printing on (the station setting), the real print worker, the CUPS PDF queue. A check-in
in the window brings a badge out of the queue whose QR code is the attendee's code.

These are the only window tests with printing on; the others turn it off to stay fast."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from kiosk.core import printqueue
from kiosk.core.models import BadgePrivacy, CheckInKind
from kiosk.core.pin import set_pin
from kiosk.printing.worker import PrintWorker
from kiosk.ui.desk.assemble import build_desk
from kiosk.ui.result_state import ResultState
from kiosk.ui.selfservice.assemble import open_self_service
from tests.printing.conftest import cups_printer, decode_pdf, find_pdf, pdf_dir  # noqa: F401 (fixtures)
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, people, print_jobs

pytestmark = [OFFSCREEN_NOISE, pytest.mark.slow]


@pytest.fixture
def printing_settings(station_settings, cups_printer):
    """The station's settings as a user leaves them to print: printing on, the CUPS printer."""
    station_settings.set("printing/enabled", True)
    station_settings.set("printing/printer", cups_printer)
    station_settings.set("printing/auto_print", True)
    return station_settings


def scan(qtbot, widget, code):
    qtbot.keyClicks(widget, code, delay=2)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_desk_check_in_prints_the_badge_through_cups(qtbot, desk_store, desk_event, desk_actor, printing_settings, pdf_dir, tmp_path):
    window = build_desk(desk_store, desk_event, desk_actor, printing_settings, synchronous=True, sounds=False, camera=False)
    qtbot.addWidget(window)
    try:
        # printing=None, as kiosk run passes it: the setting decides, and the station prints.
        assert isinstance(window.print_worker, PrintWorker) and window.print_worker.is_running()
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.search.setFocus()

        person = people(desk_store, desk_event.id)[11]
        since = time.time()
        scan(qtbot, window.search, person.code)
        assert window.banner.state is ResultState.SUCCESS
        assert [r.kind for r in log_rows(desk_store, person.id)] == [CheckInKind.ENTRY]

        pdf = find_pdf(pdf_dir, f"kiosk-badge-{person.code}", since)
        assert decode_pdf(pdf, tmp_path) == [person.code]
        qtbot.waitUntil(lambda: printqueue.badge_status(desk_store, person.id).printed, timeout=10_000)
        status = printqueue.badge_status(desk_store, person.id)
        assert (status.count, status.pending, status.printer) == (1, 0, printing_settings.get("printing/printer"))
        assert [j.state for j in print_jobs(desk_store, person.id)] == [printqueue.PRINTED]
        # The panel of the person on screen follows the worker: printed, nothing waiting.
        qtbot.waitUntil(lambda: "Badge printed" in window.panel.badge.text(), timeout=10_000)
        assert "waiting" not in window.panel.badge.text()
    finally:
        window.close()
    assert not window.print_worker.is_running()


def test_kiosk_check_in_prints_the_badge_through_cups(qtbot, desk_store, desk_event, printing_settings, pdf_dir, tmp_path):
    set_pin(desk_store, desk_event.id, "4711")
    window = open_self_service(desk_store, desk_event, station="Lobby kiosk", settings=printing_settings,
                               synchronous=True, sounds=False, camera=False, fullscreen=False)
    qtbot.addWidget(window)
    try:
        assert isinstance(window.print_worker, PrintWorker) and window.print_worker.is_running()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.focusWidget() is not None)  # the window is active: keys reach it
        person = next(p for p in people(desk_store, desk_event.id) if p.badge_privacy is BadgePrivacy.FULL)
        since = time.time()
        scan(qtbot, window.focusWidget(), person.code)
        assert [r.station for r in log_rows(desk_store, person.id)] == ["Lobby kiosk"]
        banner = window.result.banner
        assert window.page is window.result and banner.state is ResultState.SUCCESS
        assert banner.hint.text() == "Your badge is printing…"

        pdf = find_pdf(pdf_dir, f"kiosk-badge-{person.code}", since)
        assert decode_pdf(pdf, tmp_path) == [person.code]
        # The worker tells the screen, which tells the attendee to take the badge.
        qtbot.waitUntil(lambda: banner.hint.text() == "Your badge is ready: please take it from the printer.",
                        timeout=10_000)
        assert [(j.state, j.station) for j in print_jobs(desk_store, person.id)] == [(printqueue.PRINTED, "Lobby kiosk")]
    finally:
        window.may_close = True
        window.close()
    assert not window.print_worker.is_running()
