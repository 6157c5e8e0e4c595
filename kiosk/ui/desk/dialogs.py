"""Dialogs at the desk: walk-in registration, editing an attendee, undoing a check-in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
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
    """A walk-in's details. Before registering, the registered attendees it probably is are
    offered ("Already registered? Check in Åsa Wallin instead."); registering anyway stays
    possible, and the matches passed over go to the audit trail with the walk-in."""

    #: exec() result when the desk picked a registered attendee instead (``chosen``)
    TWIN_CHOSEN = 2

    def __init__(self, categories: list[str], ticket_types: list[str], parent=None, find_twins=None):
        form = AttendeeForm(categories, ticket_types)
        super().__init__(tr("Register a walk-in"), tr("Register, check in and print"), form, parent)
        self.find_twins = find_twins
        self.chosen: int | None = None
        self.despite: tuple[int, ...] = ()
        self._checked: dict | None = None  # the values the shown matches are for
        self.twins = QFrame(self)
        self.twins.setObjectName("walkInTwins")
        self.twins.setStyleSheet("#walkInTwins { background: #fff4c2; border: 1px solid #c9a400; border-radius: 4px; }")
        self.twins_layout = QVBoxLayout(self.twins)
        self.twins.hide()
        self.layout().insertWidget(1, self.twins)
        self.twin_buttons: list[QPushButton] = []
        form.ticket_type.setCurrentText(tr("Walk-in"))
        form.edits["first_name"].setFocus()

    def accept(self) -> None:
        problems = self.form.problems()
        self.form.show_problems(problems)
        if problems:
            return
        values = self.form.values()
        if self.find_twins is None or values == self._checked:
            QDialog.accept(self)  # no lookup, or the desk saw the matches and registers anyway
            return
        self.find_twins(values, lambda twins, seen=values: self.show_twins(seen, twins))

    def show_twins(self, values: dict, twins: list) -> None:
        if values != self.form.values():
            return  # typed on meanwhile; the next press looks again
        if not twins:
            self.despite = ()
            QDialog.accept(self)
            return
        self._checked = values
        self.despite = tuple(t.attendee.id for t in twins)
        while self.twins_layout.count():
            item = self.twins_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        title = QLabel(tr("Already registered?"), self.twins)
        title.setStyleSheet("font-weight: bold;")
        self.twins_layout.addWidget(title)
        self.twin_buttons = []
        for twin in twins:
            a = twin.attendee
            name = a.display_name or tr("(no name)")
            button = QPushButton(tr("Check in {name} instead").format(name=name), self.twins)
            button.setObjectName("twin")
            detail = " · ".join(p for p in (a.organisation, a.email, tr("same email") if twin.reason == "email" else "") if p)
            button.setToolTip(detail)
            button.clicked.connect(lambda _checked=False, aid=a.id: self.choose(aid))
            self.twin_buttons.append(button)
            self.twins_layout.addWidget(button)
            if detail:
                note = QLabel(detail, self.twins)
                note.setTextFormat(Qt.TextFormat.PlainText)
                note.setWordWrap(True)
                self.twins_layout.addWidget(note)
        self.twins.show()
        self.setMinimumWidth(560)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Register a new person anyway"))

    def choose(self, attendee_id: int) -> None:
        self.chosen = attendee_id
        self.done(self.TWIN_CHOSEN)


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
