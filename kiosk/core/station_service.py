"""What a station's screens and commands call: online first, the replica when the hub fails.

``StationService`` answers like ``CheckInService`` (scan, check in, exit, undo, lookup, history)
and also registers walk-ins and edits attendees. While the hub answers, every decision is made
on the hub, as on a station without a replica, and the sync worker mirrors it into the replica.
When a hub call fails, or takes longer than ``HUB_DEADLINE``, the operation in hand is done on
the replica instead: the same ``CheckInService`` (so ``rules.decide``) under the replica's write
lock, the log row and its outbox row in one SQLite transaction. The station then stays offline,
deciding locally without waiting on the hub, until the sync worker has pushed everything that
was waiting and the hub answers again.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kiosk.core import attendees, audit
from kiosk.core.attendees import AttendeeInfo, ValidationError
from kiosk.core.checkin import CheckInService, LogEntry, ScanResult
from kiosk.core.codes import generate_code
from kiosk.core.deadline import within
from kiosk.core.errors import KioskError
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, CheckIn, Event, Method, utcnow
from kiosk.core.replica import applying
from kiosk.core.store import UNREACHABLE, Store
from kiosk.core.sync import HUB_DEADLINE, OFFLINE, ONLINE, SyncWorker, mark, status
from kiosk.core.sync_tables import OUTBOX

log = logging.getLogger("kiosk.station")
ATTENDEE = Attendee.__table__
CHECKIN = CheckIn.__table__


class StationService:
    """Check-ins, walk-ins and edits for one event at one station with a hub and a replica."""

    def __init__(self, hub: Store, replica: Store, event_id: int, actor: Actor = Actor(),
                 list_name: str | None = None, worker: SyncWorker | None = None, deadline: float = HUB_DEADLINE,
                 badges=None):
        self.hub = hub
        self.replica = replica
        self.event_id = event_id
        self.actor = actor
        self.deadline = deadline
        self.worker = worker
        # With a badge policy, a first check-in queues its badge in its own transaction, on the
        # hub or in the replica (whose queue prints it at once; the outbox tells the hub).
        self.online_service = CheckInService(hub, event_id, actor, list_name, badges=badges)
        self.offline_service = CheckInService(replica, event_id, actor, list_name, badges=badges)
        self.lists = self.online_service.lists
        self._online = status(replica).state != OFFLINE
        #: Called (from any thread) with True/False when the station goes online/offline.
        self.listeners: list[Callable[[bool], None]] = []
        if worker is not None:
            worker.on_round = self._after_round

    def use_badges(self, policy) -> None:
        """The station's badge policy (the screens' live StationPrinting): a first check-in queues
        its badge in its own transaction, online and offline."""
        self.online_service.badges = policy
        self.offline_service.badges = policy

    # -- state -------------------------------------------------------------------------------
    @property
    def online(self) -> bool:
        return self._online

    @property
    def store(self) -> Store:
        """The store that answers now (for reads such as search and figures)."""
        return self.hub if self._online else self.replica

    def _set_online(self, online: bool, reason: str = "") -> None:
        changed = online != self._online
        self._online = online
        if not online:
            mark(self.replica, OFFLINE, reason[:300])
        if changed:
            log.warning("station %s: %s", "online" if online else "offline", reason)
            for listener in list(self.listeners):
                listener(online)

    def _after_round(self, hub_answered: bool) -> None:
        """The sync worker's report: back online once the hub answers and nothing is waiting."""
        if hub_answered and not self._waiting():
            self._set_online(True)
        elif not hub_answered and self._online:
            self._set_online(False, "the hub does not answer")

    def _waiting(self) -> int:
        with self.replica.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(OUTBOX)).scalar() or 0

    def _reason(self, exc: BaseException) -> str:
        from kiosk.core.urls import scrub

        text = str(getattr(exc, "orig", None) or exc).strip()
        return scrub(text.splitlines()[0], self.hub.url) if text else type(exc).__name__

    def print_queue(self):
        """Where this station's print worker takes its badges: the replica's queue first (a badge
        asked for offline prints at once), then, online, the hub's (``kiosk.core.station_queue``)."""
        from kiosk.core.station_queue import StationQueue

        return StationQueue(self.hub, self.replica, lambda: self._online, self.deadline)

    def sync_status(self):
        """Online or offline, what waits for the hub, the last sync (read from the replica)."""
        from dataclasses import replace

        current = status(self.replica)
        return replace(current, state=ONLINE if self._online else OFFLINE)

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        self.replica.dispose()

    # -- routing -----------------------------------------------------------------------------
    def _route(self, name: str, *args, mirror: bool = True):
        if self._online:
            try:
                value = within(self.deadline, getattr(self.online_service, name), *args)
            except UNREACHABLE as exc:
                self._set_online(False, self._reason(exc))
                if self.worker is not None:
                    self.worker.kick()
            else:
                if mirror:
                    self._mirror(value)
                return value
        return getattr(self.offline_service, name)(*args)

    def _mirror(self, result: ScanResult) -> None:
        """Copy a decision the hub made into the replica at once (the pull brings it too), so a
        scan decided offline a moment later knows about it."""
        if self.worker is not None:
            self.worker.kick()
        if result.entry is None or result.attendee is None:
            return
        entry, person = result.entry, result.attendee
        try:
            with applying(self.replica) as conn:
                if conn.execute(select(ATTENDEE.c.id).where(ATTENDEE.c.id == person.id)).first() is None:
                    return  # not pulled yet (a walk-in from a moment ago): the worker brings it
                clist = self.offline_service.lists.current(conn)
                conn.execute(sqlite_insert(CHECKIN).values(
                    id=entry.id, event_id=self.event_id, attendee_id=person.id, kind=entry.kind.value, at=entry.at,
                    station=entry.station, operator=entry.operator, method=entry.method.value, reason=entry.reason,
                    list_id=clist.id,
                ).on_conflict_do_nothing(index_elements=["id"]))
                if clist.is_default:
                    conn.execute(update(ATTENDEE).where(ATTENDEE.c.id == person.id)
                                 .values(checked_in_at=person.checked_in_at, inside=person.inside))
        except Exception:  # noqa: BLE001 - the hub has the decision; the pull will bring it
            log.exception("could not mirror a check-in into the replica")

    # Each decision names its log row before it is tried: when the hub commits but answers after
    # the deadline, the offline decision writes the same row, and the push finds it on the hub.
    def scan(self, raw: str, method: Method = Method.SCAN) -> ScanResult:
        return self._route("scan", raw, method, uuid.uuid4())

    def check_in(self, attendee_id: int, method: Method = Method.SEARCH) -> ScanResult:
        return self._route("check_in", attendee_id, method, uuid.uuid4())

    def check_out(self, attendee_id: int, method: Method = Method.SCAN) -> ScanResult:
        return self._route("check_out", attendee_id, method, uuid.uuid4())

    def annul(self, attendee_id: int, reason: str, method: Method = Method.SEARCH) -> ScanResult:
        return self._route("annul", attendee_id, reason, method, uuid.uuid4())

    def lookup(self, raw: str):
        return self._route("lookup", raw, mirror=False)

    def history(self, attendee_id: int) -> list[LogEntry]:
        return self._route("history", attendee_id, mirror=False)

    def first_checkin(self, attendee_id: int) -> LogEntry | None:
        return self._route("first_checkin", attendee_id, mirror=False)

    def get(self, attendee_id: int) -> AttendeeInfo | None:
        return self._call(attendees.get, lambda: attendees.get(self.replica, attendee_id), attendee_id)

    def register_walk_in(self, values: dict, despite: tuple[int, ...] = ()) -> AttendeeInfo:
        """Register a walk-in (not checked in): on the hub, else on the replica. The code is
        chosen first, so a registration the hub made too late for us reaches it only once."""
        code = generate_code()
        return self._call(attendees.register_walk_in,
                          lambda: walk_in_offline(self.replica, self.event_id, values, self.actor, code),
                          self.event_id, values, self.actor, despite, code)

    def walk_in(self, values: dict, despite: tuple[int, ...] = ()) -> ScanResult:
        """Register, check in and queue the badge: one transaction on the hub; offline, on the
        replica (the outbox carries both to the hub). The code and the entry are named first,
        as for a scan."""
        code, entry_id = generate_code(), uuid.uuid4()
        if self._online:
            try:
                result = within(self.deadline, self.online_service.walk_in, values, despite, code, entry_id)
            except UNREACHABLE as exc:
                self._set_online(False, self._reason(exc))
                if self.worker is not None:
                    self.worker.kick()
            else:
                self._mirror(result)
                return result
        person = walk_in_offline(self.replica, self.event_id, values, self.actor, code)
        return self.offline_service.check_in(person.id, Method.WALK_IN, entry_id)

    def edit(self, attendee_id: int, changes: dict) -> AttendeeInfo:
        return self._call(attendees.update_attendee, lambda: edit_offline(self.replica, attendee_id, changes, self.actor),
                          attendee_id, changes, self.actor)

    def read(self, fn, *args):
        """``fn(store, *args)`` on the hub within the deadline, else on the replica."""
        return self._call(fn, lambda: fn(self.replica, *args), *args, kick=False)

    def on_hub(self, fn, *args):
        """``fn(hub, *args)`` within the deadline; None when the hub is away (the station goes
        offline). For what only the hub keeps, such as the print queue."""
        return self._call(fn, lambda: None, *args, kick=False)

    def _call(self, online_fn, offline_fn, *args, kick: bool = True):
        if self._online:
            try:
                value = within(self.deadline, online_fn, self.hub, *args)
            except UNREACHABLE as exc:
                self._set_online(False, self._reason(exc))
            else:
                if kick and self.worker is not None:
                    self.worker.kick()
                return value
        return offline_fn()


