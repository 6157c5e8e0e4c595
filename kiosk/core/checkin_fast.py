"""The check-in's hot path on the database driver: one SELECT, one write.

``CheckInService`` sends a scan here once its station knows its list (after the first scan).
The unit runs on the DBAPI cursor with SQL written once per dialect, so SQLAlchemy's
per-statement work (compiling, type processing, result objects) is not paid on every scan; the
decision is still ``rules.decide``, the same function every other path and the offline replica
use.

- **One read.** The attendee row (locked: ``FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on
  SQLite), whether their badge is printed or queued, the station's list row (read in every
  transaction, so an edit, a rename or an archive is seen by the next scan) and the attendee's
  log on that list, in one statement.
- **One write.** On PostgreSQL the log row, the status cache, the badge job and the station's
  heartbeat go in one statement (data-modifying CTEs); on SQLite, where a statement is not a
  round trip, they are plain statements.
- **A stale read cannot decide.** On PostgreSQL the read's snapshot is taken before the row lock
  is granted, so a scan that waited for another station's transaction has not seen that
  transaction's log rows. So an "already" answer is checked against a fresh read of the log
  (the lock is held by then), and the write carries a guard, the number of log rows the decision
  saw: if another entry landed meanwhile, nothing is written and the scan goes the general way,
  which reads the log after the lock. SQLite's write lock is taken before the read, so its read
  is always current.
- **Capacity.** A list with a capacity needs its row locked and the occupancy counted after the
  lock, so such a scan goes the general way (``SLOW``), as does anything unusual: an attendee of
  another event, a list that is gone, a repeat after a dropped connection.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime

from kiosk.core import printqueue
from kiosk.core.attendees import AttendeeInfo, parse_answers
from kiosk.core.checkin_lists import ListInfo, split
from kiosk.core.list_scan import RESULT_OF
from kiosk.core.models import BadgePrivacy, CheckInKind, Method, utcnow
from kiosk.core.results import LogEntry, ResultKind, ScanResult
from kiosk.core.rules import AttendeeFacts, EntryRule, Past, ScanKind, Verdict, decide

RESULT_KIND = {verdict: ResultKind(value) for verdict, value in RESULT_OF.items()}
_NO_JOB = uuid.UUID(int=0)  # a typed placeholder: the job's INSERT is skipped
#: Returned when the scan must take the general path (``CheckInService``'s SQLAlchemy unit).
SLOW = object()

_ATTENDEE = (
    "a.id, a.event_id, a.code, a.first_name, a.last_name, a.email, a.organisation, a.job_title, a.category, "
    "a.ticket_type, a.notes, a.alerts, a.badge_privacy, a.blocked, a.walk_in, a.checked_in_at, a.inside, "
    "a.block_reason, a.privacy_own, a.answers"
)
_HAS_BADGE = (
    "(EXISTS (SELECT 1 FROM badge_print b WHERE b.attendee_id = a.id) OR EXISTS (SELECT 1 FROM print_job j "
    f"WHERE j.attendee_id = a.id AND j.state IN ('{printqueue.QUEUED}', '{printqueue.PRINTING}')))"
)
_LIST = (
    "l.id, l.event_id, l.name, l.ticket_types, l.categories, l.valid_from, l.valid_until, l.rule, l.capacity, "
    "l.counts_inside, l.print_only, l.is_default, l.archived"
)
_N_ATTENDEE, _N_LIST = 20, 13
_BY = {"code": "a.event_id = :event_id AND a.code = :code", "id": "a.id = :id"}
_LOG_COLUMNS = "c.id, c.kind, c.at, c.station, c.operator, c.method, c.reason"
_LOG = f"SELECT {_LOG_COLUMNS} FROM checkin c WHERE c.list_id = :list_id AND c.attendee_id = :attendee_id"

# SQLite: the log as one JSON array (JSON1 is built into SQLite since 3.38).
_SQLITE_READ = (
    f"SELECT {_ATTENDEE}, {_HAS_BADGE}, {_LIST}, (SELECT json_group_array(json_array({_LOG_COLUMNS})) "
    "FROM checkin c WHERE c.list_id = l.id AND c.attendee_id = a.id) "
    "FROM attendee a LEFT JOIN checkin_list l ON l.id = :list_id WHERE {by}"
)
_SQLITE_WRITES = (
    "INSERT INTO checkin (id, event_id, attendee_id, kind, at, station, operator, method, reason, list_id) "
    "VALUES (:id, :event_id, :attendee_id, :kind, :at, :station, :operator, :method, '', :list_id)",
    "UPDATE attendee SET checked_in_at = :checked_in_at, inside = 1 WHERE id = :attendee_id",
    "INSERT INTO print_job (id, event_id, attendee_id, station, template, printer, reprint, state, attempts, error, "
    f"created_at, next_try_at, printed_at) VALUES (:job_id, :event_id, :attendee_id, :station, :template, :printer, "
    f"0, '{printqueue.QUEUED}', 0, '', :at, :at, NULL)",
    "INSERT INTO station (name, last_seen, mode, printer_status) VALUES (:station, :at, '', '') "
    "ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen",
)

# PostgreSQL: the log as arrays from a LATERAL aggregate (typed by the driver, no parsing).
_PG_READ = (
    f"SELECT {_ATTENDEE}, {_HAS_BADGE}, {_LIST}, g.ids, g.kinds, g.ats, g.stations, g.operators, g.methods, "
    "g.reasons FROM attendee a LEFT JOIN checkin_list l ON l.id = :list_id "
    "LEFT JOIN LATERAL (SELECT array_agg(c.id) ids, array_agg(c.kind) kinds, array_agg(c.at) ats, "
    "array_agg(c.station) stations, array_agg(c.operator) operators, array_agg(c.method) methods, "
    "array_agg(c.reason) reasons FROM checkin c WHERE c.list_id = l.id AND c.attendee_id = a.id) g ON true "
    "WHERE {by} FOR UPDATE OF a"
)
# The write: only if the log still has the rows the decision saw (``n``); answers 1 or 0.
_PG_WRITE = (
    "WITH seen AS (SELECT count(*) AS n FROM checkin WHERE list_id = :list_id AND attendee_id = :attendee_id), "
    "entry AS (INSERT INTO checkin (id, event_id, attendee_id, kind, at, station, operator, method, reason, list_id) "
    "SELECT :id, :event_id, :attendee_id, :kind, :at, :station, :operator, :method, '', :list_id FROM seen "
    "WHERE n = :n RETURNING attendee_id), "
    "cache AS (UPDATE attendee SET checked_in_at = :checked_in_at, inside = true "
    "WHERE :mark AND id = (SELECT attendee_id FROM entry)), "
    "job AS (INSERT INTO print_job (id, event_id, attendee_id, station, template, printer, reprint, state, attempts, "
    f"error, created_at, next_try_at, printed_at) SELECT :job_id, :event_id, attendee_id, :station, :template, "
    f":printer, false, '{printqueue.QUEUED}', 0, '', :at, :at, NULL FROM entry WHERE :job), "
    "beat AS (INSERT INTO station (name, last_seen, mode, printer_status) SELECT :station, :at, '', '' FROM entry "
    "WHERE :touch ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen) "
    "SELECT count(*) FROM entry"
)


def _pg(sql: str) -> str:
    return re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)


class Dialect:
    """How one engine's values go in and come out of the driver."""

    def __init__(self, name: str):
        self.name = name
        pg = name == "postgresql"
        self.read = {by: (_pg if pg else str)((_PG_READ if pg else _SQLITE_READ).replace("{by}", cond))
                     for by, cond in _BY.items()}
        self.log = _pg(_LOG + " ORDER BY c.at") if pg else _LOG
        self.write = _pg(_PG_WRITE) if pg else None
        self.writes = _SQLITE_WRITES

    def ts_in(self, value: datetime):
        """As ``models.UTCDateTime`` stores it: SQLite keeps naive UTC text with microseconds."""
        if self.name == "postgresql":
            return value
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

    def uuid_in(self, value: uuid.UUID):
        return value if self.name == "postgresql" else value.hex


