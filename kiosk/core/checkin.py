"""The check-in rule: a scan or a pick from search becomes exactly one typed result.

Each decision reads and writes in one transaction that holds the write lock (``BEGIN
IMMEDIATE`` on SQLite, ``SELECT ... FOR UPDATE`` on the attendee row on PostgreSQL), so two
stations scanning the same ticket at once get one ``CHECKED_IN`` and one
``ALREADY_CHECKED_IN``, never two greens.

Status is derived from the append-only ``CheckIn`` log: an entry checks a person in (or back
in after an exit), an exit lets them out, an annulment undoes the check-in. The attendee row
caches ``checked_in_at`` (first entry since the last annulment) and ``inside``, written in the
same transaction as the log row. So is the badge job of a station that prints automatically
(``BadgePolicy``): a green and its badge are saved together or not at all, and the printing
itself happens later, on the station's print worker.

Once a station has found its list (its first scan), a scan or a pick takes the hot path in
``kiosk.core.checkin_fast``: one SELECT and one write on the database driver, the same rule.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from sqlalchemy import bindparam, exists, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from kiosk.core import attendees, audit, printqueue
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.checkin_fast import SLOW, FastScan
from kiosk.core.codes import MAX_CODE_LENGTH, candidates, clean_scan
from kiosk.core.list_scan import RESULT_OF, ListBinding
from kiosk.core.events import Actor
from kiosk.core.limits import check_actor
from kiosk.core.models import Attendee, BadgePrint, CheckIn, CheckInKind, Event, Method, PrintJob, Station, utcnow
from kiosk.core.results import LogEntry, ResultKind, ScanResult, Tone  # noqa: F401 - the rule's vocabulary
from kiosk.core.rules import ScanKind
from kiosk.core.store import UNIT_DEADLINE, Store


class BadgePolicy(Protocol):
    """How a station prints badges (the screens' StationPrinting is one)."""

    auto_print: bool
    printer: str

    def template_for(self, ticket_type: str | None) -> str: ...


STATION_TOUCH_SECONDS = 30.0
ATTENDEE = Attendee.__table__
CHECKIN = CheckIn.__table__
JOB = PrintJob.__table__
BADGE = BadgePrint.__table__
# Whether the person has a badge printed or on its way: read with the locked row, no extra trip.
_HAS_BADGE = or_(
    exists().where(BADGE.c.attendee_id == ATTENDEE.c.id),
    exists().where(JOB.c.attendee_id == ATTENDEE.c.id, JOB.c.state.in_([printqueue.QUEUED, printqueue.PRINTING])),
).label("has_badge")
# Statements of the hot path, built once.
_BY_CODE = (
    sa_select(ATTENDEE, _HAS_BADGE)
    .where(ATTENDEE.c.event_id == bindparam("event_id"), ATTENDEE.c.code == bindparam("code"))
    .with_for_update(of=ATTENDEE)
)
_BY_ID = sa_select(ATTENDEE, _HAS_BADGE).where(ATTENDEE.c.id == bindparam("id")).with_for_update(of=ATTENDEE)
_INSERT_LOG = CHECKIN.insert()
_MARK_INSIDE = (
    ATTENDEE.update()
    .where(ATTENDEE.c.id == bindparam("attendee_id"))
    .values(checked_in_at=bindparam("checked_in_at"), inside=True)
)


class CheckInService:
    """Check-ins for one event, at one station, by one operator."""

    def __init__(
        self, store: Store, event_id: int, actor: Actor = Actor(), list_name: str | None = None,
        badges: BadgePolicy | None = None,
    ):
        check_actor(actor.station, actor.operator)  # before anything is written, on every engine
        self.store = store
        self.event_id = event_id
        self.actor = actor
        #: The check-in list this station decides on (None: the event's default list).
        self.lists = ListBinding(event_id, list_name)
        #: With a policy, a first check-in queues its badge in its own transaction.
        self.badges = badges
        self._station_touched = 0.0
        self.fast = FastScan(self)

    # -- finding ---------------------------------------------------------------------------
    def lookup(self, raw: str) -> tuple[int | None, str, str]:
        """(attendee id in this event or None, the code matched or cleaned, other event's name)."""
        options = candidates(raw)
        if not options:
            return None, clean_scan(raw)[:80], ""
        other = ""
        with self.store.read(UNIT_DEADLINE) as session:
            for code in options:
                rows = session.exec(select(Attendee.id, Attendee.event_id).where(Attendee.code == code)).all()
                for attendee_id, event_id in rows:
                    if event_id == self.event_id:
                        return attendee_id, code, ""
                if rows and not other:
                    other = session.get(Event, rows[0][1]).name
                    other_code = code
            if other:
                return None, other_code, other
        return None, options[0], ""

    # -- the rule --------------------------------------------------------------------------
    def scan(self, raw: str, method: Method = Method.SCAN, entry_id: uuid.UUID | None = None) -> ScanResult:
        """Check in the person a scan names. Succeeds or fails (a DBAPIError: the database is
        unreachable) within ``UNIT_DEADLINE`` seconds. ``entry_id`` names the log row to write (a
        station that retries the same scan elsewhere passes the same id, so it lands once)."""
        code = clean_scan(raw)
        entry_id = entry_id or uuid.uuid4()
        if code and len(code) <= MAX_CODE_LENGTH:
            # Fast path: the scan is a code of this event. Look it up under the write lock.
            result = self._decide("code", code, method, entry_id)
            if result is not None:
                return result
        attendee_id, code, other = self.lookup(raw)
        if attendee_id is None:
            kind = ResultKind.OTHER_EVENT if other else ResultKind.UNKNOWN_CODE
            return ScanResult(kind, code=_shorten(code), other_event=other)
        return self.check_in(attendee_id, method, entry_id)

    def check_in(self, attendee_id: int, method: Method = Method.SEARCH, entry_id: uuid.UUID | None = None) -> ScanResult:
        """Check in by attendee id. ``entry_id`` names the log row to write: a repeat with the
        same id after a lost answer reports that check-in again instead of amber."""
        result = self._decide("id", attendee_id, method, entry_id or uuid.uuid4())
        return result if result is not None else ScanResult(ResultKind.UNKNOWN_CODE)

    def _decide(self, by: str, key, method: Method, entry_id: uuid.UUID) -> ScanResult | None:
        # The entry's id is chosen once, so a retry after a dropped connection is idempotent:
        # if the first commit landed, the retry finds this very entry and reports it as green.
        attempts = []
        query, params = (_BY_CODE, {"event_id": self.event_id, "code": key}) if by == "code" else (_BY_ID, {"id": key})

        def unit(seconds: float) -> ScanResult | None:
            attempts.append(seconds)
            if len(attempts) == 1 and self.fast.wants():  # one SELECT and one write (checkin_fast)
                result = self.fast.check_in(by, key, method, entry_id, seconds)
                if result is not SLOW:
                    return result
            return self._check_in_locked(query, params, method, entry_id, seconds, retry=len(attempts) > 1)

        return self.store.retrying(unit)

    def _check_in_locked(
        self, query, params: dict, method: Method, entry_id: uuid.UUID, seconds: float | None = UNIT_DEADLINE,
        retry: bool = False,
    ) -> ScanResult | None:
        """The rule, in one locked transaction: the general path (a station's first scan, a list
        with a capacity, a repeat after a dropped connection, another event's ticket); the usual
        scan takes ``checkin_fast``. Prepared Core statements on a bare connection."""
        with self.store.write_connection(seconds) as conn:
            row = conn.execute(query, params).first()
            if row is None:
                conn.rollback()
                return None
            info = AttendeeInfo.of(row)
            if row.event_id != self.event_id:
                name = conn.execute(sa_select(Event.name).where(Event.id == row.event_id)).scalar()
                conn.rollback()
                return ScanResult(ResultKind.OTHER_EVENT, code=row.code, other_event=name)
            if retry and (mine := _entry_core(conn, entry_id)) is not None:
                # This very check-in landed before its answer was lost: still green.
                name = self.lists.current(conn).name
                conn.rollback()
                return ScanResult(ResultKind.CHECKED_IN, row.code, info, entry=mine, list_name=name)
            now = utcnow()
            clist, decision = self.lists.judge(conn, row, ScanKind.ENTRY, now)
            kind = ResultKind(RESULT_OF[decision.verdict])
            if decision.refused:
                conn.rollback()
                first = LogEntry.of(decision.earlier.ref) if decision.earlier else None
                if first is not None and first.id == entry_id:  # this very check-in, asked again
                    return ScanResult(ResultKind.CHECKED_IN, row.code, info, entry=first, list_name=clist.name)
                return ScanResult(kind, row.code, info, first_checkin=first, list_name=clist.name, reason=decision.reason)
            reentry = decision.reentry
            entry = LogEntry(entry_id, decision.write, now, self.actor.station, self.actor.operator, method, "")
            conn.execute(
                _INSERT_LOG,
                {
                    "id": entry.id, "event_id": row.event_id, "attendee_id": row.id, "kind": entry.kind.value,
                    "at": entry.at, "station": entry.station, "operator": entry.operator, "method": method.value,
                    "reason": "", "list_id": clist.id,
                },
            )
            if clist.is_default and decision.inside_after:  # the status cache follows the default list
                checked_in_at = row.checked_in_at if row.checked_in_at is not None else entry.at
                conn.execute(_MARK_INSIDE, {"attendee_id": row.id, "checked_in_at": checked_in_at})
                info = replace(info, checked_in_at=checked_in_at, inside=True)
            result = ScanResult(kind, row.code, info, entry=entry, reentry=reentry, list_name=clist.name)
            result = self._queue_badge(conn, result, row.has_badge)
            self._touch_station_conn(conn)
            conn.commit()
            return result

    def walk_in(self, values: dict, despite: tuple[int, ...] = (), code: str | None = None,
                entry_id: uuid.UUID | None = None) -> ScanResult:
        """Register a person who arrives without a ticket, check them in and queue their badge:
        one transaction, so a dropped database leaves nobody registered but not checked in.
        ``despite``: the likely matches the desk offered and staff passed over (audited).
        ``code`` and ``entry_id``: chosen by a station that may make the same walk-in elsewhere."""
        values = attendees.walk_in_values(values)  # refused before anything is written
        with self.store.write(UNIT_DEADLINE) as session:
            row = attendees.add_walk_in(session, self.event_id, values, self.actor, despite, code=code)
            log = self._log(session, row, CheckInKind.ENTRY, Method.WALK_IN, entry_id=entry_id)
            row.checked_in_at, row.inside = log.at, True
            session.add(row)
            session.flush()
            result = ScanResult(ResultKind.CHECKED_IN, row.code, AttendeeInfo.of(row), entry=LogEntry.of(log))
            return self._queue_badge(session, result, has_badge=False, always=True)

    def badge_template(self, result: ScanResult, has_badge: bool, always: bool = False) -> tuple[str, str] | None:
        """(template, printer) when ``result`` gets its badge queued with it: a first check-in
        at a station that prints automatically (``always``: a walk-in's badge, even when it
        does not); None otherwise."""
        policy = self.badges
        if policy is None:
            return None
        template = policy.template_for(result.attendee.ticket_type)
        if not printqueue.should_auto_print(result, has_badge, template, policy.auto_print or always):
            return None
        return template, policy.printer

    def _queue_badge(self, conn, result: ScanResult, has_badge: bool, always: bool = False) -> ScanResult:
        """Queue the badge of ``result`` in the caller's transaction if ``badge_template`` says so."""
        job = self.badge_template(result, has_badge, always)
        if job is None:
            return result
        info = result.attendee
        job_id = printqueue.queue_job(conn, info.event_id, info.id, self.actor.station, job[0], job[1])
        return replace(result, badge_job=job_id)

    def check_out(self, attendee_id: int, method: Method = Method.SCAN, entry_id: uuid.UUID | None = None) -> ScanResult:
        with self.store.write(UNIT_DEADLINE) as session:
            row = self._lock(session, attendee_id)
            if row is None or row.event_id != self.event_id:
                return ScanResult(ResultKind.UNKNOWN_CODE)
            clist, decision = self.lists.judge(session.connection(), row, ScanKind.EXIT, utcnow())
            if decision.refused:
                return ScanResult(ResultKind.NOT_INSIDE, row.code, AttendeeInfo.of(row), list_name=clist.name)
            entry = self._log(session, row, CheckInKind.EXIT, method, entry_id=entry_id)
            entry.list_id = clist.id
            if clist.is_default:
                row.inside = False
            session.add(row)
            session.flush()
            return ScanResult(ResultKind.CHECKED_OUT, row.code, AttendeeInfo.of(row), entry=LogEntry.of(entry), list_name=clist.name)

    def annul(self, attendee_id: int, reason: str, method: Method = Method.SEARCH,
              entry_id: uuid.UUID | None = None) -> ScanResult:
        """Undo a check-in. The reason is required and goes to the log and the audit trail."""
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("an annulment needs a reason")
        with self.store.write(UNIT_DEADLINE) as session:
            row = self._lock(session, attendee_id)
            if row is None or row.event_id != self.event_id:
                return ScanResult(ResultKind.UNKNOWN_CODE)
            clist, entries = self.lists.live_entries(session.connection(), row.id)
            if not entries:
                return ScanResult(ResultKind.NOT_CHECKED_IN, row.code, AttendeeInfo.of(row), list_name=clist.name)
            entry = self._log(session, row, CheckInKind.ANNUL, method, reason=reason[:500], entry_id=entry_id)
            entry.list_id = clist.id
            if clist.is_default:
                row.checked_in_at = None
                row.inside = False
            session.add(row)
            audit.record(session, "annul", self.actor, self.event_id, row.id, code=row.code, reason=reason[:500])
            session.flush()
            return ScanResult(ResultKind.ANNULLED, row.code, AttendeeInfo.of(row), entry=LogEntry.of(entry))

    def history(self, attendee_id: int) -> list[LogEntry]:
        with self.store.read() as session:
            rows = session.exec(select(CheckIn).where(CheckIn.attendee_id == attendee_id).order_by(CheckIn.at))
            return [LogEntry.of(r) for r in rows]

    def first_checkin(self, attendee_id: int) -> LogEntry | None:
        with self.store.read() as session:
            row = session.get(Attendee, attendee_id)
            return _first_entry(session, row) if row else None

    # -- helpers ---------------------------------------------------------------------------
    def _lock(self, session: Session, attendee_id: int) -> Attendee | None:
        return session.exec(select(Attendee).where(Attendee.id == attendee_id).with_for_update()).first()

    def _log(self, session: Session, row: Attendee, kind: CheckInKind, method: Method, reason: str = "",
             entry_id: uuid.UUID | None = None) -> CheckIn:
        entry = CheckIn(
            id=entry_id or uuid.uuid4(),
            event_id=row.event_id,
            attendee_id=row.id,
            kind=kind,
            at=utcnow(),
            station=self.actor.station,
            operator=self.actor.operator,
            method=method,
            reason=reason,
        )
        session.add(entry)
        return entry

    def touch_due(self) -> bool:
        """Whether this station's heartbeat is due with the next check-in (every half minute)."""
        return bool(self.actor.station) and time.monotonic() - self._station_touched >= STATION_TOUCH_SECONDS

    def touched(self) -> None:
        self._station_touched = time.monotonic()

    def _touch_station_conn(self, conn) -> None:
        """Record that this station is alive, at most every half minute."""
        if self.touch_due():
            self.touched()
            touch_station(conn, self.actor.station)


def touch_station(conn, name: str, **values: str) -> None:
    """Upsert the station's row (last seen now, plus any reported values); never conflicts.
    ``conn`` is a Connection or a Session inside the caller's transaction."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    now = utcnow()
    stmt = insert(Station).values(name=name, last_seen=now, **values)
    stmt = stmt.on_conflict_do_update(index_elements=["name"], set_={"last_seen": now, **values})
    conn.execute(stmt)


def _entry_core(conn, entry_id: uuid.UUID) -> LogEntry | None:
    row = conn.execute(sa_select(CHECKIN).where(CHECKIN.c.id == entry_id)).first()
    return LogEntry.of(row) if row else None


def _first_entry_core(conn, attendee_id: int, since: datetime) -> LogEntry | None:
    row = conn.execute(
        sa_select(CHECKIN)
        .where(CHECKIN.c.attendee_id == attendee_id, CHECKIN.c.kind == CheckInKind.ENTRY.value, CHECKIN.c.at >= since)
        .order_by(CHECKIN.c.at)
        .limit(1)
    ).first()
    return LogEntry.of(row) if row else None


def _first_entry(session: Session, row: Attendee) -> LogEntry | None:
    if row.checked_in_at is None:
        return None
    entry = session.exec(
        select(CheckIn)
        .where(CheckIn.attendee_id == row.id, CheckIn.kind == CheckInKind.ENTRY, CheckIn.at >= row.checked_in_at)
        .order_by(CheckIn.at)
        .limit(1)
    ).first()
    return LogEntry.of(entry) if entry else None


def count_today(store: Store, event_id: int, station: str, since: datetime) -> int:
    """Entries this station recorded since ``since``, less the ones it undid (the status bar's
    counter)."""
    def count(kind: CheckInKind) -> int:
        return session.exec(
            select(func.count())
            .select_from(CheckIn)
            .where(CheckIn.event_id == event_id, CheckIn.station == station, CheckIn.kind == kind, CheckIn.at >= since)
        ).one()

    with store.read() as session:
        return max(0, count(CheckInKind.ENTRY) - count(CheckInKind.ANNUL))


def _shorten(code: str, limit: int = 80) -> str:
    return code if len(code) <= limit else code[: limit - 1] + "…"
