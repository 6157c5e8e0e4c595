"""Putting the kiosk together: PIN check, tasks, controller, scanners, sounds, printing, window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk import i18n
from kiosk.core.errors import KioskError
from kiosk.core.models import Event
from kiosk.core.pin import has_pin
from kiosk.core.store import Store
from kiosk.scanning.camera import CameraScanner
from kiosk.ui.camera_panel import CameraPanel
from kiosk.ui.selfservice import options
from kiosk.ui.selfservice.controller import SelfServiceController
from kiosk.ui.selfservice.i18n import LanguageSwitch
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.settings import StationSettings
from kiosk.ui.live_settings import LiveParts, StationPrinting
from kiosk.ui.sounds import SoundBoard
from kiosk.ui.station_parts import connect_scanners, load_print_worker, stop_parts
from kiosk.ui.tasks import TaskRunner

DEFAULT_STATION = "Kiosk"


class NoPinError(KioskError):
    exit_code = 2


def open_self_service(
    store: Store,
    event: Event,
    station: str | None = None,
    settings: StationSettings | None = None,
    synchronous: bool = False,
    sounds: bool | None = None,
    printing: bool | None = None,
    camera: bool = True,
    translations_dir: Path | None = None,
    fullscreen: bool = True,
    service=None,
) -> SelfServiceWindow:
    """The kiosk window, shown. Refuses (``NoPinError``) when the event has no staff PIN,
    since nobody could leave kiosk mode."""
    if not has_pin(store, event.id):
        raise NoPinError(
            f"The event {event.name!r} has no staff PIN, so nobody could leave kiosk mode: "
            "set one first with 'kiosk admin set-pin'"
        )
    settings = settings or StationSettings()
    station = station or settings.get("station/name") or DEFAULT_STATION
    app = QApplication.instance()
    tasks = TaskRunner(app, synchronous=synchronous)
    kiosk_printing = StationPrinting.from_settings(settings)
    if service is not None:
        service.use_badges(kiosk_printing)
    controller = SelfServiceController(store, event, station, tasks, kiosk_printing,
                                       list_name=settings.get("station/list") or None, service=service)
    board = SoundBoard(enabled=settings.get("sound/enabled") if sounds is None else sounds)
    scanner = CameraScanner(tasks) if camera and CameraScanner.cameras() else None
    panel = None
    if scanner is not None:
        panel = CameraPanel(scanner)
        panel.picker.hide()
    if panel is not None:
        panel.preferred = settings.get("camera/device")
    language = LanguageSwitch(translations_dir)
    default_language = settings.get("selfservice/language")
    window = SelfServiceWindow(
        controller, board, language, panel, options.idle_seconds(settings), options.text_scale(settings), "en"
    )
    # $KIOSK_LANG, when set, says which language this kiosk starts in and returns to.
    default_language = i18n.language_of(os.environ.get(i18n.ENV_LANG)) or default_language
    window.default_language = default_language if default_language in ("en", "sv") else "en"
    if window.default_language != language.current:
        window.set_language(window.default_language)
    for child in (board, controller, language, tasks):
        if child is not tasks:
            child.setParent(window)
    window.tasks = tasks
    window.sounds = board

    wedge = connect_scanners(window, app, settings, window.scan, scanner)
    worker = load_print_worker(settings, printing, store, station, kiosk_printing.printer, window, service)
    kiosk_printing.worker = worker
    window.print_worker = worker
    if worker is not None:
        worker.jobPrinted.connect(controller.job_printed)
        worker.jobFailed.connect(controller.job_failed)
        worker.start()

    window.live = LiveParts(settings, kiosk_printing, worker, board, wedge)

    def staff_settings() -> None:  # the staff page is only reached with the PIN
        from kiosk.ui.settings_dialog import open_settings

        window.settings_dialog = open_settings(window, settings, store, event, verified=True, on_applied=window.live.apply)

    window.staff.settingsWanted.connect(staff_settings)

    def close() -> None:
        stop_parts(app, wedge, scanner, worker, tasks)

    window.closing.append(close)
    controller.start()
    if fullscreen:
        window.go_fullscreen()
    else:
        window.show()
    if panel is not None:
        panel.start()
    return window


def build_self_service(store: Store, event: Event, actor, settings: StationSettings, service=None) -> SelfServiceWindow:
    """The ``self`` mode of ``kiosk run`` (see ``kiosk.app.MODES``)."""
    return open_self_service(store, event, station=actor.station, settings=settings, service=service)
