"""The camera area: a camera picker, a live preview, and 'no camera' when there is none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from kiosk.scanning.camera import CameraScanner


class CameraPanel(QWidget):
    def __init__(self, scanner: CameraScanner, parent: QWidget | None = None):
        super().__init__(parent)
        self.scanner = scanner
        self.picker = QComboBox(self)
        self.picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(120)
        self.message.setStyleSheet("background: #222; color: #eee; border-radius: 6px; padding: 8px;")
        self.preview: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.picker)
        self._layout.addWidget(self.message, 1)
        scanner.problem.connect(self._show_problem)
        scanner.camerasChanged.connect(self.fill_picker)
        self.picker.activated.connect(self._picked)
        self.picker.hide()
        # Cameras are looked for when the panel is first turned on: the multimedia backend
        # costs start-up time and memory that a scanner-only desk never needs.
        self._filled = False
        #: The camera to pick first, by its name (the station setting camera/device; empty: the first).
        self.preferred = ""

    def fill_picker(self) -> None:
        self._filled = True
        self.picker.clear()
        cameras = self.scanner.cameras()
        for device in cameras:
            self.picker.addItem(device.description(), device.id())
        self.picker.setVisible(bool(cameras))
        if self.preferred and self.picker.findText(self.preferred) >= 0:
            self.picker.setCurrentIndex(self.picker.findText(self.preferred))
        if not cameras:
            self._show_problem(self.tr("No camera found. Scanning with a USB scanner and searching still work."))

    def _device(self):
        wanted = self.picker.currentData()
        return next((d for d in self.scanner.cameras() if d.id() == wanted), None)

    def start(self) -> None:
        if not self._filled:
            self.scanner.watch_devices()
            self.fill_picker()
        cameras = self.scanner.cameras()
        if not cameras:
            self.fill_picker()
            return
        if self.preview is None:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            self.preview = QVideoWidget(self)
            self.preview.setMinimumSize(320, 240)
            self._layout.insertWidget(1, self.preview, 1)
            self.scanner.use_sink(self.preview.videoSink())
        self.message.hide()
        self.preview.show()
        self.scanner.start(self._device())

    def stop(self) -> None:
        self.scanner.stop()

    def _picked(self, _row: int) -> None:
        if self.scanner.running:
            self.scanner.start(self._device())

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        if self.preview is not None:
            self.preview.hide()
