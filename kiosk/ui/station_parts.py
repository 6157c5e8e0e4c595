"""The parts every station window is built from (the desk and the self-service kiosk): the
print worker, the scanners and their teardown. One place, so both screens behave alike."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from kiosk.core.store import Store
from kiosk.scanning.wedge import WedgeDetector
from kiosk.settings import StationSettings

log = logging.getLogger(__name__)


def load_print_worker(
    settings: StationSettings, enabled: bool | None, store: Store, station: str, printer: str, parent, service=None
):
    """The station's print worker, or None when printing is off, not installed or cannot start.
    ``enabled`` overrides the ``printing/enabled`` setting (tests turn printing off). A station
    with a replica (``service``, a StationService) prints from the replica's queue too, so
    badges asked for while the hub is away print at once."""
    if not (settings.get("printing/enabled") if enabled is None else enabled):
        return None
    try:
        from kiosk.printing.worker import PrintWorker
    except ImportError:
        return None
    try:
        queue = service.print_queue() if hasattr(service, "print_queue") else None
        return PrintWorker(
            store, station, printer=printer, fallback_printer=settings.get("printing/fallback"), parent=parent,
            queue=queue,
        )
    except Exception:  # printing must never keep a station from opening
        log.exception("the print worker could not start")
        return None


def connect_scanners(window, app: QApplication, settings: StationSettings, on_scan, camera_scanner) -> WedgeDetector:
    """USB keyboard-wedge scans anywhere in the app, and camera scans, both go to ``on_scan``."""
    wedge = WedgeDetector(window, gap_ms=settings.get("scanner/gap_ms"), min_length=settings.get("scanner/min_length"))
    wedge.scanned.connect(on_scan)
    wedge.install(app)
    window.wedge = wedge
    if camera_scanner is not None:
        camera_scanner.scanned.connect(on_scan)
    return wedge


def stop_parts(app: QApplication, wedge: WedgeDetector, camera_scanner, worker, tasks) -> None:
    """Undo what a station window started, when it closes."""
    wedge.uninstall(app)
    if camera_scanner is not None:
        camera_scanner.stop()
    if worker is not None:
        worker.stop()
    tasks.shutdown(wait=False)
