"""Events: pick the one this station works on, rename one, archive or restore one.

Archiving hides an event from the default choice and the lists; nothing is deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)

from kiosk.core.errors import KioskError
from kiosk.core.events import Actor, list_events
from kiosk.core.event_admin import rename_event, set_archived
from kiosk.core.models import Event
from kiosk.core.store import Store
from kiosk.i18n import tr
from kiosk.ui.firstrun.event_form import EventForm


class EventsDialog(QDialog):
    eventChosen = Signal(object)  # Event (same thread)

    def __init__(self, store: Store, current_id: int | None, actor: Actor = Actor(), parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.current_id, self.actor = store, current_id, actor
        self.setObjectName("eventsDialog")
        self.setWindowTitle(tr("Events"))
        self.list = QListWidget(self)
        self.list.setObjectName("events")
        self.show_archived = QCheckBox(tr("Show archived events"), self)
        self.show_archived.toggled.connect(self.refresh)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.setWordWrap(True)
        self.use = QPushButton(tr("Work on this event"), self)
        self.new = QPushButton(tr("New event…"), self)
        self.rename = QPushButton(tr("Rename…"), self)
        self.archive = QPushButton(tr("Archive"), self)
        self.lists = QPushButton(tr("Check-in lists…"), self)
        close = QPushButton(tr("Close"), self)
        for button, name in ((self.use, "use"), (self.new, "new"), (self.rename, "rename"), (self.archive, "archive"), (self.lists, "lists")):
            button.setObjectName(name)
        self.use.clicked.connect(self.choose)
        self.new.clicked.connect(self.create)
        self.rename.clicked.connect(self.ask_rename)
        self.archive.clicked.connect(self.toggle_archived)
        self.lists.clicked.connect(self.manage_lists)
        close.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.list.itemDoubleClicked.connect(lambda _item: self.choose())
        buttons = QVBoxLayout()
        for button in (self.use, self.new, self.rename, self.archive, self.lists):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.show_archived)
        layout.addWidget(self.error)
        self.resize(620, 380)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        keep = selected.id if selected else self.current_id
        self.list.clear()
        for event in list_events(self.store, include_archived=self.show_archived.isChecked()):
            day = event.starts_at.date().isoformat()
            text = f"{event.name} — {day}" + (f", {event.venue}" if event.venue else "")
            if event.archived:
                text += " " + tr("(archived)")
            if event.id == self.current_id:
                text += " " + tr("(this station)")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, event)
            if event.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def selected(self) -> Event | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update(self) -> None:
        event = self.selected()
        for button in (self.use, self.rename, self.archive, self.lists):
            button.setEnabled(event is not None)
        if event is not None:
            self.use.setEnabled(not event.archived)
            self.archive.setText(tr("Restore") if event.archived else tr("Archive"))
            self.archive.setEnabled(event.archived or event.id != self.current_id)

    def choose(self) -> None:
        event = self.selected()
        if event is not None and not event.archived:
            self.eventChosen.emit(event)
            self.accept()

    def manage_lists(self) -> None:
        """The entrance, each room and each day of the selected event, with their rules."""
        from kiosk.ui.firstrun.lists_dialog import ListsDialog

        event = self.selected()
        if event is not None:
            self.lists_dialog = ListsDialog(self.store, event.id, event.name, self)
            self.lists_dialog.exec()
            self.lists_dialog = None

    def create(self) -> None:
        form = EventForm(self.store, self, actor=self.actor)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def ask_rename(self) -> None:
        event = self.selected()
        if event is None:
            return
        name, ok = QInputDialog.getText(self, tr("Rename event"), tr("New name:"), text=event.name)
        if ok:
            self.do_rename(event, name)

    def do_rename(self, event: Event, name: str) -> bool:
        try:
            rename_event(self.store, event.id, name, self.actor)
        except KioskError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.refresh()
        return True

    def toggle_archived(self) -> None:
        event = self.selected()
        if event is None:
            return
        try:
            set_archived(self.store, event.id, not event.archived, self.actor)
        except KioskError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.refresh()
