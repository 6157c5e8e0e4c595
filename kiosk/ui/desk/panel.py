"""The attendee panel: who this is, alerts and notes up front, check-in history, badge status."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QVBoxLayout, QWidget

from kiosk.core.models import BadgePrivacy, CheckInKind
from kiosk.messages import block_reason_text
from kiosk.ui.desk.controller import AttendeeDetails
from kiosk.ui.desk.dialogs import privacy_labels
from kiosk.ui.locale_format import time_text


def _label(parent: QWidget, point_size: int = 0, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if point_size or bold:
        font = QFont(label.font())
        if point_size:
            font.setPointSize(point_size)
        font.setBold(bold)
        label.setFont(font)
    return label


class AttendeePanel(QFrame):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.tz = tz
        self.setObjectName("attendeePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = _label(self, 20, True, "attendeeName")
        self.organisation = _label(self, 13)
        self.kind = _label(self)
        self.alerts = _label(self, 12, True, "attendeeAlerts")
        self.alerts.setStyleSheet("#attendeeAlerts { background: #7b1fa2; color: white; padding: 4px 8px; border-radius: 4px; }")
        self.blocked = _label(self, 12, True, "attendeeBlocked")
        self.blocked.setStyleSheet("#attendeeBlocked { background: #b3261e; color: white; padding: 4px 8px; border-radius: 4px; }")
        self.notes = _label(self, 11, False, "attendeeNotes")
        self.notes.setStyleSheet("#attendeeNotes { background: #fff4c2; color: #3a3000; padding: 6px; border-radius: 4px; }")
        self.privacy = _label(self, 0, False, "attendeePrivacy")
        self.answers = _label(self, 0, False, "attendeeAnswers")
        self.answers.setStyleSheet("#attendeeAnswers { color: #333; }")
        self.status = _label(self, 12, True)
        self.badge = _label(self)
        self.history = QListWidget(self)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = _label(self, 12)
        self.empty.setText(self.tr("Scan a ticket, or type a name and press Enter."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        for widget in (self.empty, self.name, self.organisation, self.kind, self.alerts, self.blocked, self.notes, self.privacy,
                       self.answers, self.status, self.badge):
            layout.addWidget(widget)
        self.history_title = _label(self, 0, True)
        self.history_title.setText(self.tr("History"))
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        self.show_details(None)

    def show_details(self, details: AttendeeDetails | None) -> None:
        has = details is not None
        for widget in (self.name, self.organisation, self.kind, self.status, self.badge, self.history, self.history_title):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if details is None:
            self.alerts.hide()
            self.blocked.hide()
            self.notes.hide()
            self.privacy.hide()
            self.answers.hide()
            return
        a = details.info
        self.name.setText(a.display_name or self.tr("(no name)"))
        org = " · ".join(p for p in (a.organisation, a.job_title) if p)
        self.organisation.setText(org)
        self.organisation.setVisible(bool(org))
        kind = " · ".join(p for p in (a.category, a.ticket_type, self.tr("walk-in") if a.walk_in else "") if p)
        self.kind.setText(kind)
        self.alerts.setText("  ".join(x.upper() for x in a.alerts))
        self.alerts.setVisible(bool(a.alerts))
        self.blocked.setText(self.blocked_text(a))
        self.blocked.setVisible(a.blocked)
        self.notes.setText(a.notes)
        self.notes.setVisible(bool(a.notes.strip()))
        self.privacy.setText(self.privacy_text(details.privacy))
        self.privacy.setVisible(bool(self.privacy.text()))
        self.answers.setText("\n".join(f"{question}: {answer}" for question, answer in a.answers))
        self.answers.setVisible(bool(a.answers))
        if a.inside:
            self.status.setText(self.tr("Checked in since {time}").format(time=self._time(a.checked_in_at)))
            self.status.setStyleSheet("color: #1e7b34;")
        elif a.checked_in_at:
            self.status.setText(self.tr("Checked in, has left"))
            self.status.setStyleSheet("color: #1f5f99;")
        else:
            self.status.setText(self.tr("Not checked in"))
            self.status.setStyleSheet("color: #444;")
        b = details.badge
        if b.printed:
            text = self.tr("Badge printed {when}, %n time(s)", None, b.count).format(when=self._time(b.last_printed_at))
        else:
            text = self.tr("Badge not printed yet")
        if b.pending:
            text += "  " + self.tr("({n} waiting in the print queue)").format(n=b.pending)
        self.badge.setText(text)
        self.history.clear()
        names = {
            CheckInKind.ENTRY: self.tr("Entry"),
            CheckInKind.EXIT: self.tr("Exit"),
            CheckInKind.ANNUL: self.tr("Annulled"),
        }
        for entry in reversed(details.history):
            line = f"{self._time(entry.at)}  {names[entry.kind]}  ·  {entry.station or '?'}  ·  {entry.operator or '?'}"
            if entry.reason:
                line += f"  ·  {entry.reason}"
            if entry.id in details.doubles:
                line += "  ·  " + self.tr("DOUBLE ENTRY made offline")
            self.history.addItem(line)
            if entry.id in details.doubles:
                self.history.item(self.history.count() - 1).setForeground(QColor("#b35c00"))
        if not details.history:
            self.history.addItem(self.tr("No check-ins yet"))

    def privacy_text(self, applied) -> str:
        """Which badge privacy applies and why; nothing for a full badge by default."""
        if applied is None or (applied.source == "default" and applied.level is BadgePrivacy.FULL):
            return ""
        level = privacy_labels()[applied.level]
        if applied.source == "rule":
            return self.tr("Badge: {level} (event rule for {rule})").format(level=level, rule=applied.rule)
        if applied.source == "own":
            return self.tr("Badge: {level} (own setting)").format(level=level)
        return self.tr("Badge: {level}").format(level=level)

    def blocked_text(self, a) -> str:
        if not a.blocked:
            return ""
        text = self.tr("BLOCKED: {reason}").format(reason=block_reason_text(a.block_reason)) if a.block_reason else self.tr("BLOCKED")
        if a.checked_in_at is not None:
            text += "\n" + self.tr("Blocked after check-in: the check-in stays. Talk to the organiser.")
        return text

    def _time(self, at) -> str:
        return time_text(at, self.tz)
