"""Item models for attendee lists. Rows arrive in batches (canFetchMore/fetchMore), so a list
of any length costs only the rows on screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kiosk.core.attendees import AttendeeInfo

Index = QModelIndex | QPersistentModelIndex
NAME, ORGANISATION, CATEGORY, TICKET, STATUS, CODE = range(6)
ATTENDEE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKED_IN_BRUSH = QBrush(QColor("#1e7b34"))


def _headers() -> list[str]:
    translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
    return [
        translate("AttendeeTable", "Name"),
        translate("AttendeeTable", "Organisation"),
        translate("AttendeeTable", "Category"),
        translate("AttendeeTable", "Ticket"),
        translate("AttendeeTable", "Status"),
        translate("AttendeeTable", "Code"),
    ]


class AttendeeTableModel(QAbstractTableModel):
    """Attendees (e.g. search matches, best first); shows ``batch`` more rows at a time."""

    def __init__(self, parent=None, batch: int = 50):
        super().__init__(parent)
        self.batch = batch
        self._all: list[AttendeeInfo] = []
        self._shown = 0
        self._headers = _headers()
        self._status_in = QCoreApplication.translate("AttendeeTable", "Checked in")
        self._status_out = QCoreApplication.translate("AttendeeTable", "Left")
        self._status_none = QCoreApplication.translate("AttendeeTable", "Not arrived")

    # -- contents --------------------------------------------------------------------------
    def set_attendees(self, people: Sequence[AttendeeInfo]) -> None:
        self.beginResetModel()
        self._all = list(people)
        self._shown = min(len(self._all), self.batch)
        self.endResetModel()

    def attendee(self, row: int) -> AttendeeInfo | None:
        return self._all[row] if 0 <= row < self._shown else None

    def replace(self, person: AttendeeInfo) -> None:
        """Refresh one attendee's row in place (after a check-in or an edit)."""
        for row, old in enumerate(self._all):
            if old.id == person.id:
                self._all[row] = person
                if row < self._shown:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return

    @property
    def total(self) -> int:
        return len(self._all)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = min(self.batch, len(self._all) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < self._shown):
            return None
        person = self._all[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(person, column)
        if role == ATTENDEE_ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and person.inside:
            return CHECKED_IN_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME and person.alerts:
            return ", ".join(person.alerts)
        return None

    def _text(self, person: AttendeeInfo, column: int) -> str:
        if column == NAME:
            return person.display_name
        if column == ORGANISATION:
            return person.organisation
        if column == CATEGORY:
            return person.category
        if column == TICKET:
            return person.ticket_type
        if column == STATUS:
            if person.inside:
                return self._status_in
            return self._status_out if person.checked_in_at else self._status_none
        if column == CODE:
            return person.code
        return ""
