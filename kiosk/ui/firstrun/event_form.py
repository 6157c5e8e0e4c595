"""A new event: name, venue, date, start and end time, time zone; checked before it is created."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTimeEdit, QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.core.events import Actor, create_event, zone
from kiosk.core.models import Event
from kiosk.core.store import Store
from kiosk.i18n import tr


def local_zone_name() -> str:
    """The computer's time zone name, when it has one the zone database knows; else UTC."""
    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in available_timezones() else "UTC"


def find_zone(typed: str) -> str | None:
    """The time zone ``typed`` names: exactly (any letter case), else the one zone whose name
    contains it ("stockholm" is Europe/Stockholm); None when none or several do."""
    text = typed.strip().casefold().replace(" ", "_")
    if not text:
        return None
    zones = available_timezones()
    exact = [z for z in zones if z.casefold() == text]
    if exact:
        return exact[0]
    by_city = [z for z in zones if z.casefold().rsplit("/", 1)[-1] == text]
    if len(by_city) == 1:
        return by_city[0]
    found = [z for z in zones if text in z.casefold()]
    return found[0] if len(found) == 1 else None


class EventForm(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, name: str = "", actor: Actor = Actor()):
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.created: Event | None = None
        self.setObjectName("eventForm")
        self.setWindowTitle(tr("New event"))
        self.name = QLineEdit(name, self)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(tr("e.g. Nordic Safety Forum 2026"))
        self.venue = QLineEdit(self)
        self.venue.setObjectName("venue")
        self.venue.setPlaceholderText(tr("e.g. Umeå Folkets Hus"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.starts = QTimeEdit(QTime(8, 0), self)
        self.starts.setObjectName("starts")
        self.starts.setDisplayFormat("HH:mm")
        self.ends = QTimeEdit(QTime(18, 0), self)
        self.ends.setObjectName("ends")
        self.ends.setDisplayFormat("HH:mm")
        self.tz = QComboBox(self)
        self.tz.setObjectName("tz")
        self.tz.setEditable(True)
        self.tz.addItems(sorted(available_timezones()))
        self.tz.setCurrentText(local_zone_name())
        # Typing any part of a zone's name ("stockholm") offers the zones that contain it.
        self.tz.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.tz.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tz.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create event"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Venue"), self.venue)
        form.addRow(tr("Date"), self.date)
        form.addRow(tr("Starts"), self.starts)
        form.addRow(tr("Ends"), self.ends)
        form.addRow(tr("Time zone"), self.tz)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # grow to the whole message: never cut it off

    def accept(self) -> None:
        name = self.name.text().strip()
        if not name:
            self._fail(tr("The event needs a name."))
            return
        found = find_zone(self.tz.currentText())
        if found is None:
            self._fail(tr("Unknown time zone; pick one from the list, like Europe/Stockholm."))
            return
        self.tz.setCurrentText(found)
        tz = zone(found)
        day = self.date.date().toPython()
        starts = datetime.combine(day, time(self.starts.time().hour(), self.starts.time().minute()), tz)
        ends = datetime.combine(day, time(self.ends.time().hour(), self.ends.time().minute()), tz)
        if ends <= starts:
            self._fail(tr("The event must end after it starts."))
            return
        try:
            self.created = create_event(self.store, name, starts, ends, self.venue.text().strip(), tz.key, self.actor)
        except KioskError as exc:
            self._fail(str(exc))
            return
        super().accept()
