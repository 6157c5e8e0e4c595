"""The attendee index: accent- and case-blind prefix search with a fuzzy fallback.

The index lives in memory, one per process, and answers in well under a millisecond at
100k attendees. It is built from the database once and then kept fresh by fetching only the
rows whose ``rev`` is newer than what it has (see ``kiosk.core.attendees.bump_rev``), so
walk-ins and imports from other stations are found within a poll interval.

Ranking: every query word must match some word of the attendee (first name, last name,
organisation, email, code). A word matches exactly, by prefix, or (only when nothing matches
otherwise) by a small edit distance. Results sort exact before prefix before fuzzy, then by
name.
"""

from __future__ import annotations

import bisect
import re
import threading
import time
import unicodedata
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import select

from sqlmodel import select as sm_select

from kiosk.core.attendees import AttendeeInfo
from kiosk.core.models import Attendee, Event
from kiosk.core.store import Store

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
_SPLIT = re.compile(r"[^0-9a-z]+")
EXACT, PREFIX, FUZZY = 0, 1, 2
MAX_QUERY = 200
CANDIDATE_CAP = 5000


def fold(text: str) -> str:
    """Lower-case, strip accents and fold special letters: 'Åsa Jörgensen-Müller' -> 'asa jorgensen-muller'."""
    text = text.casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(fold(text)) if w]


def _max_edits(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


@dataclass(frozen=True)
class Hit:
    attendee_id: int
    rank: int
    sort_key: str


@dataclass
class _Entry:
    sort_key: str
    tokens: tuple[str, ...]


class SearchIndex:
    """All attendees of one event, searchable. Thread-safe; ``refresh()`` is cheap when idle."""

    def __init__(self, store: Store, event_id: int, refresh_interval: float = 1.0):
        self.store = store
        self.event_id = event_id
        self.refresh_interval = refresh_interval
        self._lock = threading.RLock()
        self._entries: dict[int, _Entry] = {}
        self._postings: dict[str, set[int]] = {}
        self._sorted: list[str] = []
        self._name_tokens: list[str] = []
        self._dirty = False
        self._rev = -1
        self._checked = 0.0

    # -- keeping fresh ---------------------------------------------------------------------
    def refresh(self, force: bool = False) -> int:
        """Fetch rows added or edited since the last refresh. Returns how many changed."""
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_interval:
            return 0
        self._checked = now
        with self.store.engine.connect() as conn:
            rev = conn.execute(select(Event.attendee_rev).where(Event.id == self.event_id)).scalar()
            if rev is None or rev == self._rev:
                return 0
            rows = conn.execute(
                select(
                    Attendee.id, Attendee.first_name, Attendee.last_name, Attendee.organisation, Attendee.email, Attendee.code
                ).where(Attendee.event_id == self.event_id, Attendee.rev > self._rev)
            ).all()
        with self._lock:
            for row in rows:
                self._put(*row)
            self._rev = rev
            self._rebuild_sorted()
        return len(rows)

    def rebuild(self) -> None:
        """Forget everything and load again (after a purge or an erase)."""
        with self._lock:
            self._entries.clear()
            self._postings.clear()
            self._rev = -1
        self.refresh(force=True)

    def _put(self, attendee_id: int, first: str, last: str, org: str, email: str, code: str) -> None:
        old = self._entries.get(attendee_id)
        if old:
            for token in old.tokens:
                posting = self._postings.get(token)
                if posting is not None:
                    posting.discard(attendee_id)
                    if not posting:
                        del self._postings[token]
        tokens = set(words(first)) | set(words(last)) | set(words(org))
        email = fold(email.strip())
        if email:
            tokens.add(email)
            tokens.update(words(email.split("@")[0]))
        if code:
            tokens.add(code.casefold())
        entry = _Entry(f"{fold(last)}\x00{fold(first)}", tuple(tokens))
        self._entries[attendee_id] = entry
        for token in tokens:
            self._postings.setdefault(token, set()).add(attendee_id)
        self._dirty = True

    def _rebuild_sorted(self) -> None:
        if not self._dirty:
            return
        self._sorted = sorted(self._postings)
        self._name_tokens = [t for t in self._sorted if t.isalpha() and len(t) >= 3]
        self._dirty = False

    def __len__(self) -> int:
        return len(self._entries)

    # -- querying --------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[Hit]:
        self.refresh()
        chunks = [c for c in fold(query[:MAX_QUERY]).split() if _SPLIT.sub("", c)]
        if not chunks:
            return []
        with self._lock:
            ranks: dict[int, int] | None = None
            for chunk in chunks:
                matches = self._match_chunk(chunk)
                ranks = matches if ranks is None else _intersect(ranks, matches)
                if not ranks:
                    return []
            hits = [Hit(i, r, self._entries[i].sort_key) for i, r in ranks.items()]
        hits.sort(key=lambda h: (h.rank, h.sort_key, h.attendee_id))
        return hits[:limit]

    def _match_chunk(self, chunk: str) -> dict[int, int]:
        """One whitespace-separated piece of the query: a whole email or code as typed, or else
        every word in it (so "García-Márquez" and "anna.lind" work too), fuzzy as a last resort."""
        if not _SPLIT.fullmatch(chunk) and _SPLIT.search(chunk):
            whole = self._match_word(chunk, use_fuzzy=False)
            if whole:
                return whole
        ranks: dict[int, int] | None = None
        for word in words(chunk):
            matches = self._match_word(word, use_fuzzy=False) or self._match_word(word, use_fuzzy=True)
            ranks = matches if ranks is None else _intersect(ranks, matches)
            if not ranks:
                return {}
        return ranks or {}

    def _match_word(self, word: str, use_fuzzy: bool) -> dict[int, int]:
        found: dict[int, int] = {}
        if not use_fuzzy:
            start = bisect.bisect_left(self._sorted, word)
            for pos in range(start, len(self._sorted)):
                token = self._sorted[pos]
                if not token.startswith(word):
                    break
                rank = EXACT if token == word else PREFIX
                for attendee_id in self._postings[token]:
                    if found.get(attendee_id, FUZZY) > rank:
                        found[attendee_id] = rank
                if len(found) > CANDIDATE_CAP:
                    break
            return found
        edits = _max_edits(word)
        if not edits:
            return found
        for token, _score, _pos in process.extract(
            word, self._name_tokens, scorer=DamerauLevenshtein.distance, score_cutoff=edits, limit=50
        ):
            for attendee_id in self._postings.get(token, ()):
                found[attendee_id] = FUZZY
        return found


def _intersect(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    if len(b) < len(a):
        a, b = b, a
    return {i: max(r, b[i]) for i, r in a.items() if i in b}


@dataclass(frozen=True)
class Match:
    attendee: AttendeeInfo
    rank: int

    @property
    def rank_name(self) -> str:
        return ("exact", "prefix", "fuzzy")[self.rank]


def find(index: SearchIndex, query: str, limit: int = 20) -> list[Match]:
    """Search and fetch the current rows (with check-in status) of the best hits, in rank order."""
    hits = index.search(query, limit)
    if not hits:
        return []
    with index.store.read() as session:
        rows = {r.id: r for r in session.exec(sm_select(Attendee).where(Attendee.id.in_([h.attendee_id for h in hits])))}
    return [Match(AttendeeInfo.of(rows[h.attendee_id]), h.rank) for h in hits if h.attendee_id in rows]
