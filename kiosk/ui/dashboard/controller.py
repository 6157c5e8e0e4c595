"""The dashboard's behaviour: ask the cheap change marker every second, off the GUI thread,
and read the figures only when it changed. One question at a time, so a slow database never
piles up work and the window never waits."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core.dashboard import DashboardData, DashboardFigures, write_csv
from kiosk.core.errors import KioskError
from kiosk.core.models import Event
from kiosk.core.not_arrived import EVERYONE, not_arrived
from kiosk.core.store import UNREACHABLE, Store
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

POLL_MS = 1000


class DashboardController(QObject):
    figuresReady = Signal(object)  # DashboardFigures
    unreachable = Signal(str)
    notArrivedReady = Signal(object)  # kiosk.core.not_arrived.NotArrived

    def __init__(self, store: Store, event: Event, tasks: TaskRunner, poll_ms: int = POLL_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.event_id = event.id
        self.event_name = event.name
        self._not_arrived_seq = 0
        self.tasks = tasks
        self.data = DashboardData(store, event.id)
        self.figures: DashboardFigures | None = None
        self.refreshes = 0
        self._marker: tuple | None = None
        self._busy = False
        self._last_failure = ""
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.tasks.run(self._check, on_done=self._done, on_error=self._failed)

    def _check(self) -> DashboardFigures | None:
        """On a worker: the marker, and the figures only if it moved."""
        marker = self.data.marker()
        if marker == self._marker:
            return None
        figures = self.data.refresh()
        self._marker = marker
        return figures

    def _done(self, figures: DashboardFigures | None) -> None:
        self._busy = False
        self._last_failure = ""
        if figures is not None:
            self.figures = figures
            self.refreshes += 1
            self.figuresReady.emit(figures)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if str(exc) != self._last_failure:  # once per new fault, not every second
            log.warning("dashboard figures could not be read: %s", exc)
        self._last_failure = str(exc)
        self.unreachable.emit(str(exc) if isinstance(exc, KioskError) and not isinstance(exc, UNREACHABLE) else "")

    def find_not_arrived(self, text: str = "", who: str = EVERYONE) -> None:
        """Who has not arrived, filtered (off the GUI thread); answers to older filters are dropped."""
        self._not_arrived_seq += 1
        seq = self._not_arrived_seq

        def done(found) -> None:
            if seq == self._not_arrived_seq:
                self.notArrivedReady.emit(found)

        self.tasks.run(not_arrived, self.store, self.event_id, text, who, on_done=done,
                       on_error=lambda exc: log.warning("the not-arrived list could not be read: %s", exc))

    def write_csv(self, path: Path) -> Path | None:
        return write_csv(self.figures, path) if self.figures is not None else None
