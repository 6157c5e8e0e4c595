"""Check-in lists: finding, creating, editing and archiving them, and the facts the rule needs.

A list's admitted ticket types and categories are stored one a line. The decision itself is
``kiosk.core.rules.decide``; this module only reads and writes rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from kiosk.core.errors import UsageError
from kiosk.core.models import DEFAULT_LIST_NAME, CheckIn, CheckInKind, CheckInList, ListPresence, utcnow
from kiosk.core.rules import EntryRule, ListFacts, Past
from kiosk.core.store import Store

LIST = CheckInList.__table__
CHECKIN = CheckIn.__table__
PRESENCE = ListPresence.__table__
NAME_LIMIT = 100


class NoListError(UsageError):
    """A list named on the command line or in the settings that the event does not have."""


def _lines(values) -> str:
    seen: list[str] = []
    for value in values or ():
        for part in str(value).split(","):
            part = " ".join(part.split())
            if part and part not in seen:
                seen.append(part)
    return "\n".join(seen)


def split(text: str) -> tuple[str, ...]:
    return tuple(v for v in (text or "").split("\n") if v)


@dataclass(frozen=True)
class ListInfo:
    """A list as stations and commands see it (a plain copy of the row)."""

    id: int
    event_id: int
    name: str
    ticket_types: tuple[str, ...]
    categories: tuple[str, ...]
    valid_from: datetime | None
    valid_until: datetime | None
    rule: EntryRule
    capacity: int | None
    counts_inside: bool
    print_only: bool
    is_default: bool
    archived: bool

    @classmethod
    def of(cls, row) -> ListInfo:
        return cls(
            row.id, row.event_id, row.name, split(row.ticket_types), split(row.categories), row.valid_from,
            row.valid_until, EntryRule(row.rule), row.capacity, bool(row.counts_inside), bool(row.print_only),
            bool(row.is_default), bool(row.archived),
        )

    @property
    def facts(self) -> ListFacts:
        return ListFacts(
            event_id=self.event_id, name=self.name, ticket_types=frozenset(self.ticket_types),
            categories=frozenset(self.categories), valid_from=self.valid_from, valid_until=self.valid_until,
            rule=self.rule, capacity=self.capacity, print_only=self.print_only,
        )

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "ticket_types": list(self.ticket_types),
            "categories": list(self.categories),
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "rule": self.rule.value,
            "capacity": self.capacity,
            "counts_inside": self.counts_inside,
            "print_only": self.print_only,
            "default": self.is_default,
            "archived": self.archived,
        }


# -- reading -------------------------------------------------------------------------------------
def default_list(conn, event_id: int) -> ListInfo:
    """The event's default list; made here for an event that has none (a row from an old copy)."""
    row = conn.execute(select(LIST).where(LIST.c.event_id == event_id, LIST.c.is_default == True)).first()  # noqa: E712
    if row is None:
        conn.execute(
            LIST.insert().values(
                event_id=event_id, name=DEFAULT_LIST_NAME, ticket_types="", categories="", rule="exit",
                counts_inside=True, print_only=False, is_default=True, archived=False, created_at=utcnow(),
            )
        )
        row = conn.execute(select(LIST).where(LIST.c.event_id == event_id, LIST.c.is_default == True)).first()  # noqa: E712
    return ListInfo.of(row)


def find_list(conn, event_id: int, name: str | None) -> ListInfo:
    """The list called ``name`` (case-insensitive), or the default list when no name is given."""
    if not name:
        return default_list(conn, event_id)
    rows = conn.execute(select(LIST).where(LIST.c.event_id == event_id)).all()
    for row in rows:
        if row.name.casefold() == name.strip().casefold():
            return ListInfo.of(row)
    known = ", ".join(sorted(r.name for r in rows if not r.archived)) or DEFAULT_LIST_NAME
    raise NoListError(f"No check-in list named {name!r} (known: {known})")


def get_list(store: Store, event_id: int, name: str | None = None) -> ListInfo:
    with store.write() as session:  # may create the default list
        return find_list(session.connection(), event_id, name)


def usable_list(store: Store, event_id: int, name: str | None) -> ListInfo:
    """The list a station may work on: it exists and is not archived."""
    info = get_list(store, event_id, name)
    if info.archived:
        raise NoListError(f"Check-in list {info.name!r} is archived")
    return info


def all_lists(store: Store, event_id: int, include_archived: bool = False) -> list[ListInfo]:
    with store.write() as session:
        conn = session.connection()
        default_list(conn, event_id)
        query = select(LIST).where(LIST.c.event_id == event_id).order_by(LIST.c.is_default.desc(), LIST.c.name)
        if not include_archived:
            query = query.where(LIST.c.archived == False)  # noqa: E712
        return [ListInfo.of(r) for r in conn.execute(query)]


def attendee_log(conn, list_id: int, attendee_id: int) -> list[Past]:
    rows = conn.execute(
        select(CHECKIN)
        .where(CHECKIN.c.list_id == list_id, CHECKIN.c.attendee_id == attendee_id)
        .order_by(CHECKIN.c.at)
    ).all()
    return [Past(CheckInKind(r.kind), r.at, r.station, r.operator, r) for r in rows]


