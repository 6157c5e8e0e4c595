"""What a re-import may change beyond plain fields: ticket status and badge privacy.

- A status column blocks or unblocks a ticket with a reason (refunded, cancelled, unpaid). A
  block staff set by hand (any other reason) stays. A blocked person who is already checked in
  keeps the check-in; ``Merger.blocked`` lets the report flag them.
- A privacy cell is the person's own setting; an empty one leaves what they have.
- A field edited at a station (a misspelt name, a new organisation) survives a re-import of
  the organiser's file, unless the file changed that field since the last import: each
  attendee keeps the values the last import gave (``imported``). When both changed, the file
  wins and the report says so (a warning naming the line and field).
"""

from __future__ import annotations

from operator import add, itemgetter

from kiosk.core.importing.status import REASONS
from kiosk.core.importing.validation import Problem, shorten
from kiosk.core.models import BadgePrivacy

#: Fields a station can edit and an import also writes: kept per attendee as last imported.
TRACKED = ("first_name", "last_name", "email", "organisation", "job_title", "category", "ticket_type")

#: The columns ``_Existing`` reads before the compared fields (id, code, ref, names, email).
OFFSET = 6


class Merger:
    def __init__(self, compare: tuple[str, ...]):
        at = {f: OFFSET + i for i, f in enumerate(compare)}
        self.block_at = at.get("blocked")
        self.privacy_at = at.get("badge_privacy")
        self.imported_at = at.get("imported")
        self.tracked = tuple((f, at[f]) for f in TRACKED if f in at)
        # ``encode`` of the tracked fields, in C: their "field=" prefixes in encoded (sorted) order
        ordered = sorted(f for f, _ in self.tracked)
        self._prefixes = [f"{f}=" for f in ordered]
        self._pick = itemgetter(*ordered) if len(ordered) > 1 else (lambda v, f=tuple(ordered): tuple(v[x] for x in f))
        self.active = self.block_at is not None or self.privacy_at is not None or self.imported_at is not None
        #: attendee ids an import blocks or unblocks, and how many new tickets arrive blocked
        self.blocked: list[int] = []
        self.unblocked: list[int] = []
        self.new_blocked = 0
        #: fields changed both at a station and in the file since the last import
        self.conflicts: list[Problem] = []

    def _imported(self, values: dict) -> str:
        """``encode`` of the tracked fields' values (the hot path of a big import)."""
        return SEP.join(map(add, self._prefixes, self._pick(values)))

    def new(self, values: dict) -> dict:
        """``values`` as a new attendee gets them (changed in place: a copy per row would double
        the memory of a big import)."""
        if self.privacy_at is not None and not values["badge_privacy"]:
            values["badge_privacy"], values["privacy_own"] = BadgePrivacy.FULL.value, False
        if self.block_at is not None and values["blocked"]:
            self.new_blocked += 1
        if self.imported_at is not None:
            values["imported"] = self._imported(values)
        return values

    def matched(self, values: dict, old: tuple, target: int, line: int = 0) -> dict:
        """``values`` (changed in place) as they should be written to the matched attendee."""
        if not self.active:
            return values
        if self.imported_at is not None:
            self._keep_station_edits(values, old, line)
        if self.privacy_at is not None and not values["badge_privacy"]:
            values["badge_privacy"], values["privacy_own"] = old[self.privacy_at], bool(old[self.privacy_at + 1])
        if self.block_at is not None:
            was_blocked, was_reason = bool(old[self.block_at]), old[self.block_at + 1]
            if was_blocked and was_reason not in REASONS:
                values["blocked"], values["block_reason"] = True, was_reason  # staff's own block
            elif values["blocked"] != was_blocked:
                (self.blocked if values["blocked"] else self.unblocked).append(target)
        return values

    def _keep_station_edits(self, values: dict, old: tuple, line: int) -> None:
        given = self._imported(values)  # what this file gives, before any edit is kept
        stored = old[self.imported_at]
        if stored == given:  # the common case: the file gives what it gave last time
            for field, at in self.tracked:
                values[field] = old[at]  # so whatever a station changed since stays
            values["imported"] = stored
            return
        last = decode(stored)
        for field, at in self.tracked:
            if field not in last:
                continue  # never imported with this field: the file's value, as before
            current, now, before = old[at], values[field], last[field]
            if current == before or current == now:
                continue  # no station edit, or the same one
            if now == before:
                values[field] = current  # edited at a station, unchanged in the file: keep the edit
            else:
                self.conflicts.append(Problem(
                    line, field,
                    f"changed at a station to {shorten(current)} and in the file to {shorten(now)}; "
                    "the file's value is used", True,
                ))
        values["imported"] = encode(list((last | dict(decode(given))).items()))


#: Imported values contain no control characters (the reader folds all whitespace to single
#: spaces), so a unit separator between ``field=value`` pairs is a safe and fast encoding.
SEP = "\x1f"


def encode(pairs: list[tuple[str, str]]) -> str:
    return SEP.join(f"{field}={value}" for field, value in sorted(pairs))


def decode(text: str) -> dict[str, str]:
    if not text:
        return {}
    return dict(part.split("=", 1) for part in text.split(SEP) if "=" in part)
