"""The kiosk's behaviour: scans, lookups, email checks, badges and the staff PIN.

Everything slow (database, scrypt) runs through the ``TaskRunner``; results come back as
signals that the window connects in one place. The controller hands the screen only what an
attendee may see: a ``KioskResult`` built from the check-in result, with a redacted name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kiosk.core import attendees, printqueue, selfservice
from kiosk.core.checkin import CheckInService, ResultKind, ScanResult, touch_station
from kiosk.core.events import Actor
from kiosk.core.models import Event, Method
from kiosk.core.pin import Attempt, PinRateLimiter, verify_pin
from kiosk.core.privacy_rules import load_rules
from kiosk.core.search import SearchIndex
from kiosk.core.store import UNREACHABLE, Store
from kiosk.ui.live_settings import StationPrinting
from kiosk.ui.result_state import ResultState
from kiosk.ui.tasks import TaskRunner

EMAIL_TRIES = 3

# What happened to the badge of the person on screen.
PRINT_NONE, PRINT_QUEUED, PRINT_DONE, PRINT_FAILED, PRINT_AT_DESK = "none", "queued", "printed", "failed", "at_desk"


@dataclass(frozen=True)
class KioskResult:
    """One result, as the attendee may see it. ``outcome`` picks the words."""

    state: ResultState
    outcome: str  # welcome, already, not_found, see_desk, offline, not_confirmed
    first_name: str = ""
    organisation: str = ""
    attendee_id: int | None = None
    can_reprint: bool = False


def _public(result: ScanResult, allow_reprint: bool) -> KioskResult:
    person = result.attendee
    kind = result.kind
    if kind is ResultKind.CHECKED_IN and person is not None:
        return KioskResult(ResultState.SUCCESS, "welcome", selfservice.greeting_name(person),
                           selfservice.public_organisation(person), person.id)
    if kind is ResultKind.ALREADY_CHECKED_IN and person is not None:
        return KioskResult(ResultState.WARNING, "already", attendee_id=person.id, can_reprint=allow_reprint)
    if kind is ResultKind.BLOCKED:  # to the desk, never saying why (refunded, cancelled, ...)
        return KioskResult(ResultState.ERROR, "see_desk")
    return KioskResult(ResultState.ERROR, "not_found")


class SelfServiceController(QObject):
    resultReady = Signal(object)  # KioskResult
    printState = Signal(int, str)  # attendee id, PRINT_*
    lookupReady = Signal(object)  # LookupResult
    emailRejected = Signal(int)  # tries left
    pinChecked = Signal(object)  # Attempt
    indexReady = Signal(int)

    def __init__(self, store: Store, event: Event, station: str, tasks: TaskRunner,
                 printing: StationPrinting | None = None, parent: QObject | None = None, list_name: str | None = None,
                 service=None):
        super().__init__(parent)
        self.store = store
        self.event_id = event.id
        self.event_name = event.name
        self.station = station
        self.tasks = tasks
        self.printing = printing or StationPrinting()
        # The badge of a first check-in is queued in the check-in's own transaction. On a hub with
        # a replica: a StationService (hub first, the replica when it is lost).
        self.service = service or CheckInService(
            store, event.id, Actor(station=station, operator="self-service"), list_name=list_name, badges=self.printing
        )
        #: The check-in list this kiosk decides on, shown under the event's name (None: the Entrance).
        self.list_name = list_name
        self.index = SearchIndex(getattr(self.service, "replica", store), event.id)
        self.limiter = PinRateLimiter()
        self.kiosk_event = selfservice.KioskEvent(event.name, event.venue, "")
        self._lookup_seq = 0
        self.lookup_limiter = selfservice.LookupLimiter()
        self._email_tries: dict[int, int] = {}
        self.on_screen: int | None = None

    # -- start-up ------------------------------------------------------------------------
    def sync_status(self, on_done) -> None:
        """The station's link to the hub, for the staff menu (nothing on a station without a replica)."""
        if hasattr(self.service, "sync_status"):
            self.tasks.run(self.service.sync_status, on_done=on_done, on_error=lambda exc: None)

    def start(self) -> None:
        def work() -> int:
            self.kiosk_event = selfservice.kiosk_event(self.store, self.event_id)
            with self.store.write() as session:
                touch_station(session, self.station, mode="self")
            self.index.refresh(force=True)
            return len(self.index)

        self.tasks.run(work, on_done=self.indexReady.emit, on_error=lambda exc: None)

    def forget(self) -> None:
        """The attendee walked away: drop everything about them."""
        self._lookup_seq += 1
        self._email_tries.clear()
        self.on_screen = None

    # -- checking in ---------------------------------------------------------------------
    def scan(self, code: str) -> None:
        self._email_tries.clear()
        def work() -> ScanResult:
            result = self.service.scan(code, Method.SELF_SERVICE)
            return selfservice.shown_result(result, self._read(load_rules, self.event_id))

        self.tasks.run(work, lane="write", on_done=self._show, on_error=self._failed)

    def confirm(self, attendee_id: int, email: str) -> None:
        """Check in the picked attendee if ``email`` is theirs; else count a wrong try."""

        def done(result: ScanResult | None) -> None:
            if result is None:
                left = EMAIL_TRIES - self._email_tries.get(attendee_id, 0) - 1
                self._email_tries[attendee_id] = EMAIL_TRIES - left
                if left <= 0:
                    self.resultReady.emit(KioskResult(ResultState.ERROR, "not_confirmed"))
                else:
                    self.emailRejected.emit(left)
                return
            self._show(result)

        if self._email_tries.get(attendee_id, 0) >= EMAIL_TRIES:
            self.resultReady.emit(KioskResult(ResultState.ERROR, "not_confirmed"))
            return
        def work() -> ScanResult | None:
            result = selfservice.check_in_by_email(self.service, attendee_id, email)
            return selfservice.shown_result(result, self._read(load_rules, self.event_id)) if result is not None else None

        self.tasks.run(work, lane="write", on_done=done, on_error=self._failed)

    def lookup(self, text: str) -> None:
        self._lookup_seq += 1
        seq = self._lookup_seq

        def done(found) -> None:
            if seq == self._lookup_seq:
                self.lookupReady.emit(found)

        self.tasks.run(selfservice.find_by_surname, self.index, text, limiter=self.lookup_limiter,
                       on_done=done, on_error=lambda exc: None)

    def _show(self, result: ScanResult) -> None:
        view = _public(result, self.printing.allow_reprint)
        self.on_screen = view.attendee_id
        self.resultReady.emit(view)
        if result.kind is ResultKind.CHECKED_IN and result.attendee is not None:
            self._badge(result)

    def _failed(self, exc: BaseException) -> None:
        self.resultReady.emit(KioskResult(ResultState.OFFLINE if isinstance(exc, UNREACHABLE) else ResultState.ERROR, "offline"))

    # -- badges --------------------------------------------------------------------------
    def _read(self, fn, *args):
        """``fn(store, *args)`` on the hub, or on the replica when it does not answer in time."""
        return self.service.read(fn, *args) if hasattr(self.service, "read") else fn(self.store, *args)

    def _enqueue(self, attendee_id: int, template: str, reprint: bool):
        """Queue a badge on the hub, or (offline) in the replica's queue, which prints it at once."""
        args = (self.event_id, attendee_id, self.station, template, self.printing.printer, reprint)
        if hasattr(self.service, "on_hub"):
            job = self.service.on_hub(printqueue.enqueue, *args)
            return job if job is not None else printqueue.enqueue(self.service.replica, *args)
        return printqueue.enqueue(self.store, *args)

    def _badge(self, result: ScanResult) -> None:
        """Say what happens with the badge; the check-in itself queued it when one was due."""
        person = result.attendee
        if result.badge_job is not None:
            self._print_state(person.id, PRINT_QUEUED)
            return

        def work() -> str:
            status = self._read(printqueue.badge_status, person.id)
            if status.pending and not status.printed:
                return PRINT_QUEUED  # queued earlier (at the desk, or a batch): say it is coming
            return PRINT_AT_DESK if status.printed and not result.reentry else PRINT_NONE

        self.tasks.run(work, on_done=lambda state: self._print_state(person.id, state), on_error=lambda exc: None)

    def reprint(self, attendee_id: int) -> None:
        if not self.printing.allow_reprint:
            return
        p = self.printing

        def work():
            person = self._read(attendees.get, attendee_id)
            template = p.template_for(person.ticket_type if person else None)
            return self._enqueue(attendee_id, template, True)

        self.tasks.run(
            work,
            lane="write", on_done=lambda _job: self._print_state(attendee_id, PRINT_QUEUED), on_error=self._failed,
        )

    def _print_state(self, attendee_id: int, state: str) -> None:
        if state == PRINT_QUEUED and self.printing.worker is not None:
            self.printing.worker.wake()
        self.printState.emit(attendee_id, state)

    def job_printed(self, _job: str, attendee_id: int, _printer: str) -> None:
        self.printState.emit(attendee_id, PRINT_DONE)

    def job_failed(self, _job: str, attendee_id: int, _error: str) -> None:
        self.printState.emit(attendee_id, PRINT_FAILED)

    # -- staff ---------------------------------------------------------------------------
    def try_pin(self, pin: str) -> None:
        waiting = self.limiter.wait_seconds()
        if waiting > 0:
            self.pinChecked.emit(Attempt(False, waiting, too_soon=True))
            return
        if hasattr(self.service, "read"):  # on a hub: the replica holds the PIN too, so staff get in offline
            check = lambda p: self.service.read(verify_pin, self.event_id, p)  # noqa: E731
        else:
            check = lambda p: verify_pin(self.store, self.event_id, p)  # noqa: E731
        self.tasks.run(self.limiter.attempt, check, pin, on_done=self.pinChecked.emit,
                       on_error=lambda exc: self.pinChecked.emit(Attempt(False)))
