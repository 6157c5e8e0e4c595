"""Real camera-like frames: a QR code drawn into a 640x480 picture, as a QVideoFrame."""

from __future__ import annotations

import qrcode
from PIL.ImageQt import ImageQt
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame


def qr_image(code: str, size: int = 300) -> QImage:
    pil = qrcode.make(code, border=2).get_image().convert("RGB").resize((size, size))
    return ImageQt(pil).copy()


def frame_with(code: str | None, fmt: QImage.Format = QImage.Format.Format_RGB32, offset: QPoint = QPoint(170, 90)) -> QVideoFrame:
    picture = QImage(640, 480, QImage.Format.Format_RGB32)
    picture.fill(QColor("#8a8f94"))  # a grey room
    if code is not None:
        painter = QPainter(picture)
        painter.fillRect(offset.x() - 20, offset.y() - 20, 340, 340, QColor("white"))  # the badge
        painter.drawImage(offset, qr_image(code))
        painter.end()
    return QVideoFrame(picture.convertToFormat(fmt))
