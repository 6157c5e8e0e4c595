"""The attendee index: accent- and case-blind prefix search with a fuzzy fallback.

The index lives in memory, one per process, and answers in a few milliseconds at 100k
attendees. It is built from the database once and then kept fresh by fetching only the
rows whose ``rev`` is newer than what it has (see ``kiosk.core.attendees.bump_rev``), so
walk-ins and imports from other stations are found within a poll interval.

Ranking: every query word must match some word of the attendee (first name, last name,
organisation) or one of their identifiers (email, code). A word matches exactly, by prefix,
or (only when nothing matches otherwise) by a small edit distance. Results sort exact before
prefix before fuzzy, then by name.
"""

from __future__ import annotations

import heapq
import re
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select

from kiosk.core.attendees import AttendeeInfo
from kiosk.core.models import Attendee, Event
from kiosk.core.postings import EXACT, FUZZY, PREFIX, Identifiers, NameWords
from kiosk.core.store import Store

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
_SPLIT = re.compile(r"[^0-9a-z]+")
MAX_QUERY = 200
#: A one-word query stops collecting candidates here (exact matches always come first).
CANDIDATE_CAP = 2000


def fold(text: str) -> str:
    """Lower-case, strip accents and fold special letters: 'Åsa Jörgensen-Müller' -> 'asa jorgensen-muller'."""
    text = text.casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(fold(text)) if w]


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[str, ...]:
    """Words of a name or organisation; cached, since names repeat a lot across attendees."""
    return tuple(words(text))


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return fold(text)


def _fold_id(text: str) -> str:
    text = text.strip()
    return text.lower() if text.isascii() else fold(text)


def _id_like(chunk: str) -> bool:
    """A chunk that may be (the start of) an email or a code rather than a name."""
    return any(not ch.isalpha() for ch in chunk)


