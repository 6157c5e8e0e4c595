"""Putting a desk together: tasks, controller, scanners, sounds, printing, window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.store import Store
from kiosk.i18n import tr
from kiosk.scanning.camera import CameraScanner
from kiosk.ui.camera_panel import CameraPanel
from kiosk.ui.desk.controller import DeskController
from kiosk.ui.desk_admin import add_admin_actions
from kiosk.ui.desk.window import DeskWindow
from kiosk.settings import StationSettings
from kiosk.ui.live_settings import LiveParts, StationPrinting
from kiosk.ui.sounds import SoundBoard
from kiosk.ui.station_parts import connect_scanners, load_print_worker, stop_parts
from kiosk.ui.tasks import TaskRunner

def build_desk(
    store: Store,
    event: Event,
    actor: Actor,
    settings: StationSettings | None = None,
    synchronous: bool = False,
    sounds: bool | None = None,
    printing: bool | None = None,
    camera: bool = True,
    service=None,
) -> DeskWindow:
    settings = settings or StationSettings()
    app = QApplication.instance()
    tasks = TaskRunner(app, synchronous=synchronous)
    options = StationPrinting.from_settings(settings)
    if service is not None:
        service.use_badges(options)
    controller = DeskController(store, event, actor, tasks, options, list_name=settings.get("station/list") or None,
                                service=service)
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

    wedge = connect_scanners(window, app, settings, controller.scan, scanner)
    worker = load_print_worker(settings, printing, store, actor.station, options.printer, window, service)
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
        stop_parts(app, wedge, scanner, worker, tasks)

    window.closing.append(close)
    controller.start()
    if settings.get("camera/enabled") and panel is not None:
        window.act_camera.trigger()
    return window


def _refresh_if_open(controller: DeskController, attendee_id: int) -> None:
    if attendee_id == controller.current_id:
        controller.open_attendee(attendee_id)
    controller.refresh_status()
