"""Big buttons and the on-screen keyboard: touch targets of at least 15 mm, usable by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.i18n import tr
from kiosk.ui.selfservice.options import touch_px

LETTER_ROWS = ("QWERTYUIOPÅ", "ASDFGHJKLÖÄ", "ZXCVBNMÉÜ-'")
EMAIL_ROWS = ("1234567890_", "qwertyuiopå", "asdfghjklöä", "zxcvbnm@.-+")
PIN_ROWS = ("123", "456", "789")


class BigButton(QPushButton):
    """A button at least 15 mm on each side that Enter and Space both press."""

    def __init__(self, parent: QWidget | None = None, focusable: bool = True):
        super().__init__(parent)
        side = touch_px()
        self.setMinimumSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if focusable else Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)


class OnScreenKeyboard(QWidget):
    """Keys that type into a line edit. They take no focus: the physical keyboard types into
    the same field, and Tab moves between the real controls of the page."""

    submitted = Signal()

    def __init__(self, target: QLineEdit, rows: tuple[str, ...], parent: QWidget | None = None, space: bool = True):
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.target = target
        self.keys: list[BigButton] = []
        grid = QGridLayout(self)
        grid.setSpacing(5)
        grid.setContentsMargins(0, 0, 0, 0)
        for r, row in enumerate(rows):
            for c, char in enumerate(row):
                key = self._key(char)
                key.clicked.connect(lambda _=False, ch=char: self.type(ch))
                grid.addWidget(key, r, c)
        last = len(rows)
        width = max(len(row) for row in rows)
        self.backspace = self._key("⌫")
        self.backspace.clicked.connect(self.erase)
        if space:
            self.space = self._key("␣")
            self.space.clicked.connect(lambda: self.type(" "))
            grid.addWidget(self.space, last, 0, 1, width - 3)
            grid.addWidget(self.backspace, last, width - 3, 1, 3)
        else:
            self.space = None
            grid.addWidget(self.backspace, last, 0, 1, width)
        self.retranslate()

    def _key(self, label: str) -> BigButton:
        key = BigButton(self, focusable=False)
        key.setText(label)
        key.setObjectName("key")
        self.keys.append(key)
        return key

    def type(self, text: str) -> None:
        self.target.insert(text)

    def erase(self) -> None:
        self.target.backspace()

    def retranslate(self) -> None:
        for key in self.keys:
            if key is self.backspace:
                key.setAccessibleName(tr("Delete the last letter"))
            elif key is self.space:
                key.setAccessibleName(tr("Space"))
            else:
                key.setAccessibleName(tr("Type {key}").format(key=key.text()))
