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
from collections import deque
from itertools import accumulate

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


class Term:
    """One word (or identifier) of the query, matched against the index once, so checking a
    candidate is integer work: no folding and no string comparison per candidate."""

    __slots__ = ("count", "lo", "hi", "exact", "fuzzy", "ranks")

    def __init__(self, count: int, lo: int = 0, hi: int = 0, exact: bool = False,
                 fuzzy: frozenset | None = None, ranks: dict | None = None):
        self.count = count  # how many memberships it has (counted up to a stop): lower is rarer
        self.lo, self.hi, self.exact = lo, hi, exact  # name words by prefix: a rank range
        self.fuzzy = fuzzy  # name words by a typo: a set of wids
        self.ranks = ranks  # identifiers: slot -> rank

    def rank(self, slot: int, wids, rank_of) -> int | None:
        if self.ranks is not None:
            return self.ranks.get(slot)
        best = None
        lo, hi = self.lo, self.hi
        for wid in wids:
            r = rank_of[wid]
            if lo <= r < hi:
                if r == lo and self.exact:
                    return EXACT
                best = PREFIX
        if best is None and self.fuzzy and not self.fuzzy.isdisjoint(wids):
            return FUZZY
        return best


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
        while slot in posting:  # a bulk load may list a slot twice ("Lind" at "Lind AB")
            posting.remove(slot)

    def wids_of(self, words: tuple[str, ...]) -> tuple[int, ...]:
        """The ids of these words, making ids (with empty postings) for new ones."""
        out = []
        for token in words:
            wid = self.wid.get(token)
            if wid is None:
                wid = self.wid[token] = len(self.words)
                self.words.append(token)
                self.postings.append(array("i"))
                self.dirty = True
            out.append(wid)
        return tuple(out)

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


class Texts(dict):
    """Each distinct name text ("Anna", "García Márquez", "Telia Company") once, as a small int:
    its word ids and its folded form (for sorting). Attendees point at texts, three ints each;
    a million attendees share some tens of thousands of texts. ``texts[raw]`` adds on a miss."""

    def __init__(self, names: NameWords) -> None:
        super().__init__()
        self.names = names
        self.wids: list[tuple[int, ...]] = []
        self.keys: list[str] = []
        self.order = array("i")  # text id -> its place in alphabetical order of the folded forms
        self.dirty = False

    def __missing__(self, text: str) -> int:
        from kiosk.core.search import _folded, _name_words

        tid = self[text] = len(self.keys)
        self.wids.append(self.names.wids_of(_name_words(text)))
        self.keys.append(_folded(text))
        self.dirty = True
        return tid

    def resort(self) -> None:
        if self.dirty:
            order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
            self.order = array("i", bytes(4 * len(order)))
            for pos, tid in enumerate(order):
                self.order[tid] = pos
            self.dirty = False


class Identifiers:
    """Emails or codes: nearly one per attendee. A first load packs them, sorted, into one bytes
    blob with an array of offsets and one of owners (a million emails in some 40 MB instead of a
    million string objects); later additions go to a small sorted list beside it, and a removal
    from the blob marks its owner -1. An email shared by a family appears once per ticket."""

    def __init__(self) -> None:
        self.blob = b""
        self.offsets = array("I", (0,))
        self.packed_owners = array("i")
        self.place = array("i")  # slot -> its place in the blob, or -1
        self.tokens: list[str] = []  # added since the load, sorted
        self.owners = array("i")
        self.added: dict[int, str] = {}
        self._pending: list[tuple[str, int]] = []

    def __len__(self) -> int:
        return sum(1 for o in self.packed_owners if o >= 0) + len(self.tokens) + len(self._pending)

    def load(self, tokens: list[str], owners: array, slots: int) -> None:
        """Replace everything with these ``tokens`` (sorted, as they come from the database;
        sorted here when they are not) owned by ``owners``; ``slots`` is the number of slots."""
        if tokens != sorted(tokens):  # a sorted list sorts in one pass
            order = sorted(range(len(tokens)), key=tokens.__getitem__)
            tokens = [tokens[i] for i in order]
            owners = array("i", [owners[i] for i in order])
        text = "".join(tokens)
        lengths = map(len, tokens) if text.isascii() else (len(t.encode()) for t in tokens)
        self.load_packed(text.encode(), array("I", accumulate(lengths, initial=0)), owners, slots)

    def load_packed(self, blob: bytes, offsets: array, owners: array, slots: int) -> None:
        """Replace everything with identifiers already packed: sorted, token i is
        ``blob[offsets[i]:offsets[i + 1]]``, owned by ``owners[i]``."""
        self.blob, self.offsets, self.packed_owners = blob, offsets, owners
        self.place = array("i", (-1,)) * slots
        deque(map(self.place.__setitem__, owners, range(len(owners))), maxlen=0)  # a loop in C
        self.tokens, self.owners, self.added, self._pending = [], array("i"), {}, []

    def token_of(self, slot: int) -> str:
        pos = self.place[slot] if slot < len(self.place) else -1
        if pos >= 0 and self.packed_owners[pos] == slot:
            return self.blob[self.offsets[pos] : self.offsets[pos + 1]].decode()
        return self.added.get(slot, "")

    def add(self, token: str, slot: int) -> None:
        self._pending.append((token, slot))
        self.added[slot] = token

    def remove(self, token: str, slot: int) -> None:
        pos = self.place[slot] if slot < len(self.place) else -1
        if pos >= 0 and self.packed_owners[pos] == slot:
            self.packed_owners[pos] = -1
            return
        self.added.pop(slot, None)
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
        found = collect(self.tokens, word, cap, lambda pos, token: (owners[pos],))
        blob, offsets, packed = self.blob, self.offsets, self.packed_owners
        key = word.encode()
        at = lambda i: blob[offsets[i] : offsets[i + 1]]  # noqa: E731
        for pos in range(bisect.bisect_left(range(len(packed)), key, key=at), len(packed)):
            token = at(pos)
            if not token.startswith(key):
                break
            slot = packed[pos]
            if slot >= 0:
                rank = EXACT if token == key else PREFIX
                if found.get(slot, FUZZY + 1) > rank:
                    found[slot] = rank
                if cap is not None and len(found) >= cap:
                    break
        return found