def _max_edits(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


@dataclass(frozen=True)
class Hit:
    attendee_id: int
    rank: int
    sort_key: str


@dataclass(slots=True)
class _Entry:
    """One attendee: the sort key, then its name words followed by its identifiers in one tuple
    (one tuple, not two: at 100k attendees the second tuple header alone costs 6 MB)."""

    sort_key: str
    tokens: tuple[str, ...]
    n_names: int

    @property
    def names(self) -> tuple[str, ...]:
        return self.tokens[: self.n_names]

    @property
    def ids(self) -> tuple[str, ...]:
        return self.tokens[self.n_names :]


class SearchIndex:
    """All attendees of one event, searchable. Thread-safe; ``refresh()`` is cheap when idle.

    Name words (first name, last name, organisation) and identifiers (whole email, code) are
    kept apart, so a short name prefix never wades through 100k unique emails and codes.
    """

    def __init__(self, store: Store, event_id: int, refresh_interval: float = 1.0):
        self.store = store
        self.event_id = event_id
        self.refresh_interval = refresh_interval
        self._lock = threading.RLock()
        self._entries: dict[int, _Entry] = {}
        self._names = NameWords()
        self._ids = Identifiers()
        self._fuzzy_tokens: list[str] = []
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
            result = conn.execute(
                select(
                    Attendee.id, Attendee.first_name, Attendee.last_name, Attendee.organisation, Attendee.email, Attendee.code
                ).where(Attendee.event_id == self.event_id, Attendee.rev > self._rev)
            )
            changed = 0
            while batch := result.fetchmany(5000):  # streamed: no list of 100k rows at once
                with self._lock:
                    for row in batch:
                        self._put(*row)
                changed += len(batch)
        with self._lock:
            self._rev = rev
            if self._names.resort():
                self._fuzzy_tokens = [t for t in self._names.sorted if len(t) >= 4 and t.isalpha()]
            self._ids.resort()
        return changed

    @property
    def ready(self) -> bool:
        return self._rev >= 0

    def rebuild(self) -> None:
        """Forget everything and load again (after a purge or an erase)."""
        with self._lock:
            self._entries.clear()
            self._names = NameWords()
            self._ids = Identifiers()
            self._rev = -1
        self.refresh(force=True)

    def _put(self, attendee_id: int, first: str, last: str, org: str, email: str, code: str) -> None:
        old = self._entries.get(attendee_id)
        if old:
            for token in old.names:
                self._names.remove(token, attendee_id)
            for token in old.ids:
                self._ids.remove(token, attendee_id)
        names = tuple(dict.fromkeys(_name_words(first) + _name_words(last) + _name_words(org)))
        ids = tuple(t for t in (_fold_id(email), code.strip().casefold()) if t)
        self._entries[attendee_id] = _Entry(f"{_folded(last)}\x00{_folded(first)}", names + ids, len(names))
        for token in names:
            self._names.add(token, attendee_id)
        for token in ids:
            self._ids.add(token, attendee_id)

    def __len__(self) -> int:
        return len(self._entries)

    def sizes(self) -> dict[str, int]:
        return {"attendees": len(self._entries), "name_tokens": len(self._names), "id_tokens": len(self._ids)}

    # -- querying --------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[Hit]:
        self.refresh()
        chunks = [c for c in fold(query[:MAX_QUERY]).split() if _SPLIT.sub("", c)]
        if not chunks:
            return []
        chunks.sort(key=len, reverse=True)  # the longest piece is usually the most selective
        with self._lock:
            ranks = self._match_chunk(chunks[0], cap=CANDIDATE_CAP if len(chunks) == 1 else None)
            for chunk in chunks[1:]:
                ranks = self._filter(ranks, chunk)
            entries = self._entries
            best = heapq.nsmallest(limit, ((r, entries[i].sort_key, i) for i, r in ranks.items()))
        return [Hit(i, r, key) for r, key, i in best]

    def _match_chunk(self, chunk: str, cap: int | None) -> dict[int, int]:
        """One whitespace-separated piece of the query: an email or code as typed, or else every
        word in it ("García-Márquez", "anna.lind"), by prefix, and by typo as a last resort."""
        if _id_like(chunk):
            found = self._ids.prefix(chunk, cap)
            if found:
                return found
        pieces = sorted(words(chunk), key=len, reverse=True)
        if not pieces:
            return {}
        first = pieces[0]
        found = self._names.prefix(first, cap if len(pieces) == 1 else None)
        if not found and len(first) >= 4:
            found = self._ids.prefix(first, cap)
        if not found:
            found = self._fuzzy(first)
        for piece in pieces[1:]:
            found = self._filter(found, piece)
        return found

    def _fuzzy(self, word: str) -> dict[int, int]:
        edits = _max_edits(word)
        if not edits:
            return {}
        found: dict[int, int] = {}
        for token, _score, _pos in process.extract(
            word, self._fuzzy_tokens, scorer=Levenshtein.distance, score_cutoff=edits, limit=20
        ):
            for attendee_id in self._names.members(token):
                found[attendee_id] = FUZZY
        return found

    def _filter(self, ranks: dict[int, int], chunk: str) -> dict[int, int]:
        """Keep the candidates that also match ``chunk``, looking at their own words only; by a
        typo only when no candidate matches it exactly or by prefix (as in ``_match_chunk``)."""
        for typos in (False, True):
            kept: dict[int, int] = {}
            for attendee_id, rank in ranks.items():
                other = self._entry_rank(self._entries[attendee_id], chunk, typos)
                if other is not None:
                    kept[attendee_id] = max(rank, other)
            if kept:
                return kept
        return {}

    def _entry_rank(self, entry: _Entry, chunk: str, typos: bool = True) -> int | None:
        if _id_like(chunk):
            for token in entry.ids:
                if token.startswith(chunk):
                    return EXACT if token == chunk else PREFIX
        worst = EXACT
        for word in words(chunk):
            best = None
            for token in entry.names:
                if token == word:
                    best = EXACT
                    break
                if token.startswith(word):
                    best = PREFIX
            if best is None:
                edits = _max_edits(word) if typos else 0
                if not edits or not any(
                    Levenshtein.distance(word, t, score_cutoff=edits) <= edits for t in entry.names
                ):
                    return None
                best = FUZZY
            worst = max(worst, best)
        return worst


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
    table = Attendee.__table__
    with index.store.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(table).where(table.c.id.in_([h.attendee_id for h in hits])))}
    return [Match(AttendeeInfo.of(rows[h.attendee_id]), h.rank) for h in hits if h.attendee_id in rows]
