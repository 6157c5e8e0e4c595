"""The pages where the attendee (or staff) types: surname lookup, email check, staff PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.core.selfservice import LookupResult, PublicMatch
from kiosk.ui.selfservice.keyboard import EMAIL_ROWS, LETTER_ROWS, PIN_ROWS, BigButton, OnScreenKeyboard
from kiosk.ui.selfservice.options import touch_px
from kiosk.ui.selfservice.pages import label

MAX_SHOWN = 6
MATCH_COLUMNS = 2  # six matches in two columns leave room for the keyboard on a 768-pixel screen


def field(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setMinimumHeight(touch_px())
    edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return edit


class LookupPage(QWidget):
    """Type a surname, pick yourself from redacted matches."""

    queryChanged = Signal(str)
    picked = Signal(object)  # PublicMatch
    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = label(self, "pageTitle")
        self.query = field(self, "query")
        self.message = label(self, "message")
        self.matches: list[PublicMatch] = []
        self.found = LookupResult("")
        self.match_buttons: list[BigButton] = []
        self.match_box = QGridLayout()
        self.match_box.setSpacing(8)
        for i in range(MAX_SHOWN):
            button = BigButton(self)
            button.setObjectName("match")
            button.hide()
            button.clicked.connect(lambda _=False, i=i: self._pick(i))
            self.match_box.addWidget(button, i // MATCH_COLUMNS, i % MATCH_COLUMNS)
            self.match_buttons.append(button)
        self.keyboard = OnScreenKeyboard(self.query, LETTER_ROWS, self)
        self.cancel = BigButton(self)
        self.cancel.setObjectName("secondary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.query)
        layout.addWidget(self.message)
        layout.addLayout(self.match_box)
        layout.addStretch(1)
        layout.addWidget(self.keyboard)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        layout.addLayout(row)
        self.query.textChanged.connect(self.queryChanged)
        self.query.returnPressed.connect(lambda: self.matches and self._pick(0))
        self.cancel.clicked.connect(self.back)
        self.show_matches(LookupResult(""))

    def _pick(self, i: int) -> None:
        if i < len(self.matches):
            self.picked.emit(self.matches[i])

    def show_matches(self, found: LookupResult) -> None:
        if found.query != self.query.text():
            return  # an answer to an older keystroke
        self.found = found
        self.matches = list(found.matches)
        for i, button in enumerate(self.match_buttons):
            if i < len(self.matches):
                button.setText(self.matches[i].label)
                button.setAccessibleName(self.tr("This is me: {who}").format(who=self.matches[i].label))
                button.show()
            else:
                button.setText("")
                button.setAccessibleName(self.tr("Place for a name, empty"))
                button.hide()
        self._message()

    def _message(self) -> None:
        if self.found.limited:
            self.message.setText(self.tr("Too many searches just now. Please wait a moment, or see the desk."))
        elif self.found.too_short or not self.query.text().strip():
            self.message.setText(self.tr("Type at least three letters of your surname."))
        elif not self.matches:
            self.message.setText(self.tr("No match. Check the spelling, or please see the desk."))
        elif len(self.matches) >= MAX_SHOWN:
            self.message.setText(self.tr("Tap your name, or type more letters."))
        else:
            self.message.setText(self.tr("Tap your name."))

    def clear(self) -> None:
        self.query.clear()
        self.matches = []
        self.show_matches(LookupResult(""))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Type your surname"))
        self.query.setAccessibleName(self.tr("Surname"))
        self.query.setPlaceholderText(self.tr("Surname"))
        self.cancel.setText(self.tr("Back"))
        self.cancel.setAccessibleName(self.tr("Back to the start"))
        self.keyboard.retranslate()
        self._message()


class EmailPage(QWidget):
    """Confirm the pick with the registered email address."""

    submitted = Signal(int, str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = label(self, "pageTitle")
        self.who = label(self, "who")
        self.prompt = label(self, "message")
        self.email = field(self, "email")
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoPredictiveText)
        self.message = label(self, "warning")
        self.keyboard = OnScreenKeyboard(self.email, EMAIL_ROWS, self, space=False)
        self.cancel = BigButton(self)
        self.cancel.setObjectName("secondary")
        self.ok = BigButton(self)
        self.ok.setObjectName("primary")
        self.match: PublicMatch | None = None
        self._tries_left: int | None = None
        self._rejected = ""  # the address just refused, as typed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.who, self.prompt, self.email, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.keyboard)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.ok)
        layout.addLayout(row)
        self.ok.clicked.connect(self._submit)
        self.email.returnPressed.connect(self._submit)
        self.cancel.clicked.connect(self.back)

    def ask(self, match: PublicMatch) -> None:
        self.match = match
        self.who.setText(match.label)
        self.email.clear()
        self._rejected = ""
        self._tries_left = None
        self.message.clear()
        self.email.setFocus()

    def _submit(self) -> None:
        text = self.email.text().strip()
        if self.match is None or not text:
            return
        if text.casefold() == self._rejected:  # the same wrong address again uses up no try
            self._warn()
            self.email.setFocus()
            return
        self.submitted.emit(self.match.attendee_id, self.email.text())

    def rejected(self, tries_left: int) -> None:
        self._tries_left = tries_left
        self._rejected = self.email.text().strip().casefold()
        self.email.selectAll()
        self.email.setFocus()  # a physical keyboard types straight on (the button had the focus)
        self._warn()

    def _warn(self) -> None:
        if self._tries_left is None:
            self.message.clear()
        else:
            self.message.setText(self.tr("That email address does not match. Tries left: {n}").format(n=self._tries_left))

    def clear(self) -> None:
        self.match = None
        self.who.clear()
        self.email.clear()
        self._rejected = ""
        self._tries_left = None
        self.message.clear()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Is this you?"))
        self.prompt.setText(self.tr("To check in, type the email address you registered with."))
        self.email.setAccessibleName(self.tr("Email address"))
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.ok.setText(self.tr("Check in"))
        self.ok.setAccessibleName(self.tr("Check in"))
        self.cancel.setText(self.tr("Back"))
        self.cancel.setAccessibleName(self.tr("Back to the name list"))
        self.keyboard.retranslate()
        self._warn()


class PinPage(QWidget):
    """Staff only: the PIN, with a number pad."""

    submitted = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = label(self, "pageTitle")
        self.pin = field(self, "pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.message = label(self, "warning")
        self.keypad = OnScreenKeyboard(self.pin, (*PIN_ROWS, "0"), self, space=False)
        self.keypad.setMaximumWidth(touch_px() * 6)
        self.cancel = BigButton(self)
        self.cancel.setObjectName("secondary")
        self.ok = BigButton(self)
        self.ok.setObjectName("primary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.pin, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.ok)
        layout.addLayout(row)
        self.pin.setMinimumWidth(touch_px() * 5)
        self.ok.clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        self.cancel.clicked.connect(self.back)
        self._wait: float | None = None
        self._wrong = False

    def _submit(self) -> None:
        if self.pin.text():
            self.ok.setEnabled(False)
            self.submitted.emit(self.pin.text())

    def refused(self, wait_seconds: float) -> None:
        self.ok.setEnabled(True)
        self.pin.clear()
        self._wrong, self._wait = True, wait_seconds
        self._say()

    def _say(self) -> None:
        if not self._wrong:
            self.message.clear()
        elif self._wait:
            self.message.setText(self.tr("Wrong PIN, or too many tries. Try again in {n} s.").format(n=round(self._wait + 0.49)))
        else:
            self.message.setText(self.tr("Wrong PIN."))

    def clear(self) -> None:
        self.pin.clear()
        self.ok.setEnabled(True)
        self._wrong, self._wait = False, None
        self.message.clear()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff only: enter the PIN"))
        self.pin.setAccessibleName(self.tr("Staff PIN"))
        self.ok.setText(self.tr("OK"))
        self.ok.setAccessibleName(self.tr("Check the PIN"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel, back to the kiosk"))
        self.keypad.retranslate()
        self._say()
