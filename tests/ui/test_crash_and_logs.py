"""Logging and failure: the rotating log is private and catches the CLI's internal errors; an
unhandled exception in the app is logged, a calm dialog shows, the app goes on, and the kiosk
goes back to its welcome screen; the retention warning reaches staff screens only."""

from __future__ import annotations

import logging
import sys
import threading
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QMessageBox

from kiosk import logs
from kiosk.ui import crash

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    path = logs.setup()
    yield path
    logs.flush()


@pytest.fixture
def reporter(qapp):
    r = crash.install()
    yield r
    if r.dialog is not None:
        r.dialog.close()
    crash.uninstall()


def test_log_files_are_private_and_rotate(log_folder):
    assert log_folder.parent.stat().st_mode & 0o777 == 0o700
    assert log_folder.stat().st_mode & 0o777 == 0o600
    log = logging.getLogger("kiosk.test")
    handler = logging.getLogger("kiosk").handlers[-1]
    handler.maxBytes = 2000
    for i in range(200):
        log.info("filler line %d with some padding to rotate quickly", i)
    rotated = sorted(log_folder.parent.glob("kiosk.log*"))
    assert len(rotated) > 1 and all(p.stat().st_mode & 0o777 == 0o600 for p in rotated)
    handler.maxBytes = logs.MAX_BYTES


def test_cli_internal_error_lands_in_the_log(log_folder, monkeypatch, capsys):
    from kiosk.cli import main

    def boom(args, ctx):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("kiosk.cli.config_cmds.cmd_show", boom)
    assert main(["config", "show"]) == 1
    assert "internal error: RuntimeError" in capsys.readouterr().err
    logs.flush()
    text = log_folder.read_text()
    assert "unhandled error in config" in text and "Traceback" in text and "disk on fire" in text


def test_gui_exception_is_logged_and_shown_calmly(qtbot, log_folder, reporter, make_desk):
    window = make_desk()
    crash.watch(window)
    try:
        raise ValueError("bad slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # what PySide does with an exception escaping a slot
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert isinstance(reporter.dialog, QMessageBox) and "your work is safe" in reporter.dialog.text()
    assert str(log_folder) in reporter.dialog.informativeText()
    logs.flush()
    text = log_folder.read_text()
    assert "unhandled ValueError in main" in text and "bad slot" in text and "Traceback" in text
    reporter.dialog.accept()
    # the app goes on: the desk still checks people in
    window.controller.scan("NOT-A-CODE")
    assert window.isVisible() and window.banner.title.text()


def test_worker_thread_exception_reaches_the_log_and_the_dialog(qtbot, log_folder, reporter):
    def work():
        raise KeyError("in a thread")

    t = threading.Thread(target=work, name="kiosk-test-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    logs.flush()
    assert "unhandled KeyError in kiosk-test-worker" in log_folder.read_text()
    assert reporter.count == 1


@pytest.fixture
def kiosk(qtbot, desk_store, desk_event, station_settings):
    from kiosk.core.pin import set_pin
    from kiosk.ui.selfservice.assemble import open_self_service

    set_pin(desk_store, desk_event.id, "4711")
    window = open_self_service(desk_store, desk_event, station="Lobby", settings=station_settings, synchronous=True,
                               sounds=False, printing=False, camera=False, fullscreen=False)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    yield window
    window.may_close = True
    window.close()


def test_kiosk_goes_back_to_welcome_after_a_crash(qtbot, log_folder, reporter, kiosk):
    kiosk.welcome.lookup.click()
    assert kiosk.page is kiosk.lookup
    crash.watch(kiosk)
    try:
        raise RuntimeError("kiosk slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert kiosk.page is kiosk.welcome and "Please start again" in reporter.dialog.text()
    assert str(log_folder) not in reporter.dialog.informativeText()  # attendees see no paths


def test_retention_warning_shows_on_the_desk_status_bar(qtbot, make_desk, desk_store, desk_event):
    from kiosk.core.models import Event
    from kiosk.ui.staff_notice import show_retention_warning

    with desk_store.write() as s:
        event = s.get(Event, desk_event.id)
        event.ends_at = datetime.now(timezone.utc) - timedelta(days=400)
        s.add(event)
    window = make_desk()
    text = show_retention_warning(window, desk_store)
    assert text and "retention" in text and window.statusBar().currentMessage() == text
