"""Putting a desk together: tasks, controller, scanners, sounds, printing, window."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.store import Store
from kiosk.i18n import tr
from kiosk.scanning.camera import CameraScanner
from kiosk.scanning.wedge import WedgeDetector
from kiosk.ui.camera_panel import CameraPanel
from kiosk.ui.desk.controller import DeskController, PrintOptions
from kiosk.ui.desk_admin import add_admin_actions
from kiosk.ui.desk.window import DeskWindow
from kiosk.settings import StationSettings
from kiosk.ui.live_settings import LiveParts
from kiosk.ui.sounds import SoundBoard
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def load_print_worker(store: Store, station: str, printer: str, fallback: str, parent):
    """The printing module's worker, or None when it is not installed or cannot start."""
    try:
        from kiosk.printing.worker import PrintWorker
    except ImportError:
        return None
    try:
        return PrintWorker(store, station, printer=printer, fallback_printer=fallback, parent=parent)
    except Exception:  # printing must never keep the desk from opening
        log.exception("the print worker could not start")
        return None


def build_desk(
    store: Store,
    event: Event,
    actor: Actor,
    settings: StationSettings | None = None,
    synchronous: bool = False,
    sounds: bool | None = None,
    printing: bool | None = None,
    camera: bool = True,
) -> DeskWindow:
    settings = settings or StationSettings()
    app = QApplication.instance()
    tasks = TaskRunner(app, synchronous=synchronous)
    options = PrintOptions(
        template=settings.get("printing/template"),
        auto_print=settings.get("printing/auto_print"),
        printer=settings.get("printing/printer"),
        templates=dict(settings.get("printing/templates")),
    )
    controller = DeskController(store, event, actor, tasks, options)
    board = SoundBoard(enabled=settings.get("sound/enabled") if sounds is None else sounds)
    scanner = CameraScanner(tasks) if camera else None
    panel = CameraPanel(scanner) if scanner is not None else None
    if panel is not None:
        panel.preferred = settings.get("camera/device")
    window = DeskWindow(controller, board, panel)
    board.setParent(window)
    controller.setParent(window)
    window.tasks = tasks
    window.sounds = board
    window.camera_scanner = scanner

    wedge = WedgeDetector(window, gap_ms=settings.get("scanner/gap_ms"), min_length=settings.get("scanner/min_length"))
    wedge.scanned.connect(controller.scan)
    wedge.install(app)
    window.wedge = wedge
    if scanner is not None:
        scanner.scanned.connect(controller.scan)

    worker = None
    if settings.get("printing/enabled") if printing is None else printing:
        worker = load_print_worker(store, actor.station, options.printer, settings.get("printing/fallback"), window)
    options.worker = worker
    window.print_worker = worker
    if worker is not None:
        worker.statusChanged.connect(window.printer_worker_status)
        worker.jobPrinted.connect(lambda _job, attendee_id, _printer: _refresh_if_open(controller, attendee_id))
        worker.jobFailed.connect(lambda _job, attendee_id, _error: _refresh_if_open(controller, attendee_id))
        worker.start()
    else:
        window.printer_status(tr("printing unavailable (jobs stay queued)"), 0, False)

    window.live = LiveParts(settings, options, worker, board, wedge)
    add_admin_actions(window, store, event, actor, settings, window.live)

    geometry = settings.geometry("desk")
    if geometry is not None:
        window.restoreGeometry(geometry)
    elif window.screen() is not None:  # first start: use the whole screen
        window.setGeometry(window.screen().availableGeometry())
    splitter = settings.geometry("desk-splitter")
    if splitter is not None:
        window.splitter.restoreState(splitter)

    def close() -> None:
        settings.set_geometry("desk", window.saveGeometry())
        settings.set_geometry("desk-splitter", window.splitter.saveState())
        settings.sync()
        controller.stop()
        wedge.uninstall(app)
        if scanner is not None:
            scanner.stop()
        if worker is not None:
            worker.stop()
        tasks.shutdown(wait=False)

    window.closing.append(close)
    controller.start()
    if settings.get("camera/enabled") and panel is not None:
        window.act_camera.trigger()
    return window


def _refresh_if_open(controller: DeskController, attendee_id: int) -> None:
    if attendee_id == controller.current_id:
        controller.open_attendee(attendee_id)
    controller.refresh_status()
