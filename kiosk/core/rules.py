"""The decision rule: one scan against one check-in list, as a pure function.

``decide`` reads nothing and writes nothing. The caller gathers the facts (the attendee, the
list, the attendee's log rows on that list, the list's occupancy and the time) inside its own
locked transaction, and then writes what the decision says. The same function runs on the hub
and against a station's local copy, so a list's rule gives the same answer in both places.

The checks run in a fixed order, and the first that applies answers:

1. unknown code;  2. a code of another event;  3. blocked;
4. not admitted on this list (ticket type, then category);
5. outside the list's validity window;
6. capacity full (a person already inside holds their place, so is never refused for it);
7. already checked in, under the list's entry rule;
8. checked in.

An exit scan answers unknown, other event, then "not inside" or an exit. A print-only list
(a badge desk) answers unknown, other event, blocked, then "printed": logged, never an entry.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from kiosk.core.models import CheckInKind


class EntryRule(str, enum.Enum):
    #: One entry, ever (until the check-in is annulled).
    ONCE = "once"
    #: One entry per calendar day in the event's time zone.
    DAILY = "daily"
    #: Every scan is an entry.
    MULTIPLE = "multiple"
    #: In and out: after an exit, the next scan is a new entry.
    EXIT = "exit"


class ScanKind(str, enum.Enum):
    ENTRY = "entry"
    EXIT = "exit"
    PRINT = "print"


class Verdict(str, enum.Enum):
    UNKNOWN = "unknown_code"
    OTHER_EVENT = "other_event"
    BLOCKED = "blocked"
    NOT_ADMITTED = "not_admitted"
    OUTSIDE_WINDOW = "outside_window"
    CAPACITY_FULL = "capacity_full"
    ALREADY = "already_checked_in"
    CHECKED_IN = "checked_in"
    NOT_INSIDE = "not_inside"
    CHECKED_OUT = "checked_out"
    PRINTED = "printed"


@dataclass(frozen=True)
class AttendeeFacts:
    event_id: int
    ticket_type: str = ""
    category: str = ""
    blocked: bool = False
    block_reason: str = ""


@dataclass(frozen=True)
class ListFacts:
    event_id: int
    name: str = "Entrance"
    #: Admitted ticket types and categories; empty admits all.
    ticket_types: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    rule: EntryRule = EntryRule.EXIT
    capacity: int | None = None
    print_only: bool = False


@dataclass(frozen=True)
class Past:
    """One row of the attendee's log on this list."""

    kind: CheckInKind
    at: datetime
    station: str = ""
    operator: str = ""
    ref: object = None


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    #: Why, as a code: "ticket_type", "category", "not_open", "closed", the block reason, ...
    reason: str = ""
    #: The log row to write, or None for a refusal.
    write: CheckInKind | None = None
    #: For ALREADY: the entry that counts. For CHECKED_IN: the first live entry before this one.
    earlier: Past | None = None
    #: CHECKED_IN after an earlier live entry (back after an exit, a new day, another pass).
    reentry: bool = False
    #: Whether the person is inside this list after the decision (None: unchanged).
    inside_after: bool | None = None

    @property
    def refused(self) -> bool:
        return self.write is None


def live(log: Sequence[Past]) -> list[Past]:
    """The rows since the last annulment (an annulment undoes what came before), oldest first."""
    rows = sorted(log, key=lambda p: p.at)
    for i in range(len(rows) - 1, -1, -1):
        if rows[i].kind is CheckInKind.ANNUL:
            return rows[i + 1:]
    return rows


def is_inside(log: Sequence[Past]) -> bool:
    """Inside this list: the last entry or exit is an entry."""
    moves = [p for p in live(log) if p.kind in (CheckInKind.ENTRY, CheckInKind.EXIT)]
    return bool(moves) and moves[-1].kind is CheckInKind.ENTRY


def _admits(allowed: frozenset[str], value: str) -> bool:
    return not allowed or value.casefold() in {a.casefold() for a in allowed}


def admits(clist: ListFacts, ticket_type: str, category: str) -> bool:
    """The list admits someone of this ticket type and category."""
    return _admits(clist.ticket_types, ticket_type or "") and _admits(clist.categories, category or "")


def decide(
    attendee: AttendeeFacts | None,
    clist: ListFacts,
    log: Sequence[Past],
    occupancy: int,
    scan: ScanKind,
    now: datetime,
    tz: tzinfo,
) -> Decision:
    """Decide one scan. ``log`` is the attendee's rows on this list (any order); ``occupancy``
    how many people are inside this list now; ``tz`` the event's time zone (for DAILY)."""
    if attendee is None:
        return Decision(Verdict.UNKNOWN)
    if attendee.event_id != clist.event_id:
        return Decision(Verdict.OTHER_EVENT)
    rows = live(log)
    inside = is_inside(rows)
    if scan is ScanKind.EXIT:
        if not inside:
            return Decision(Verdict.NOT_INSIDE)
        return Decision(Verdict.CHECKED_OUT, write=CheckInKind.EXIT, inside_after=False)
    if attendee.blocked:
        return Decision(Verdict.BLOCKED, reason=attendee.block_reason)
    if scan is ScanKind.PRINT or clist.print_only:
        return Decision(Verdict.PRINTED, write=CheckInKind.PRINT)
    if not _admits(clist.ticket_types, attendee.ticket_type):
        return Decision(Verdict.NOT_ADMITTED, reason="ticket_type")
    if not _admits(clist.categories, attendee.category):
        return Decision(Verdict.NOT_ADMITTED, reason="category")
    if clist.valid_from is not None and now < clist.valid_from:
        return Decision(Verdict.OUTSIDE_WINDOW, reason="not_open")
    if clist.valid_until is not None and now >= clist.valid_until:
        return Decision(Verdict.OUTSIDE_WINDOW, reason="closed")
    if clist.capacity is not None and not inside and occupancy >= clist.capacity:
        return Decision(Verdict.CAPACITY_FULL, reason=str(clist.capacity))
    entries = [p for p in rows if p.kind is CheckInKind.ENTRY]
    counting = _counting_entry(clist.rule, entries, inside, now, tz)
    if counting is not None:
        return Decision(Verdict.ALREADY, earlier=counting, inside_after=None)
    return Decision(
        Verdict.CHECKED_IN,
        write=CheckInKind.ENTRY,
        earlier=entries[0] if entries else None,
        reentry=bool(entries),
        inside_after=True,
    )


def _counting_entry(rule: EntryRule, entries: list[Past], inside: bool, now: datetime, tz: tzinfo) -> Past | None:
    """The entry that makes this scan "already checked in" under ``rule``, or None."""
    if not entries or rule is EntryRule.MULTIPLE:
        return None
    if rule is EntryRule.ONCE:
        return entries[0]
    if rule is EntryRule.DAILY:
        today = now.astimezone(tz).date()
        return next((p for p in entries if p.at.astimezone(tz).date() == today), None)
    return entries[0] if inside else None  # EXIT
