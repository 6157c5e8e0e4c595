"""The dashboard's charts (QtCharts), rebuilt from each new set of figures."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from kiosk.core.dashboard import Bucket, Group
from kiosk.i18n import tr
from kiosk.ui.locale_format import time_text

EXPECTED_COLOUR = QColor("#7b8794")  # 3.6:1 on white: a bar must stand out (WCAG 1.4.11)
CHECKED_COLOUR = QColor("#1e7b34")
LINE_COLOUR = QColor("#1f5f99")
LABEL_MARGIN_PX = 8  # the margins of Qt's text items around an axis label


def _range(axis: QValueAxis, top: int) -> None:
    """0 to a round number, with ticks on whole numbers (a "%d" label must not round)."""
    top = _nice_max(top)
    axis.setRange(0, top)
    axis.setTickCount(top + 1 if top <= 10 else 5 if top % 4 == 0 else 6 if top % 5 == 0 else 5)
    axis.setLabelFormat("%d")


BUCKET_SECONDS = 300


def _label_step(buckets: int) -> int:
    """Label every n-th 5-minute bucket: on the quarter, half or whole hour, about 8 labels."""
    for step in (1, 3, 6, 12, 24, 36, 48):
        if buckets / step <= 8:
            return step
    return 72


def _nice_max(value: int) -> int:
    if value <= 5:
        return 5
    step = 10 ** (len(str(value)) - 1)
    return ((value + step - 1) // step) * step


class Chart(QChartView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.chart().setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart().setMargins(self.chart().margins())
        self.names: QBarCategoryAxis | None = None
        self.names_pt = 8

    def reset(self, title: str, font_pt: int) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        self.names = None
        for axis in chart.axes():
            chart.removeAxis(axis)
        font = QFont(chart.titleFont())
        font.setPointSize(font_pt + 2)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitle(title)
        chart.legend().show()
        legend_font = QFont(chart.legend().font())
        legend_font.setPointSize(font_pt)
        chart.legend().setFont(legend_font)
        return chart

    def _axes(self, chart: QChart, labels: list[str], top: int, font_pt: int, series) -> QValueAxis:
        """Horizontal bars: the names on the left, read whole and level, whatever their length;
        the counts along the bottom. Qt draws the first category at the bottom, so callers give
        them in reverse to read from the top."""
        names = QBarCategoryAxis()
        names.append(labels or [""])
        counts = QValueAxis()
        _range(counts, top)
        if top > 10:
            counts.setTickCount(5 if _nice_max(top) % 4 == 0 else 6)
        for axis in (names, counts):
            font = QFont(axis.labelsFont())
            font.setPointSize(max(7, font_pt - 1))
            axis.setLabelsFont(font)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        for s in series:
            s.attachAxis(names)
            s.attachAxis(counts)
        self.names = names
        self.names_pt = max(7, font_pt - 1)
        self.fit_names()
        return counts

    def fit_names(self) -> None:
        """Names in a type small enough for one line per bar group: Qt cuts a name to "..."
        when its line (with the text item's margins) is taller than the group."""
        if self.names is None:
            return
        rows = max(1, self.names.count())
        room = self.chart().plotArea().height() / rows
        font = QFont(self.names.labelsFont())
        size = self.names_pt
        while size > 7:
            font.setPointSize(size)
            if QFontMetrics(font).height() + LABEL_MARGIN_PX <= room:
                break
            size -= 1
        font.setPointSize(size)
        if font != self.names.labelsFont():
            self.names.setLabelsFont(font)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_names)  # once the chart has laid out its new plot area

    def label_room(self) -> float:
        """Pixels left of the plot area: where the names are drawn (a name wider is cut)."""
        chart = self.chart()
        return chart.plotArea().left() - chart.margins().left() - chart.layout().contentsRect().left()


class ArrivalsChart(Chart):
    def show_buckets(self, buckets: tuple[Bucket, ...], tz, font_pt: int) -> None:
        chart = self.reset(tr("Arrivals per 5 minutes"), font_pt)
        per = QBarSet(tr("Arrivals"))
        per.setColor(CHECKED_COLOUR)
        line = QLineSeries()
        line.setName(tr("Total so far"))
        line.setPen(QPen(LINE_COLOUR, 3))
        for i, b in enumerate(buckets):
            per.append(b.arrivals)
            line.append(i, b.cumulative)
        bars = QBarSeries()
        bars.append(per)
        bars.setBarWidth(0.9)
        chart.addSeries(bars)
        chart.addSeries(line)
        # The bars need a category axis, but its labels get the width of one bar (cut to "...");
        # it stays hidden, and a time axis over the same span labels whole hours and half hours.
        x = QBarCategoryAxis()
        x.append([str(i) for i in range(len(buckets))] or [""])
        x.setVisible(False)
        times = QCategoryAxis()
        times.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        times.setRange(-0.5, max(0, len(buckets) - 1) + 0.5)
        step = _label_step(len(buckets))
        # Each label gets the room of its category (from the label before it): ``step`` buckets.
        marks = [i for i, b in enumerate(buckets) if (b.start.timestamp() // BUCKET_SECONDS) % step == 0]
        times.setStartValue((marks[0] if marks else 0) - step)
        for i in marks:
            times.append(time_text(buckets[i].start, tz), i)
        y_bars, y_total = QValueAxis(), QValueAxis()
        _range(y_bars, max((b.arrivals for b in buckets), default=0))
        _range(y_total, buckets[-1].cumulative if buckets else 0)
        for axis in (times, y_bars, y_total):
            font = QFont(axis.labelsFont())
            font.setPointSize(max(7, font_pt - 1))
            axis.setLabelsFont(font)
        y_total.setLinePenColor(LINE_COLOUR)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(times, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_bars, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(y_total, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(x)
        bars.attachAxis(y_bars)
        line.attachAxis(times)
        line.attachAxis(y_total)


class GroupChart(Chart):
    def show_groups(self, title: str, groups: tuple[Group, ...], font_pt: int, legend: bool = True) -> None:
        chart = self.reset(title, font_pt)
        chart.legend().setVisible(legend)
        expected, checked = QBarSet(tr("Expected")), QBarSet(tr("Checked in"))
        expected.setColor(EXPECTED_COLOUR)
        checked.setColor(CHECKED_COLOUR)
        groups = tuple(reversed(groups))  # the first at the top
        for g in groups:
            expected.append(g.expected)
            checked.append(g.checked_in)
        series = QHorizontalBarSeries()
        series.append(expected)
        series.append(checked)
        chart.addSeries(series)
        self._axes(chart, [g.name or tr("(none)") for g in groups], max((g.expected for g in groups), default=0), font_pt, [series])
