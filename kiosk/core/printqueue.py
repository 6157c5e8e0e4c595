"""The persistent print queue, in the database. No Qt, no Pillow: just the jobs and their fate.

A check-in only *enqueues*: its badge job is one INSERT in the check-in's own transaction
(``queue_job``), so a green and its badge are saved together or not at all; the printing
worker of the station claims jobs in the order they came, prints them and records the outcome. Jobs belong to the station that
queued them, survive restarts, and a job found "printing" at start-up (the app was killed
mid-job) goes back to the queue. What was printed is kept per attendee in ``BadgePrint``, so
every station knows "already printed" and how many reprints there were.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, update
from sqlmodel import Session, select

from kiosk.core.models import BadgePrint, PrintJob, Station, utcnow
from kiosk.core.store import Store

if TYPE_CHECKING:
    from kiosk.core.checkin import ScanResult

QUEUED, PRINTING, PRINTED, FAILED, CANCELLED = "queued", "printing", "printed", "failed", "cancelled"
#: Only in a station's replica: a job its outbox is giving to the hub's queue (not printed here).
HANDED = "handed"
NO_TEMPLATE = "none"


def should_auto_print(result: ScanResult, already_printed: bool, template: str, auto_print: bool = True) -> bool:
    """Print after a check-in only for a first, successful check-in of someone with no badge yet,
    when this ticket type has a template (not "none") and the station prints automatically.
    A badge desk (a print-only list) prints or reprints at every scan."""
    from kiosk.core.checkin import ResultKind  # the check-in queues its badge through this module

    if result.kind is ResultKind.PRINTED:
        return bool(template) and template != NO_TEMPLATE
    return (
        auto_print
        and result.kind is ResultKind.CHECKED_IN
        and not result.reentry
        and not already_printed
        and bool(template)
        and template != NO_TEMPLATE
    )


def backoff(attempts: int) -> timedelta:
    """Wait before the next try: 2 s, 4 s, 8 s ... capped at one minute."""
    return timedelta(seconds=min(60, 2 ** max(1, attempts)))


@dataclass(frozen=True)
class BadgeStatus:
    printed: bool
    first_printed_at: datetime | None = None
    last_printed_at: datetime | None = None
    count: int = 0
    printer: str = ""
    pending: int = 0

    @property
    def reprints(self) -> int:
        return max(0, self.count - 1)


JOB = PrintJob.__table__
_INSERT_JOB = JOB.insert()


def queue_job(
    conn, event_id: int, attendee_id: int, station: str, template: str = "", printer: str = "", reprint: bool = False
) -> uuid.UUID:
    """Queue a badge inside the caller's transaction (``conn``: a Connection or a Session)."""
    job_id, now = uuid.uuid4(), utcnow()
    conn.execute(
        _INSERT_JOB,
        {
            "id": job_id, "event_id": event_id, "attendee_id": attendee_id, "station": station, "template": template,
            "printer": printer, "reprint": reprint, "state": QUEUED, "attempts": 0, "error": "", "created_at": now,
            "next_try_at": now, "printed_at": None,
        },
    )
    return job_id


def enqueue(
    store: Store, event_id: int, attendee_id: int, station: str, template: str = "", printer: str = "", reprint: bool = False
) -> uuid.UUID:
    with store.write() as session:
        return queue_job(session, event_id, attendee_id, station, template, printer, reprint)


def _head(station: str):
    """The station's oldest waiting job: badges print in the order they were queued."""
    return (
        select(PrintJob)
        .where(PrintJob.station == station, PrintJob.state == QUEUED)
        .order_by(PrintJob.created_at, PrintJob.id)
        .limit(1)
    )


def claim_next(store: Store, station: str, now: datetime | None = None) -> PrintJob | None:
    """Take the station's oldest waiting job, once it is due, and mark it printing (one worker
    per station). Jobs behind a job that waits for its retry wait too, so after a printer
    outage the backlog prints in arrival order, not the newest first."""
    now = now or utcnow()
    with store.write() as session:
        query = _head(station)
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        job = session.exec(query).first()
        if job is None or job.next_try_at > now:
            return None
        job.state = PRINTING
        job.attempts += 1
        session.add(job)
        return job


def mark_printed(store: Store, job_id: uuid.UUID, printer: str) -> BadgeStatus:
    now = utcnow()
    with store.write() as session:
        job = session.get(PrintJob, job_id, with_for_update=True)
        job.state = PRINTED
        job.printed_at = now
        job.printer = printer
        job.error = ""
        session.add(job)
        record = session.get(BadgePrint, job.attendee_id, with_for_update=True)
        if record is None:
            record = BadgePrint(attendee_id=job.attendee_id, first_printed_at=now, last_printed_at=now, printer=printer, count=1)
        else:
            record.count += 1
            record.last_printed_at = now
            record.printer = printer
        session.add(record)
        session.flush()
        return _status(session, job.attendee_id)


