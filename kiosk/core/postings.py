"""The sorted token lists behind the search index, built for 100k attendees in little memory:
name words with int-array postings, and identifiers (emails, codes) as a sorted list with a
parallel array of owners. Ranks: EXACT before PREFIX before FUZZY."""

from __future__ import annotations

import bisect
from array import array

EXACT, PREFIX, FUZZY = 0, 1, 2


def collect(tokens: list[str], word: str, cap: int | None, owners_at) -> dict[int, int]:
    """Attendees owning a token of the sorted ``tokens`` that starts with ``word``: EXACT when
    equal, else PREFIX. The exact token sorts first, so a cap never drops an exact match."""
    found: dict[int, int] = {}
    for pos in range(bisect.bisect_left(tokens, word), len(tokens)):
        token = tokens[pos]
        if not token.startswith(word):
            break
        rank = EXACT if token == word else PREFIX
        for attendee_id in owners_at(pos, token):
            if found.get(attendee_id, FUZZY + 1) > rank:
                found[attendee_id] = rank
        if cap is not None and len(found) >= cap:
            break
    return found


class NameWords:
    """Name word -> the attendees that have it, with the words kept sorted for prefix scans.

    A posting is a compact ``array('i')`` rather than a set: some 15k words carry 300k
    memberships at 100k attendees, and sets would cost twenty times the memory.
    """

    def __init__(self) -> None:
        self.ids: dict[str, array] = {}
        self.sorted: list[str] = []
        self.dirty = False

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, token: str, attendee_id: int) -> None:
        """The caller adds each word of an attendee once (and removes the old words first)."""
        posting = self.ids.get(token)
        if posting is None:
            self.ids[token] = array("i", (attendee_id,))
            self.dirty = True
        else:
            posting.append(attendee_id)

    def remove(self, token: str, attendee_id: int) -> None:
        posting = self.ids.get(token)
        if posting is not None and attendee_id in posting:
            posting.remove(attendee_id)
            if not posting:
                del self.ids[token]
                self.dirty = True

    def members(self, token: str) -> array | tuple:
        return self.ids.get(token, ())

    def resort(self) -> bool:
        if not self.dirty:
            return False
        self.sorted = sorted(self.ids)
        self.dirty = False
        return True

    def prefix(self, word: str, cap: int | None) -> dict[int, int]:
        return collect(self.sorted, word, cap, lambda pos, token: self.ids.get(token, ()))


class Identifiers:
    """Emails and codes: nearly one per attendee, so no dict at all, just a sorted list of the
    identifiers and a parallel array of their owners (an email shared by a family appears once
    per ticket). Bulk loads append and sort once; single edits insert in place."""

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.owners = array("i")
        self._pending: list[tuple[str, int]] = []

    def __len__(self) -> int:
        return len(self.tokens) + len(self._pending)

    def add(self, token: str, attendee_id: int) -> None:
        self._pending.append((token, attendee_id))

    def remove(self, token: str, attendee_id: int) -> None:
        pos = bisect.bisect_left(self.tokens, token)
        while pos < len(self.tokens) and self.tokens[pos] == token:
            if self.owners[pos] == attendee_id:
                del self.tokens[pos]
                del self.owners[pos]
                return
            pos += 1
        if (token, attendee_id) in self._pending:
            self._pending.remove((token, attendee_id))

    def resort(self) -> None:
        pending, self._pending = self._pending, []
        if len(pending) < 64:
            for token, owner in pending:
                pos = bisect.bisect_right(self.tokens, token)
                self.tokens.insert(pos, token)
                self.owners.insert(pos, owner)
            return
        pairs = sorted([*zip(self.tokens, self.owners), *pending])
        self.tokens = [t for t, _ in pairs]
        self.owners = array("i", (o for _, o in pairs))

    def prefix(self, word: str, cap: int | None) -> dict[int, int]:
        owners = self.owners
        return collect(self.tokens, word, cap, lambda pos, token: (owners[pos],))
