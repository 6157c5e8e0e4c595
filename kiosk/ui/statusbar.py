"""The station status bar: station, operator, database, printer, today's count."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from kiosk.messages import localise


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" to the room it gets, instead of
    widening the window; the whole text is in its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("…" * 6)), hint.height())

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)


class StationStatusBar(QStatusBar):
    def __init__(self, station: str, operator: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.station = ElidedLabel(self.tr("Station: {name}").format(name=station), self)
        self.operator = ElidedLabel(self.tr("Operator: {name}").format(name=operator or "—"), self)
        self.database = ElidedLabel("", self)
        self.printer = ElidedLabel(self.tr("Printer: …"), self)
        self.event_total = QLabel(self)
        self.event_total.setStyleSheet("font-weight: bold;")
        self.today = QLabel(self)
        for label in (self.station, self.operator, self.database):
            self.addWidget(label)
        self.addWidget(self.printer, 1)  # the printer's state gets the room that is left
        self.addPermanentWidget(self.event_total)
        self.addPermanentWidget(self.today)
        self.printer_text = ""
        self.printer_ok = True
        self.queue: int | None = None
        #: The print worker's own status text already says how many jobs wait.
        self.text_has_queue = False

    def set_database(self, engine: str, ok: bool) -> None:
        name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(engine, engine)
        if ok:
            self.database.setText(self.tr("Database: {engine} ✔").format(engine=name))
            self.database.setStyleSheet("")
        else:
            self.database.setText(self.tr("Database: {engine} UNREACHABLE").format(engine=name))
            self.database.setStyleSheet("color: white; background: #b3261e; padding: 0 6px; font-weight: bold;")

    def set_event_total(self, totals: tuple[int, int] | None) -> None:
        if totals is not None:
            self.event_total.setText(self.tr("Event: {n} / {expected} checked in").format(n=totals[0], expected=totals[1]))

    def set_sync(self, online: bool, waiting: int, last_sync) -> None:
        """A station with a replica: the hub's state, what waits for it, the last sync."""
        when = last_sync.astimezone().strftime("%H:%M:%S") if last_sync else self.tr("never")
        if online:
            text = self.tr("Hub: online · last sync {when}").format(when=when)
            if waiting:
                text += "  " + self.tr("· {n} waiting").format(n=waiting)
            self.database.setText(text)
            self.database.setStyleSheet("")
        else:
            self.database.setText(self.tr("OFFLINE · {n} waiting · last sync {when}").format(n=waiting, when=when))
            self.database.setStyleSheet("color: white; background: #b35c00; padding: 0 6px; font-weight: bold;")

    def set_today(self, count: int | None) -> None:
        if count is not None:
            self.today.setText(self.tr("Checked in here today: {n}").format(n=count))

    def set_printer(self, text: str | None = None, ok: bool | None = None, queue: int | None = None) -> None:
        if text is not None:
            self.printer_text = text
        if ok is not None:
            self.printer_ok = ok
        if queue is not None:
            self.queue = queue
        line = self.tr("Printer: {status}").format(status=localise(self.printer_text) or "—")
        if self.queue and not self.text_has_queue:
            line += "  " + self.tr("· {n} in queue").format(n=self.queue)
        self.printer.setText(line)
        self.printer.setStyleSheet("" if self.printer_ok else "color: white; background: #b35c00; padding: 0 6px;")
