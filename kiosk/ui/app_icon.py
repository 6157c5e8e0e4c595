"""The app's icon (resources/icons) on every window, and the desktop entry's name for Wayland."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from kiosk.paths import resource

SIZES = (64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        path = resource("icons", f"kiosk-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def apply_app_icon(app: QGuiApplication) -> None:
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("kiosk")  # resources/kiosk.desktop, installed as kiosk.desktop