def mark_failed(
    store: Store, job_id: uuid.UUID, error: str, printer: str = "", give_up: bool = False, retry_in: timedelta | None = None
) -> PrintJob:
    """Put the job back in the queue with a backoff (or mark it failed for good)."""
    with store.write() as session:
        job = session.get(PrintJob, job_id, with_for_update=True)
        job.error = error[:500]
        if printer:
            job.printer = printer
        job.state = FAILED if give_up else QUEUED
        job.next_try_at = utcnow() + (retry_in if retry_in is not None else backoff(job.attempts))
        session.add(job)
        return job


def cancel(store: Store, job_id: uuid.UUID) -> None:
    with store.write() as session:
        job = session.get(PrintJob, job_id, with_for_update=True)
        if job is not None and job.state in (QUEUED, FAILED):
            job.state = CANCELLED
            session.add(job)


def recover(store: Store, station: str) -> int:
    """Jobs left 'printing' by a killed process go back to the queue. Returns how many."""
    with store.write() as session:
        result = session.execute(
            update(PrintJob)
            .where(PrintJob.station == station, PrintJob.state == PRINTING)
            .values(state=QUEUED, next_try_at=utcnow())
        )
        return result.rowcount or 0


def release(store: Store, job_id: uuid.UUID) -> None:
    """Put back a job claimed by a call its caller stopped waiting for, as it was before."""
    with store.write() as session:
        session.execute(
            update(PrintJob).where(PrintJob.id == job_id, PrintJob.state == PRINTING)
            .values(state=QUEUED, attempts=PrintJob.attempts - 1)
        )


def pending(store: Store, station: str) -> int:
    with store.read() as session:
        return session.exec(
            select(func.count()).select_from(PrintJob).where(PrintJob.station == station, PrintJob.state.in_([QUEUED, PRINTING]))
        ).one()


def jobs_for(store: Store, attendee_id: int) -> list[PrintJob]:
    with store.read() as session:
        return list(session.exec(select(PrintJob).where(PrintJob.attendee_id == attendee_id).order_by(PrintJob.created_at)))


def _status(session: Session, attendee_id: int) -> BadgeStatus:
    record = session.get(BadgePrint, attendee_id)
    waiting = session.exec(
        select(func.count()).select_from(PrintJob).where(PrintJob.attendee_id == attendee_id, PrintJob.state.in_([QUEUED, PRINTING]))
    ).one()
    if record is None:
        return BadgeStatus(printed=False, pending=waiting)
    return BadgeStatus(True, record.first_printed_at, record.last_printed_at, record.count, record.printer, waiting)


def badge_status(store: Store, attendee_id: int) -> BadgeStatus:
    with store.read() as session:
        return _status(session, attendee_id)


def get_job(store: Store, job_id: uuid.UUID) -> PrintJob | None:
    with store.read() as session:
        return session.get(PrintJob, job_id)


def next_due(store: Store, station: str) -> datetime | None:
    """When the station's oldest queued job may be tried, or None with nothing queued."""
    with store.read() as session:
        job = session.exec(_head(station)).first()
        return job.next_try_at if job is not None else None


def record_batch(
    store: Store, event_id: int, attendee_ids: list[int], station: str, printer: str, template: str = ""
) -> None:
    """Record badges printed outside the queue (batch pre-printing) as printed jobs, in one go."""
    now = utcnow()
    with store.write() as session:
        for attendee_id in attendee_ids:
            record = session.get(BadgePrint, attendee_id, with_for_update=True)
            session.add(
                PrintJob(
                    event_id=event_id, attendee_id=attendee_id, station=station, template=template, printer=printer,
                    reprint=record is not None, state=PRINTED, attempts=1, created_at=now, next_try_at=now, printed_at=now,
                )
            )
            if record is None:
                record = BadgePrint(attendee_id=attendee_id, first_printed_at=now, last_printed_at=now, printer=printer, count=1)
            else:
                record.count += 1
                record.last_printed_at = now
                record.printer = printer
            session.add(record)


def report_status(store: Store, station: str, text: str) -> None:
    """Keep the station's printer status where dashboards of other stations can read it."""
    with store.write() as session:
        row = session.get(Station, station, with_for_update=True)
        if row is None:
            row = Station(name=station)
        row.printer_status = text[:300]
        row.last_seen = utcnow()
        session.add(row)
