"""Every figure of the organiser's dashboard, in a few grouped queries. No Qt.

``DashboardData.marker`` is the cheap question the dashboard asks every second ("did
anything change?"): the log's size and newest row, the attendee revision, the stations' last
reports, the active print jobs, and the current minute (the "last 15 minutes" windows slide
with time). Only when it differs does the dashboard call ``refresh``, which reads what changed
and adjusts the counts it keeps. Names follow the badge privacy of each person: the dashboard shows no more than the
person's badge does.
"""

from __future__ import annotations

import bisect
import heapq
import time
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from sqlalchemy import func, select

from kiosk.core.dashboard_figures import (  # noqa: F401  (re-exported: the screens import them from here)
    ACTIVE_JOBS,
    Bucket,
    DashboardFigures,
    ExpectedPerson,
    Group,
    Headline,
    RecentCheckIn,
    StationRow,
    shown_name,
    shown_org,
    figure_rows,
    write_csv,
)
from kiosk.core.checkin_lists import LIST, ListInfo
from kiosk.core.dashboard_lists import ListRow, ListTracker  # noqa: F401  (ListRow re-exported)
from kiosk.core.models import Attendee, CheckIn, CheckInKind, Event, PrintJob, Station, utcnow
from kiosk.core.privacy_rules import PrivacyRules, effective_privacy, rules_in
from kiosk.core.store import Store

BUCKET_SECONDS = 300
WINDOW = timedelta(minutes=15)
MAX_BUCKETS = 288  # a day of 5-minute buckets
RECENT = 20
EXPECTED_LIMIT = 100
#: Job states the station list counts (printed jobs are many and not worth a scan).
SHOWN_JOBS = ("queued", "printing", "failed")
#: Alert flags (and ticket types) of the people organisers chase when they are missing.
CHASED = ("speaker", "vip")


