"""The compact tables behind the search index, sized for a million attendees.

Every attendee has a *slot* (0, 1, 2, ... in load order); postings hold slots in int arrays.
Name words get a small integer id (``wid``); the sorted word list gives each wid a *rank*, so
"does this attendee have a word starting with 'nyk'" is a range check on ints, with no string
work per candidate. Identifiers (emails, codes) are a sorted list with a parallel array of
owners. Ranks of a match: EXACT before PREFIX before FUZZY.
"""

from __future__ import annotations

import bisect
from array import array

EXACT, PREFIX, FUZZY = 0, 1, 2
_END = "\U0010ffff"


def collect(tokens: list[str], word: str, cap: int | None, owners_at) -> dict[int, int]:
    """Slots owning a token of the sorted ``tokens`` that starts with ``word``: EXACT when
    equal, else PREFIX. The exact token sorts first, so a cap never drops an exact match."""
    found: dict[int, int] = {}
    for pos in range(bisect.bisect_left(tokens, word), len(tokens)):
        token = tokens[pos]
        if not token.startswith(word):
            break
        rank = EXACT if token == word else PREFIX
        for slot in owners_at(pos, token):
            if found.get(slot, FUZZY + 1) > rank:
                found[slot] = rank
        if cap is not None and len(found) >= cap:
            break
    return found


class NameWords:
    """Name word -> wid -> the slots that have it (an ``array('i')``: sets would cost twenty
    times the memory), and the words kept sorted for prefix ranges."""

    def __init__(self) -> None:
        self.wid: dict[str, int] = {}
        self.words: list[str] = []
        self.postings: list[array] = []
        self.sorted: list[str] = []
        self.sorted_wids = array("i")
        self.rank_of = array("i")
        self.dirty = False

    def __len__(self) -> int:
        return sum(1 for p in self.postings if p)

    def add(self, token: str, slot: int) -> int:
        """The caller adds each word of an attendee once (and removes the old words first)."""
        wid = self.wid.get(token)
        if wid is None:
            wid = self.wid[token] = len(self.words)
            self.words.append(token)
            self.postings.append(array("i", (slot,)))
            self.dirty = True
        else:
            self.postings[wid].append(slot)
        return wid

    def remove(self, wid: int, slot: int) -> None:
        posting = self.postings[wid]
        if slot in posting:
            posting.remove(slot)

    def resort(self) -> bool:
        if not self.dirty:
            return False
        order = sorted(range(len(self.words)), key=self.words.__getitem__)
        self.sorted = [self.words[w] for w in order]
        self.sorted_wids = array("i", order)
        rank_of = array("i", bytes(4 * len(order)))
        for rank, wid in enumerate(order):
            rank_of[wid] = rank
        self.rank_of = rank_of
        self.dirty = False
        return True

    def span(self, word: str) -> tuple[int, int, bool]:
        """The ranks [lo, hi) of the words starting with ``word``, and whether ``lo`` is ``word``."""
        lo = bisect.bisect_left(self.sorted, word)
        hi = bisect.bisect_left(self.sorted, word + _END, lo)
        return lo, hi, lo < hi and self.sorted[lo] == word

    def count(self, lo: int, hi: int, stop: int) -> int:
        """How many memberships the words in [lo, hi) carry, counting no further than ``stop``."""
        total, postings, wids = 0, self.postings, self.sorted_wids
        for pos in range(lo, hi):
            total += len(postings[wids[pos]])
            if total >= stop:
                break
        return total


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

    def add(self, token: str, slot: int) -> None:
        self._pending.append((token, slot))

    def remove(self, token: str, slot: int) -> None:
        pos = bisect.bisect_left(self.tokens, token)
        while pos < len(self.tokens) and self.tokens[pos] == token:
            if self.owners[pos] == slot:
                del self.tokens[pos]
                del self.owners[pos]
                return
            pos += 1
        if (token, slot) in self._pending:
            self._pending.remove((token, slot))

    def resort(self) -> None:
        pending, self._pending = self._pending, []
        if len(pending) < 64:
            for token, owner in pending:
                pos = bisect.bisect_right(self.tokens, token)
                self.tokens.insert(pos, token)
                self.owners.insert(pos, owner)
            return
        if self.tokens:
            pending.extend(zip(self.tokens, self.owners))
        pending.sort()
        self.tokens = [t for t, _ in pending]
        self.owners = array("i", [o for _, o in pending])

    def prefix(self, word: str, cap: int | None) -> dict[int, int]:
        owners = self.owners
        return collect(self.tokens, word, cap, lambda pos, token: (owners[pos],))
