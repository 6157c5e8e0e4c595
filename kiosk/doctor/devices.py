"""Printers and cameras, through Qt (imported when a check runs, so the rest needs no display)."""

from __future__ import annotations

from kiosk.doctor.report import OK, WARNING, Check, word
from kiosk.i18n import tr


def _qt_app() -> None:
    from kiosk.printing.printers import ensure_app
    from kiosk.qt_logging import quiet_qt_logs

    quiet_qt_logs()
    ensure_app()


def check_printers() -> list[Check]:
    try:
        from kiosk.printing.printers import default_printer, list_printers

        _qt_app()
        printers, default = list_printers(), default_printer()
    except Exception as exc:
        return [Check("printers", "printing", WARNING, tr("cannot list printers: {error}").format(error=f"{type(exc).__name__}: {exc}"))]
    if not printers:
        return [Check("printers", "printers", WARNING, tr("none installed: badges stay queued (or print to pdf:FILE)"))]
    checks = [
        Check("printers", p.name, OK if p.ok else WARNING, tr("{state}, default").format(state=word(p.state)) if p.is_default else word(p.state))
        for p in printers
    ]
    if not default:
        checks.append(Check("printers", "default", WARNING, tr("no system default: choose a printer in the settings")))
    return checks


def check_cameras() -> list[Check]:
    try:
        _qt_app()
        from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

        # Without a media backend (Qt's FFmpeg plugin) no format decodes and no camera runs.
        backend = bool(QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode))
        cameras = list(QMediaDevices.videoInputs())
        default = QMediaDevices.defaultVideoInput()
    except Exception as exc:
        return [Check("cameras", "cameras", WARNING, tr("cannot list cameras: {error}").format(error=f"{type(exc).__name__}: {exc}"))]
    checks = [
        Check("cameras", "media backend", OK, tr("Qt multimedia (FFmpeg)"))
        if backend
        else Check("cameras", "media backend", WARNING, tr("Qt has no multimedia backend: cameras cannot scan"))
    ]
    if not cameras:
        return [*checks, Check("cameras", "cameras", WARNING, tr("none found: scan with a USB scanner or search by name"))]
    return checks + [
        Check("cameras", c.description(), OK, tr("default") if c.id() == default.id() else tr("available"))
        for c in cameras
    ]
