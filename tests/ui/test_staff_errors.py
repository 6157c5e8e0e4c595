"""Errors worded for desk staff: no driver names or connection strings on screen (they go to the
log), and no message, however long, makes the desk wider than a 1366-pixel screen."""

from __future__ import annotations

import logging
import os

import pytest

from kiosk.core.store import Store, create_db_engine
from kiosk.printing.worker import PrintWorker
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE
TECHNICAL = ("psycopg", "OperationalError", "sqlalchemy", "connection to server", "Traceback", "127.0.0.1", "port")


@pytest.fixture
def unreachable_store(tmp_path):
    # A server that went away after the station opened: nothing listens on port 1 (refused).
    url = "postgresql+psycopg://kiosk@127.0.0.1:1/kiosk"
    store = Store(url, create_db_engine(url))
    yield store
    store.dispose()


def test_print_queue_on_an_unreachable_database_speaks_to_people(qtbot, unreachable_store, caplog):
    worker = PrintWorker(unreachable_store, "Desk 1", printer="pdf:unused.pdf")
    statuses: list[str] = []
    worker.statusChanged.connect(lambda text, _n, _ok: statuses.append(text))
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        worker.start()
        try:
            qtbot.waitUntil(lambda: bool(statuses), timeout=15_000)
        finally:
            worker.stop()
    assert statuses[0] == "Print queue unavailable: the database cannot be reached (badges wait in the queue)"
    assert not any(word in statuses[0] for word in TECHNICAL)
    assert any("127.0.0.1" in r.getMessage() or "connect" in r.getMessage().lower() for r in caplog.records), \
        "the technical detail belongs in the log"


def test_an_unexpected_error_is_worded_for_staff_and_logged(qtbot, desk, caplog):
    shown = []
    desk.controller.resultReady.connect(shown.append)
    with caplog.at_level(logging.ERROR, logger="kiosk"):
        desk.controller._failed(RuntimeError("cursor already closed at 0x7f3a (psycopg.pq)"), "check-in")
    detail = shown[-1].detail
    assert "cursor already closed" not in detail and "RuntimeError" not in detail
    assert "log" in detail
    assert any("cursor already closed" in r.getMessage() or (r.exc_info and "cursor already closed" in str(r.exc_info[1]))
               for r in caplog.records)


def test_a_long_status_never_widens_the_desk(qtbot, desk):
    desk.resize(1366, 740)
    qtbot.wait(50)
    desk.printer_status("Printer " + "Zebra-ZD421-front-desk-lobby " * 12 + "is stopped", 3, False)
    desk.status.set_database("postgresql", False)
    qtbot.wait(50)
    assert desk.minimumSizeHint().width() <= 1366
    assert desk.width() <= 1366
    assert desk.status.printer.toolTip()  # the whole text is one hover away


def _desk_with_printer(qtbot, desk_store, desk_event, desk_actor, station_settings, printer: str):
    from kiosk.ui.desk.assemble import build_desk

    station_settings.set("printing/printer", printer)
    desk = build_desk(desk_store, desk_event, desk_actor, station_settings, synchronous=True, sounds=False,
                      printing=True, camera=False)
    qtbot.addWidget(desk)
    desk.show()
    return desk


@pytest.mark.parametrize("printer, expected", [
    ("No-Such-Printer", "Printer: Printer 'No-Such-Printer' not found (is it switched on and installed?)"),
    ("", "Printer: No printer chosen and the system has no default printer"),
])
def test_a_station_without_a_usable_printer_says_so_before_the_first_guest(
        qtbot, desk_store, desk_event, desk_actor, station_settings, printer, expected):
    from kiosk.printing.printers import default_printer

    if not printer and default_printer():
        pytest.skip("this machine has a default printer")  # CI's CUPS has none by design
    desk = _desk_with_printer(qtbot, desk_store, desk_event, desk_actor, station_settings, printer)
    try:
        qtbot.waitUntil(lambda: desk.status.printer.text() == expected, timeout=10_000)
        assert not desk.status.printer_ok
    finally:
        desk.print_worker.stop()
        desk.close()


def test_a_ready_printer_says_ready_at_start(qtbot, desk_store, desk_event, desk_actor, station_settings):
    from tests.conftest import need_service

    printer = os.environ.get("KIOSK_TEST_PRINTER")
    if not printer:
        need_service("CUPS test printer", "set KIOSK_TEST_PRINTER, or run scripts/test")
    desk = _desk_with_printer(qtbot, desk_store, desk_event, desk_actor, station_settings, printer)
    try:
        qtbot.waitUntil(lambda: desk.status.printer.text() == f"Printer: {printer}: ready", timeout=10_000)
        assert desk.status.printer_ok
    finally:
        desk.print_worker.stop()
        desk.close()