def _epoch(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def _role(alerts: str, ticket_type: str) -> str | None:
    """'speaker' or 'vip' for the people organisers chase; None for everyone else."""
    flags = {a.strip().lower() for a in alerts.split(",")} | {ticket_type.strip().lower()}
    return next((flag for flag in CHASED if flag in flags), None)


A = Attendee.__table__.c
_PERSON_COLUMNS = (A.id, A.category, A.ticket_type, A.checked_in_at, A.inside, A.walk_in, A.blocked, A.alerts,
                   A.first_name, A.last_name, A.organisation, A.badge_privacy, A.privacy_own)


class _Person(NamedTuple):
    """What ``effective_privacy`` needs of a row."""

    badge_privacy: str
    privacy_own: bool
    category: str
    ticket_type: str


class DashboardData:
    """The figures of one event, kept up to date from what changed.

    The first ``refresh()`` reads every attendee's status once (a fraction of a second at
    100k). Later ones read only the check-in log rows since the last look (with an overlap, so
    a transaction that committed late is not missed) and the attendees they touched or that
    were edited (``Event.attendee_rev``), and adjust the counts. When the log grew by more rows
    than were found (a station with a badly wrong clock), everything is read again.
    """

    #: Log rows this much older than the newest one seen are kept in memory (the per-station
    #: counts of the last 15 minutes come from them) and read again when rows came late.
    OVERLAP = timedelta(minutes=20)

    def __init__(self, store: Store, event_id: int):
        self.store = store
        self.event_id = event_id
        self.full_loads = 0
        self._loaded = False
        self._rules = PrivacyRules()
        self.lists = ListTracker()

    # -- the cheap question ------------------------------------------------------------
    def marker(self, now: float | None = None) -> tuple:
        """A small tuple that changes whenever any figure may have changed: the log's size and
        newest row, the attendee revision, stations' reports, active print jobs, the minute."""
        active = PrintJob.state.in_(ACTIVE_JOBS)
        event_rows = CheckIn.event_id == self.event_id
        query = select(
            select(func.count()).select_from(CheckIn).where(event_rows).scalar_subquery(),
            select(func.max(CheckIn.at)).where(event_rows).scalar_subquery(),
            select(Event.attendee_rev).where(Event.id == self.event_id).scalar_subquery(),
            select(func.max(Station.last_seen)).scalar_subquery(),
            select(func.count()).select_from(PrintJob).where(active).scalar_subquery(),
            select(func.coalesce(func.sum(PrintJob.attempts), 0)).where(active).scalar_subquery(),
            select(func.max(PrintJob.next_try_at)).where(active).scalar_subquery(),
        )
        with self.store.engine.connect() as conn:
            row = tuple(conn.execute(query).one())
            lists = tuple(tuple(r) for r in conn.execute(select(LIST).where(LIST.c.event_id == self.event_id).order_by(LIST.c.id)))
        return (*row, lists, int((time.time() if now is None else now) // 60))

    # -- keeping the counts --------------------------------------------------------------
    def _reset(self) -> None:
        self._people: dict[int, tuple] = {}
        self._chased: dict[int, tuple] = {}
        self._groups: dict[tuple[str, str], list[int]] = {}
        self._buckets: dict[int, int] = {}
        self._times: list[float] = []
        self._rev = -1
        self._log_count = 0
        self._cursor: datetime | None = None
        self._seen: dict = {}
        self._last: list = []
        self.lists.begin_load()

    def _remove(self, attendee_id: int) -> None:
        old = self._people.pop(attendee_id, None)
        self._chased.pop(attendee_id, None)
        if old is None:
            return
        category, ticket_type, epoch, inside, walk_in, blocked = old
        if blocked:
            return
        slot = self._groups[(category, ticket_type)]
        slot[0] -= 1
        slot[1] -= epoch is not None
        slot[2] -= bool(inside)
        slot[3] -= bool(walk_in)
        if epoch is not None:
            b = int(epoch) // BUCKET_SECONDS
            self._buckets[b] -= 1
            if not self._buckets[b]:
                del self._buckets[b]
            i = bisect.bisect_left(self._times, epoch)
            if i < len(self._times) and self._times[i] == epoch:
                del self._times[i]

    def _add(self, row) -> None:
        (attendee_id, category, ticket_type, checked_in_at, inside, walk_in, blocked, alerts,
         first, last, org, privacy, own) = row
        privacy = effective_privacy(_Person(privacy, own, category or "", ticket_type or ""), self._rules).value
        category, ticket_type = category or "", ticket_type or ""
        epoch = _epoch(checked_in_at)
        self._people[attendee_id] = (category, ticket_type, epoch, bool(inside), bool(walk_in), bool(blocked))
        self.lists.person(attendee_id, category, ticket_type, bool(blocked))
        if blocked:
            return
        role = _role(alerts or "", ticket_type)
        if role:
            self._chased[attendee_id] = (epoch is not None, last or "", first or "", attendee_id,
                                         shown_name(first or "", last or "", privacy), shown_org(org or "", privacy), role)
        slot = self._groups.setdefault((category, ticket_type), [0, 0, 0, 0])
        slot[0] += 1
        slot[1] += epoch is not None
        slot[2] += bool(inside)
        slot[3] += bool(walk_in)
        if epoch is not None:
            b = int(epoch) // BUCKET_SECONDS
            self._buckets[b] = self._buckets.get(b, 0) + 1
            bisect.insort(self._times, epoch)

    def _apply(self, rows) -> None:
        for row in rows:
            self._remove(row[0])
            self._add(row)

    def _remember_log(self, rows) -> None:
        """Note log rows (id, attendee_id, at, station, kind, list_id, method) as seen, forgetting the old ones."""
        for log_id, _attendee_id, at, station, kind, _list_id, _method in rows:
            self._seen[log_id] = (at, station or "", kind)
            if self._cursor is None or at > self._cursor:
                self._cursor = at
        if self._cursor is not None:
            horizon = self._cursor - self.OVERLAP
            if any(v[0] < horizon for v in self._seen.values()):
                self._seen = {k: v for k, v in self._seen.items() if v[0] >= horizon}

    def _full_load(self, session) -> None:
        self._reset()
        self.full_loads += 1
        conn = session.connection()
        self._rev = conn.execute(select(Event.attendee_rev).where(Event.id == self.event_id)).scalar_one()
        self.lists.lists = _lists(conn, self.event_id)
        for row in conn.execute(select(*_PERSON_COLUMNS).where(A.event_id == self.event_id)):
            self._add(row)
        moves = (CheckInKind.ENTRY.value, CheckInKind.EXIT.value, CheckInKind.ANNUL.value)
        for list_id, attendee_id, at, kind in conn.execute(
            select(CheckIn.list_id, CheckIn.attendee_id, CheckIn.at, CheckIn.kind)
            .where(CheckIn.event_id == self.event_id, CheckIn.kind.in_(moves))
        ):
            self.lists.move(list_id, attendee_id, at, kind)
        self.lists.recount()
        self._log_count = conn.execute(select(func.count()).select_from(CheckIn).where(CheckIn.event_id == self.event_id)).scalar_one()
        newest = conn.execute(select(func.max(CheckIn.at)).where(CheckIn.event_id == self.event_id)).scalar()
        if newest is not None:
            self._remember_log(self._log_since(conn, newest - self.OVERLAP))
        self._last = self._last_entries(conn)
        self._loaded = True

    def _log_since(self, conn, since: datetime, strictly: bool = False):
        newer = CheckIn.at > since if strictly else CheckIn.at >= since
        return conn.execute(
            select(CheckIn.id, CheckIn.attendee_id, CheckIn.at, CheckIn.station, CheckIn.kind, CheckIn.list_id, CheckIn.method)
            .where(CheckIn.event_id == self.event_id, newer)
        ).all()

    def _catch_up(self, session) -> None:
        conn = session.connection()
        self.lists.set_lists(list(_lists(conn, self.event_id).values()))
        rev = conn.execute(select(Event.attendee_rev).where(Event.id == self.event_id)).scalar_one()
        touched: set[int] = set()
        if rev != self._rev:
            touched.update(conn.execute(select(A.id).where(A.event_id == self.event_id, A.rev > self._rev)).scalars())
        count = conn.execute(select(func.count()).select_from(CheckIn).where(CheckIn.event_id == self.event_id)).scalar_one()
        if count != self._log_count:
            # Usually the new rows are simply the newest ones; if not (a transaction committed
            # late), look again over the overlap; if still not, read everything.
            fresh = self._log_since(conn, self._cursor, strictly=True) if self._cursor is not None else []
            if self._log_count + len(fresh) != count:
                since = (self._cursor - self.OVERLAP) if self._cursor is not None else datetime.min.replace(tzinfo=timezone.utc)
                fresh = [r for r in self._log_since(conn, since) if r[0] not in self._seen]
            if self._log_count + len(fresh) != count:
                self._full_load(session)  # rows older than the overlap appeared: read everything
                return
            touched.update(r[1] for r in fresh)
            entry = CheckInKind.ENTRY.value
            for _id, attendee_id, at, station, kind, list_id, method in fresh:
                self.lists.move(list_id, attendee_id, at, kind)
                if kind == entry:
                    self._last.append((at, station, kind, method, attendee_id))
            self._last = heapq.nlargest(RECENT, self._last, key=lambda e: e[0])
            self._remember_log(fresh)
            self._log_count = count
        ids = sorted(touched)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            current = conn.execute(select(*_PERSON_COLUMNS).where(A.id.in_(chunk))).all()
            for gone in set(chunk) - {r[0] for r in current}:
                self._remove(gone)
                self.lists.forget(gone)
            self._apply(current)
        self._rev = rev

    # -- the figures -----------------------------------------------------------------------
    def refresh(self, now: datetime | None = None) -> DashboardFigures:
        now = now or utcnow()
        with self.store.read() as session:
            if session.get_bind().dialect.name == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            rules = rules_in(session, self.event_id)
            if rules.to_json() != self._rules.to_json():
                self._rules, self._loaded = rules, False  # the privacy rules changed: read everyone again
            if self._loaded:
                self._catch_up(session)
            else:
                self._full_load(session)
            event = session.get(Event, self.event_id)
            recent = [(at, s, m, f, o, effective_privacy(_Person(p, own, c, t), rules).value)
                      for at, s, m, f, o, p, own, c, t in self._recent(session)]
            station_rows = session.execute(select(
                Station.name, Station.mode, Station.last_seen, Station.printer_status, Station.sync_state, Station.sync_waiting
            )).all()
            jobs = session.execute(
                select(PrintJob.station, PrintJob.state, func.count())
                .where(PrintJob.state.in_(SHOWN_JOBS), PrintJob.event_id == self.event_id)
                .group_by(PrintJob.station, PrintJob.state)
            ).all()
        return self._figures(event, now, recent, station_rows, jobs)

    def _last_entries(self, conn) -> list:
        """The log's last entries (at, station, kind, method, attendee): read once at a full load,
        then kept from the new rows (the log only grows), so a refresh reads only their people.
        The entries first, then their people: joined first, PostgreSQL without statistics
        hashed the whole log (250 ms a refresh at 100k)."""
        return conn.execute(
            select(CheckIn.at, CheckIn.station, CheckIn.kind, CheckIn.method, CheckIn.attendee_id)
            .where(CheckIn.event_id == self.event_id, CheckIn.kind == CheckInKind.ENTRY.value)
            .order_by(CheckIn.at.desc())
            .limit(RECENT)
        ).all()

    def _recent(self, session) -> list:
        people = (Attendee.id, Attendee.first_name, Attendee.organisation, Attendee.badge_privacy, Attendee.privacy_own,
                  Attendee.category, Attendee.ticket_type)
        ids = {e[4] for e in self._last}
        found = {r[0]: r[1:] for r in session.execute(select(*people).where(Attendee.id.in_(ids)))} if ids else {}
        return [(at, station, method, *found[a]) for at, station, _kind, method, a in self._last if a in found]

    def _figures(self, event, now, recent, station_rows, jobs) -> DashboardFigures:
        totals = [0, 0, 0, 0]
        by_category: dict[str, list[int]] = {}
        by_type: dict[str, list[int]] = {}
        for (category, ticket_type), values in self._groups.items():
            if not values[0]:
                continue
            totals = [a + b for a, b in zip(totals, values)]
            for target, key in ((by_category, category), (by_type, ticket_type)):
                slot = target.setdefault(key, [0, 0])
                slot[0] += values[0]
                slot[1] += values[1]
        expected, checked_in, inside, walk_ins = totals
        building = self.lists.building_inside()
        recent_n = len(self._times) - bisect.bisect_left(self._times, (now - WINDOW).timestamp())
        missing = sorted(c for c in self._chased.values() if not c[0])
        since = now - WINDOW
        per_station: dict[str, int] = {}
        entry = CheckInKind.ENTRY.value
        for at, station, kind in self._seen.values():
            if kind == entry and at >= since:
                per_station[station] = per_station.get(station, 0) + 1
        job_counts: dict[str, dict[str, int]] = {}
        for station, state, n in jobs:
            job_counts.setdefault(station or "", {})[state] = int(n)
        stations = {
            name: StationRow(name, mode, seen, status, job_counts.get(name, {}), sync_state or "", sync_waiting or 0)
            for name, mode, seen, status, sync_state, sync_waiting in station_rows
        }
        for name, counts in job_counts.items():
            stations.setdefault(name, StationRow(name, "", None, "", counts))
        return DashboardFigures(
            event_name=event.name,
            timezone=event.timezone,
            generated_at=now,
            headline=Headline(expected, checked_in, building if building is not None else inside, expected - checked_in,
                              walk_ins, recent_n),
            by_category=tuple(Group(k, v[0], v[1]) for k, v in sorted(by_category.items())),
            by_ticket_type=tuple(Group(k, v[0], v[1]) for k, v in sorted(by_type.items())),
            arrivals=_buckets(self._buckets, now),
            stations_15m=tuple(sorted(per_station.items())),
            still_expected=tuple(ExpectedPerson(c[4], c[5], c[6]) for c in missing[:EXPECTED_LIMIT]),
            still_expected_total=len(missing),
            recent=tuple(RecentCheckIn(at, f or "—", shown_org(o or "", p), s or "", str(m)) for at, s, m, f, o, p in recent),
            stations=tuple(stations[k] for k in sorted(stations)),
            lists=self.lists.rows(),
        )


def load_figures(store: Store, event_id: int, now: datetime | None = None) -> DashboardFigures:
    """Every figure, read from scratch (the CLI, tests and snapshots use this)."""
    return DashboardData(store, event_id).refresh(now)


def _lists(conn, event_id: int) -> dict[int, ListInfo]:
    return {r.id: ListInfo.of(r) for r in conn.execute(select(LIST).where(LIST.c.event_id == event_id))}


def _buckets(counts: dict[int, int], now: datetime) -> tuple[Bucket, ...]:
    """Arrivals per 5 minutes, zeros filled in, from the first arrival to now (at most a day)."""
    if not counts:
        return ()
    last = max(max(counts), int(now.timestamp()) // BUCKET_SECONDS)
    first = max(min(counts), last - MAX_BUCKETS + 1)
    running = sum(n for b, n in counts.items() if b < first)
    out = []
    for b in range(first, last + 1):
        n = counts.get(b, 0)
        running += n
        out.append(Bucket(datetime.fromtimestamp(b * BUCKET_SECONDS, timezone.utc), n, running))
    return tuple(out)
