"""Dialogs at the desk: walk-in registration, editing an attendee, undoing a check-in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.attendees import AttendeeInfo, validate
from kiosk.core.models import BadgePrivacy
from kiosk.i18n import tr
from kiosk.messages import problem


def field_labels() -> dict[str, str]:
    return {
        "first_name": tr("First name"),
        "last_name": tr("Last name"),
        "name": tr("Name"),
        "email": tr("Email"),
        "organisation": tr("Organisation"),
        "job_title": tr("Job title"),
        "category": tr("Category"),
        "ticket_type": tr("Ticket type"),
        "badge_privacy": tr("Badge privacy"),
        "notes": tr("Staff notes"),
        "alerts": tr("Alerts"),
    }


def privacy_labels() -> dict[BadgePrivacy, str]:
    return {
        BadgePrivacy.FULL: tr("Full name and organisation"),
        BadgePrivacy.FIRST_NAME_ONLY: tr("First name only"),
        BadgePrivacy.NO_ORGANISATION: tr("Name without organisation"),
    }


class AttendeeForm(QWidget):
    """The validated fields of a walk-in or an edit. ``problems()`` says what is wrong, per field."""

    TEXT_FIELDS = ("first_name", "last_name", "email", "organisation", "job_title")

    def __init__(self, categories: list[str], ticket_types: list[str], with_notes: bool = False, parent=None):
        super().__init__(parent)
        labels = field_labels()
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name in self.TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self.category = self._combo("category", categories)
        form.addRow(labels["category"], self.category)
        self.ticket_type = self._combo("ticket_type", ticket_types)
        form.addRow(labels["ticket_type"], self.ticket_type)
        self.privacy = QComboBox(self)
        self.privacy.setObjectName("badge_privacy")
        for value, text in privacy_labels().items():
            self.privacy.addItem(text, value.value)
        form.addRow(labels["badge_privacy"], self.privacy)
        self.notes: QPlainTextEdit | None = None
        self.alerts: QLineEdit | None = None
        if with_notes:
            self.alerts = QLineEdit(self)
            self.alerts.setPlaceholderText(tr("vip, speaker, press, accessibility"))
            form.addRow(labels["alerts"], self.alerts)
            self.notes = QPlainTextEdit(self)
            self.notes.setFixedHeight(70)
            form.addRow(labels["notes"], self.notes)
        self.errors = QLabel(self)
        self.errors.setObjectName("formErrors")
        self.errors.setStyleSheet("#formErrors { color: #b3261e; font-weight: bold; }")
        self.errors.setWordWrap(True)
        self.errors.hide()
        form.addRow(self.errors)

    def _combo(self, name: str, items: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.addItems(["", *sorted({i for i in items if i})])
        return combo

    def set_attendee(self, person: AttendeeInfo) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(person, name))
        self.category.setCurrentText(person.category)
        self.ticket_type.setCurrentText(person.ticket_type)
        self.privacy.setCurrentIndex(max(0, self.privacy.findData(person.badge_privacy.value)))
        if self.notes is not None:
            self.notes.setPlainText(person.notes)
        if self.alerts is not None:
            self.alerts.setText(", ".join(person.alerts))

    def values(self) -> dict:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        values["category"] = self.category.currentText().strip()
        values["ticket_type"] = self.ticket_type.currentText().strip()
        values["badge_privacy"] = self.privacy.currentData()
        if self.notes is not None:
            values["notes"] = self.notes.toPlainText()
        if self.alerts is not None:
            values["alerts"] = ",".join(a.strip().lower() for a in self.alerts.text().split(",") if a.strip())
        return values

    def problems(self) -> list[tuple[str, str]]:
        return validate(self.values())

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        for name, edit in self.edits.items():
            bad = any(field == name or (field == "name" and name in ("first_name", "last_name")) for field, _ in problems)
            edit.setStyleSheet("border: 2px solid #b3261e;" if bad else "")
        self.errors.setText("\n".join(problem(field, msg) for field, msg in problems))
        self.errors.setVisible(bool(problems))


class _FormDialog(QDialog):
    def __init__(self, title: str, ok_text: str, form: AttendeeForm, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def accept(self) -> None:
        problems = self.form.problems()
        self.form.show_problems(problems)
        if not problems:
            super().accept()


class WalkInDialog(_FormDialog):
    def __init__(self, categories: list[str], ticket_types: list[str], parent=None):
        form = AttendeeForm(categories, ticket_types)
        super().__init__(tr("Register a walk-in"), tr("Register, check in and print"), form, parent)
        form.ticket_type.setCurrentText(tr("Walk-in"))
        form.edits["first_name"].setFocus()


class EditDialog(_FormDialog):
    def __init__(self, person: AttendeeInfo, categories: list[str], ticket_types: list[str], parent=None):
        form = AttendeeForm(categories, ticket_types, with_notes=True)
        super().__init__(tr("Edit {name}").format(name=person.display_name), tr("Save"), form, parent)
        form.set_attendee(person)
        self.original = form.values()

    def changes(self) -> dict:
        return {k: v for k, v in self.form.values().items() if self.original.get(k) != v}


class AnnulDialog(QDialog):
    """Undo a check-in: pick a common reason or type one. A reason is required."""

    def __init__(self, person_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Undo check-in"))
        # Wide enough for the whole title in the title bar (with its icon and buttons), in any language.
        self.setMinimumWidth(max(420, self.fontMetrics().horizontalAdvance(self.windowTitle()) + 200))
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.setObjectName("reason")
        self.reason.addItems(
            ["", tr("Checked in by mistake"), tr("Wrong person picked"), tr("Ticket shared with someone else"), tr("Left before the event started")]
        )
        self.reason.lineEdit().setPlaceholderText(tr("Pick or type a reason"))
        self.error = QLabel(tr("A reason is required."), self)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Undo check-in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel(tr("Undo the check-in of {name}?").format(name=person_name), self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def text(self) -> str:
        return " ".join(self.reason.currentText().split())

    def accept(self) -> None:
        if not self.text():
            self.error.show()
            return
        super().accept()