_MOVES = (CheckInKind.ENTRY.value, CheckInKind.EXIT.value, CheckInKind.ANNUL.value)


def _latest_moves(list_id, moves=_MOVES):
    """Each attendee's latest row of the ``moves`` kinds on the list (one row per attendee)."""
    later = aliased(CHECKIN)
    return and_(
        CHECKIN.c.list_id == list_id,
        CHECKIN.c.kind.in_(moves),
        ~exists().where(
            later.c.list_id == CHECKIN.c.list_id,
            later.c.attendee_id == CHECKIN.c.attendee_id,
            later.c.kind.in_(moves),
            later.c.at > CHECKIN.c.at,
        ),
    )


def occupancy(conn, list_id: int) -> int:
    """How many people are inside a list with a capacity now: their latest move on it is an
    entry. The database keeps those people's rows (``list_presence``, by triggers), so this
    costs a count of the people inside, not a read of the list's log."""
    return conn.execute(select(func.count()).select_from(PRESENCE).where(PRESENCE.c.list_id == list_id)).scalar()


def occupancy_from_log(conn, list_id: int) -> int:
    """``occupancy`` counted from the log itself (any list, with a capacity or not)."""
    return conn.execute(
        select(func.count(func.distinct(CHECKIN.c.attendee_id))).where(
            _latest_moves(list_id), CHECKIN.c.kind == CheckInKind.ENTRY.value
        )
    ).scalar() or 0


# -- writing -------------------------------------------------------------------------------------
def _check(name: str, rule: str | None, capacity: int | None, valid_from, valid_until) -> None:
    if not name:
        raise UsageError("A check-in list needs a name")
    if len(name) > NAME_LIMIT:
        raise UsageError(f"A check-in list name has at most {NAME_LIMIT} characters")
    if rule is not None and rule not in {r.value for r in EntryRule}:
        raise UsageError(f"Unknown entry rule {rule!r} (use once, daily, multiple or exit)")
    if capacity is not None and capacity < 0:
        raise UsageError("A capacity cannot be negative")
    if valid_from and valid_until and valid_until <= valid_from:
        raise UsageError("A check-in list cannot close before it opens")


def create_list(
    store: Store,
    event_id: int,
    name: str,
    *,
    ticket_types=(),
    categories=(),
    rule: str = "once",
    capacity: int | None = None,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    counts_inside: bool = False,
    print_only: bool = False,
) -> ListInfo:
    name = " ".join((name or "").split())
    _check(name, rule, capacity, valid_from, valid_until)
    with store.write() as session:
        conn = session.connection()
        default_list(conn, event_id)
        if any(r.name.casefold() == name.casefold() for r in conn.execute(select(LIST).where(LIST.c.event_id == event_id))):
            raise UsageError(f"A check-in list named {name!r} already exists")
        row = CheckInList(
            event_id=event_id, name=name, ticket_types=_lines(ticket_types), categories=_lines(categories),
            rule=rule, capacity=capacity, valid_from=valid_from, valid_until=valid_until,
            counts_inside=counts_inside, print_only=print_only,
        )
        session.add(row)
        session.flush()
        return ListInfo.of(row)



def edit_list(store: Store, event_id: int, name: str, **changes) -> ListInfo:
    """Change a list; only the given fields change. ``new_name`` renames it."""
    with store.write() as session:
        current = find_list(session.connection(), event_id, name)
        row = session.get(CheckInList, current.id)
        new_name = " ".join((changes.pop("new_name", None) or row.name).split())
        for key in ("ticket_types", "categories"):
            if key in changes:
                changes[key] = _lines(changes[key])
        merged = {**{k: getattr(row, k) for k in ("rule", "capacity", "valid_from", "valid_until")}, **changes}
        _check(new_name, merged["rule"], merged["capacity"], merged["valid_from"], merged["valid_until"])
        if new_name.casefold() != row.name.casefold():
            others = session.execute(select(LIST.c.name).where(LIST.c.event_id == event_id)).scalars()
            if any(n.casefold() == new_name.casefold() for n in others):
                raise UsageError(f"A check-in list named {new_name!r} already exists")
        row.name = new_name
        for key, value in changes.items():
            setattr(row, key, value)
        session.add(row)
        session.flush()
        return ListInfo.of(row)


def archive_list(store: Store, event_id: int, name: str, archived: bool = True) -> ListInfo:
    with store.write() as session:
        current = find_list(session.connection(), event_id, name)
        if current.is_default and archived:
            raise UsageError("The default check-in list cannot be archived")
        row = session.get(CheckInList, current.id)
        row.archived = archived
        session.add(row)
        session.flush()
        return ListInfo.of(row)


def lock_list(session_or_conn, list_id: int) -> None:
    """Hold the list row for the rest of the transaction (capacity: one place, one station)."""
    session_or_conn.execute(select(LIST.c.id).where(LIST.c.id == list_id).with_for_update())
