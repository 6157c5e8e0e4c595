"""The desk's behaviour: every staff action becomes a background task and a result.

The window only lays things out and forwards key presses; this class decides what happens,
runs database work through the ``TaskRunner`` (writes on its single write thread), and reports
through signals that the window connects in one place.
"""

from __future__ import annotations

import logging
from collections import deque

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core import attendees, printqueue, sync
from kiosk.core.attendees import AttendeeInfo, ValidationError
from kiosk.core.checkin import CheckInService, LogEntry, ResultKind, ScanResult
from kiosk.core.errors import KioskError
from kiosk.core.events import Actor, zone
from kiosk.core.models import Event, Method
from kiosk.core.printqueue import BadgeStatus
from kiosk.core.roster import roster, wanted
from kiosk.core.search import SearchIndex, find
from kiosk.core.privacy_rules import AppliedPrivacy, applied_privacy, load_rules
from kiosk.core.store import UNREACHABLE, Store
from kiosk.core.twins import likely_twins
from kiosk.i18n import tr
from kiosk.ui.desk import presenter
from kiosk.ui.desk.station_data import StationData, StationStatus, distinct_choices, release_free_memory
from kiosk.ui.live_settings import StationPrinting
from kiosk.ui.result_state import ResultState
from kiosk.ui.tasks import TaskRunner

SEARCH_LIMIT = 100
RECENT_SHOWN = 10
INDEX_INTERVAL_MS = 1000
STATUS_INTERVAL_MS = 5000


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AttendeeDetails:
    info: AttendeeInfo
    history: list[LogEntry]
    badge: BadgeStatus
    #: The badge privacy that applies and why (own setting, a category rule, or none)
    privacy: AppliedPrivacy | None = None
    # Entries flagged as double entries made offline (a station on a hub).
    doubles: frozenset = frozenset()


@dataclass(frozen=True)
class RecentResult:
    """One line of the desk's "last results here" list."""

    at: datetime
    state: ResultState
    title: str
    who: str
    attendee_id: int | None


