"""The desk's search field: always focused, it takes scanner bursts and typed names alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit


class SearchBox(QLineEdit):
    """The always-focused search field; arrows move through the results, Escape clears."""

    moved = Signal(int)
    escaped = Signal()

    def event(self, event) -> bool:  # noqa: A003 (Qt name)
        """The window's own shortcuts win over the field's editing keys (Ctrl+E is also "end of
        line" in a line edit on Linux)."""
        if event.type() == QEvent.Type.ShortcutOverride:
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch
                   for action in self.window().actions() for key in action.shortcuts()):
                event.ignore()
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[event.key()]
            self.moved.emit(step)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)
