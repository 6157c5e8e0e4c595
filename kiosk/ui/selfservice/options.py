"""Self-service settings (declared in kiosk.settings.declarations), clamped, and sizes."""

from __future__ import annotations

import math

from PySide6.QtGui import QGuiApplication

from kiosk.settings import StationSettings

IDLE_MIN, IDLE_MAX = 20, 30
SCALE_MIN, SCALE_MAX = 80, 200
TOUCH_MM = 15.0



def idle_seconds(settings: StationSettings) -> int:
    return max(IDLE_MIN, min(IDLE_MAX, settings.get("selfservice/idle_seconds")))


def text_scale(settings: StationSettings) -> int:
    return max(SCALE_MIN, min(SCALE_MAX, settings.get("selfservice/text_scale")))


def dots_per_mm() -> float:
    """Pixels per millimetre on the primary screen (its physical size when it reports a
    sensible one, else the logical DPI)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 96 / 25.4
    dpi = screen.physicalDotsPerInch()
    if not 50 <= dpi <= 600:
        dpi = screen.logicalDotsPerInch()
    return max(dpi, screen.logicalDotsPerInch()) / 25.4


def touch_px(mm: float = TOUCH_MM) -> int:
    """The smallest side, in pixels, of a touch target of ``mm`` millimetres."""
    return math.ceil(mm * dots_per_mm())
