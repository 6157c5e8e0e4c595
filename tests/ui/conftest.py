"""Desk fixtures: a real SQLite database with the demo event, and the assembled desk window."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.models import CheckIn, Event, PrintJob
from kiosk.core.store import open_store
from kiosk.qt_logging import quiet_qt_logs
from kiosk.settings import StationSettings

quiet_qt_logs()  # as the app does at start


@pytest.fixture
def desk_store(sqlite_url):
    store = open_store(sqlite_url)
    yield store
    store.dispose()


@pytest.fixture
def desk_event(desk_store):
    event_id = create_demo(desk_store, attendees=170, seed=7)
    with desk_store.read() as s:
        return s.get(Event, event_id)


@contextmanager
def kiosk_window(qtbot, store, event, settings, station: str = "Lobby kiosk", pin: str = "4711", **options):
    """A self-service window as a station opens it (staff PIN set, offscreen, no printing unless
    asked), closed afterwards the way staff close it."""
    from kiosk.core.pin import set_pin
    from kiosk.ui.selfservice.assemble import open_self_service

    set_pin(store, event.id, pin)
    kw = dict(synchronous=True, sounds=False, printing=False, camera=False, fullscreen=False) | options
    window = open_self_service(store, event, station=station, settings=settings, **kw)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.may_close = True
        window.close()


@pytest.fixture
def kiosk(qtbot, desk_store, desk_event, station_settings):
    """The self-service kiosk on the demo event."""
    with kiosk_window(qtbot, desk_store, desk_event, station_settings) as window:
        yield window


@pytest.fixture
def desk_actor():
    return Actor(station="Desk 1", operator="Tove")


@pytest.fixture
def station_settings(tmp_path):
    settings = StationSettings(tmp_path / "station.toml")
    # Keys sent by QTest carry no timestamp, so the gap includes the GUI thread's own work on
    # a busy test machine: give it more room than the 40 ms default.
    settings.set("scanner/gap_ms", 60)
    return settings


@pytest.fixture
def make_desk(qtbot, desk_store, desk_event, desk_actor, station_settings):
    """Build a desk window (synchronous tasks unless asked otherwise), shown and exposed."""
    windows = []

    def make(store=None, synchronous=True, camera=True, settings=None):
        from kiosk.ui.desk.assemble import build_desk

        window = build_desk(
            store or desk_store, desk_event, desk_actor, settings or station_settings,
            synchronous=synchronous, sounds=False, printing=False, camera=camera,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.search.setFocus()
        if not synchronous:
            qtbot.waitUntil(lambda: window.controller.index_ready, timeout=10_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def desk(make_desk):
    return make_desk()


def people(store, event_id):
    return attendees.list_all(store, event_id)


def log_rows(store, attendee_id):
    with store.read() as s:
        return list(s.exec(select(CheckIn).where(CheckIn.attendee_id == attendee_id).order_by(CheckIn.at)))


def print_jobs(store, attendee_id):
    with store.read() as s:
        return list(s.exec(select(PrintJob).where(PrintJob.attendee_id == attendee_id).order_by(PrintJob.created_at)))


def on_modal(cls, action, qtbot=None):
    """Act on the next modal dialog of type ``cls`` once its event loop runs."""
    done = []

    def attempt(tries=[0]):
        widget = QApplication.activeModalWidget()
        if isinstance(widget, cls):
            action(widget)
            done.append(widget)
        elif tries[0] < 200:
            tries[0] += 1
            QTimer.singleShot(10, attempt)

    QTimer.singleShot(0, attempt)
    return done


#: The offscreen platform cannot pass size hints to a window manager and says so whenever a
#: window's minimum size changes (labels getting longer); xcb does not. Not our warning.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
