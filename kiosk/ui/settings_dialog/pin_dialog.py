"""Asks for the admin PIN (digits, hidden), with the rate limit of kiosk.core.pin."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.core.pin import PinRateLimiter, verify_pin
from kiosk.core.store import Store
from kiosk.i18n import tr

#: One limiter per event for the whole app, so closing and reopening the dialog does not reset it.
_LIMITERS: dict[int, PinRateLimiter] = {}


def limiter_for(event_id: int) -> PinRateLimiter:
    return _LIMITERS.setdefault(event_id, PinRateLimiter())


class PinDialog(QDialog):
    def __init__(self, store: Store, event_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.event_id = store, event_id
        self.limiter = limiter_for(event_id)
        self.setWindowTitle(tr("Admin PIN"))
        self.setObjectName("pinDialog")
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setAccessibleName(tr("Admin PIN"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("The settings are protected. Enter the admin PIN:"), self))
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        attempt = self.limiter.attempt(lambda p: verify_pin(self.store, self.event_id, p), self.pin.text())
        self.pin.clear()
        if attempt.ok:
            super().accept()
            return
        if attempt.too_soon or attempt.wait_seconds:
            self.error.setText(tr("Wrong PIN. Try again in {seconds} s.").format(seconds=int(attempt.wait_seconds + 0.99)))
        else:
            self.error.setText(tr("Wrong PIN."))
        self.error.show()
