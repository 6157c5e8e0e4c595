"""The dashboard's room view, kept in memory: each check-in list's figures, and who is inside
the building. No Qt, no queries.

``kiosk.core.dashboard.DashboardData`` feeds it what it reads anyway: every attendee's ticket
type, category and blocked flag, and the check-in log rows as they come (list, attendee, time,
kind). For each list it keeps each person's latest move, as ``kiosk.core.list_stats`` defines
it (the rows with the greatest time; an entry among them means in), and four counts that it
adjusts for the one person a change touches. A poll costs nothing per list.

Inside the building: a person is inside when their latest move on any list that counts toward
the building (``counts_inside``) is an entry. With only the default list counting, the
dashboard keeps showing the entrance's own figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.core.checkin_lists import ListInfo
from kiosk.core.models import CheckInKind

ENTRY, EXIT, ANNUL = CheckInKind.ENTRY.value, CheckInKind.EXIT.value, CheckInKind.ANNUL.value
#: A room is nearly full when this share of its places is taken (and full when none is left).
NEARLY_FULL = 0.9


@dataclass(frozen=True)
class ListRow:
    """One list's line in the room view."""

    id: int
    name: str
    rule: str
    expected: int
    checked_in: int
    inside: int
    capacity: int | None
    capacity_left: int | None
    print_only: bool = False
    is_default: bool = False

    @property
    def state(self) -> str:
        """"full", "nearly_full" or "" (no capacity, or room left)."""
        if self.capacity is None:
            return ""
        if not self.capacity_left:
            return "full"
        return "nearly_full" if self.capacity - self.capacity_left >= NEARLY_FULL * self.capacity else ""

    def as_stats(self) -> dict:
        """The figures as ``kiosk.core.list_stats.list_figures`` gives them."""
        return {
            "list": self.name, "rule": self.rule, "expected": self.expected, "checked_in": self.checked_in,
            "inside": self.inside, "not_arrived": self.expected - self.checked_in, "capacity": self.capacity,
            "capacity_left": self.capacity_left,
        }


def _later(state: dict, attendee_id: int, at: datetime, entry: bool) -> None:
    """Note a move in ``state`` (attendee -> (time of latest move, an entry among them))."""
    current = state.get(attendee_id)
    if current is None or at > current[0]:
        state[attendee_id] = (at, entry)
    elif at == current[0] and entry and not current[1]:
        state[attendee_id] = (at, True)