def _ts(value) -> datetime | None:
    """A timestamp as the driver gave it (an aware datetime, or SQLite's UTC text) as aware UTC,
    like ``models.UTCDateTime``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def attendee_of(r, checked_in_at=None, inside=None) -> AttendeeInfo:
    """The attendee from the read's row; ``checked_in_at``/``inside``: the status cache as written."""
    return AttendeeInfo(
        id=r[0], event_id=r[1], code=r[2], first_name=r[3], last_name=r[4], email=r[5], organisation=r[6],
        job_title=r[7], category=r[8], ticket_type=r[9], notes=r[10],
        alerts=tuple(a.strip() for a in r[11].split(",") if a.strip()), badge_privacy=BadgePrivacy(r[12]),
        blocked=bool(r[13]), walk_in=bool(r[14]), checked_in_at=_ts(r[15]) or checked_in_at,
        inside=bool(r[16] if inside is None else inside), block_reason=r[17], privacy_own=bool(r[18]),
        answers=parse_answers(r[19]),
    )


def list_of(r) -> ListInfo:
    return ListInfo(
        r[0], r[1], r[2], split(r[3]), split(r[4]), _ts(r[5]), _ts(r[6]), EntryRule(r[7]), r[8], bool(r[9]),
        bool(r[10]), bool(r[11]), bool(r[12]),
    )


def _past(i, kind, at, station, operator, method, reason) -> Past:
    at = _ts(at)
    kind = CheckInKind(kind)
    return Past(kind, at, station, operator, LogEntry(_uuid(i), kind, at, station, operator, Method(method), reason))


def log_of(value) -> list[Past]:
    """The attendee's log from the read: SQLite's JSON text or PostgreSQL's arrays."""
    if isinstance(value, str):
        rows = json.loads(value) if value != "[]" else ()
    else:
        rows = zip(*value) if value[0] is not None else ()
    return sorted((_past(*r) for r in rows), key=lambda p: p.at)


