"""The dashboard's figures as plain values, how privacy shapes the names in them, and the CSV
snapshot. No Qt. ``kiosk.core.dashboard`` computes them."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from pathlib import Path

from kiosk.core.exporting import neutralise
from kiosk.core.files import open_private
from kiosk.core.models import BadgePrivacy

ACTIVE_JOBS = ("queued", "printing")
#: A running station reports at least every 20 s (its print queue's heartbeat, its check-ins).
SILENT_AFTER = timedelta(minutes=1)


@dataclass(frozen=True)
class Headline:
    expected: int
    checked_in: int
    inside: int
    not_arrived: int
    walk_ins: int
    arrivals_15m: int

    @property
    def percent(self) -> float:
        return 100.0 * self.checked_in / self.expected if self.expected else 0.0


@dataclass(frozen=True)
class Group:
    name: str
    expected: int
    checked_in: int


@dataclass(frozen=True)
class Bucket:
    start: datetime
    arrivals: int
    cumulative: int


@dataclass(frozen=True)
class RecentCheckIn:
    at: datetime
    first_name: str
    organisation: str
    station: str
    method: str


@dataclass(frozen=True)
class ExpectedPerson:
    name: str
    organisation: str
    role: str


@dataclass(frozen=True)
class StationRow:
    name: str
    mode: str
    last_seen: datetime | None
    printer_status: str
    jobs: dict[str, int] = field(default_factory=dict)
    #: A station with a replica: "online" or "sending" as it last reported, and its backlog.
    sync_state: str = ""
    sync_waiting: int = 0

    @property
    def waiting(self) -> int:
        return sum(self.jobs.get(s, 0) for s in ACTIVE_JOBS)

    def silent(self, now: datetime) -> bool:
        """No heartbeat for more than ``SILENT_AFTER``: the station is closed, crashed or offline."""
        return self.last_seen is None or now - self.last_seen > SILENT_AFTER

    def link(self, now: datetime, stale_seconds: float = 15.0) -> tuple[str, int]:
        """("online" | "sending" | "offline" | "", backlog) for a station with a replica: one
        that has not reported for a while is taken as offline (its backlog is then unknown
        beyond what it last said)."""
        if not self.sync_state:
            return "", 0
        if self.last_seen is None or (now - self.last_seen).total_seconds() > stale_seconds:
            return "offline", self.sync_waiting
        return ("sending" if self.sync_waiting else "online"), self.sync_waiting


@dataclass(frozen=True)
class DashboardFigures:
    event_name: str
    timezone: str
    generated_at: datetime
    headline: Headline
    by_category: tuple[Group, ...]
    by_ticket_type: tuple[Group, ...]
    arrivals: tuple[Bucket, ...]
    stations_15m: tuple[tuple[str, int], ...]
    still_expected: tuple[ExpectedPerson, ...]
    still_expected_total: int
    recent: tuple[RecentCheckIn, ...]
    stations: tuple[StationRow, ...]
    #: The room view: each check-in list not archived (kiosk.core.dashboard_lists.ListRow).
    lists: tuple = ()


def shown_name(first: str, last: str, privacy: str) -> str:
    if privacy == BadgePrivacy.FIRST_NAME_ONLY.value:
        return first or "—"
    return " ".join(p for p in (first, last) if p) or "—"


def shown_org(org: str, privacy: str) -> str:
    return "" if privacy == BadgePrivacy.NO_ORGANISATION.value else org


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def figure_rows(figures: DashboardFigures) -> list[list[str]]:
    """The figures as (section, name, value, of) rows, for the CSV snapshot. Times are in the
    event's time zone, as on the screen, with their UTC offset; the time_zone row names it."""
    h = figures.headline
    tz = _zone(figures.timezone)
    rows = [["section", "name", "value", "of"], ["event", figures.event_name, "", ""],
            ["time_zone", getattr(tz, "key", figures.timezone), "", ""],
            ["generated_at", figures.generated_at.astimezone(tz).isoformat(timespec="seconds"), "", ""]]
    rows += [["headline", name, str(value), ""] for name, value in (
        ("expected", h.expected), ("checked_in", h.checked_in), ("checked_in_percent", f"{h.percent:.1f}"),
        ("inside", h.inside), ("not_arrived", h.not_arrived), ("walk_ins", h.walk_ins), ("arrivals_last_15_min", h.arrivals_15m))]
    rows += [["category", g.name, str(g.checked_in), str(g.expected)] for g in figures.by_category]
    rows += [["ticket_type", g.name, str(g.checked_in), str(g.expected)] for g in figures.by_ticket_type]
    rows += [["arrivals_5min", b.start.astimezone(tz).isoformat(timespec="minutes"), str(b.arrivals), str(b.cumulative)]
             for b in figures.arrivals]
    rows += [["list_checked_in", x.name, str(x.checked_in), str(x.expected)] for x in figures.lists]
    rows += [["list_inside", x.name, str(x.inside), "" if x.capacity is None else str(x.capacity)] for x in figures.lists]
    rows += [["station_last_15_min", name, str(n), ""] for name, n in figures.stations_15m]
    rows += [["print_queue", s.name, str(s.waiting), s.printer_status] for s in figures.stations]
    rows += [["station_last_seen", s.name, s.last_seen.astimezone(tz).isoformat(timespec="seconds") if s.last_seen else "",
              "silent" if s.silent(figures.generated_at) else "running"] for s in figures.stations]
    return rows


def write_csv(figures: DashboardFigures, path: str | Path) -> Path:
    path = Path(path)
    with open_private(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in figure_rows(figures):
            writer.writerow([neutralise(cell) for cell in row])
    return path
