"""Closing an event's personal data: purge, erase one person, retention.

A purge *anonymises* rather than deletes, so the figures of the day survive: every attendee row
keeps its category, ticket type, alerts, walk-in flag and check-in status, and the check-in log
keeps its times, stations and methods. What goes: names, emails, organisation, job title,
notes, external references, block reasons, annulment reasons and print errors (free text), and
the ticket code, which is replaced by a random value so a scan of the old ticket is an unknown
code. Audit entries about the event lose their personal values too.

On SQLite the database then checkpoints its WAL and VACUUMs (``secure_delete`` is always on),
so the file holds no readable copy of what was removed. On PostgreSQL the rows are anonymised
and the touched tables vacuumed; dead row versions on disk, the server's WAL and its backups are
the database operator's responsibility.

Nothing here logs names or emails: only ids and counts.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, literal_column, or_, select, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from kiosk.core import audit
from kiosk.core.attendees import bump_rev
from kiosk.core.errors import KioskError
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, AuditEntry, CheckIn, Event, EventSetting, PrintJob, utcnow
from kiosk.core.store import Store

log = logging.getLogger(__name__)

#: What an anonymised attendee is called (the last name, so lists sort them together).
ANON_NAME = "Anonymised"
ANON_CODE_PREFIX = "purged-"
#: EventSetting keys: the attendee revision the last purge left, and when it ran.
PURGED_REV_KEY = "purged_rev"
PURGED_AT_KEY = "purged_at"
#: Columns a purge clears (to "") besides the name and the code.
CLEARED_FIELDS = ("first_name", "full_name_source", "email", "organisation", "job_title", "notes", "external_ref", "block_reason")
#: The columns whose values identify a person, read before a purge to scrub free text elsewhere.
IDENTIFYING = (Attendee.first_name, Attendee.last_name, Attendee.full_name_source, Attendee.email, Attendee.code, Attendee.external_ref)
_OPEN_JOB_STATES = ("queued", "printing", "failed")


@dataclass(frozen=True)
class PurgeResult:
    event_id: int
    event_name: str
    attendees: int
    checkins_cleaned: int
    print_jobs_cleaned: int
    audit_cleaned: int
    #: True when no readable copy is left in the database files (SQLite: WAL checkpointed and
    #: VACUUM done; PostgreSQL: always False, the server keeps old row versions for a while).
    files_clean: bool
    seconds: float

    def to_json(self) -> dict:
        return {
            "event_id": self.event_id,
            "event": self.event_name,
            "attendees": self.attendees,
            "checkins_cleaned": self.checkins_cleaned,
            "print_jobs_cleaned": self.print_jobs_cleaned,
            "audit_cleaned": self.audit_cleaned,
            "files_clean": self.files_clean,
            "seconds": round(self.seconds, 3),
        }


def is_anonymised_code(code: str) -> bool:
    return code.startswith(ANON_CODE_PREFIX)


def _random_code(session: Session):
    """A fresh random, unscannable code per row, computed by the database in the UPDATE itself."""
    if session.get_bind().dialect.name == "postgresql":
        return literal_column(f"'{ANON_CODE_PREFIX}' || md5(random()::text || clock_timestamp()::text || attendee.id::text)")
    return literal_column(f"'{ANON_CODE_PREFIX}' || lower(hex(randomblob(16)))")


def _terms_of(session: Session, condition) -> Callable[[], set[str]]:
    """Identifying words of the attendees matching ``condition``, read once and only if needed."""
    cache: list[set[str]] = []

    def terms() -> set[str]:
        if not cache:
            values: list[str] = []
            for row in session.execute(select(*IDENTIFYING).where(condition)):
                values.extend(row)
            cache.append(audit.personal_terms(values))
        return cache[0]

    return terms


def _anonymise(session: Session, event_id: int, attendee_id: int | None) -> tuple[int, int, int, int]:
    """Anonymise one event's attendees (or one of them) and everything that names them.

    Returns (attendees, check-in rows, print jobs, audit entries) changed.
    """
    whose = Attendee.event_id == event_id
    if attendee_id is not None:
        whose = and_(whose, Attendee.id == attendee_id)
    terms = _terms_of(session, whose)
    # Audit first: its scrubbing reads the names that are about to go.
    if attendee_id is None:
        audit_condition = or_(
            AuditEntry.event_id == event_id,
            AuditEntry.attendee_id.in_(select(Attendee.id).where(Attendee.event_id == event_id)),
        )
    else:
        audit_condition = or_(
            AuditEntry.attendee_id == attendee_id,
            and_(AuditEntry.event_id == event_id, AuditEntry.attendee_id.is_(None)),
        )
    audit_changed = audit.anonymise(session, audit_condition, terms)

    rev = bump_rev(session, event_id)
    values = {name: "" for name in CLEARED_FIELDS} | {
        "last_name": ANON_NAME,
        "code": _random_code(session),
        "rev": rev,
        "updated_at": utcnow(),
    }
    attendees = session.execute(
        update(Attendee).where(whose).values(**values).execution_options(synchronize_session=False)
    ).rowcount

    log_where = [CheckIn.event_id == event_id, CheckIn.reason != ""]
    job_where = [PrintJob.event_id == event_id]
    if attendee_id is not None:
        log_where.append(CheckIn.attendee_id == attendee_id)
        job_where.append(PrintJob.attendee_id == attendee_id)
    checkins = session.execute(
        update(CheckIn).where(*log_where).values(reason=audit.ANONYMISED).execution_options(synchronize_session=False)
    ).rowcount
    # Jobs not yet printed would print an anonymised badge: cancel them. Errors may quote names.
    session.execute(
        update(PrintJob)
        .where(*job_where, PrintJob.state.in_(_OPEN_JOB_STATES))
        .values(state="cancelled")
        .execution_options(synchronize_session=False)
    )
    jobs = session.execute(
        update(PrintJob).where(*job_where, PrintJob.error != "").values(error=audit.ANONYMISED).execution_options(synchronize_session=False)
    ).rowcount
    return attendees or 0, checkins or 0, jobs or 0, audit_changed


def _set_setting(session: Session, event_id: int, key: str, value: str) -> None:
    row = session.get(EventSetting, (event_id, key))
    if row is None:
        row = EventSetting(event_id=event_id, key=key, value=value)
    else:
        row.value = value
    session.add(row)


def purge_event(store: Store, event_id: int, actor: Actor = Actor(), expired: bool = False,
                progress: Callable[[int, int], None] | None = None) -> PurgeResult:
    """Anonymise every attendee of an event, then leave no readable copy behind. Cannot be undone.
    ``progress(step, 2)`` follows the two long steps: anonymised (committed), files scrubbed."""
    started = time.perf_counter()
    with store.write() as session:
        event = session.get(Event, event_id, with_for_update=True)
        if event is None:
            raise KioskError(f"No event with id {event_id}")
        name = event.name
        attendees, checkins, jobs, audited = _anonymise(session, event_id, None)
        rev = session.execute(select(Event.attendee_rev).where(Event.id == event_id)).scalar_one()
        _set_setting(session, event_id, PURGED_REV_KEY, str(rev))
        _set_setting(session, event_id, PURGED_AT_KEY, utcnow().isoformat())
        audit.record(session, "purge", actor, event_id, None, attendees=attendees, expired=expired)
    if progress:
        progress(1, 2)
    clean = scrub_files(store)
    if progress:
        progress(2, 2)
    seconds = time.perf_counter() - started
    log.info("purged event %s: %d attendees in %.2f s (files clean: %s)", event_id, attendees, seconds, clean)
    return PurgeResult(event_id, name, attendees, checkins, jobs, audited, clean, seconds)


def erase_attendee(store: Store, attendee_id: int, actor: Actor = Actor()) -> PurgeResult:
    """Anonymise one attendee the way a purge does (the event's counts stay right)."""
    started = time.perf_counter()
    with store.write() as session:
        event_id = session.execute(select(Attendee.event_id).where(Attendee.id == attendee_id)).scalar()
        if event_id is None:
            raise KioskError(f"No attendee with id {attendee_id}")
        name = session.get(Event, event_id).name
        attendees, checkins, jobs, audited = _anonymise(session, event_id, attendee_id)
        audit.record(session, "erase", actor, event_id, attendee_id, checkins_cleaned=checkins, print_jobs_cleaned=jobs)
    clean = scrub_files(store)
    seconds = time.perf_counter() - started
    log.info("erased attendee %s of event %s in %.2f s (files clean: %s)", attendee_id, event_id, seconds, clean)
    return PurgeResult(event_id, name, attendees, checkins, jobs, audited, clean, seconds)


def scrub_files(store: Store) -> bool:
    """Make removed data unreadable on disk: SQLite checkpoints its WAL, VACUUMs and truncates the WAL.

    Returns False when that could not be completed (another program holds the database open on
    SQLite; always on PostgreSQL, where old row versions wait for the server's own clean-up).
    """
    if store.dialect == "sqlite":
        raw = store.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("PRAGMA temp_store=MEMORY")  # VACUUM's scratch copy stays off the disk
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.execute("VACUUM")
            busy, _frames, _done = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            cur.close()
            return busy == 0
        except sqlite3.Error as exc:  # a raw DBAPI connection: errors are not wrapped by SQLAlchemy
            log.warning("could not compact the database after removing personal data: %s", type(exc).__name__)
            return False
        finally:
            raw.close()
    if store.dialect == "postgresql":
        try:
            with store.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.exec_driver_sql("VACUUM attendee, checkin, print_job, audit_entry")
        except (OperationalError, DBAPIError) as exc:
            log.warning("VACUUM after removing personal data failed: %s", type(exc).__name__)
    return False


# -- retention ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExpiredEvent:
    id: int
    name: str
    ends_at: datetime
    retention_days: int

    @property
    def purge_due(self) -> datetime:
        return self.ends_at + timedelta(days=self.retention_days)


def expired_events(store: Store, now: datetime | None = None) -> list[ExpiredEvent]:
    """Events past their retention period (end + retention days) that still hold unpurged data.

    One query. An event counts as holding data when its attendee revision moved since the last
    purge (or it was never purged and has had attendees), so walk-ins or imports added after a
    purge make it due again.
    """
    now = now or utcnow()
    query = select(Event.id, Event.name, Event.ends_at, Event.retention_days, Event.attendee_rev, EventSetting.value).outerjoin(
        EventSetting, and_(EventSetting.event_id == Event.id, EventSetting.key == PURGED_REV_KEY)
    )
    with store.read() as session:
        rows = session.execute(query).all()
    due = []
    for event_id, name, ends_at, days, rev, purged_rev in rows:
        try:
            done = int(purged_rev or 0)
        except ValueError:
            done = 0
        if (rev or 0) > done and ends_at + timedelta(days=days or 0) <= now:
            due.append(ExpiredEvent(event_id, name, ends_at, days or 0))
    due.sort(key=lambda e: (e.purge_due, e.id))
    return due


def retention_warning(store: Store, now: datetime | None = None) -> str | None:
    """One line naming the events past retention, or None. Never raises (a warning must not break a command)."""
    try:
        due = expired_events(store, now)
    except Exception as exc:  # noqa: BLE001 - a broken warning must not stop the command the user asked for
        log.debug("retention check failed: %s", type(exc).__name__)
        return None
    if not due:
        return None
    names = ", ".join(repr(e.name) for e in due[:3]) + (f" and {len(due) - 3} more" if len(due) > 3 else "")
    what = f"event {names} is past its" if len(due) == 1 else f"{len(due)} events are past their"
    return f"warning: {what} retention period; run 'kiosk purge --expired'"


def purge_expired(store: Store, actor: Actor = Actor(), now: datetime | None = None) -> list[PurgeResult]:
    return [purge_event(store, e.id, actor, expired=True) for e in expired_events(store, now)]
