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

import bisect
import heapq
import re
from array import array
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import bindparam, select

from kiosk.core.attendees import AttendeeInfo
from kiosk.core.models import Attendee, Event
from kiosk.core.search_load import load_all
from kiosk.core.postings import EXACT, FUZZY, PREFIX, Identifiers, NameWords, Term, Texts
from kiosk.core.store import Store

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
_SPLIT = re.compile(r"[^0-9a-z]+")
MAX_QUERY = 200
#: A search stops looking at candidates here once it has enough results (exact matches of the
#: rarest piece always come first), and at MAX_CANDIDATES in any case.
CANDIDATE_CAP = 2000
MAX_CANDIDATES = 10_000
#: Counting a piece's matches (to find the rarest) stops here.
COUNT_STOP = 1_000_000_000


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


class SearchIndex:
    """All attendees of one event, searchable. Thread-safe; ``refresh()`` is cheap when idle.

    Name words (first name, last name, organisation) and identifiers (whole email, code) are
    kept apart, so a short name prefix never wades through a million unique emails and codes.
    Per attendee (a *slot*) the index keeps its id, its name words as ints, the ids of its
    folded last and first names (the sort key), and its two identifiers.
    """

    def __init__(self, store: Store, event_id: int, refresh_interval: float = 1.0):
        self.store = store
        self.event_id = event_id
        self.refresh_interval = refresh_interval
        self._lock = threading.RLock()
        self._clear()
        self._checked = 0.0
        #: How many attendees the last search looked at (the rarest piece's matches, capped).
        self.candidates = 0

    def _clear(self) -> None:
        self._att = array("q")  # slot -> attendee id; ascending up to _n_sorted
        self._n_sorted = 0
        self._late: dict[int, int] = {}  # attendee id -> slot, for ids that arrived out of order
        self._names = NameWords()
        self._texts = Texts(self._names)
        self._first = array("i")  # slot -> text id of the first name, last name, organisation
        self._last = array("i")
        self._org = array("i")
        self._emails = Identifiers()
        self._codes = Identifiers()
        self._fuzzy_tokens: list[str] = []
        self._rev = -1

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
            if not self._att:
                changed = load_all(self, conn)
            else:
                changed = 0
                result = conn.execute(
                    select(
                        Attendee.id, Attendee.first_name, Attendee.last_name, Attendee.organisation, Attendee.email,
                        Attendee.code,
                    )
                    .where(Attendee.event_id == self.event_id, Attendee.rev > self._rev)
                    .order_by(Attendee.id)
                )
                while batch := result.fetchmany(5000):  # streamed: no list of all rows at once
                    with self._lock:
                        for row in batch:
                            self._put(*row)
                    changed += len(batch)
        with self._lock:
            self._rev = rev
            if self._names.resort():
                self._fuzzy_tokens = [t for t in self._names.sorted if len(t) >= 4 and t.isalpha()]
            self._emails.resort()
            self._codes.resort()
            self._texts.resort()
        return changed

    @property
    def ready(self) -> bool:
        return self._rev >= 0

    def rebuild(self) -> None:
        """Forget everything and load again (after a purge or an erase)."""
        with self._lock:
            self._clear()
        self.refresh(force=True)

    def _slot(self, attendee_id: int) -> int | None:
        n = self._n_sorted
        pos = bisect.bisect_left(self._att, attendee_id, 0, n)
        if pos < n and self._att[pos] == attendee_id:
            return pos
        return self._late.get(attendee_id)

    def _words(self, slot: int) -> tuple[int, ...]:
        wids = self._texts.wids
        return wids[self._first[slot]] + wids[self._last[slot]] + wids[self._org[slot]]

    def _put(self, attendee_id: int, first: str, last: str, org: str, email: str, code: str) -> None:
        email = _fold_id(email) if email else ""
        code = code.strip().casefold() if code else ""
        slot = self._slot(attendee_id) if self._att else None
        if slot is None:
            slot = len(self._att)
            if slot == self._n_sorted and (not slot or attendee_id > self._att[-1]):
                self._n_sorted += 1
            else:
                self._late[attendee_id] = slot
            self._att.append(attendee_id)
            for column in (self._first, self._last, self._org):
                column.append(0)
        else:  # an edit: forget the old words and identifiers
            for wid in set(self._words(slot)):
                self._names.remove(wid, slot)
            for identifiers in (self._emails, self._codes):
                if old := identifiers.token_of(slot):
                    identifiers.remove(old, slot)
        texts = self._texts
        self._first[slot], self._last[slot], self._org[slot] = texts[first], texts[last], texts[org]
        postings = self._names.postings
        for wid in set(self._words(slot)):
            postings[wid].append(slot)
        if email:
            self._emails.add(email, slot)
        if code:
            self._codes.add(code, slot)

    def __len__(self) -> int:
        return len(self._att)

    def sizes(self) -> dict[str, int]:
        return {"attendees": len(self._att), "name_tokens": len(self._names), "id_tokens": len(self._emails) + len(self._codes)}

    def _id_prefix(self, word: str) -> dict[int, int]:
        found = self._codes.prefix(word, MAX_CANDIDATES)
        for slot, rank in self._emails.prefix(word, MAX_CANDIDATES).items():
            if found.get(slot, FUZZY) > rank:
                found[slot] = rank
        return found

    # -- querying --------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Every piece of the query must match; the rarest piece drives, the others filter."""
        self.refresh()
        chunks = [c for c in fold(query[:MAX_QUERY]).split() if _SPLIT.sub("", c)]
        self.candidates = 0
        if not chunks:
            return []
        with self._lock:
            terms: list[tuple[Term, str | None]] = []
            for chunk in chunks:
                found = self._terms(chunk)
                if found is None:
                    return []
                terms.extend(found)
            self._count(terms)
            ranks = self._run(terms, limit)
            if not ranks:  # a typo only when nothing matches otherwise
                loose = [(self._loosen(t, w), None) for t, w in terms]
                if any(t is not old for (t, _), (old, _w) in zip(loose, terms)):
                    ranks = self._run(loose, limit)
            return self._best(ranks, limit)

    def _best(self, ranks: dict[int, int], limit: int) -> list[Hit]:
        """The ``limit`` best by rank, then last name, then first name, as one int per candidate."""
        last, first, att, texts = self._last, self._first, self._att, self._texts
        k, order = len(texts.keys) + 1, texts.order
        best = heapq.nsmallest(limit, [((r * k + order[last[s]]) * k + order[first[s]]) << 32 | s for s, r in ranks.items()])
        hits = []
        for code in best:
            s = code & 0xFFFFFFFF
            hits.append(Hit(att[s], ranks[s], f"{texts.keys[last[s]]}\x00{texts.keys[first[s]]}"))
        return hits

    def _terms(self, chunk: str) -> list[tuple[Term, str | None]] | None:
        """The terms of one whitespace-separated piece: an email or code as typed, or else every
        word in it ("garcia-marquez", "o'b"). None when a word matches nothing at all. A piece
        with a digit or an @ is tried as an identifier first, other pieces only when a word in
        them starts no name ("anne-marie" is a name, "anna@school" an email)."""
        id_like = _id_like(chunk)
        if id_like and any(ch.isdigit() or ch == "@" for ch in chunk):
            ranks = self._id_prefix(chunk)
            if ranks:
                return [(Term(len(ranks), ranks=ranks), None)]
        spans = [(word, *self._names.span(word)) for word in _SPLIT.split(chunk) if word]
        if id_like and any(lo == hi for _w, lo, hi, _e in spans):
            ranks = self._id_prefix(chunk)
            if ranks:
                return [(Term(len(ranks), ranks=ranks), None)]
        out = []
        for word, lo, hi, exact in spans:
            if lo < hi:
                out.append((Term(-1, lo, hi, exact), word))
                continue
            ranks = self._id_prefix(word) if len(word) >= 4 else {}
            if ranks:
                out.append((Term(len(ranks), ranks=ranks), None))
                continue
            term = self._loosen(Term(0), word)
            if not term.fuzzy:
                return None
            out.append((term, None))
        return out

    def _count(self, terms: list[tuple[Term, str | None]]) -> None:
        """Count the name-word terms, longest word first, each only as far as the rarest so far."""
        least = min((t.count for t, _w in terms if t.count >= 0), default=COUNT_STOP)
        for term, word in sorted((tw for tw in terms if tw[0].count < 0), key=lambda tw: -len(tw[1])):
            term.count = self._names.count(term.lo, term.hi, least + 1)
            least = min(least, term.count)

    def _loosen(self, term: Term, word: str | None) -> Term:
        """The same term also accepting words within a small edit distance of ``word``."""
        edits = _max_edits(word) if word else 0
        if not edits:
            return term
        wid = self._names.wid
        fuzzy = frozenset(
            wid[token]
            for token, _score, _pos in process.extract(
                word, self._fuzzy_tokens, scorer=Levenshtein.distance, score_cutoff=edits, limit=20
            )
        )
        if not fuzzy:
            return term
        postings = self._names.postings
        return Term(term.count + sum(len(postings[w]) for w in fuzzy), term.lo, term.hi, term.exact, fuzzy, term.ranks)

    def _run(self, terms: list[tuple[Term, str | None]], limit: int) -> dict[int, int]:
        """Candidates from the rarest term (capped), kept when every other term matches them too."""
        ordered = sorted((t for t, _w in terms), key=lambda t: t.count)
        driver, others = ordered[0], ordered[1:]
        kept: dict[int, int] = {}
        seen = 0
        if not others:
            for slot, rank in self._members(driver):
                kept[slot] = rank
                seen += 1
                if seen >= CANDIDATE_CAP:
                    break
            self.candidates += seen
            return kept
        text_wids, firsts, lasts, orgs, rank_of = self._texts.wids, self._first, self._last, self._org, self._names.rank_of
        for slot, rank in self._members(driver):
            seen += 1
            words_of = text_wids[firsts[slot]] + text_wids[lasts[slot]] + text_wids[orgs[slot]]
            for term in others:
                other = term.rank(slot, words_of, rank_of)
                if other is None:
                    break
                if other > rank:
                    rank = other
            else:
                kept[slot] = rank
            if seen >= CANDIDATE_CAP and (len(kept) >= limit or seen >= MAX_CANDIDATES):
                break
        self.candidates += seen
        return kept

    def _members(self, term: Term):
        """(slot, rank) for each attendee matching ``term``, best rank first, each slot once."""
        if term.ranks is not None:
            yield from sorted(term.ranks.items(), key=lambda item: item[1])
            return
        postings, wids = self._names.postings, self._names.sorted_wids
        seen: set[int] = set()
        for pos in range(term.lo, term.hi):
            rank = EXACT if pos == term.lo and term.exact else PREFIX
            for slot in postings[wids[pos]]:
                if slot not in seen:
                    seen.add(slot)
                    yield slot, rank
        for wid in term.fuzzy or ():
            for slot in postings[wid]:
                if slot not in seen:
                    seen.add(slot)
                    yield slot, FUZZY


@dataclass(frozen=True)
class Match:
    attendee: AttendeeInfo
    rank: int

    @property
    def rank_name(self) -> str:
        return ("exact", "prefix", "fuzzy")[self.rank]


_ROWS = select(Attendee.__table__).where(Attendee.__table__.c.id.in_(bindparam("ids", expanding=True)))


def find(index: SearchIndex, query: str, limit: int = 20) -> list[Match]:
    """Search and fetch the current rows (with check-in status) of the best hits, in rank order."""
    hits = index.search(query, limit)
    if not hits:
        return []
    with index.store.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(_ROWS, {"ids": [h.attendee_id for h in hits]})}
    return [Match(AttendeeInfo.of(rows[h.attendee_id]), h.rank) for h in hits if h.attendee_id in rows]
