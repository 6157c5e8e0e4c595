"""Keeping a station and its hub in step: the replica set-up, one sync round (push, then
pull), the background worker with backoff, and what ``kiosk sync`` shows.

The replica's ``sync_state`` holds what the station knows of itself, so ``status`` and
``conflicts`` answer from the local file while the hub is down.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.core import outbox, replica
from kiosk.core.models import Attendee, utcnow
from kiosk.core.store import UNREACHABLE, Store, create_db_engine
from kiosk.core.sync_tables import SYNC_CONFLICT
from kiosk.core.urls import scrub

log = logging.getLogger("kiosk.sync")

ONLINE = "online"
OFFLINE = "offline"
#: How often a worker pulls while all is well, and the longest it waits between retries.
PULL_INTERVAL = 2.0
MAX_BACKOFF = 15.0
#: A hub call that takes longer than this is treated as failed (seconds).
HUB_DEADLINE = 1.5
#: How often a station with nothing to send tells the hub it is there (seconds).
HEARTBEAT = 5.0


def sync_engine_store(hub_url: str) -> Store:
    """A separate connection pool to the hub for the sync worker, with tight time limits, so a
    frozen hub costs the worker seconds, not minutes."""
    engine = create_db_engine(hub_url)
    if engine.dialect.name == "postgresql":
        engine.dispose()
        from sqlalchemy import create_engine

        engine = create_engine(
            engine.url, pool_pre_ping=False, pool_size=1, max_overflow=1,
            connect_args={"connect_timeout": 3, "application_name": "kiosk-sync", "keepalives": 1,
                          "keepalives_idle": 2, "keepalives_interval": 1, "keepalives_count": 2,
                          "tcp_user_timeout": 4000, "options": "-c statement_timeout=10000"},
        )
    return Store(hub_url, engine)


def ensure_replica(replica_store: Store, hub: Store, event_id: int) -> bool:
    """Fill the replica from the hub if it is empty or holds another event. True if filled now.
    A replica with work still waiting for the hub is never wiped."""
    state = replica.read_state(replica_store)
    if state.get("filled") == "1" and state.get("event_id") == str(event_id):
        return False
    if replica.waiting(replica_store):
        from kiosk.core.errors import KioskError

        raise KioskError("This station has work for another event that has not reached the hub yet")
    replica.first_fill(replica_store, hub, event_id)
    return True


def sync_once(replica_store: Store, hub: Store, station: str = "", heartbeat: bool = True) -> tuple[int, int]:
    """Push the whole outbox, then pull. (pushed, pulled). A named station tells the hub how it
    stands (the dashboard shows it): while it sends its backlog, and with ``heartbeat`` after."""
    pushed = 0
    backlog = replica.waiting(replica_store)
    if station and backlog:
        report(hub, station, "sending", backlog)
    while n := outbox.push(replica_store, hub):
        pushed += n
    pulled = replica.pull(replica_store, hub)
    if station and (heartbeat or pushed):
        report(hub, station, ONLINE, replica.waiting(replica_store))
    mark(replica_store, ONLINE)
    return pushed, pulled


def report(hub: Store, station: str, state: str, waiting: int) -> None:
    from kiosk.core.checkin import touch_station

    with hub.engine.begin() as conn:
        touch_station(conn, station, sync_state=state, sync_waiting=waiting)


def mark(replica_store: Store, state: str, error: str = "") -> None:
    """Record whether the hub answers (what ``kiosk sync status`` and the screens show)."""
    with replica_store.engine.connect().execution_options(kiosk_write=True) as conn:
        conn.begin()
        values = {"state": state, "last_error": error}
        if state == OFFLINE and replica.get_state(conn, "state") != OFFLINE:
            values["offline_since"] = utcnow().isoformat()
        replica.set_state(conn, **values)
        conn.commit()


@dataclass(frozen=True)
class SyncStatus:
    state: str
    waiting: int
    last_sync: datetime | None
    event_id: int | None
    error: str = ""

    def to_json(self) -> dict:
        return {
            "state": self.state,
            "waiting": self.waiting,
            "last_sync": self.last_sync.isoformat() if self.last_sync else None,
            "event_id": self.event_id,
            "error": self.error,
        }


def status(replica_store: Store) -> SyncStatus:
    state = replica.read_state(replica_store)
    last = state.get("last_sync")
    return SyncStatus(
        state=state.get("state", OFFLINE if not last else ONLINE),
        waiting=replica.waiting(replica_store),
        last_sync=datetime.fromisoformat(last) if last else None,
        event_id=int(state["event_id"]) if state.get("event_id") else None,
        error=state.get("last_error", ""),
    )


@dataclass(frozen=True)
class Conflict:
    kind: str
    at: datetime
    station: str
    code: str
    name: str
    details: dict

    def to_json(self) -> dict:
        return {"kind": self.kind, "at": self.at.isoformat(), "station": self.station, "code": self.code,
                "name": self.name, **self.details}


def conflicts(replica_store: Store) -> list[Conflict]:
    """What went wrong while stations were apart, as far as this station has pulled it."""
    people = Attendee.__table__
    with replica_store.engine.connect() as conn:
        rows = conn.execute(
            select(SYNC_CONFLICT, people.c.first_name, people.c.last_name, people.c.code)
            .outerjoin(people, people.c.id == SYNC_CONFLICT.c.attendee_id)
            .order_by(SYNC_CONFLICT.c.at)
        ).mappings().all()
    out = []
    for row in rows:
        details = json.loads(row["details"] or "{}")
        name = " ".join(p for p in (row["first_name"], row["last_name"]) if p)
        out.append(Conflict(row["kind"], row["at"], row["station"], row["code"] or details.get("code", ""), name,
                            {k: v for k, v in details.items() if k != "code"}))
    return out


def double_entries(replica_store: Store, attendee_id: int) -> frozenset:
    """The ids of the attendee's log entries flagged as double entries made offline."""
    import uuid

    with replica_store.engine.connect() as conn:
        ids = conn.execute(select(SYNC_CONFLICT.c.checkin_id).where(
            SYNC_CONFLICT.c.attendee_id == attendee_id, SYNC_CONFLICT.c.kind == "double_entry")).scalars()
        return frozenset(uuid.UUID(i) for i in ids if i)


