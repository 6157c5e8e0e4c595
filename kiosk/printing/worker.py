"""The print worker of a station: takes jobs from the persistent queue and prints them.

It runs on its own QThread, so neither a check-in nor the GUI ever waits for a printer. At
start it puts back jobs a killed process left "printing" (``printqueue.recover``); then it
claims due jobs one by one, renders the badge, prints it, and records the outcome in the
database, oldest first: a job waiting for its retry holds the ones behind it, so a backlog
prints in arrival order. A failure leaves the job queued with the error readable and a backoff; after
``max_failures`` failures on the main printer, the job goes to the fallback printer (when one
is set). Errors that no retry can fix (an unknown template, a deleted attendee) fail the job
for good. Outcomes are reported through signals, delivered on the receiver's thread.

Where jobs come from is the ``queue`` (``kiosk.core.station_queue``): the station's database,
or, on a hub with a replica, the replica's queue first (badges asked for offline print at once)
and the hub's while the station is online.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QObject, QThread, Signal

from kiosk.badges.context import badge_for, event_labels
from kiosk.badges.templates import TemplateError
from kiosk.core import attendees, printqueue
from kiosk.core.station_queue import Claim, StoreQueue
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.errors import KioskError
from kiosk.core.models import utcnow
from kiosk.core.store import UNREACHABLE, Store
from kiosk.printing.printers import PrintError, check_printer, print_image

log = logging.getLogger(__name__)
#: How often an unchanged status is written again, as the station's heartbeat (dashboards say
#: "silent" after a minute without one).
HEARTBEAT_SECONDS = 20.0
#: What staff read when the queue itself cannot be read (kiosk.messages translates them).
QUEUE_UNREACHABLE = "Print queue unavailable: the database cannot be reached (badges wait in the queue)"
QUEUE_FAILED = "Print queue unavailable: see the log for details (badges wait in the queue)"

#: Tries for a job that fails with an unexpected error (not the printer's) before it fails for good.
UNEXPECTED_TRIES = 5


class _LoopThread(QThread):
    def __init__(self, target: Callable[[], None]):
        super().__init__()
        self._target = target

    def run(self) -> None:  # pragma: no cover - runs before a trace hook can see it
        # A QThread is no threading.Thread: install the trace hook a threading.Thread would get
        # (set by a debugger or coverage with threading.settrace; normally None).
        hook = threading.gettrace()
        if hook is not None:
            sys.settrace(hook)
        self._target()


class PrintWorker(QObject):
    jobPrinted = Signal(str, int, str)
    jobFailed = Signal(str, int, str)
    statusChanged = Signal(str, int, bool)

    def __init__(
        self,
        store: Store,
        station: str,
        printer: str = "",
        fallback_printer: str = "",
        template_for: Callable[[AttendeeInfo], str] | None = None,
        max_failures: int = 3,
        parent=None,
        queue: StoreQueue | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.queue = queue or StoreQueue(store)
        self.station = station
        self.template_for = template_for
        self.max_failures = max(1, max_failures)
        #: Longest sleep between looks at the queue when nobody calls wake().
        self.poll_interval = 2.0
        #: Delay before retrying a failed job, from its attempt count (2 s, 4 s, 8 s ... 60 s).
        self.retry_delay: Callable[[int], timedelta] = printqueue.backoff
        self._lock = threading.Lock()
        self._printer = printer
        self._fallback = fallback_printer
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: _LoopThread | None = None
        self._last_status: tuple[str, int, bool] | None = None
        self._reported_at = 0.0
        self._last_error = ""

    # -- control (GUI thread) --------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = _LoopThread(self._run)
        self._thread.setObjectName(f"print-worker-{self.station}")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.wait()
            self._thread = None

    def wake(self) -> None:
        self._wake.set()

    def set_printer(self, name: str, fallback: str = "") -> None:
        with self._lock:
            self._printer, self._fallback = name, fallback
            self._last_error = ""
        self.wake()

    @property
    def printers(self) -> tuple[str, str]:
        with self._lock:
            return self._printer, self._fallback

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    # -- the loop (worker thread) ----------------------------------------------------------
    def _run(self) -> None:
        try:
            recovered = self.queue.recover(self.station)
            if recovered:
                log.info("print queue of %s: %d interrupted job(s) back in the queue", self.station, recovered)
        except Exception as exc:  # the database may be away; the loop retries below
            log.warning("print queue recovery failed: %s", exc)
        while not self._stop.is_set():
            try:
                claim = self.queue.claim(self.station)
            except Exception as exc:  # worded for staff; the detail goes to the log once
                text = QUEUE_UNREACHABLE if isinstance(exc, UNREACHABLE) else QUEUE_FAILED
                if self._last_status is None or self._last_status[0] != text:
                    log.warning("print queue unavailable: %s", exc)
                self._report(text, -1, False)
                self._sleep(self.poll_interval)
                continue
            if claim is None:
                self._report_idle()
                self._sleep(self._idle_wait())
                continue
            self._process(claim)

    def _sleep(self, seconds: float) -> None:
        self._wake.wait(max(0.01, seconds))
        self._wake.clear()

    def _idle_wait(self) -> float:
        try:
            due = self.queue.next_due(self.station)
        except Exception:
            return self.poll_interval
        if due is None:
            return self.poll_interval
        return min(self.poll_interval, max(0.02, (due - utcnow()).total_seconds()))

    def _template_name(self, job, store: Store) -> str:
        if job.template:
            return job.template
        if self.template_for is not None:
            person = attendees.get(store, job.attendee_id)
            if person is not None:
                return self.template_for(person) or ""
        return ""

    def _process(self, claim: Claim) -> None:
        job, store = claim.job, claim.store
        printer, fallback = self.printers
        failures = job.attempts - 1
        target = fallback if fallback and failures >= self.max_failures else printer
        job_id = str(job.id)
        try:
            labels = event_labels(store, job.event_id)
            image, template, person = badge_for(store, job.attendee_id, self._template_name(job, store), labels)
            used = print_image(image, target, template.width_mm, template.height_mm, template.dpi, title=f"kiosk-badge-{person.code}")
        except PrintError as exc:
            self._failed(claim, str(exc), target, give_up=False)
        except (TemplateError, KioskError) as exc:
            self._failed(claim, str(exc), target, give_up=True)
        except Exception as exc:
            # Jobs print in arrival order, so one that fails for a reason of its own must not
            # hold the others back for ever: after a few tries it fails for good (F5 reprints).
            log.exception("printing job %s failed", job_id)
            self._failed(claim, f"{type(exc).__name__}: {exc}", target, give_up=job.attempts >= UNEXPECTED_TRIES)
        else:
            try:
                self.queue.printed(claim, used)
            except Exception as exc:  # printed but not recorded: recovery will print it again
                log.error("job %s printed on %s but not recorded: %s", job_id, used, exc)
                return
            with self._lock:
                self._last_error = ""
            self.jobPrinted.emit(job_id, job.attendee_id, used)
            self._report_idle()

    def _failed(self, claim: Claim, error: str, printer: str, give_up: bool) -> None:
        job, job_id = claim.job, str(claim.job.id)
        log.info("print job %s (attempt %d) on %r failed: %s", job_id, job.attempts, printer, error)
        try:
            self.queue.failed(claim, error, printer, give_up, self.retry_delay(job.attempts))
        except Exception as exc:
            log.error("could not record the failure of job %s: %s", job_id, exc)
        with self._lock:
            self._last_error = error
        self.jobFailed.emit(job_id, job.attendee_id, error)
        self._report_idle()

    def _report_idle(self) -> None:
        try:
            waiting = self.queue.pending(self.station)
        except Exception:
            waiting = -1
        printer, _ = self.printers
        with self._lock:
            error = self._last_error
        if error and waiting:
            self._report(f"{error} ({waiting} waiting)", waiting, False)
            return
        try:  # at start and while idle, so a missing printer shows before the first guest
            name = check_printer(printer)
        except PrintError as exc:
            self._report(str(exc) + (f" ({waiting} waiting)" if waiting and waiting > 0 else ""), waiting, False)
            return
        self._report(f"{name}: ready" + (f", {waiting} waiting" if waiting else ""), waiting, True)

    def _report(self, text: str, waiting: int, ok: bool) -> None:
        status = (text, waiting, ok)
        changed = status != self._last_status
        if not changed and time.monotonic() - self._reported_at < HEARTBEAT_SECONDS:
            return
        self._last_status = status
        self._reported_at = time.monotonic()
        try:  # also the station's heartbeat: dashboards mark a station silent after a minute without one
            self.queue.report_status(self.station, text)
        except Exception:
            pass
        if changed:
            self.statusChanged.emit(text, waiting, ok)
