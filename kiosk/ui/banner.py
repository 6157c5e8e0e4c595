"""The result banner: full width, the state's colour, big words, closes itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.result_state import ResultState
from kiosk.ui.sounds import SoundBoard

IDLE_BACKGROUND = "#e9edf2"
IDLE_FOREGROUND = "#2b3440"


class ResultBanner(QFrame):
    dismissed = Signal()
    #: Emitted after the banner painted a state (benchmarks measure "result painted" with it).
    painted = Signal(object)

    def __init__(self, sounds: SoundBoard | None = None, parent: QWidget | None = None, title_pt: int = 30):
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.sounds = sounds
        self.state: ResultState | None = None
        #: What the banner says while no result is showing (the owner sets it, translated).
        self.idle_title = ""
        self.idle_detail = ""
        self.title = QLabel(self)
        self.detail = QLabel(self)
        self.hint = QLabel(self)
        for label, size, bold in ((self.title, title_pt, True), (self.detail, max(12, title_pt // 2), False), (self.hint, 12, True)):
            font = QFont(label.font())
            font.setPointSize(size)
            font.setBold(bold)
            label.setFont(font)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.clear()

    def present(self, state: ResultState, title: str, detail: str = "", hint: str = "") -> None:
        """Show a result now, replacing whatever was there, and play its sound."""
        self.state = state
        self._show(title, detail, hint, state.background, state.foreground)
        if state.dismiss_ms:
            self._timer.start(state.dismiss_ms)
        else:
            self._timer.stop()
        if self.sounds is not None:
            self.sounds.play(state)

    def clear(self) -> None:
        """Back to the quiet idle look (the banner keeps its place, so nothing jumps)."""
        was = self.state
        self._timer.stop()
        self.state = None
        self._show(self.idle_title, self.idle_detail, "", IDLE_BACKGROUND, IDLE_FOREGROUND)
        if was is not None:
            self.dismissed.emit()

    def set_idle_text(self, title: str, detail: str = "") -> None:
        self.idle_title, self.idle_detail = title, detail
        if self.state is None:
            self.clear()

    def _show(self, title: str, detail: str, hint: str, background: str, foreground: str) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.setStyleSheet(
            f"#resultBanner {{ background: {background}; border-radius: 8px; }}"
            f" #resultBanner QLabel {{ color: {foreground}; background: transparent; }}"
        )

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if self.state is not None:
            self.painted.emit(self.state)