class ListTracker:
    """Per-list figures and the building's inside count, adjusted move by move."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self.lists: dict[int, ListInfo] = {}
        self._people: dict[int, tuple[str, str, bool]] = {}  # id -> (category, ticket type, blocked), lower case
        self._checked: dict[int, dict] = {}  # list -> attendee -> (at, entry): entries and annulments
        self._moves: dict[int, dict] = {}  # list -> attendee -> (at, entry): entries, exits and annulments
        self._counts: dict[int, list[int]] = {}  # list -> [expected, checked in, inside, occupancy]
        self._building: set[int] = set()  # whose latest move on a counting list is an entry
        self._building_count = 0  # of them, the ones not blocked
        self._bulk = False

    # -- what the dashboard feeds in ----------------------------------------------------------
    def set_lists(self, lists: list[ListInfo]) -> None:
        """The event's lists, read at each refresh; any change is counted again from memory."""
        lists_by_id = {x.id: x for x in lists}
        if lists_by_id != self.lists:
            self.lists = lists_by_id
            self.recount()

    def begin_load(self) -> None:
        """Everything is read again: take people and moves without counting, then ``recount``."""
        self.reset()
        self._bulk = True

    def person(self, attendee_id: int, category: str, ticket_type: str, blocked: bool) -> None:
        value = ((category or "").lower(), (ticket_type or "").lower(), bool(blocked))
        if self._bulk:
            self._people[attendee_id] = value
            return
        self._touch(attendee_id, self.lists, lambda: self._people.__setitem__(attendee_id, value))

    def forget(self, attendee_id: int) -> None:
        self._touch(attendee_id, self.lists, lambda: self._people.pop(attendee_id, None))

    def move(self, list_id: int, attendee_id: int, at: datetime, kind: str) -> None:
        if kind not in (ENTRY, EXIT, ANNUL):
            return  # a badge desk's print is no move

        def note() -> None:
            if kind != EXIT:
                _later(self._checked.setdefault(list_id, {}), attendee_id, at, kind == ENTRY)
            _later(self._moves.setdefault(list_id, {}), attendee_id, at, kind == ENTRY)

        if self._bulk:
            note()
        else:
            self._touch(attendee_id, (list_id,) if list_id in self.lists else (), note)

    # -- counting -----------------------------------------------------------------------------
    def _admits(self, clist: ListInfo, person: tuple[str, str, bool] | None) -> bool:
        if person is None or person[2]:
            return False
        category, ticket_type, _blocked = person
        if clist.ticket_types and ticket_type not in {t.lower() for t in clist.ticket_types}:
            return False
        return not clist.categories or category in {c.lower() for c in clist.categories}

    def _share(self, list_id: int, attendee_id: int) -> tuple[int, int, int, int]:
        """What one person adds to a list's counts."""
        admitted = self._admits(self.lists[list_id], self._people.get(attendee_id))
        checked = self._checked.get(list_id, {}).get(attendee_id, (None, False))[1]
        inside = self._moves.get(list_id, {}).get(attendee_id, (None, False))[1]
        return int(admitted), int(admitted and checked), int(admitted and inside), int(inside)

    def _counting(self) -> list[int]:
        return [x.id for x in self.lists.values() if x.counts_inside and not x.archived]

    def _in_building(self, attendee_id: int) -> bool:
        latest = None
        entry = False
        for list_id in self._counting():
            move = self._moves.get(list_id, {}).get(attendee_id)
            if move is None:
                continue
            if latest is None or move[0] > latest:
                latest, entry = move
            elif move[0] == latest:
                entry = entry or move[1]
        return entry

    def _blocked(self, attendee_id: int) -> bool:
        person = self._people.get(attendee_id)
        return person is None or person[2]

    def _touch(self, attendee_id: int, list_ids, change) -> None:
        """Apply ``change`` to one person, adjusting the counts of ``list_ids`` and the building."""
        before = {i: self._share(i, attendee_id) for i in list_ids}
        was_counted = attendee_id in self._building and not self._blocked(attendee_id)
        change()
        for i, old in before.items():
            counts = self._counts[i]
            for k, (a, b) in enumerate(zip(old, self._share(i, attendee_id))):
                counts[k] += b - a
        inside = self._in_building(attendee_id)
        if inside:
            self._building.add(attendee_id)
        else:
            self._building.discard(attendee_id)
        self._building_count += int(inside and not self._blocked(attendee_id)) - int(was_counted)

    def recount(self) -> None:
        """Every count from what is in memory (after a full read, or when the lists changed)."""
        self._bulk = False
        self._counts = {}
        for list_id, clist in self.lists.items():
            expected = sum(1 for p in self._people.values() if self._admits(clist, p))
            checked = sum(1 for a, (_at, e) in self._checked.get(list_id, {}).items()
                          if e and self._admits(clist, self._people.get(a)))
            moves = self._moves.get(list_id, {})
            inside = sum(1 for a, (_at, e) in moves.items() if e and self._admits(clist, self._people.get(a)))
            self._counts[list_id] = [expected, checked, inside, sum(1 for _at, e in moves.values() if e)]
        people = set().union(*(self._moves.get(i, {}) for i in self._counting()))
        self._building = {a for a in people if self._in_building(a)}
        self._building_count = sum(1 for a in self._building if not self._blocked(a))

    # -- the figures --------------------------------------------------------------------------
    def rows(self) -> tuple[ListRow, ...]:
        """The lists not archived, the default first, then by name."""
        shown = sorted((x for x in self.lists.values() if not x.archived), key=lambda x: (not x.is_default, x.name.casefold()))
        out = []
        for clist in shown:
            expected, checked, inside, occupancy = self._counts[clist.id]
            if clist.print_only:
                checked = inside = 0
            left = None if clist.capacity is None else max(0, clist.capacity - occupancy)
            out.append(ListRow(clist.id, clist.name, clist.rule.value, expected, checked, inside, clist.capacity, left,
                               clist.print_only, clist.is_default))
        return tuple(out)

    def building_inside(self) -> int | None:
        """People inside the building, or None when only the default list counts toward it
        (the dashboard then shows the entrance's own figure, as it always did)."""
        counting = [self.lists[i] for i in self._counting()]
        if len(counting) == 1 and counting[0].is_default:
            return None
        return self._building_count
