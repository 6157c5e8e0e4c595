"""The dashboard's charts (QtCharts), rebuilt from each new set of figures."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from kiosk.core.dashboard import Bucket, Group
from kiosk.i18n import tr
from kiosk.ui.locale_format import time_text

EXPECTED_COLOUR = QColor("#7b8794")  # 3.6:1 on white: a bar must stand out (WCAG 1.4.11)
CHECKED_COLOUR = QColor("#1e7b34")
LINE_COLOUR = QColor("#1f5f99")


def _range(axis: QValueAxis, top: int) -> None:
    """0 to a round number, with ticks on whole numbers (a "%d" label must not round)."""
    top = _nice_max(top)
    axis.setRange(0, top)
    axis.setTickCount(top + 1 if top <= 10 else 5 if top % 4 == 0 else 6 if top % 5 == 0 else 5)
    axis.setLabelFormat("%d")


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

    def reset(self, title: str, font_pt: int) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        font = QFont(chart.titleFont())
        font.setPointSize(font_pt + 2)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitle(title)
        legend_font = QFont(chart.legend().font())
        legend_font.setPointSize(font_pt)
        chart.legend().setFont(legend_font)
        return chart

    def _axes(self, chart: QChart, labels: list[str], top: int, font_pt: int, series) -> QValueAxis:
        x = QBarCategoryAxis()
        x.append(labels or [""])
        if len(labels) > 4:
            x.setLabelsAngle(-60)
        y = QValueAxis()
        _range(y, top)
        for axis in (x, y):
            font = QFont(axis.labelsFont())
            font.setPointSize(max(7, font_pt - 1))
            axis.setLabelsFont(font)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in series:
            s.attachAxis(x)
            s.attachAxis(y)
        return y


class ArrivalsChart(Chart):
    def show_buckets(self, buckets: tuple[Bucket, ...], tz, font_pt: int) -> None:
        chart = self.reset(tr("Arrivals per 5 minutes"), font_pt)
        per = QBarSet(tr("Arrivals"))
        per.setColor(CHECKED_COLOUR)
        line = QLineSeries()
        line.setName(tr("Total so far"))
        line.setPen(QPen(LINE_COLOUR, 3))
        labels = []
        every = max(1, len(buckets) // 16)
        for i, b in enumerate(buckets):
            per.append(b.arrivals)
            line.append(i, b.cumulative)
            labels.append(time_text(b.start, tz) if i % every == 0 else "\u200b" * (i + 1))  # unique, unseen
        bars = QBarSeries()
        bars.append(per)
        bars.setBarWidth(0.9)
        chart.addSeries(bars)
        chart.addSeries(line)
        x = QBarCategoryAxis()
        x.append(labels or [""])
        y_bars, y_total = QValueAxis(), QValueAxis()
        _range(y_bars, max((b.arrivals for b in buckets), default=0))
        _range(y_total, buckets[-1].cumulative if buckets else 0)
        for axis in (x, y_bars, y_total):
            font = QFont(axis.labelsFont())
            font.setPointSize(max(7, font_pt - 1))
            axis.setLabelsFont(font)
        x.setLabelsAngle(-90)  # upright labels are cut to the width of one bar
        y_total.setLinePenColor(LINE_COLOUR)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_bars, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(y_total, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(x)
        bars.attachAxis(y_bars)
        line.attachAxis(x)
        line.attachAxis(y_total)


class GroupChart(Chart):
    def show_groups(self, title: str, groups: tuple[Group, ...], font_pt: int) -> None:
        chart = self.reset(title, font_pt)
        expected, checked = QBarSet(tr("Expected")), QBarSet(tr("Checked in"))
        expected.setColor(EXPECTED_COLOUR)
        checked.setColor(CHECKED_COLOUR)
        for g in groups:
            expected.append(g.expected)
            checked.append(g.checked_in)
        series = QBarSeries()
        series.append(expected)
        series.append(checked)
        chart.addSeries(series)
        self._axes(chart, [g.name or tr("(none)") for g in groups], max((g.expected for g in groups), default=0), font_pt, [series])


class StationChart(Chart):
    def show_stations(self, counts: tuple[tuple[str, int], ...], font_pt: int) -> None:
        chart = self.reset(tr("Check-ins per station, last 15 minutes"), font_pt)
        bar = QBarSet(tr("Check-ins"))
        bar.setColor(LINE_COLOUR)
        for _name, n in counts:
            bar.append(n)
        series = QBarSeries()
        series.append(bar)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        chart.legend().hide()
        self._axes(chart, [name or tr("(none)") for name, _ in counts], max((n for _, n in counts), default=0), font_pt, [series])
