"""The dashboard's room view: every check-in list, or the one picked in the list selector, with
its occupancy against its capacity. Full and nearly full are said in words, not by colour alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.core.dashboard_lists import ListRow
from kiosk.ui import accessible
from kiosk.ui.dashboard.lists import table
from kiosk.ui.firstrun.lists_dialog import rule_names

FULL_COLOUR = QColor("#b3261e")  # 6.5:1 on white
NEARLY_COLOUR = QColor("#8a4b00")  # 6.8:1 on white
# The bars are light, so their dark text reads on the filled part too; the words say the state.
BAR_COLOURS = {"full": "#f4a9a3", "nearly_full": "#f6c66e", "": "#9fd3aa"}
ALL = -1
COLUMNS = 8


class RoomsPanel(QWidget):
    """A selector (all lists, or one) over a table: name, rule, expected, checked in, inside now,
    capacity, places left and an occupancy bar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roomsPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the window's colours, in presentation too
        self.selector_label = QLabel(self)
        self.selector = QComboBox(self)
        self.selector.setObjectName("listSelector")
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.selector_label.setBuddy(self.selector)
        self.summary = QLabel(self)
        self.summary.setObjectName("roomSummary")
        self.summary.setWordWrap(True)
        self.table = table(self, "rooms", COLUMNS, fit=(0, 1, 2, 3, 4, 5, 6))
        self.rows: tuple[ListRow, ...] = ()
        self.building: int | None = None
        top = QHBoxLayout()
        top.addWidget(self.selector_label)
        top.addWidget(self.selector)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.selector.currentIndexChanged.connect(lambda _i: self._show())
        self.retranslate()

    @property
    def selected(self) -> int:
        """The id of the list picked, or ALL."""
        data = self.selector.currentData()
        return ALL if data is None else int(data)

    def select(self, name: str) -> None:
        """Pick a list by name ("" for all lists)."""
        for i in range(self.selector.count()):
            if (i == 0 and not name) or self.selector.itemText(i) == name:
                self.selector.setCurrentIndex(i)
                return

    def show_lists(self, rows: tuple[ListRow, ...], building: int) -> None:
        self.rows, self.building = rows, building
        self._fill_selector()
        self._show()

    def _fill_selector(self) -> None:
        wanted = [(self.tr("All lists"), ALL)] + [(r.name, r.id) for r in self.rows]
        have = [(self.selector.itemText(i), self.selector.itemData(i)) for i in range(self.selector.count())]
        if wanted == have:
            return
        current = self.selected
        self.selector.blockSignals(True)
        self.selector.clear()
        for text, data in wanted:
            self.selector.addItem(text, data)
        self.selector.setCurrentIndex(max(0, self.selector.findData(current)))
        self.selector.blockSignals(False)

    def state_text(self, row: ListRow) -> str:
        return {"full": self.tr("FULL"), "nearly_full": self.tr("nearly full")}.get(row.state, "")

    def _show(self) -> None:
        shown = [r for r in self.rows if self.selected in (ALL, r.id)]
        rules = rule_names()
        self.table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            state = self.state_text(row)
            left = "—" if row.capacity_left is None else str(row.capacity_left)
            rule = self.tr("badge desk") if row.print_only else rules.get(row.rule, row.rule)
            values = (row.name, rule, row.expected, row.checked_in, row.inside,
                      "—" if row.capacity is None else row.capacity, f"{left} · {state}" if state else left)
            colour = FULL_COLOUR if row.state == "full" else NEARLY_COLOUR if row.state else None
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if colour is not None and c in (0, 6):
                    item.setForeground(QBrush(colour))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
            self.table.setCellWidget(r, 7, self._bar(row, state))
        self._summary(shown)

    def _bar(self, row: ListRow, state: str) -> QWidget:
        bar = QProgressBar(self.table)
        if row.capacity is None:
            bar.setRange(0, max(1, row.expected))
            bar.setValue(row.inside)
            text = self.tr("{inside} of {expected} expected").format(inside=row.inside, expected=row.expected)
        else:
            taken = row.capacity - (row.capacity_left or 0)
            bar.setRange(0, max(1, row.capacity))
            bar.setValue(min(taken, row.capacity))
            text = self.tr("{taken} of {capacity} places").format(taken=taken, capacity=row.capacity)
            if state:
                text = f"{text} · {state}"
        bar.setFormat(text)
        bar.setTextVisible(True)
        bar.setAccessibleName(f"{row.name}: {text}")
        bar.setStyleSheet("QProgressBar { text-align: center; color: #1a1a1a; background: #ffffff; border: 1px solid #7b8794; }"
                          f" QProgressBar::chunk {{ background: {BAR_COLOURS[row.state]}; }}")
        return bar

    def _summary(self, shown: list[ListRow]) -> None:
        if self.selected == ALL or not shown:
            text = self.tr("Inside the building: {n}").format(n=self.building if self.building is not None else "—")
        else:
            row = shown[0]
            if row.capacity is None:
                text = self.tr("{name}: {inside} inside, {checked} of {expected} checked in").format(
                    name=row.name, inside=row.inside, checked=row.checked_in, expected=row.expected)
            else:
                text = self.tr("{name}: {taken} of {capacity} places taken, {left} left").format(
                    name=row.name, taken=row.capacity - (row.capacity_left or 0), capacity=row.capacity, left=row.capacity_left)
                state = self.state_text(row)
                if state:
                    text = f"{text} — {state}"
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def retranslate(self) -> None:
        self.selector_label.setText(self.tr("Check-in list:"))
        accessible.name(self.selector, self.tr("Check-in list shown"))
        self.table.setHorizontalHeaderLabels([
            self.tr("List"), self.tr("Rule"), self.tr("Expected"), self.tr("Checked in"), self.tr("Inside now"),
            self.tr("Capacity"), self.tr("Places left"), self.tr("Occupancy")])
        self.table.horizontalHeaderItem(4).setToolTip(self.tr("People whose latest move on this list is an entry"))
        accessible.name(self.table, self.tr("Check-in lists: occupancy against capacity"))
        if self.selector.count():
            self.selector.setItemText(0, self.tr("All lists"))
        self._show()
