"""Where a station's print worker takes its badges: one database, or a hub and its replica.

A station on its own database prints that database's queue (``StoreQueue``). A station on a
hub with a replica (``StationQueue``) also prints, at once, the badges it asked for while the
hub was away: they wait in the replica's queue, and the guest at the door gets the badge while
the network is down. Who prints which job, so that no badge prints twice:

- A job in the replica is printed from the replica, with the same order, retries and fallback
  as on the hub (``printqueue`` on the replica). Its outbox row takes it to the hub in the state
  it has when it leaves (``kiosk.core.outbox``): printed (the hub records it printed and counts
  the badge in ``badge_print``, so every station sees it), failed or cancelled; or, not printed
  yet, queued, and from then on the hub's queue prints it. The push takes a queued job out of
  the replica's queue in the same SQLite write that sees it queued, so a job is claimed here or
  handed to the hub, never both; a job being printed here holds the push back until its
  outcome is written.
- The hub's queue is read only while the station is online and its outbox is empty: by then
  every badge printed here has reached the hub as printed, so a queued copy the hub kept from a
  push whose answer was lost is already marked printed.
- The replica's queue comes first: while a job waits there (for a retry too), the hub's wait.
- Each hub call has the station's deadline, so a frozen hub never holds back a badge the
  replica could print; a hub claim that answers after the deadline puts its job back.

After a crash a badge prints at most twice, never not at all: a job printed but not yet marked
printed goes back to the queue when the station starts again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.core import printqueue
from kiosk.core.deadline import within
from kiosk.core.models import PrintJob
from kiosk.core.replica import waiting
from kiosk.core.store import UNREACHABLE, Store


@dataclass(frozen=True)
class Claim:
    """A job the worker took, and the database it came from (its attendee is read there too)."""

    job: PrintJob
    store: Store


class StoreQueue:
    """The print queue of one database."""

    def __init__(self, store: Store):
        self.store = store

    def recover(self, station: str) -> int:
        return printqueue.recover(self.store, station)

    def claim(self, station: str) -> Claim | None:
        job = printqueue.claim_next(self.store, station)
        return Claim(job, self.store) if job is not None else None

    def printed(self, claim: Claim, printer: str) -> None:
        printqueue.mark_printed(claim.store, claim.job.id, printer)

    def failed(self, claim: Claim, error: str, printer: str, give_up: bool, retry_in: timedelta) -> None:
        printqueue.mark_failed(claim.store, claim.job.id, error, printer=printer, give_up=give_up, retry_in=retry_in)

    def pending(self, station: str) -> int:
        return printqueue.pending(self.store, station)

    def next_due(self, station: str) -> datetime | None:
        return printqueue.next_due(self.store, station)

    def report_status(self, station: str, text: str) -> None:
        printqueue.report_status(self.store, station, text)


class HubSilent(Exception):
    """The hub is not asked (the station is offline), or did not answer in time."""


class StationQueue(StoreQueue):
    """The replica's queue first, then (online) the hub's. ``online`` says whether the station
    is online now; ``deadline`` bounds each hub call (seconds)."""

    def __init__(self, hub: Store, replica: Store, online: Callable[[], bool], deadline: float):
        super().__init__(hub)
        self.replica = replica
        self.online = online
        self.deadline = deadline
        self._hub_recovered = False

    def _hub(self, fn: Callable, *args, undo: Callable | None = None):
        """``fn(hub, *args)`` within the deadline. Raises ``HubSilent`` when the station is
        offline, or the hub fails or is late; a late result is passed to ``undo``."""
        if not self.online():
            raise HubSilent()
        try:
            return within(self.deadline, fn, self.store, *args, undo=undo, name="kiosk-print-hub")
        except UNREACHABLE as exc:  # HubTimeout too: a TimeoutError
            self._hub_recovered = False  # jobs a lost link left "printing" go back when it returns
            raise HubSilent() from exc

    def _recover_hub(self, station: str) -> int:
        if self._hub_recovered:
            return 0
        count = self._hub(printqueue.recover, station)
        self._hub_recovered = True
        return count

    def recover(self, station: str) -> int:
        count = printqueue.recover(self.replica, station)
        try:
            return count + self._recover_hub(station)
        except HubSilent:
            return count

    def _release(self, job: PrintJob | None) -> None:
        if job is not None:  # claimed after we stopped waiting: back in the queue as it was
            printqueue.release(self.store, job.id)

    def claim(self, station: str) -> Claim | None:
        job = printqueue.claim_next(self.replica, station)
        if job is not None:
            return Claim(job, self.replica)
        if printqueue.pending(self.replica, station):
            return None  # a badge of the replica waits for its retry: the hub's wait behind it
        if waiting(self.replica):
            return None  # the hub has not heard everything yet (a badge printed here among it)
        try:
            self._recover_hub(station)
            job = self._hub(printqueue.claim_next, station, undo=self._release)
        except HubSilent:
            return None
        return Claim(job, self.store) if job is not None else None

    def pending(self, station: str) -> int:
        waiting = printqueue.pending(self.replica, station)
        try:
            return waiting + self._hub(printqueue.pending, station)
        except HubSilent:
            return waiting

    def next_due(self, station: str) -> datetime | None:
        due = printqueue.next_due(self.replica, station)
        if due is not None:
            return due
        try:
            return self._hub(printqueue.next_due, station)
        except HubSilent:
            return None

    def report_status(self, station: str, text: str) -> None:
        """On the hub, where dashboards read it; offline there is nobody to tell."""
        try:
            self._hub(printqueue.report_status, station, text)
        except HubSilent:
            pass
