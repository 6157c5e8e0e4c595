"""The dashboard's lists: who has not arrived yet (filterable), the last check-ins, and the
stations (printer, queue, and whether each is still alive)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.dashboard import DashboardFigures
from kiosk.core.models import utcnow
from kiosk.core.not_arrived import CHASED, EVERYONE, NotArrived
from kiosk.messages import localise
from kiosk.ui import accessible
from kiosk.ui.locale_format import time_text

SILENT_COLOUR = QColor("#b3261e")  # 6.5:1 on white
FILTER_DELAY_MS = 250


def table(parent: QWidget, name: str, columns: int, fit: tuple[int, ...] = ()) -> QTableWidget:
    widget = QTableWidget(0, columns, parent)
    widget.setObjectName(name)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.verticalHeader().hide()
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    for column in fit:  # read whole (names, times); the other columns share what is left
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    widget.setWordWrap(False)
    return widget


def fill(widget: QTableWidget, rows: list[tuple], colour: list[QColor | None] | None = None) -> None:
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            item.setToolTip(str(value))  # a cell too narrow still tells its whole text
            if colour and colour[r] is not None:
                item.setForeground(QBrush(colour[r]))
            widget.setItem(r, c, item)


class NotArrivedPanel(QWidget):
    """Everyone not checked in yet, or only the speakers and VIPs, filtered as you type."""

    filterChanged = Signal(str, str)  # text, who

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("listTitle")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("notArrivedFilter")
        self.filter.setClearButtonEnabled(True)
        self.who = QComboBox(self)
        self.who.setObjectName("notArrivedWho")
        self.table = table(self, "notArrived", 3, fit=(0, 2))
        self.found: NotArrived | None = None
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.who)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(FILTER_DELAY_MS)
        self._delay.timeout.connect(self.ask)
        self.filter.textChanged.connect(lambda _t: self._delay.start())
        self.who.currentIndexChanged.connect(lambda _i: self.ask())
        self.retranslate()

    def ask(self) -> None:
        self._delay.stop()
        self.filterChanged.emit(self.filter.text(), self.who.currentData() or EVERYONE)

    def show_found(self, found: NotArrived) -> None:
        self.found = found
        role = {"speaker": self.tr("Speaker"), "vip": self.tr("VIP")}
        fill(self.table, [(p.name, p.organisation, role.get(p.role, p.role)) for p in found.people])
        self._title()

    def _title(self) -> None:
        if self.found is None:
            self.title.setText(self.tr("Not arrived yet"))
        elif len(self.found.people) < self.found.total:
            self.title.setText(self.tr("Not arrived yet: {total} (first {shown} shown)").format(
                total=self.found.total, shown=len(self.found.people)))
        else:
            self.title.setText(self.tr("Not arrived yet: {total}").format(total=self.found.total))

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter: name, organisation, category…"))
        accessible.name(self.filter, self.tr("Filter the people not arrived yet"))
        current = self.who.currentData() or EVERYONE
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("Everyone"), EVERYONE)
        self.who.addItem(self.tr("Speakers and VIPs"), CHASED)
        self.who.setCurrentIndex(max(0, self.who.findData(current)))
        self.who.blockSignals(False)
        accessible.name(self.who, self.tr("Whom to list"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"), self.tr("Role")])
        accessible.name(self.table, self.tr("Not arrived yet"))
        self._title()


def station_rows(figures: DashboardFigures, tz, now: datetime | None = None, silent_word: str = "silent",
                 link_text=None):
    """Each station's row (name, link to the hub, printer, waiting, check-ins in the last 15
    minutes, last seen) and its colour (red when silent or offline). ``link_text(state,
    backlog)`` words the hub link."""
    now = now or utcnow()
    recent = dict(figures.stations_15m)
    rows, colours = [], []
    for s in figures.stations:
        waiting = str(s.waiting) + (f" · {s.jobs['failed']} ✗" if s.jobs.get("failed") else "")
        seen = time_text(s.last_seen, tz, "—", seconds=True)
        silent = s.silent(now)
        state, backlog = s.link(now)
        link = link_text(state, backlog) if link_text is not None else (state or "—")
        rows.append((s.name, link, localise(s.printer_status) or "—", waiting, str(recent.pop(s.name, 0)),
                     f"{seen} · {silent_word}" if silent else seen))
        colours.append(SILENT_COLOUR if silent or state == "offline" else None)
    for name, n in sorted(recent.items()):  # checked people in, but never reported as a station
        rows.append((name or "—", "—", "—", "0", str(n), "—"))
        colours.append(None)
    return rows, colours
