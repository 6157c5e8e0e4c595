"""Running the decision rule inside a check-in transaction.

``CheckInService`` holds the attendee row under the write lock; ``ListBinding.judge`` gathers
what ``rules.decide`` needs on the same connection (the list row, locked when the list has a
capacity; the attendee's log on the list; the occupancy) and returns the decision. Writing the
log row and the status cache stays with the service.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.core.checkin_lists import LIST, ListInfo, NoListError, attendee_log, find_list, lock_list, occupancy
from kiosk.core.models import CheckInKind, Event
from kiosk.core.rules import AttendeeFacts, Decision, Past, ScanKind, Verdict, decide, is_inside, live


class ListBinding:
    """The list a station works on: found by name once, re-read in every transaction."""

    def __init__(self, event_id: int, name: str | None = None):
        self.event_id = event_id
        self.name = name
        self._id: int | None = None
        self._tz: tzinfo | None = None

    def ready(self) -> int | None:
        """The list's id once this station has found its list and the event's time zone (after
        its first scan), else None."""
        return self._id if self._tz is not None else None

    def current(self, conn) -> ListInfo:
        if self._id is not None:
            row = conn.execute(select(LIST).where(LIST.c.id == self._id)).first()
            if row is not None:
                return ListInfo.of(row)
        info = find_list(conn, self.event_id, self.name)
        if info.archived:
            raise NoListError(f"Check-in list {info.name!r} is archived")
        self._id = info.id
        return info

    def tz(self, conn) -> tzinfo:
        if self._tz is None:
            name = conn.execute(select(Event.timezone).where(Event.id == self.event_id)).scalar() or "UTC"
            self._tz = ZoneInfo(name)
        return self._tz

    def judge(self, conn, row, scan: ScanKind, now: datetime) -> tuple[ListInfo, Decision]:
        """Decide ``scan`` for the (locked) attendee ``row`` on this station's list."""
        clist = self.current(conn)
        if scan is ScanKind.EXIT and clist.print_only:
            clist = find_list(conn, self.event_id, None)  # a badge desk records exits at the door
        needs_room = clist.capacity is not None and scan is ScanKind.ENTRY and not clist.print_only
        if needs_room:
            lock_list(conn, clist.id)
        facts = AttendeeFacts(row.event_id, row.ticket_type or "", row.category or "", bool(row.blocked), row.block_reason or "")
        log = attendee_log(conn, clist.id, row.id)
        taken = occupancy(conn, clist.id) if needs_room else 0
        return clist, decide(facts, clist.facts, log, taken, scan, now, self.tz(conn))

    def live_entries(self, conn, attendee_id: int) -> tuple[ListInfo, list[Past]]:
        """The list and the attendee's entries on it since the last annulment (for undo)."""
        clist = self.current(conn)
        rows = live(attendee_log(conn, clist.id, attendee_id))
        return clist, [p for p in rows if p.kind is CheckInKind.ENTRY]

    def inside(self, conn, attendee_id: int) -> bool:
        return is_inside(attendee_log(conn, self.current(conn).id, attendee_id))


#: The rule's verdicts as the results screens and the command line know.
RESULT_OF = {
    Verdict.UNKNOWN: "unknown_code",
    Verdict.OTHER_EVENT: "other_event",
    Verdict.BLOCKED: "blocked",
    Verdict.NOT_ADMITTED: "not_admitted",
    Verdict.OUTSIDE_WINDOW: "outside_window",
    Verdict.CAPACITY_FULL: "capacity_full",
    Verdict.ALREADY: "already_checked_in",
    Verdict.CHECKED_IN: "checked_in",
    Verdict.NOT_INSIDE: "not_inside",
    Verdict.CHECKED_OUT: "checked_out",
    Verdict.PRINTED: "printed",
}