class FastScan:
    """The hot path of one ``CheckInService`` (see the module's text)."""

    def __init__(self, service):
        self.service = service
        self.dialect = Dialect(service.store.dialect)
        #: The list row last read, and what was built from it (one attribute: threads share it).
        self._list: tuple[tuple, ListInfo, object] | None = None

    def wants(self) -> bool:
        """Whether the next scan can take this path: the station knows its list, and the list
        had no capacity when last seen (a capacity needs the list's row lock and a count)."""
        seen = self._list
        return self.service.lists.ready() is not None and not (seen and seen[1].capacity is not None)

    def _list_facts(self, row: tuple) -> tuple[ListInfo, object]:
        seen = self._list
        if seen is None or seen[0] != row:  # the list changed (or is new to us): rebuild, else reuse
            info = list_of(row)
            seen = self._list = (row, info, info.facts)
        return seen[1], seen[2]

    def check_in(self, by: str, key, method: Method, entry_id: uuid.UUID, seconds: float | None):
        service, d = self.service, self.dialect
        binding = service.lists
        list_id = binding.ready()
        params = {"list_id": list_id, "event_id": service.event_id, by: key}
        with service.store.write_cursor(seconds) as cur:
            cur.execute(d.read[by], params)
            row = cur.fetchone()
            if row is None:
                return None
            lrow = row[_N_ATTENDEE + 1:_N_ATTENDEE + 1 + _N_LIST]
            if row[1] != service.event_id or lrow[0] is None:
                return SLOW  # another event's ticket, or the list is gone: the general path says so
            clist, lfacts = self._list_facts(tuple(lrow))
            if clist.capacity is not None and not clist.print_only:
                return SLOW
            rest = row[_N_ATTENDEE + 1 + _N_LIST:]
            log = log_of(rest[0] if len(rest) == 1 else rest)
            facts = AttendeeFacts(row[1], row[9] or "", row[8] or "", bool(row[13]), row[17] or "")
            now, tz = utcnow(), binding.tz(None)
            decision = decide(facts, lfacts, log, 0, ScanKind.ENTRY, now, tz)
            pg = d.name == "postgresql"
            if pg and decision.verdict is Verdict.ALREADY:  # the read may predate the lock: ask again
                log = self._fresh_log(cur, list_id, row[0])
                decision = decide(facts, lfacts, log, 0, ScanKind.ENTRY, now, tz)
            if decision.refused:
                cur.connection.rollback()
                info = attendee_of(row)
                first = decision.earlier.ref if decision.earlier else None
                if first is not None and first.id == entry_id:  # this very check-in, asked again
                    return ScanResult(ResultKind.CHECKED_IN, info.code, info, entry=first, list_name=clist.name)
                return ScanResult(RESULT_KIND[decision.verdict], info.code, info, first_checkin=first,
                                  list_name=clist.name, reason=decision.reason)
            result = self._write(cur, row, clist, decision, len(log), method, entry_id, now)
            if result is None:
                # Another station's entry landed while this scan waited for the lock: the general
                # path reads the log after the lock is granted.
                return SLOW
            cur.connection.commit()
            return result

    def _fresh_log(self, cur, list_id: int, attendee_id: int) -> list[Past]:
        cur.execute(self.dialect.log, {"list_id": list_id, "attendee_id": attendee_id})
        return [_past(*r) for r in cur.fetchall()]

    def _write(self, cur, row, clist, decision, seen, method, entry_id, now) -> ScanResult | None:
        service, d = self.service, self.dialect
        actor = service.actor
        entry = LogEntry(entry_id, decision.write, now, actor.station, actor.operator, method, "")
        mark = clist.is_default and bool(decision.inside_after)  # the status cache follows the default list
        info = attendee_of(row, now, True) if mark else attendee_of(row)
        kind = RESULT_KIND[decision.verdict]
        result = ScanResult(kind, info.code, info, entry=entry, reentry=decision.reentry, list_name=clist.name)
        job = service.badge_template(result, bool(row[_N_ATTENDEE]))
        touch = service.touch_due()
        params = {
            "id": d.uuid_in(entry_id), "event_id": info.event_id, "attendee_id": info.id, "kind": entry.kind.value,
            "at": d.ts_in(now), "station": actor.station, "operator": actor.operator, "method": method.value,
            "list_id": clist.id, "checked_in_at": d.ts_in(info.checked_in_at or now), "n": seen, "mark": mark,
            "job": job is not None, "touch": touch, "job_id": d.uuid_in(_NO_JOB), "template": "", "printer": "",
        }
        if job is not None:
            job_id = uuid.uuid4()
            params.update(job_id=d.uuid_in(job_id), template=job[0], printer=job[1])
            result = ScanResult(kind, info.code, info, entry=entry, reentry=decision.reentry, list_name=clist.name,
                                badge_job=job_id)
        if d.write is not None:
            cur.execute(d.write, params)
            if cur.fetchone()[0] != 1:
                return None
        else:
            insert, cache, queue, beat = d.writes
            cur.execute(insert, params)
            if mark:
                cur.execute(cache, params)
            if job is not None:
                cur.execute(queue, params)
            if touch:
                cur.execute(beat, params)
        if touch:
            service.touched()
        return result