def walk_in_offline(replica: Store, event_id: int, values: dict, actor: Actor, code: str | None = None) -> AttendeeInfo:
    """A walk-in on the replica. It takes a negative id until the hub gives it its own (so it
    never collides with a hub id); the outbox row is written by the replica's trigger."""
    values = attendees.walk_in_values(values)
    with replica.write() as session:
        lowest = session.execute(select(func.min(Attendee.id))).scalar() or 0
        row = Attendee(id=min(lowest, 0) - 1, event_id=event_id, code=code or generate_code(), walk_in=True,
                       source="walk-in", rev=attendees.bump_rev(session, event_id), **values)
        session.add(row)
        session.flush()
        audit.record(session, "walk_in", actor, event_id, row.id, code=row.code)
        return AttendeeInfo.of(row)


def edit_offline(replica: Store, attendee_id: int, changes: dict, actor: Actor) -> AttendeeInfo:
    """An edit on the replica, with its outbox row (old and new value of each field) in the
    same transaction. The hub applies it field by field; the last writer wins."""
    unknown = set(changes) - set(attendees.EDITABLE)
    if unknown:
        raise ValidationError(f"Cannot edit {', '.join(sorted(unknown))}")
    changes = attendees._clean(changes)
    with replica.write() as session:
        row = session.get(Attendee, attendee_id)
        if row is None:
            raise KioskError(f"No attendee with id {attendee_id}")
        problems = attendees.validate({name: getattr(row, name) for name in ("first_name", "last_name")} | changes)
        if problems:
            raise ValidationError("; ".join(f"{field} {msg}" for field, msg in problems))
        changed = {k: (getattr(row, k), v) for k, v in changes.items() if getattr(row, k) != v}
        if not changed:
            return AttendeeInfo.of(row)
        now = utcnow()
        for name, (old, new) in changed.items():
            audit.record(session, "edit", actor, row.event_id, row.id, field=name, old=old, new=new)
            setattr(row, name, new)
        row.updated_at = now
        session.add(row)
        session.flush()
        payload = {"id": uuid.uuid4().hex, "event_id": row.event_id, "code": row.code, "at": now.isoformat(),
                   "station": actor.station, "fields": {k: [_plain(o), _plain(n)] for k, (o, n) in changed.items()}}
        session.execute(OUTBOX.insert().values(kind="edit", ref=str(row.id), payload=json.dumps(payload),
                                               tries=0, last_error=""))
        return AttendeeInfo.of(row)


