"""What a desk lead looks at beside the search list: who to show (everyone, or who is still
expected) and the last results at this station. Layout only; the window wires them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.core.roster import FILTERS
from kiosk.ui import accessible
from kiosk.ui.locale_format import time_text
from kiosk.ui.result_state import ResultState

#: Text colours of the "last results" lines, dark enough to read on white.
STATE_COLOURS = {
    ResultState.SUCCESS: "#1b6e2e", ResultState.WARNING: "#7a4a00", ResultState.ERROR: "#a4161a",
    ResultState.INFO: "#1f2933", ResultState.OFFLINE: "#444444",
}


class FilterRow(QHBoxLayout):
    """"Show: Everyone / Not arrived / VIPs not arrived / Speakers not arrived"."""

    def __init__(self, parent: QWidget):
        super().__init__()
        self.label = QLabel(self.tr("Show:"), parent)
        self.combo = QComboBox(parent)
        self.combo.setObjectName("filter")
        names = {"all": self.tr("Everyone"), "not_arrived": self.tr("Not arrived"),
                 "vip": self.tr("VIPs not arrived"), "speaker": self.tr("Speakers not arrived")}
        for kind in FILTERS:
            self.combo.addItem(names[kind], kind)
        accessible.name(self.combo, self.tr("Show"))
        self.label.setBuddy(self.combo)
        self.addWidget(self.label)
        self.addWidget(self.combo)
        self.addStretch(1)


class RecentResults(QWidget):
    """The last results at this station, newest first; a click asks to open that person."""

    picked = Signal(int)  # attendee id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.title = QLabel(self.tr("Last results at this station"), self)
        self.title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("recent")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        accessible.name(self.list, self.tr("Last results at this station"))
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._clicked)

    def show_results(self, results: list) -> None:
        """``results``: the controller's RecentResult list."""
        self.list.clear()
        for r in results:
            item = QListWidgetItem(f"{time_text(r.at)}  {r.title}: {r.who}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, r.attendee_id)
            item.setForeground(QColor(STATE_COLOURS.get(r.state, "#1f2933")))

    def _clicked(self, item: QListWidgetItem) -> None:
        attendee_id = item.data(Qt.ItemDataRole.UserRole)
        if attendee_id is not None:
            self.picked.emit(attendee_id)
