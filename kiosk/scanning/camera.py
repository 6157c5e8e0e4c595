"""Webcam scanning: QtMultimedia capture, frames decoded by zxing-cpp off the GUI thread.

``FrameDecoder`` takes frames from any ``QVideoSink`` (a camera's, a ``QVideoWidget``'s, or
one a test fills by hand). While one frame is being decoded, newer frames are dropped, never
queued, so the preview never lags behind and memory never grows. After a code is read,
decoding goes straight on ("re-arms"): a *different* code is reported at once, the *same*
code only after ``rearm_ms`` (it is still in front of the lens).

``CameraScanner`` picks and runs the camera. Without a camera it says so and does nothing.
"""

from __future__ import annotations

import time
from typing import Callable, Protocol

import zxingcpp
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.qt_logging import quiet_qt_logs

quiet_qt_logs()  # before QtMultimedia loads  # noqa: E402
from PySide6.QtMultimedia import (  # noqa: E402
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoSink,
)

from kiosk.scanning.decode import Plane, decode_plane


class TaskRunner(Protocol):
    """What decoding needs of the screens' task runner (scanning knows no screens)."""

    def run(self, fn: Callable, *args, lane: str = ..., on_done: Callable = ..., on_error: Callable = ...) -> None: ...


F = QVideoFrameFormat.PixelFormat
_PACKED = {  # 4 bytes a pixel: zxing reads the luminance straight from the packed colours
    F.Format_BGRA8888: zxingcpp.ImageFormat.BGRA,
    F.Format_BGRA8888_Premultiplied: zxingcpp.ImageFormat.BGRA,
    F.Format_BGRX8888: zxingcpp.ImageFormat.BGRA,
    F.Format_ARGB8888: zxingcpp.ImageFormat.ARGB,
    F.Format_ARGB8888_Premultiplied: zxingcpp.ImageFormat.ARGB,
    F.Format_XRGB8888: zxingcpp.ImageFormat.ARGB,
    F.Format_RGBA8888: zxingcpp.ImageFormat.RGBA,
    F.Format_RGBX8888: zxingcpp.ImageFormat.RGBA,
    F.Format_ABGR8888: zxingcpp.ImageFormat.ABGR,
    F.Format_XBGR8888: zxingcpp.ImageFormat.ABGR,
}
#: Formats whose luminance is in plane 0: (bytes between pixels, offset of the Y byte).
_LUMA = {
    F.Format_Y8: (1, 0),
    F.Format_NV12: (1, 0),
    F.Format_NV21: (1, 0),
    F.Format_YUV420P: (1, 0),
    F.Format_YV12: (1, 0),
    F.Format_YUV422P: (1, 0),
    F.Format_IMC1: (1, 0),
    F.Format_IMC2: (1, 0),
    F.Format_IMC3: (1, 0),
    F.Format_IMC4: (1, 0),
    F.Format_Y16: (2, 1),
    F.Format_P010: (2, 1),
    F.Format_P016: (2, 1),
    F.Format_YUV420P10: (2, 0),
    F.Format_YUYV: (2, 0),
    F.Format_UYVY: (2, 1),
    F.Format_AYUV: (4, 1),
    F.Format_AYUV_Premultiplied: (4, 1),
}


def frame_plane(frame: QVideoFrame) -> Plane | None:
    """Copy the pixels zxing needs out of a frame (the luminance plane when there is one)."""
    if not frame.isValid():
        return None
    fmt = frame.pixelFormat()
    if fmt not in _PACKED and fmt not in _LUMA:
        return image_plane(frame.toImage())  # e.g. MJPEG: let Qt decode it
    if not frame.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        stride = frame.bytesPerLine(0)
        height = frame.height()
        data = bytes(frame.bits(0)[: stride * height])
    finally:
        frame.unmap()
    if fmt in _PACKED:
        return Plane(data, frame.width(), height, stride, _PACKED[fmt], 4)
    pix, offset = _LUMA[fmt]
    return Plane(data, frame.width(), height, stride, zxingcpp.ImageFormat.Lum, pix, offset)


