"""The dashboard window: layout only. Headline numbers, four charts, three lists.

The window title carries the headline ("123 checked in"), so a wall screen's window list, and
a test, can read it. F11 toggles the presentation mode (fullscreen, large type; F11 or Esc
leave it); Ctrl+E
exports a snapshot (PNG of the window and CSV of the figures, both readable by their owner
only).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from kiosk.core.dashboard import DashboardFigures
from kiosk.core.events import zone
from kiosk.core.files import open_private, private_dir
from kiosk.ui import accessible
from kiosk.ui.dashboard.charts import ArrivalsChart, GroupChart
from kiosk.ui.dashboard.controller import DashboardController
from kiosk.ui.dashboard.lists import NotArrivedPanel, fill, station_rows, table
from kiosk.ui.dashboard.rooms import RoomsPanel
from kiosk.ui.locale_format import time_text

STATION_CHECK_MS = 5000
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
        # The charts and the room view (each check-in list against its capacity) share a place.
        self.views = QTabWidget(central)
        self.views.setObjectName("dashboardViews")
        overview = QWidget(self.views)
        charts = QGridLayout(overview)
        charts.setContentsMargins(0, 0, 0, 0)
        self.arrivals = ArrivalsChart(overview)
        self.by_category = GroupChart(overview)
        self.by_ticket = GroupChart(overview)
        # One row: the arrivals over time, then two charts of horizontal bars (long names read
        # whole); the lists below keep room for several rows even on a 1366x768 projector. The
        # check-ins per station are a column of the stations list, where every name fits.
        charts.addWidget(self.arrivals, 0, 0)
        charts.addWidget(self.by_category, 0, 1)
        charts.addWidget(self.by_ticket, 0, 2)
        for column, stretch in enumerate((5, 4, 3)):  # the sector names are the longest
            charts.setColumnStretch(column, stretch)
        self.rooms = RoomsPanel(self.views)
        self.views.addTab(overview, "")
        self.views.addTab(self.rooms, "")
        outer.addWidget(self.views, 3)
        lists = QHBoxLayout()
        self.not_arrived = NotArrivedPanel(central)
        self.expected = self.not_arrived.table
        lists.addWidget(self.not_arrived, 4)
        self.recent_title, self.stations_title = QLabel(central), QLabel(central)
        self.recent = table(central, "recentCheckins", 4, fit=(0, 2, 3))
        self.stations = table(central, "stations", 6, fit=(0, 1, 3, 4, 5))
        for title, widget, stretch in ((self.recent_title, self.recent, 3), (self.stations_title, self.stations, 4)):
            title.setObjectName("listTitle")
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(widget)
            lists.addLayout(box, stretch)
        outer.addLayout(lists, 2)
        self.setCentralWidget(central)
        self.updated = QLabel(self)
        self.statusBar().addWidget(self.updated, 1)
        # The actions belong to the window, not only to the tool bar: presentation mode hides the
        # tool bar, and F11 or Esc must still bring the window back.
        self.act_present = QAction(self)
        self.act_present.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.act_present.triggered.connect(lambda: self.set_presentation(not self.presentation))
        self.act_leave = QAction(self)
        self.act_leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.act_leave.triggered.connect(lambda: self.presentation and self.set_presentation(False))
        self.act_export = QAction(self)
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.triggered.connect(self.export_snapshot)
        for action in (self.act_present, self.act_leave, self.act_export):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        toolbar = self.addToolBar("dashboard")
        toolbar.setObjectName("dashboardToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.act_present)
        toolbar.addAction(self.act_export)
        self.toolbar = toolbar
        controller.figuresReady.connect(self.show_figures)
        controller.unreachable.connect(self._unreachable)
        controller.notArrivedReady.connect(self.not_arrived.show_found)
        self.not_arrived.filterChanged.connect(controller.find_not_arrived)
        self._arrived_count: int | None = None
        # "Silent" needs no new figures to appear: the stations list is looked at again every few seconds.
        self.station_clock = QTimer(self)
        self.station_clock.setInterval(STATION_CHECK_MS)
        self.station_clock.timeout.connect(self._show_stations)
        self.station_clock.start()
        self.set_presentation(False)
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------
    @property
    def font_pt(self) -> int:
        return 13 if self.presentation else 9

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
        self.by_category.show_groups(self.sector_title(figures.by_category), figures.by_category, pt)
        self.by_ticket.show_groups(self.tr("By ticket type"), figures.by_ticket_type, pt, legend=False)  # the same colours as by sector
        fill(self.recent, [(r.first_name, r.organisation, r.station, time_text(r.at, tz, seconds=True)) for r in figures.recent])
        self._show_stations()
        self.rooms.show_lists(figures.lists, h.inside)
        if self._arrived_count != h.checked_in:  # someone arrived: the not-arrived list changed
            self._arrived_count = h.checked_in
            self.not_arrived.ask()
        self.setWindowTitle(self.tr("Dashboard — {event} — {n} checked in").format(event=figures.event_name, n=h.checked_in))
        self.updated.setText(self.tr("Updated {time}").format(time=time_text(figures.generated_at, tz, seconds=True)))

    def _show_stations(self) -> None:
        if self.figures is None:
            return
        rows, colours = station_rows(self.figures, zone(self.figures.timezone), silent_word=self.tr("silent"),
                                     link_text=self._link_text)
        fill(self.stations, rows, colours)

    def sector_title(self, groups) -> str:
        """The sector chart counts the attendees' category; it says so when nobody has one."""
        if any(g.name for g in groups):
            return self.tr("Checked in by sector (category)")
        return self.tr("By sector: no category set (import one with --map COLUMN=category)")

    def _link_text(self, state: str, backlog: int) -> str:
        """A station's link to the hub, as it last reported (— for a station on its own file)."""
        if state == "online":
            return self.tr("online")
        if state == "sending":
            return self.tr("sending {n}").format(n=backlog)
        if state == "offline":
            return self.tr("OFFLINE · {n} waiting").format(n=backlog) if backlog else self.tr("OFFLINE")
        return "—"

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
            #roomsPanel {{ background: {'#0b1f33' if big else '#f4f6f8'}; }}
            #dashboardWindow QLabel#tileValue {{ font-size: {40 if big else 26}pt; font-weight: bold; }}
            #dashboardWindow QLabel#tileCaption {{ font-size: {18 if big else 11}pt; }}
            #dashboardWindow QLabel#listTitle {{ font-weight: bold; }}
            #dashboardWindow QLabel#roomSummary {{ font-size: {20 if big else 14}pt; font-weight: bold; }}
            QProgressBar {{ font-size: {14 if big else 10}pt; }}
            QTableWidget {{ font-size: {14 if big else 10}pt; }}
        """)
        self.toolbar.setVisible(not on)
        self.stations.setColumnHidden(1, on)  # the printer is for staff; the wall shows who is busy and who is silent
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
        self.stations_title.setText(self.tr("Stations: hub link, printer, queue, check-ins"))
        self.not_arrived.retranslate()
        self.rooms.retranslate()
        self.views.setTabText(0, self.tr("Arrivals and groups"))
        self.views.setTabText(1, self.tr("Rooms: check-in lists"))
        self.recent.setHorizontalHeaderLabels([self.tr("First name"), self.tr("Organisation"), self.tr("Station"), self.tr("Time")])
        self.stations.setHorizontalHeaderLabels([self.tr("Station"), self.tr("Hub link"), self.tr("Printer"), self.tr("Queue"),
                                                 self.tr("15 min"), self.tr("Last seen")])
        self.stations.horizontalHeaderItem(4).setToolTip(self.tr("Check-ins in the last 15 minutes"))
        accessible.name(self.recent, self.recent_title.text())
        accessible.name(self.stations, self.stations_title.text())
        accessible.name(self.toolbar, self.tr("Dashboard"))
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
