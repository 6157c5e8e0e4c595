"""The Get started screen, shown when the database holds no event: create an event, import a
list (into a new event), or open the demo event. Returns the event the station then opens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.errors import KioskError
from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.store import Store
from kiosk.i18n import tr
from kiosk.settings import StationSettings
from kiosk.ui.firstrun.event_form import EventForm


class ChoiceButton(QPushButton):
    def __init__(self, title: str, detail: str, parent: QWidget):
        super().__init__(f"{title}\n{detail}", parent)
        self.setMinimumHeight(84)
        self.setStyleSheet("QPushButton { text-align: left; padding: 12px 18px; font-size: 13pt; }")
        self.setAccessibleName(title)


class GetStarted(QDialog):
    def __init__(self, store: Store, actor: Actor = Actor(), settings: StationSettings | None = None,
                 parent: QWidget | None = None, synchronous: bool = False):
        super().__init__(parent)
        self.store, self.actor, self.settings = store, actor, settings
        self.synchronous = synchronous
        self.chosen: Event | None = None
        self.form: EventForm | None = None
        self.importer = None
        self.setObjectName("getStarted")
        self.setWindowTitle(tr("Get started"))
        title = QLabel(tr("Welcome! Let's set up your first event."), self)
        font = QFont(title.font())
        font.setPointSize(20)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(tr("This database has no event yet. Choose how to begin; you can add more events later "
                          "from the desk (Events…)."), self)
        intro.setWordWrap(True)
        self.create_button = ChoiceButton(tr("Create an event"), tr("Name, venue, date and time zone; add attendees later"), self)
        self.import_list = ChoiceButton(tr("Import an attendee list"),
                                        tr("Create the event, then bring in a CSV or Excel export (Eventbrite, pretix, …)"), self)
        self.demo = ChoiceButton(tr("Open the demo event"), tr("170 made-up attendees to try scanning, search and badges"), self)
        for button, name in ((self.create_button, "create"), (self.import_list, "import"), (self.demo, "demo")):
            button.setObjectName(name)
        self.create_button.clicked.connect(self.create_event)
        self.import_list.clicked.connect(self.import_attendees)
        self.demo.clicked.connect(self.open_demo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        for button in (self.create_button, self.import_list, self.demo):
            layout.addWidget(button)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.status)
        self.resize(640, 460)

    def _finish(self, event: Event) -> None:
        self.chosen = event
        if self.settings is not None:
            self.settings.set("station/event", event.name)
            self.settings.sync()
        self.accept()

    def _new_event(self, name: str = "") -> Event | None:
        self.form = EventForm(self.store, self, name, self.actor)
        if self.form.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.form.created

    def create_event(self) -> None:
        event = self._new_event()
        if event is not None:
            self._finish(event)

    def import_attendees(self) -> None:
        from kiosk.ui.firstrun.import_dialog import ImportDialog

        event = self._new_event()
        if event is None:
            return
        self.importer = ImportDialog(self.store, event.id, self.actor, self, synchronous=self.synchronous)
        self.importer.exec()
        self._finish(event)  # the event exists either way; a list can be imported again later

    def open_demo(self) -> None:
        from kiosk.core.demo import create_demo

        self.status.setText(tr("Creating the demo event…"))
        QCoreApplication.processEvents()
        try:
            event_id = create_demo(self.store)
        except KioskError as exc:  # e.g. an archived demo event is still there
            self.status.setText(str(exc))
            return
        with self.store.read() as session:
            self._finish(session.get(Event, event_id))


def get_started(store: Store, actor: Actor, settings: StationSettings) -> Event | None:
    dialog = GetStarted(store, actor, settings)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen

