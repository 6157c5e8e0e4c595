"""An event's check-in lists: the entrance, each room and each day, with their own rules.

The same operations as ``kiosk lists``: create, edit, archive and restore (kiosk.core.checkin_lists).
Work is quick single-row writes; errors are shown in words under the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from kiosk.core.checkin_lists import ListInfo, all_lists, archive_list, create_list, edit_list
from kiosk.core.errors import KioskError
from kiosk.core.rules import EntryRule
from kiosk.core.store import Store
from kiosk.i18n import tr
from kiosk.messages import localise


def rule_names() -> dict[str, str]:
    return {
        EntryRule.ONCE.value: tr("once"),
        EntryRule.DAILY.value: tr("once a day"),
        EntryRule.MULTIPLE.value: tr("every scan"),
        EntryRule.EXIT.value: tr("in and out"),
    }


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def describe(info: ListInfo) -> str:
    parts = [info.name, rule_names().get(info.rule.value, info.rule.value)]
    if info.capacity:
        parts.append(tr("{n} places").format(n=info.capacity))
    if info.ticket_types:
        parts.append(", ".join(info.ticket_types))
    if info.categories:
        parts.append(", ".join(info.categories))
    if info.print_only:
        parts.append(tr("badge desk"))
    if info.archived:
        parts.append(tr("(archived)"))
    return " — ".join(parts)


class ListForm(QDialog):
    """A new list, or changes to one."""

    def __init__(self, store: Store, event_id: int, current: ListInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.event_id, self.current = store, event_id, current
        self.saved: ListInfo | None = None
        self.setObjectName("listForm")
        self.setWindowTitle(tr("Check-in list"))
        self.name = QLineEdit(current.name if current else "", self)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(tr("e.g. Workshop A"))
        self.types = QLineEdit(", ".join(current.ticket_types) if current else "", self)
        self.types.setObjectName("types")
        self.types.setPlaceholderText(tr("every ticket type (or: Delegate, Speaker)"))
        self.categories = QLineEdit(", ".join(current.categories) if current else "", self)
        self.categories.setObjectName("categories")
        self.categories.setPlaceholderText(tr("every category (or: Law enforcement)"))
        self.rule = QComboBox(self)
        self.rule.setObjectName("rule")
        for value, label in rule_names().items():
            self.rule.addItem(label, value)
        self.rule.setCurrentIndex(max(0, self.rule.findData(current.rule.value if current else EntryRule.ONCE.value)))
        self.capacity = QSpinBox(self)
        self.capacity.setObjectName("capacity")
        self.capacity.setRange(0, 1_000_000)
        self.capacity.setSpecialValueText(tr("no limit"))
        self.capacity.setValue(current.capacity or 0 if current else 0)
        self.print_only = QCheckBox(tr("Badge desk: scans print the badge and are not entries"), self)
        self.print_only.setChecked(bool(current and current.print_only))
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Ticket types"), self.types)
        form.addRow(tr("Categories"), self.categories)
        form.addRow(tr("Entry rule"), self.rule)
        form.addRow(tr("Capacity"), self.capacity)
        form.addRow(self.print_only)
        form.addRow(self.error)
        form.addRow(buttons)
        if current is not None and current.is_default:
            self.types.setEnabled(False)
            self.categories.setEnabled(False)
            self.print_only.setEnabled(False)
        self.setMinimumWidth(480)

    def values(self) -> dict:
        return {
            "ticket_types": _split(self.types.text()),
            "categories": _split(self.categories.text()),
            "rule": self.rule.currentData(),
            "capacity": self.capacity.value() or None,
            "print_only": self.print_only.isChecked(),
        }

    def accept(self) -> None:
        try:
            if self.current is None:
                self.saved = create_list(self.store, self.event_id, self.name.text(), **self.values())
            else:
                self.saved = edit_list(self.store, self.event_id, self.current.name, new_name=self.name.text(), **self.values())
        except KioskError as exc:
            self.error.setText(localise(str(exc)))
            self.error.show()
            self.adjustSize()
            return
        super().accept()


class ListsDialog(QDialog):
    """The lists of one event: create, edit, archive and restore."""

    def __init__(self, store: Store, event_id: int, event_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.event_id = store, event_id
        self.setObjectName("listsDialog")
        self.setWindowTitle(tr("Check-in lists — {event}").format(event=event_name))
        self.list = QListWidget(self)
        self.list.setObjectName("lists")
        self.list.setAccessibleName(tr("Check-in lists"))
        self.show_archived = QCheckBox(tr("Show archived lists"), self)
        self.show_archived.toggled.connect(self.refresh)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.new = QPushButton(tr("New list…"), self)
        self.edit = QPushButton(tr("Edit…"), self)
        self.archive = QPushButton(tr("Archive"), self)
        close = QPushButton(tr("Close"), self)
        self.new.clicked.connect(lambda: self._form(None))
        self.edit.clicked.connect(lambda: self._form(self.selected()))
        self.archive.clicked.connect(self.toggle_archived)
        self.list.itemDoubleClicked.connect(lambda _item: self._form(self.selected()))
        self.list.currentRowChanged.connect(lambda _row: self._update())
        close.clicked.connect(self.reject)
        buttons = QVBoxLayout()
        for button in (self.new, self.edit, self.archive):
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
        self.resize(640, 360)
        self.refresh()

    def selected(self) -> ListInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def refresh(self) -> None:
        keep = self.selected()
        self.list.clear()
        for info in all_lists(self.store, self.event_id, include_archived=self.show_archived.isChecked()):
            item = QListWidgetItem(describe(info), self.list)
            item.setData(Qt.ItemDataRole.UserRole, info)
            if keep is not None and info.id == keep.id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _update(self) -> None:
        info = self.selected()
        self.edit.setEnabled(info is not None)
        self.archive.setEnabled(info is not None and not info.is_default)
        self.archive.setText(tr("Restore") if info is not None and info.archived else tr("Archive"))

    def _form(self, current: ListInfo | None) -> None:
        form = ListForm(self.store, self.event_id, current, self)
        self.form = form
        if form.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
        self.form = None

    def toggle_archived(self) -> None:
        info = self.selected()
        if info is None:
            return
        try:
            archive_list(self.store, self.event_id, info.name, archived=not info.archived)
        except KioskError as exc:
            self.error.setText(localise(str(exc)))
            return
        self.error.clear()
        self.refresh()
