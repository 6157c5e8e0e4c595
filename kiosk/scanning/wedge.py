"""USB keyboard-wedge scanners: tell a scanner's key burst from a person typing.

A scanner "types" its code much faster than a person (a few ms between keys), usually ending
with Enter, sometimes with Tab or nothing. ``WedgeDetector`` is an application-wide event
filter, so a scan works wherever the focus is:

- the first printable key always goes through at once (typing never lags);
- a key that follows the previous one within ``gap_ms`` is held back, since it may belong to
  a burst;
- when ``min_length`` or more keys came that fast and the burst ends (Enter, Tab, or a pause
  longer than ``gap_ms``), it is a scan: ``scanned(code)`` is emitted, the held keys are
  dropped, the ending key is swallowed, and the first key is taken back out of the line edit
  it landed in;
- otherwise the held keys are replayed, in order, to the widget they were meant for.

Scanners that send their codes back to back, each ended by Enter, are split on the
terminator: a key that follows a terminated scan within ``gap_ms`` starts the next burst and is
held back too, so no first character lands in a field. A pause is judged only after the keys
already waiting in the window's queue were seen: a window busy with the previous result never
cuts a burst that was typed without a pause.
A doubled character sent with no gap ("66") looks like auto-repeat to the window system; inside a
burst it still belongs to the code.

The same code scanned again within ``dedupe_ms`` is one scan.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

DEFAULT_GAP_MS = 40
DEFAULT_MIN_LENGTH = 4
DEFAULT_DEDUPE_MS = 2000
_ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
#: Keys a scanner presses around characters (Shift for capitals): they neither start nor end a burst.
_MODIFIER_KEYS = (
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
)
_NOT_TYPING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


@dataclass
class _Held:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


@dataclass
class _FirstKey:
    receiver: QWidget
    text_before: str | None
    cursor_before: int


class WedgeDetector(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        gap_ms: int = DEFAULT_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        dedupe_ms: int = DEFAULT_DEDUPE_MS,
        clock=time.monotonic,
    ):
        super().__init__(parent)
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.dedupe_ms = dedupe_ms
        self.enabled = True
        self._clock = clock
        self._chars: list[str] = []
        self._held: list[_Held] = []
        self._first: _FirstKey | None = None
        self._last_key = 0.0
        self._replaying = False
        self._streaming = False  # the last key ended a scan: a key right after it starts the next
        self._judging_pause = False
        self._last_receiver: tuple | None = None
        self._recent: tuple[str, float] = ("", -1e9)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._on_pause)

    # -- installing ------------------------------------------------------------------------
    def install(self, app: QCoreApplication | None = None) -> WedgeDetector:
        (app or QApplication.instance()).installEventFilter(self)
        return self

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        self._settle()
        (app or QApplication.instance()).removeEventFilter(self)

    # -- the filter ------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or self._replaying or not self.enabled:
            return False
        if not isinstance(obj, QWidget) or not self._is_first_receiver(obj, event):
            return False  # the window before the widget, or a parent the key propagates to
        return self._on_key(obj, event)

    def _is_first_receiver(self, widget: QWidget, event: QKeyEvent) -> bool:
        """True for the widget a key is meant for, False for the parents it propagates to."""
        focus = QApplication.focusWidget()
        if focus is not None:
            return widget is focus
        # No focus widget (a window not yet active): keys go straight to a widget and, when it
        # ignores them, on to its parents: skip those repeats of the same event.
        pointer = shiboken6.getCppPointer(event)[0]
        previous, self._last_receiver = self._last_receiver, (widget, pointer, event.key(), self._clock())
        if previous is not None:
            prev_widget, prev_pointer, prev_key, prev_at = previous
            if (
                prev_pointer == pointer and prev_key == event.key() and shiboken6.isValid(prev_widget)
                and widget.isAncestorOf(prev_widget) and self._clock() - prev_at < 0.001
            ):
                self._last_receiver = previous
                return False
        return True

    def _on_key(self, receiver: QWidget, event: QKeyEvent) -> bool:
        if event.key() in _MODIFIER_KEYS:
            return False
        now = self._when(event)
        text = event.text()
        within = (bool(self._chars) or self._streaming) and (now - self._last_key) * 1000 <= self.gap_ms
        # A scanner typing a doubled character ("66") with no gap looks like auto-repeat to the
        # window system. Inside a burst it is the scanner's: a key a person holds starts repeating
        # only after a delay far longer than the burst gap, so its repeats never join a burst.
        repeat = event.isAutoRepeat() and not within
        printable = (
            len(text) == 1 and text.isprintable() and not repeat
            and not (event.modifiers() & _NOT_TYPING)
        )
        if printable:
            if within and not self._chars:  # the next code of a scanner sending back to back
                self._streaming = False
                self._begin(receiver, text, now, held=_Held(receiver, event.key(), event.modifiers(), text))
                return True
            if within:
                self._chars.append(text)
                self._held.append(_Held(receiver, event.key(), event.modifiers(), text))
                self._last_key = now
                self._pause.start(self.gap_ms)
                return True
            self._streaming = False
            self._settle()
            self._begin(receiver, text, now)
            return False
        if event.key() in _ENDS and within and len(self._chars) >= self.min_length:
            code = "".join(self._chars)
            self._reset()
            self._streaming = True
            self._last_key = now
            self._emit(code)
            return True
        self._streaming = False
        self._settle()
        return False

    def _when(self, event: QKeyEvent) -> float:
        """Seconds. Real input carries the window system's time of the key press, which a busy
        GUI thread cannot stretch; synthetic events (timestamp 0) use the arrival time."""
        stamp = event.timestamp()
        if stamp > 0:
            return stamp / 1000.0
        return self._clock()

    # -- bursts ----------------------------------------------------------------------------
    def _begin(self, receiver: QWidget, text: str, now: float, held: _Held | None = None) -> None:
        if held is not None:  # the first key was held back too: nothing to take back
            self._first = None
            self._chars = [text]
            self._held = [held]
            self._last_key = now
            self._pause.start(self.gap_ms)
            return
        if isinstance(receiver, QLineEdit):
            self._first = _FirstKey(receiver, receiver.text(), receiver.cursorPosition())
        else:
            self._first = _FirstKey(receiver, None, 0)
        self._chars = [text]
        self._held = []
        self._last_key = now
        self._pause.start(self.gap_ms)

    def _on_pause(self) -> None:
        """The pause timer ran out. A window busy with the previous result (a sound starting, a
        repaint) may still hold keys of this burst in its queue, typed with no pause at all: let
        them in first, and settle only if none came."""
        if self._judging_pause:
            return
        seen = (len(self._chars), self._last_key)
        self._judging_pause = True
        try:
            QCoreApplication.processEvents()
        finally:
            self._judging_pause = False
        if self._pause.isActive() or (len(self._chars), self._last_key) != seen:
            return  # the burst went on (or ended with its terminator)
        self._settle()

    def _settle(self) -> None:
        """The candidate ended with a pause (or before another key): a scan, or typing."""
        self._pause.stop()
        if not self._chars:
            return
        if len(self._chars) >= self.min_length:
            code = "".join(self._chars)
            self._reset()
            self._emit(code)
            return
        held = self._held
        self._reset(keep_first=False)
        self._replaying = True
        try:
            for key in held:
                if shiboken6.isValid(key.receiver):
                    ev = QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text)
                    QCoreApplication.sendEvent(key.receiver, ev)
        finally:
            self._replaying = False

    def _reset(self, keep_first: bool = True) -> None:
        self._pause.stop()
        self._chars = []
        self._held = []
        if not keep_first:
            self._first = None

    def _emit(self, code: str) -> None:
        self._take_back_first_key()
        now = self._clock()
        last_code, last_at = self._recent
        self._recent = (code, now)
        if code == last_code and (now - last_at) * 1000 < self.dedupe_ms:
            return
        self.scanned.emit(code)

    def _take_back_first_key(self) -> None:
        first, self._first = self._first, None
        if first is None or first.text_before is None or not shiboken6.isValid(first.receiver):
            return
        line: QLineEdit = first.receiver  # type: ignore[assignment]
        if line.text() != first.text_before:
            line.setText(first.text_before)
            line.setCursorPosition(first.cursor_before)