def image_plane(image: QImage) -> Plane | None:
    if image.isNull():
        return None
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits()[: gray.bytesPerLine() * gray.height()])
    return Plane(data, gray.width(), gray.height(), gray.bytesPerLine(), zxingcpp.ImageFormat.Lum, 1)


class FrameDecoder(QObject):
    """Frames in, codes out. At most one frame is in flight; the rest are dropped."""

    decoded = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None, rearm_ms: int = 2000, clock=time.monotonic):
        super().__init__(parent)
        self.tasks = tasks
        self.rearm_ms = rearm_ms
        self.enabled = True
        self._clock = clock
        self._busy = False
        self._last: tuple[str, float] = ("", -1e9)
        self.offered = self.decoded_frames = self.dropped = 0

    def attach(self, sink: QVideoSink) -> None:
        sink.videoFrameChanged.connect(self.offer)

    def detach(self, sink: QVideoSink) -> None:
        sink.videoFrameChanged.disconnect(self.offer)

    @property
    def busy(self) -> bool:
        return self._busy

    def offer(self, frame: QVideoFrame) -> bool:
        """Take a frame if the decoder is free; returns False when it was dropped."""
        self.offered += 1
        if not self.enabled or self._busy:
            self.dropped += 1
            return False
        self._busy = True
        # The copy out of the frame happens on the worker too: the GUI thread only hands it over.
        self.tasks.run(_decode_frame, QVideoFrame(frame), lane="decode", on_done=self._done, on_error=self._failed)
        return True

    def _done(self, codes: list[str]) -> None:
        self._busy = False
        self.decoded_frames += 1
        now = self._clock()
        for code in codes[:1]:
            last, at = self._last
            if code == last and (now - at) * 1000 < self.rearm_ms:
                self._last = (code, now)  # still in view: keep it quiet
                continue
            self._last = (code, now)
            self.decoded.emit(code)

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False


def _decode_frame(frame: QVideoFrame) -> list[str]:
    plane = frame_plane(frame)
    return decode_plane(plane) if plane else []


class CameraScanner(QObject):
    """The chosen camera, feeding a sink (a preview widget's, or its own) and the decoder."""

    scanned = Signal(str)
    #: Human-readable trouble: no camera, camera busy, permission denied.
    problem = Signal(str)
    camerasChanged = Signal()

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.decoder = FrameDecoder(tasks, self)
        self.decoder.decoded.connect(self.scanned)
        self._session = QMediaCaptureSession(self)
        self._camera: QCamera | None = None
        self._sink: QVideoSink | None = None
        self._devices: QMediaDevices | None = None

    def watch_devices(self) -> None:
        if self._devices is None:
            self._devices = QMediaDevices(self)
            self._devices.videoInputsChanged.connect(self.camerasChanged)

    @staticmethod
    def cameras() -> list[QCameraDevice]:
        return list(QMediaDevices.videoInputs())

    def use_sink(self, sink: QVideoSink) -> None:
        """Show and decode through this sink (e.g. ``QVideoWidget.videoSink()``)."""
        if self._sink is not None:
            self.decoder.detach(self._sink)
        self._sink = sink
        self.decoder.attach(sink)
        self._session.setVideoSink(sink)

    @property
    def running(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def start(self, device: QCameraDevice | None = None) -> bool:
        self.stop()
        device = device if device is not None and not device.isNull() else QMediaDevices.defaultVideoInput()
        if device.isNull():
            self.problem.emit(self.tr("No camera found"))
            return False
        if self._sink is None:
            self.use_sink(QVideoSink(self))
        camera = QCamera(device, self)
        camera.errorOccurred.connect(lambda _err, text: self.problem.emit(text))
        _prefer_small_format(camera, device)
        self._session.setCamera(camera)
        self._camera = camera
        camera.start()
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._session.setCamera(None)
            self._camera.deleteLater()
            self._camera = None


def _prefer_small_format(camera: QCamera, device: QCameraDevice) -> None:
    """640x480 (or the closest above it) is plenty for a badge held up to the lens."""
    formats = [f for f in device.videoFormats() if f.resolution().width() >= 640]
    if formats:
        best = min(formats, key=lambda f: (f.resolution().width() * f.resolution().height(), -f.maxFrameRate()))
        camera.setCameraFormat(best)