class SyncWorker:
    """A background thread: push and pull every ``interval`` seconds while the hub answers,
    retry with growing pauses while it does not. ``kick()`` asks for a round now."""

    def __init__(self, replica_store: Store, hub_url: str, interval: float = PULL_INTERVAL, on_change=None, station: str = ""):
        self.replica = replica_store
        self.station = station
        self._reported = 0.0
        self.hub_url = hub_url
        self.interval = interval
        self.on_change = on_change
        self._hub: Store | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.backoff = interval
        #: Called after every round with whether the hub answered (the station service listens).
        self.on_round = None
        self.online = False

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kiosk-sync", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._hub is not None:
            self._hub.dispose()

    def round(self) -> bool:
        """One push-and-pull; True if the hub answered."""
        if self._hub is None:
            self._hub = sync_engine_store(self.hub_url)
        try:
            beat = time.monotonic() - self._reported > HEARTBEAT
            pushed, pulled = sync_once(self.replica, self._hub, self.station, beat)
            if beat:
                self._reported = time.monotonic()
        except UNREACHABLE as exc:
            reason = scrub(str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0] if str(exc) else type(exc).__name__, self.hub_url)
            log.info("hub unreachable: %s", reason)
            mark(self.replica, OFFLINE, reason[:300])
            self._hub.dispose()
            self._report(False)
            return False
        self._report(True)
        if (pushed or pulled) and self.on_change:
            self.on_change()
        return True

    def _report(self, answered: bool) -> None:
        self.online = answered
        if self.on_round is not None:
            self.on_round(answered)
        if self.on_change is not None and not answered:
            self.on_change()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                ok = self.round()
            except Exception:  # noqa: BLE001 - the worker must outlive any one bad round
                log.exception("sync round failed")
                ok = False
            self.backoff = self.interval if ok else min(MAX_BACKOFF, self.backoff * 2)
            self._wake.wait(self.backoff)
            self._wake.clear()