def _plain(value):
    return value.value if hasattr(value, "value") else value


def connect(hub: Store, event_id: int, actor: Actor, list_name: str | None = None) -> StationService | None:
    """The service for a station on a PostgreSQL hub: its replica (filled on first use), a
    running sync worker, online first. None for a station on its own SQLite file."""
    if hub.dialect != "postgresql":
        return None
    from kiosk.core.replica import open_replica
    from kiosk.core.sync import ensure_replica

    local = open_replica(hub.url)
    try:
        ensure_replica(local, hub, event_id)
    except UNREACHABLE:
        if status(local).event_id != event_id:
            local.dispose()
            raise
        log.warning("the hub does not answer at start; deciding on the replica")
    from kiosk.core.outbox import give_back

    give_back(local)  # badges a killed process was giving to the hub or printing: back in the queue
    worker = SyncWorker(local, hub.url, station=actor.station)
    service = StationService(hub, local, event_id, actor, list_name, worker)
    worker.start()
    return service


class HubAway(NamedTuple):
    """A hub that did not answer at start, and this machine's replica of it."""

    hub: Store  # connects when the hub is back
    event: Event  # the event the replica holds, as it last saw it
    reason: str


def hub_away(url: str, reason: str, name: str | None = None) -> HubAway | None:
    """When a PostgreSQL hub does not answer at start and this machine already has a replica of
    it holding an event (the one called ``name``, when given), the station can start on that
    replica (``connect`` does the rest). None when there is no such replica: the station cannot
    start without its hub then."""
    from kiosk.core.replica import open_replica, replica_path
    from kiosk.core.store import create_db_engine, resolve_url

    resolved = resolve_url(url)
    if not resolved.startswith("postgresql") or not replica_path(resolved).is_file():
        return None
    local = open_replica(resolved)
    try:
        event_id = status(local).event_id
        if event_id is None:
            return None
        with local.read() as session:
            event = session.get(Event, event_id)
            if event is None or (name and name.strip().casefold() != event.name.casefold()):
                return None
            session.expunge(event)
    finally:
        local.dispose()
    log.warning("the hub does not answer (%s); starting on this station's replica", reason)
    return HubAway(Store(resolved, create_db_engine(resolved)), event, reason)
