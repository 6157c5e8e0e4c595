"""System printers through QtPrintSupport (CUPS on Linux and macOS, the Windows spooler).

``print_image`` puts one rendered badge (or an A4 sheet) on paper: the page size comes from
the template, the printer prints at its own resolution, the image goes in losslessly (Qt
would otherwise store it as JPEG in the PDF it spools) and is drawn into the page rectangle
rather than scaled by Qt. It may run on a worker thread; it needs a QGuiApplication.

A printer name ``pdf:FILE`` writes a PDF file instead (preview, or a desk without a printer).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.core.errors import KioskError
from kiosk.core.files import private_file

FILE_PREFIX = "pdf:"


class PrintError(KioskError):
    exit_code = 8


@dataclass(frozen=True)
class PrinterDesc:
    name: str
    description: str
    is_default: bool
    state: str

    @property
    def ok(self) -> bool:
        return self.state in ("idle", "printing")


_STATES = {
    QPrinter.PrinterState.Idle: "idle",
    QPrinter.PrinterState.Active: "printing",
    QPrinter.PrinterState.Aborted: "aborted",
    QPrinter.PrinterState.Error: "stopped or in error",
}


def ensure_app() -> QCoreApplication:
    """A QGuiApplication for command-line printing (off-screen when there is no display)."""
    app = QCoreApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.name == "nt" or os.uname().sysname == "Darwin"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["kiosk"])
    return app


def _state(info: QPrinterInfo) -> str:
    try:
        return _STATES.get(info.state(), "unknown")
    except AttributeError:  # pragma: no cover - very old Qt
        return "unknown"


def list_printers() -> list[PrinterDesc]:
    return [
        PrinterDesc(p.printerName(), p.description() or p.printerName(), p.isDefault(), _state(p))
        for p in QPrinterInfo.availablePrinters()
    ]


def default_printer() -> str:
    return QPrinterInfo.defaultPrinterName()


def check_printer(name: str) -> str:
    """The printer that ``name`` stands for, ready to take a job; else PrintError saying why."""
    if name.startswith(FILE_PREFIX):
        return name
    if not name:
        name = QPrinterInfo.defaultPrinterName()
        if not name:
            raise PrintError("No printer chosen and the system has no default printer")
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintError(f"Printer {name!r} not found (is it switched on and installed?)")
    state = _state(info)
    if state in ("aborted", "stopped or in error"):
        raise PrintError(f"Printer {name!r} is {state} (out of paper or labels, or paused?)")
    return name


def to_qimage(image: Image.Image, dpi: int) -> QImage:
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()
    dots_per_metre = round(dpi / 0.0254)
    qimage.setDotsPerMeterX(dots_per_metre)
    qimage.setDotsPerMeterY(dots_per_metre)
    return qimage


def page_size(width_mm: float, height_mm: float) -> tuple[QPageSize, QPageLayout.Orientation]:
    """Qt page sizes are portrait; a wider-than-tall template prints landscape."""
    short, long_ = sorted((width_mm, height_mm))
    size = QPageSize(QSizeF(short, long_), QPageSize.Unit.Millimeter, f"{width_mm:g}x{height_mm:g}mm", QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Landscape if width_mm > height_mm else QPageLayout.Orientation.Portrait
    return size, orientation


def print_image(image: Image.Image, printer_name: str, width_mm: float, height_mm: float, dpi: int, title: str = "kiosk") -> str:
    """Send one page to the printer; returns the printer's name. Raises PrintError on failure."""
    name = check_printer(printer_name)
    if name.startswith(FILE_PREFIX):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out_file = Path(name[len(FILE_PREFIX):])
        if out_file.is_dir():
            out_file = out_file / f"{title}.pdf"
        try:
            private_file(out_file)  # Qt writes into it and keeps its mode: readable by the owner only
        except OSError as exc:
            raise PrintError(f"Cannot write {str(out_file)!r}: {exc.strerror}") from None
        printer.setOutputFileName(str(out_file))
    else:
        printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    size, orientation = page_size(width_mm, height_mm)
    printer.setPageSize(size)
    printer.setPageOrientation(orientation)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"Printer {name!r} refused the job")
    try:
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        qimage = to_qimage(image, dpi)
        scale = min(page.width() / qimage.width(), page.height() / qimage.height())
        w, h = qimage.width() * scale, qimage.height() * scale
        target = QRectF(page.x() + (page.width() - w) / 2, page.y() + (page.height() - h) / 2, w, h)
        painter.drawImage(target, qimage, QRectF(qimage.rect()))
    finally:
        ended = painter.end()
    if not ended or printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError(f"Printer {name!r} did not take the job")
    return name