class DeskController(QObject):
    resultReady = Signal(object)  # ResultView
    detailsReady = Signal(object)  # AttendeeDetails | None
    searchReady = Signal(str, list)  # query, [AttendeeInfo]
    attendeeUpdated = Signal(object)  # AttendeeInfo, to refresh list rows
    statusReady = Signal(object)  # StationStatus
    exitModeChanged = Signal(bool)
    indexReady = Signal(int)  # attendees indexed
    recentChanged = Signal(list)  # [RecentResult], newest first
    indexChanged = Signal()  # other stations or an import changed attendees: search again
    syncChanged = Signal(bool)  # the station went online (True) or offline (False)

    def __init__(
        self,
        store: Store,
        event: Event,
        actor: Actor,
        tasks: TaskRunner,
        printing: StationPrinting | None = None,
        parent: QObject | None = None,
        list_name: str | None = None,
        service=None,
    ):
        super().__init__(parent)
        self.store = store
        self.event_id = event.id
        self.event_name = event.name
        self.tz = zone(event.timezone)
        self.actor = actor
        self.tasks = tasks
        self.printing = printing or StationPrinting()
        # The check-in list this station decides on (None: the event's default list); the badge
        # of a first check-in is queued in the check-in's own transaction. A StationService (hub
        # first, the replica when it is lost) or a plain CheckInService.
        self.service = service or CheckInService(store, event.id, actor, list_name=list_name, badges=self.printing)
        self.list_name = list_name
        # Search and the forms' choices read the replica when there is one (it works offline).
        self.local = getattr(self.service, "replica", store)
        #: Where the desk reads, counts and queues badges: the hub, or the replica when it is lost.
        self.data = StationData(store, self.service, event.id, actor.station, self.tz)
        self.index = SearchIndex(self.local, event.id)
        self.index_ready = False
        #: Categories and ticket types in use, offered in the walk-in and edit forms.
        self.choices: tuple[list[str], list[str]] = ([], [])
        self.current: AttendeeDetails | None = None
        self.exit_mode = False
        #: What the search list shows: everyone, or only those still expected (roster.FILTERS).
        self.filter_kind = "all"
        #: The last results at this station, newest first.
        self.recent: deque[RecentResult] = deque(maxlen=RECENT_SHOWN)
        self._search_seq = 0
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self.refresh_status)
        # Walk-ins and edits at other stations reach the list on screen within about a second.
        self._index_timer = QTimer(self)
        self._index_timer.timeout.connect(self._refresh_index)
        self._index_busy = False
        if hasattr(self.service, "listeners"):  # called from the sync thread; the signal queues it
            self.service.listeners.append(self.syncChanged.emit)
            self.syncChanged.connect(lambda _online: self.refresh_status())

    # -- start-up --------------------------------------------------------------------------
    def start(self) -> None:
        """Load the search index and the status in the background; poll the status."""
        self.tasks.run(self._load_index, on_done=self._index_loaded, on_error=self._index_failed)
        self.refresh_status()
        self._status_timer.start(STATUS_INTERVAL_MS)
        self._index_timer.start(INDEX_INTERVAL_MS)

    def stop(self) -> None:
        self._status_timer.stop()
        self._index_timer.stop()

    def _refresh_index(self) -> None:
        if not self.index_ready or self._index_busy:
            return
        self._index_busy = True

        def done(changed: int) -> None:
            self._index_busy = False
            if changed:
                self.indexChanged.emit()

        def failed(_exc: BaseException) -> None:
            self._index_busy = False

        self.tasks.run(self.index.refresh, on_done=done, on_error=failed)

    def _load_index(self) -> int:
        self.index.refresh(force=True)
        self.choices = distinct_choices(self.local, self.event_id)
        return len(self.index)

    def _index_loaded(self, count: int) -> None:
        self.index_ready = True
        release_free_memory()  # loading 100k rows leaves freed heap behind; give it back
        self.indexReady.emit(count)

    def _index_failed(self, exc: BaseException) -> None:
        QTimer.singleShot(3000, lambda: self.tasks.run(self._load_index, on_done=self._index_loaded, on_error=self._index_failed))

    # -- scanning --------------------------------------------------------------------------
    def set_exit_mode(self, on: bool) -> None:
        if on != self.exit_mode:
            self.exit_mode = on
            self.exitModeChanged.emit(on)

    def scan(self, code: str) -> None:
        """A code from the wedge scanner or the camera."""
        if self.exit_mode:
            self._write(self._exit_by_code, code, action=tr("exit"))
        else:
            self._write(self.service.scan, code, Method.SCAN, action=tr("check-in"), then=self._badge_queued)

    def _exit_by_code(self, code: str) -> ScanResult:
        attendee_id, cleaned, other = self.service.lookup(code)
        if attendee_id is None:
            return ScanResult(ResultKind.OTHER_EVENT if other else ResultKind.UNKNOWN_CODE, code=cleaned, other_event=other)
        return self.service.check_out(attendee_id, Method.SCAN)

    # -- actions on the open attendee --------------------------------------------------------
    @property
    def current_id(self) -> int | None:
        return self.current.info.id if self.current else None

    def check_in(self, attendee_id: int | None = None) -> None:
        target = attendee_id or self.current_id
        if target is not None:
            self._write(self.service.check_in, target, Method.SEARCH, action=tr("check-in"), then=self._badge_queued)

    def check_out(self) -> None:
        if self.current_id is not None:
            self._write(self.service.check_out, self.current_id, Method.SEARCH, action=tr("exit"))

    def annul(self, reason: str) -> None:
        reason = " ".join(reason.split())
        if self.current_id is not None and reason:
            self._write(self.service.annul, self.current_id, reason, Method.SEARCH, action=tr("undo"))

    def reprint(self, attendee_id: int | None = None) -> None:
        """Queue a badge for the open (or given) attendee; a reprint if one was printed before."""
        target = attendee_id or self.current_id
        if target is None:
            return

        def work() -> BadgeStatus:
            status = self._read(printqueue.badge_status, target)
            person = self._read(attendees.get, target)
            template = self.printing.template_for(person.ticket_type if person else None)
            self._enqueue(target, template, status.printed or status.pending > 0)
            return status

        def done(status: BadgeStatus) -> None:
            title = tr("Reprint queued") if status.printed else tr("Badge queued for printing")
            self.resultReady.emit(presenter.info(title, self._name_of(target), target))
            self._printed_something(target)

        self.tasks.run(work, lane="write", on_done=done, on_error=lambda exc: self._failed(exc, tr("print")))

    def find_twins(self, values: dict, then) -> None:
        """Registered attendees the walk-in ``values`` probably is; ``then(list of Twin)``."""
        self.tasks.run(likely_twins, self.index, values, on_done=then, on_error=lambda exc: then([]))

    def register_walk_in(self, values: dict, despite: tuple[int, ...] = ()) -> None:
        """Register, check in and queue the badge in one go. ``despite``: the likely matches
        the desk was shown and chose not to use (recorded in the audit trail)."""

        self._write(self.service.walk_in, values, despite, action=tr("walk-in"), then=self._badge_queued)

    def save_edit(self, attendee_id: int, changes: dict) -> None:
        def done(person: AttendeeInfo) -> None:
            self.resultReady.emit(presenter.info(tr("Saved"), presenter.who(person), person.id))
            self.attendeeUpdated.emit(person)
            self.open_attendee(person.id)

        if hasattr(self.service, "edit"):
            work, args = self.service.edit, (attendee_id, changes)
        else:
            work, args = attendees.update_attendee, (self.store, attendee_id, changes, self.actor)
        self.tasks.run(
            work, *args, lane="write", on_done=done, on_error=lambda exc: self._failed(exc, tr("edit")),
        )

    # -- reading -----------------------------------------------------------------------------
    def search(self, text: str) -> None:
        self._search_seq += 1
        seq = self._search_seq
        query = text.strip()
        kind = self.filter_kind

        def done(people: list) -> None:
            if seq == self._search_seq:  # a newer keystroke already asked again
                self.searchReady.emit(text, people)

        if not query:
            if kind == "all":
                self.searchReady.emit(text, [])
            else:
                self.tasks.run(self._read, roster, self.event_id, kind, SEARCH_LIMIT, on_done=done, on_error=lambda exc: None)
            return
        if not self.index_ready:
            self.searchReady.emit(text, [])
            return

        def work() -> list:
            found = [m.attendee for m in find(self.index, query, SEARCH_LIMIT if kind == "all" else SEARCH_LIMIT * 5)]
            return [p for p in found if wanted(p, kind)][:SEARCH_LIMIT]

        self.tasks.run(work, on_done=done, on_error=lambda exc: None)

    def set_filter(self, kind: str, text: str = "") -> None:
        """Show everyone, or only those still expected (not arrived, VIPs, speakers)."""
        self.filter_kind = kind
        self.search(text)

    def open_attendee(self, attendee_id: int | None) -> None:
        if attendee_id is None:
            self.current = None
            self.detailsReady.emit(None)
            return

        def work() -> AttendeeDetails | None:
            person = self._read(attendees.get, attendee_id)
            if person is None:
                return None
            privacy = applied_privacy(person, self._read(load_rules, person.event_id))
            doubles = sync.double_entries(self.service.replica, attendee_id) if hasattr(self.service, "replica") else frozenset()
            return AttendeeDetails(person, self.service.history(attendee_id), self._read(printqueue.badge_status, attendee_id),
                                   privacy, doubles)

        def done(details: AttendeeDetails | None) -> None:
            self.current = details
            self.detailsReady.emit(details)
            if details:
                self.attendeeUpdated.emit(details.info)

        self.tasks.run(work, on_done=done, on_error=lambda exc: self._failed(exc, tr("loading the attendee"), writing=False))

    def refresh_status(self) -> None:
        engine = self.store.dialect
        self.tasks.run(self.data.status, engine, on_done=self.statusReady.emit,
                       on_error=lambda exc: self.statusReady.emit(StationStatus(engine, False)))

    def _read(self, fn, *args):
        """``fn(store, *args)`` on the hub, or on the replica when the hub does not answer in time."""
        return self.data.read(fn, *args)

    def _enqueue(self, attendee_id: int, template: str, reprint: bool = False) -> None:
        self.data.enqueue(attendee_id, template, self.printing.printer, reprint)

    # -- plumbing ----------------------------------------------------------------------------
    def _write(self, fn, *args, action: str, then=None) -> None:
        def done(result: ScanResult) -> None:
            self._show_result(result)
            if then is not None:
                then(result)

        self.tasks.run(fn, *args, lane="write", on_done=done, on_error=lambda exc: self._failed(exc, action))

    def _show_result(self, result: ScanResult) -> None:
        view = presenter.describe(result, self.tz)
        self.resultReady.emit(view)
        who = presenter.who(result.attendee) if result.attendee is not None else result.code
        self.recent.appendleft(RecentResult(datetime.now(self.tz), view.state, view.title, who, view.attendee_id))
        self.recentChanged.emit(list(self.recent))
        if result.attendee is not None:
            self.attendeeUpdated.emit(result.attendee)
            self.open_attendee(result.attendee.id)
        else:  # an unknown code: the panel must not keep showing (and acting on) the last person
            self.open_attendee(None)
        if result.entry is not None:
            self.refresh_status()

    def _badge_queued(self, result: ScanResult) -> None:
        """The check-in queued its badge (in its own transaction): wake the printer."""
        if result.badge_job is not None and result.attendee is not None:
            self._printed_something(result.attendee.id)

    def _printed_something(self, attendee_id: int) -> None:
        worker = self.printing.worker
        if worker is not None:
            worker.wake()
        if attendee_id == self.current_id:
            self.open_attendee(attendee_id)
        self.refresh_status()

    def _name_of(self, attendee_id: int) -> str:
        return presenter.who(self.current.info) if self.current and self.current.info.id == attendee_id else ""

    def _failed(self, exc: BaseException, action: str, writing: bool = True) -> None:
        if isinstance(exc, UNREACHABLE):
            self.statusReady.emit(StationStatus(self.store.dialect, False))
            if writing:  # a failed read changes nothing: the last result stays, the status bar tells
                self.resultReady.emit(presenter.unreachable(action))
        elif isinstance(exc, (ValidationError, KioskError, ValueError)):
            self.resultReady.emit(presenter.failed(action.capitalize(), str(exc)))
        else:  # a fault of ours: staff get a sentence, the log gets the detail
            log.error("%s failed", action, exc_info=(type(exc), exc, exc.__traceback__))
            self.resultReady.emit(presenter.failed(action.capitalize(), tr("Something went wrong. The details are in the log; please try again.")))
