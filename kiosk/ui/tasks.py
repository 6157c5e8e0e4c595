"""The one way slow work leaves the GUI thread and comes back.

``TaskRunner.run(fn, ..., lane=...)`` runs ``fn`` on a worker and calls ``on_done(result)`` or
``on_error(exc)`` back on the GUI thread (a queued signal carries the outcome home). Lanes:

- ``read``: a small pool for queries (search, status, details);
- ``write``: ONE thread, so database writes from this station happen in the order asked;
- ``decode``: one thread for camera frames, so a slow frame never delays a check-in.

``TaskRunner(synchronous=True)`` runs everything inline, which tests use for determinism.
"""

from __future__ import annotations

import logging
import queue
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThread, Signal

log = logging.getLogger(__name__)

LANES = {"read": 2, "write": 1, "decode": 1}


@dataclass
class _Outcome:
    result: Any
    error: BaseException | None
    on_done: Callable | None
    on_error: Callable | None


class TaskRunner(QObject):
    #: A task raised and had no on_error: the message, for a status line or a log.
    failed = Signal(str)
    #: Carries no Python objects across threads: outcomes wait in a thread-safe queue and
    #: this argument-less signal (queued to the GUI thread) says "come and get them".
    _wake = Signal()

    def __init__(self, parent: QObject | None = None, synchronous: bool = False):
        super().__init__(parent)
        self.synchronous = synchronous
        self._pools: dict[str, ThreadPoolExecutor] = {}
        self._pending = 0
        self._outcomes: queue.SimpleQueue[_Outcome] = queue.SimpleQueue()
        self._wake.connect(self._drain)

    @property
    def pending(self) -> int:
        """Tasks started whose callbacks have not run yet."""
        return self._pending

    def lane_busy(self, lane: str) -> bool:
        pool = self._pools.get(lane)
        return bool(pool and pool._work_queue.qsize())  # noqa: SLF001 (a cheap, read-only peek)

    def run(
        self,
        fn: Callable,
        *args,
        on_done: Callable | None = None,
        on_error: Callable | None = None,
        lane: str = "read",
        **kwargs,
    ) -> Future | None:
        if lane not in LANES:
            raise ValueError(f"unknown lane {lane!r}")
        self._pending += 1
        if self.synchronous:
            try:
                outcome = _Outcome(fn(*args, **kwargs), None, on_done, on_error)
            except Exception as exc:  # handed to on_error, like the threaded path
                outcome = _Outcome(None, exc, on_done, on_error)
            self._deliver(outcome)
            return None
        pool = self._pools.get(lane)
        if pool is None:
            pool = self._pools[lane] = ThreadPoolExecutor(LANES[lane], thread_name_prefix=f"kiosk-{lane}")

        def work():
            try:
                outcome = _Outcome(fn(*args, **kwargs), None, on_done, on_error)
            except Exception as exc:
                outcome = _Outcome(None, exc, on_done, on_error)
            self._outcomes.put(outcome)
            self._wake.emit()  # queued: this object lives in the GUI thread

        return pool.submit(work)

    def _drain(self) -> None:
        while True:
            try:
                outcome = self._outcomes.get_nowait()
            except queue.Empty:
                return
            self._deliver(outcome)

    def _deliver(self, outcome: _Outcome) -> None:
        self._pending -= 1
        if outcome.error is not None:
            if outcome.on_error is not None:
                outcome.on_error(outcome.error)
            else:
                log.error("background task failed", exc_info=outcome.error)
                self.failed.emit(f"{type(outcome.error).__name__}: {outcome.error}")
            return
        if outcome.on_done is not None:
            outcome.on_done(outcome.result)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every task has delivered (tests, benchmarks, shutdown)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(1)
        return self._pending == 0

    def shutdown(self, wait: bool = True) -> None:
        for pool in self._pools.values():
            pool.shutdown(wait=wait, cancel_futures=True)
        self._pools.clear()
