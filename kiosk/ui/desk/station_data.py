"""Where the desk reads, counts and queues badges, without Qt: on its own database, or on a hub
with a replica (``kiosk.core.station_service``): the hub when it answers in time, else the replica.
Also the status bar's figures, and two helpers of the desk's start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, tzinfo

from sqlalchemy import select

from kiosk.core import printqueue
from kiosk.core.checkin import count_today
from kiosk.core.models import Attendee
from kiosk.core.roster import event_totals
from kiosk.core.store import Store


@dataclass(frozen=True)
class StationStatus:
    db_engine: str
    db_ok: bool
    today: int | None = None
    queue: int | None = None
    #: The whole event: (checked in, expected).
    event: tuple[int, int] | None = None
    # A station on a hub with a replica: its sync status (kiosk.core.sync.SyncStatus).
    sync: object | None = None


class StationData:
    """The desk's reads and badge requests for one event at one station. ``service``: a
    ``StationService`` (hub first, the replica when it is lost) or a plain ``CheckInService``."""

    def __init__(self, store: Store, service, event_id: int, station: str, tz: tzinfo):
        self.store, self.service, self.event_id, self.station, self.tz = store, service, event_id, station, tz
        self.hub = hasattr(service, "read")

    def read(self, fn, *args):
        """``fn(store, *args)`` on the hub, or on the replica when the hub does not answer in time."""
        return self.service.read(fn, *args) if self.hub else fn(self.store, *args)

    def enqueue(self, attendee_id: int, template: str, printer: str, reprint: bool = False) -> None:
        """Queue a badge: on the hub, or (a station offline) in the replica's queue, where the
        station's print worker prints it at once (``kiosk.core.station_queue``)."""
        args = (self.event_id, attendee_id, self.station, template, printer, reprint)
        if self.hub:
            if self.service.on_hub(printqueue.enqueue, *args) is None:
                printqueue.enqueue(self.service.replica, *args)
        else:
            printqueue.enqueue(self.store, *args)

    def status(self, engine: str) -> StationStatus:
        """The status bar's figures: today's check-ins here, the print queue, the event's totals;
        a station with a replica counts from whichever store answers now."""
        midnight = datetime.combine(datetime.now(self.tz).date(), time(0), self.tz)
        if self.hub:
            today = self.read(count_today, self.event_id, self.station, midnight)
            queue = self.read(printqueue.pending, self.station)
            totals = self.read(event_totals, self.event_id)
            state = self.service.sync_status()
            return StationStatus(engine, state.state == "online", today, queue, totals, state)
        if not self.store.ping():
            return StationStatus(engine, False)
        return StationStatus(engine, True, count_today(self.store, self.event_id, self.station, midnight),
                             printqueue.pending(self.store, self.station), event_totals(self.store, self.event_id))


def release_free_memory() -> None:
    """Hand freed heap pages back to the system (glibc only; elsewhere a no-op)."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    name = ctypes.util.find_library("c")
    if name and "libc.so" in name:
        try:
            ctypes.CDLL(name).malloc_trim(0)
        except (OSError, AttributeError):
            pass


def distinct_choices(store: Store, event_id: int) -> tuple[list[str], list[str]]:
    with store.read() as session:
        rows = session.execute(
            select(Attendee.category, Attendee.ticket_type).where(Attendee.event_id == event_id).distinct()
        ).all()
    return sorted({c for c, _ in rows if c}), sorted({t for _, t in rows if t})
