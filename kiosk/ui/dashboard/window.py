"""The dashboard window: layout only. Headline numbers, four charts, three lists.

The window title carries the headline ("123 checked in"), so a wall screen's window list, and
a test, can read it. F11 toggles the presentation mode (fullscreen, large type); Ctrl+E
exports a snapshot (PNG of the window and CSV of the figures, both readable by their owner
only).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.dashboard import DashboardFigures
from kiosk.core.events import zone
from kiosk.core.files import open_private, private_dir
from kiosk.messages import localise
from kiosk.ui.dashboard.charts import ArrivalsChart, GroupChart, StationChart
from kiosk.ui.dashboard.controller import DashboardController
from kiosk.ui.locale_format import time_text

TILES = ("expected", "checked_in", "inside", "not_arrived", "walk_ins", "arrivals_15m")


class Tile(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.value = QLabel("—", self)
        self.value.setObjectName("tileValue")
        self.caption = QLabel(self)
        self.caption.setObjectName("tileCaption")
        for label in (self.value, self.caption):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, caption: str, value: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.setAccessibleName(f"{caption}: {value}")
        self.value.setAccessibleName(f"{caption}: {value}")


def _table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return table


class DashboardWindow(QMainWindow):
    def __init__(self, controller: DashboardController, snapshot_dir: Path):
        super().__init__()
        self.setObjectName("dashboardWindow")
        self.controller = controller
        self.snapshot_dir = snapshot_dir
        self.presentation = False
        self.closing: list = []
        self.figures: DashboardFigures | None = None
        central = QWidget(self)
        outer = QVBoxLayout(central)
        tiles = QHBoxLayout()
        self.tiles = {key: Tile(central) for key in TILES}
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        outer.addLayout(tiles)
        charts = QGridLayout()
        self.arrivals = ArrivalsChart(central)
        self.by_category = GroupChart(central)
        self.by_ticket = GroupChart(central)
        self.stations_chart = StationChart(central)
        charts.addWidget(self.arrivals, 0, 0, 1, 3)
        charts.addWidget(self.by_category, 1, 0)
        charts.addWidget(self.by_ticket, 1, 1)
        charts.addWidget(self.stations_chart, 1, 2)
        outer.addLayout(charts, 3)
        lists = QHBoxLayout()
        self.expected_title, self.recent_title, self.stations_title = QLabel(central), QLabel(central), QLabel(central)
        self.expected = _table(central, "stillExpected", 3)
        self.recent = _table(central, "recentCheckins", 4)
        self.stations = _table(central, "stations", 5)
        self.stations.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for title, table in ((self.expected_title, self.expected), (self.recent_title, self.recent), (self.stations_title, self.stations)):
            title.setObjectName("listTitle")
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(table)
            lists.addLayout(box)
        outer.addLayout(lists, 2)
        self.setCentralWidget(central)
        self.updated = QLabel(self)
        self.statusBar().addWidget(self.updated, 1)
        self.act_present = QAction(self)
        self.act_present.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.act_present.triggered.connect(lambda: self.set_presentation(not self.presentation))
        self.act_export = QAction(self)
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.triggered.connect(self.export_snapshot)
        toolbar = self.addToolBar("dashboard")
        toolbar.setObjectName("dashboardToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.act_present)
        toolbar.addAction(self.act_export)
        self.toolbar = toolbar
        controller.figuresReady.connect(self.show_figures)
        controller.unreachable.connect(self._unreachable)
        self.set_presentation(False)
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------
    @property
    def font_pt(self) -> int:
        return 14 if self.presentation else 9

    def show_figures(self, figures: DashboardFigures) -> None:
        self.figures = figures
        tz = zone(figures.timezone)
        h = figures.headline
        values = {
            "expected": (self.tr("Expected"), f"{h.expected}"),
            "checked_in": (self.tr("Checked in"), f"{h.checked_in} ({h.percent:.0f}%)"),
            "inside": (self.tr("Inside now"), f"{h.inside}"),
            "not_arrived": (self.tr("Not yet arrived"), f"{h.not_arrived}"),
            "walk_ins": (self.tr("Walk-ins"), f"{h.walk_ins}"),
            "arrivals_15m": (self.tr("Arrivals, last 15 min"), f"{h.arrivals_15m}"),
        }
        for key, (caption, value) in values.items():
            self.tiles[key].set(caption, value)
        pt = self.font_pt
        self.arrivals.show_buckets(figures.arrivals, tz, pt)
        self.by_category.show_groups(self.tr("Checked in by sector"), figures.by_category, pt)
        self.by_ticket.show_groups(self.tr("Checked in by ticket type"), figures.by_ticket_type, pt)
        self.stations_chart.show_stations(figures.stations_15m, pt)
        role = {"speaker": self.tr("Speaker"), "vip": self.tr("VIP")}
        self._fill(self.expected, [(p.name, p.organisation, role.get(p.role, p.role)) for p in figures.still_expected])
        self._fill(self.recent, [(r.first_name, r.organisation, r.station, time_text(r.at, tz, seconds=True)) for r in figures.recent])
        self._fill(self.stations, [
            (s.name, self._link_text(*s.link(figures.generated_at)), localise(s.printer_status) or "—",
             str(s.waiting) + (f" · {s.jobs['failed']} ✗" if s.jobs.get("failed") else ""),
             time_text(s.last_seen, tz, "—", seconds=True))
            for s in figures.stations
        ])
        for row, s in enumerate(figures.stations):  # a station that is away or catching up stands out
            state = s.link(figures.generated_at)[0]
            if state in ("offline", "sending") and self.stations.item(row, 1) is not None:
                self.stations.item(row, 1).setBackground(QColor("#b35c00" if state == "offline" else "#fff3cd"))
                self.stations.item(row, 1).setForeground(QColor("white" if state == "offline" else "#5c4400"))
                if state == "offline":
                    self.stations.item(row, 1).setToolTip(self.tr("Not heard from since it was last seen; it had this much waiting then"))
        self.expected_title.setText(self.tr("Still expected: speakers and VIPs ({n})").format(n=figures.still_expected_total))
        self.setWindowTitle(self.tr("Dashboard — {event} — {n} checked in").format(event=figures.event_name, n=h.checked_in))
        self.updated.setText(self.tr("Updated {time}").format(time=time_text(figures.generated_at, tz, seconds=True)))

    def _link_text(self, state: str, backlog: int) -> str:
        if state == "online":
            return self.tr("online")
        if state == "sending":
            return self.tr("sending {n}").format(n=backlog)
        if state == "offline":
            return self.tr("OFFLINE · {n} waiting").format(n=backlog) if backlog else self.tr("OFFLINE")
        return "—"

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                table.setItem(r, c, item)

    def _unreachable(self, message: str) -> None:
        if message:
            self.updated.setText(self.tr("Database unreachable: {message} (figures may be old)").format(message=message))
        else:
            self.updated.setText(self.tr("Database unreachable (figures may be old)"))
        self.updated.setStyleSheet("color: white; background: #b3261e; font-weight: bold;")

    # -- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        self.presentation = on
        big = on
        self.setStyleSheet(f"""
            #dashboardWindow {{ background: {'#0b1f33' if big else '#f4f6f8'}; }}
            #dashboardWindow QLabel {{ color: {'#ffffff' if big else '#1a1a1a'}; font-size: {16 if big else 11}pt; }}
            #tile {{ background: {'#13314f' if big else '#ffffff'}; border-radius: 8px; }}
            #dashboardWindow QLabel#tileValue {{ font-size: {44 if big else 26}pt; font-weight: bold; }}
            #dashboardWindow QLabel#tileCaption {{ font-size: {18 if big else 11}pt; }}
            #dashboardWindow QLabel#listTitle {{ font-weight: bold; }}
            QTableWidget {{ font-size: {16 if big else 10}pt; }}
        """)
        self.toolbar.setVisible(not on)
        if on:
            self.showFullScreen()
        elif self.isFullScreen():
            self.showNormal()
        if self.figures is not None:
            self.show_figures(self.figures)

    def export_snapshot(self) -> tuple[Path, Path] | None:
        if self.figures is None:
            return None
        folder = private_dir(self.snapshot_dir)
        stem = folder / f"dashboard-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
        png = stem.with_suffix(".png")
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.grab().save(buffer, "PNG")
        buffer.close()
        with open_private(png, "wb") as handle:
            handle.write(bytes(data))
        csv_path = self.controller.write_csv(stem.with_suffix(".csv"))
        self.updated.setText(self.tr("Snapshot saved: {png} and {csv}").format(png=png, csv=csv_path))
        return png, csv_path

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Dashboard — {event}").format(event=self.controller.event_name))
        self.act_present.setText(self.tr("Presentation mode (F11)"))
        self.act_export.setText(self.tr("Export snapshot (Ctrl+E)"))
        self.recent_title.setText(self.tr("Last 20 check-ins"))
        self.stations_title.setText(self.tr("Stations: hub link, printer and queue"))
        self.expected_title.setText(self.tr("Still expected: speakers and VIPs"))
        self.expected.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"), self.tr("Role")])
        self.recent.setHorizontalHeaderLabels([self.tr("First name"), self.tr("Organisation"), self.tr("Station"), self.tr("Time")])
        self.stations.setHorizontalHeaderLabels([self.tr("Station"), self.tr("Hub link"), self.tr("Printer"), self.tr("Waiting"), self.tr("Last seen")])
        for key, caption in (("expected", self.tr("Expected")), ("checked_in", self.tr("Checked in")), ("inside", self.tr("Inside now")),
                             ("not_arrived", self.tr("Not yet arrived")), ("walk_ins", self.tr("Walk-ins")),
                             ("arrivals_15m", self.tr("Arrivals, last 15 min"))):
            self.tiles[key].caption.setText(caption)

    def changeEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.figures is not None:
                self.show_figures(self.figures)
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        for fn in self.closing:
            fn()
        event.accept()
