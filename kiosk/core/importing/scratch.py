"""What an import remembers about every row, kept on disk rather than in memory.

An import works in two passes: the first reads the file, checks every row and notes each row
here (its line, code, reference, email and identity in ``facts``; the values of the valid rows,
a few thousand rows to a record, in ``chunk``); the second reads the valid rows back in file
order and matches and writes them in batches. A million rows fill a temporary SQLite database
of about 215 MB on disk that is deleted when the import ends, so memory stays flat whatever the
size of the file.

After the first pass, ``finish`` finds what needs the whole file: codes used twice (an error
on every later line) and emails on several tickets (a warning). ``mark_unique`` finds the
references and identities that occur once (only those match existing attendees); an import into
an event without attendees cannot match anyone and does without. During the second pass the
codes generated for new rows and the attendees already matched are noted here too, and the
updates wait here until every row is matched: so each row is matched against the attendees as
they were before the import, whatever batch it is in.
"""

from __future__ import annotations

import functools
import inspect
import json
import marshal
import sqlite3
from collections.abc import Iterable, Iterator
from operator import attrgetter

from kiosk.core.errors import KioskError
from kiosk.core.importing.validation import Problem, code_used_problem, email_also_problem
from kiosk.core.text import LINE_LIMIT, clip

#: Page cache of the scratch database; the rest of it spills to its temporary file.
CACHE_KB = 8 * 1024
#: Rows noted in memory before they go to the scratch database in one ``executemany``.
FLUSH_ROWS = 2000

_SCHEMA = f"""
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = FILE;
PRAGMA cache_size = -{CACHE_KB};
CREATE TABLE facts (
    line INTEGER PRIMARY KEY, valid INTEGER NOT NULL, code TEXT, ref TEXT, email TEXT, ident INTEGER,
    ref_unique INTEGER NOT NULL DEFAULT 0, ident_unique INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE chunk (n INTEGER PRIMARY KEY, vals BLOB NOT NULL);
CREATE TABLE generated (code TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE matched (id INTEGER PRIMARY KEY, line INTEGER NOT NULL);
CREATE TABLE known_identity (hash INTEGER PRIMARY KEY, id INTEGER NOT NULL);
CREATE TABLE updates (n INTEGER PRIMARY KEY, vals BLOB NOT NULL);
"""


def _json(values: Iterable) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _repeats(rows: Iterable[tuple[int, object]]) -> Iterator[tuple[int, object, int]]:
    """Of ``(line, value)`` pairs in order of value, then line: ``(line, value, first line)``
    for every line but the first of a value."""
    last, first = None, 0
    for line, value in rows:
        if value != last:
            last, first = value, line
        else:
            yield line, value, first


_line = attrgetter("line")


class ScratchError(KioskError):
    """The scratch database cannot be written (a full disk): the import stops, writing nothing."""


def _guarded(method):
    """``sqlite3`` errors of the scratch database as one clear line (also while a generator runs)."""

    def fail(self, exc: sqlite3.Error) -> ScratchError:
        return ScratchError(clip(
            f"{clip(self.name, 80)}: no room for the import's temporary file ({exc}); nothing was imported: "
            "free some disk space, or set TMPDIR to a folder with room", LINE_LIMIT))

    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generator(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise fail(self, exc) from None
        return generator

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise fail(self, exc) from None
    return guarded


class Scratch:
    """The scratch database of one import of the file ``name`` (named in its error messages)."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._open()

    @_guarded
    def _open(self) -> None:
        # "": a private temporary database on disk, removed when the connection closes
        self.db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self._facts: list[tuple] = []
        self._vals: list[tuple] = []
        #: lines valid on their own but with a code an earlier line has (their values stay in ``chunk``)
        self.dropped: set[int] = set()
        self.unique_marked = False
        self.generated = 0
        self.identities_known = False
        #: the keys of every valid row's values, in order (the same for all rows of a file)
        self.keys: tuple[str, ...] = ()
        self.update_keys: tuple[str, ...] = ()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- first pass ----------------------------------------------------------------------------

    def note(self, line: int, values: dict | None, code: str, ref: str, email: str, ident: int | None) -> None:
        """One row of the file: ``values`` are a valid row's attendee values, None for an invalid row."""
        # only ints and strs: sqlite3 binds those directly, and looks up an adapter for anything else
        self._facts.append((line, 0 if values is None else 1, code, ref, email, "" if ident is None else ident))
        if values is not None:
            if not self.keys:
                self.keys = tuple(values)
            self._vals.append((line, tuple(values.values())))
        if len(self._facts) >= FLUSH_ROWS:
            self._flush()

    @_guarded
    def _flush(self) -> None:
        # The values of a few thousand rows in one record: the scans of ``finish`` read only
        # the small facts, and SQLite handles a record per row only where one is needed.
        self.db.executemany(
            "INSERT INTO facts (line, valid, code, ref, email, ident) "
            "VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''))", self._facts)
        if self._vals:
            self.db.execute("INSERT INTO chunk (vals) VALUES (?)", (marshal.dumps(self._vals),))
        self._facts.clear()
        self._vals.clear()

    @_guarded
    def finish(self) -> list[Problem]:
        """Problems that need the whole file: codes used twice (errors), shared emails (warnings).

        Each is one scan in order of the value, then of the line, that keeps only the value
        before and its first line: memory stays flat, and no grouping query sorts twice."""
        self._flush()
        db = self.db
        db.execute("CREATE INDEX facts_code ON facts (code) WHERE code IS NOT NULL")
        problems = [
            code_used_problem(line, code, first)
            for line, code, first in _repeats(db.execute(
                "SELECT line, code FROM facts WHERE code IS NOT NULL ORDER BY code, line"))
        ]
        if problems:
            problems.sort(key=_line)
            self.dropped = {p.line for p in problems}
            db.executemany("UPDATE facts SET valid = 0 WHERE line = ?", [(p.line,) for p in problems])
        shared = [
            email_also_problem(line, first)
            for line, _, first in _repeats(db.execute(
                "SELECT line, email FROM facts WHERE valid AND email IS NOT NULL ORDER BY email, line"))
        ]
        shared.sort(key=_line)
        return problems + shared

    @_guarded
    def mark_unique(self) -> None:
        """Mark the references and identities that occur once in the file (only those match
        existing attendees). Only an import into an event with attendees needs them; done once."""
        if self.unique_marked:
            return
        self.unique_marked = True
        db = self.db
        db.execute(
            "UPDATE facts SET ref_unique = 1 WHERE ref IN "
            "(SELECT ref FROM facts WHERE ref IS NOT NULL GROUP BY ref HAVING count(*) = 1)"
        )
        db.execute(
            "UPDATE facts SET ident_unique = 1 WHERE valid AND ident IN "
            "(SELECT ident FROM facts WHERE valid AND ident IS NOT NULL GROUP BY ident HAVING count(*) = 1)"
        )

    @_guarded
    def valid_rows(self, size: int) -> Iterator[list[tuple[int, dict, int, int]]]:
        """Every valid row, in file order, in batches of ``size``:
        (line, values, reference unique in the file, identity unique in the file)."""
        dropped, loads = self.dropped, marshal.loads
        # the uniqueness marks, when there are any, in the same order (the valid rows by line)
        marks = self.db.execute("SELECT line, ref_unique, ident_unique FROM facts WHERE valid ORDER BY line") \
            if self.unique_marked else None
        waiting: list[tuple] = []
        for blob, in self.db.execute("SELECT vals FROM chunk ORDER BY n"):
            rows = loads(blob)
            if dropped:
                rows = [row for row in rows if row[0] not in dropped]
            if marks is None:
                waiting += rows
            else:
                waiting += [(line, vals, ref_unique, ident_unique) for (line, vals), (_, ref_unique, ident_unique)
                            in zip(rows, marks.fetchmany(len(rows)), strict=True)]
            del rows
            while len(waiting) >= size:
                yield self._batch(waiting[:size])
                del waiting[:size]
        if waiting:
            yield self._batch(waiting)

    def _batch(self, rows: list[tuple]) -> list[tuple[int, dict, int, int]]:
        keys = self.keys
        if not self.unique_marked:
            return [(line, dict(zip(keys, vals)), 0, 0) for line, vals in rows]
        return [(line, dict(zip(keys, vals)), ref_unique, ident_unique) for line, vals, ref_unique, ident_unique in rows]

    @_guarded
    def valid_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM facts WHERE valid").fetchone()[0]

    # -- second pass ---------------------------------------------------------------------------

    @_guarded
    def generated_lines(self, codes: Iterable[str]) -> dict[str, int]:
        """Of ``codes``, those generated for an earlier row: {code: that row's line}."""
        if not self.generated:
            return {}
        return dict(self.db.execute(
            "SELECT code, line FROM generated WHERE code IN (SELECT value FROM json_each(?))", (_json(codes),)))

    @_guarded
    def code_taken(self, code: str, line: int) -> bool:
        """Whether a code just generated for ``line`` is a code of an earlier row, or generated before."""
        return self.db.execute(
            "SELECT 1 FROM facts WHERE code = ?1 AND line < ?2 UNION ALL SELECT 1 FROM generated WHERE code = ?1",
            (code, line),
        ).fetchone() is not None

    @_guarded
    def add_generated(self, pairs: dict[str, int]) -> None:
        self.generated += len(pairs)
        self.db.executemany("INSERT OR IGNORE INTO generated VALUES (?, ?)", pairs.items())

    @_guarded
    def matched_lines(self, ids: Iterable[int]) -> dict[int, int]:
        """Of attendee ids, those an earlier row matched: {id: that row's line}."""
        return dict(self.db.execute(
            "SELECT id, line FROM matched WHERE id IN (SELECT value FROM json_each(?))", (_json(ids),)))

    @_guarded
    def add_matched(self, pairs: dict[int, int]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO matched VALUES (?, ?)", pairs.items())

    @_guarded
    def know_identities(self, pairs: Iterable[tuple[int, int]]) -> None:
        """The existing attendees' identity hashes; a hash two of them share points to no one (0)."""
        self.db.executemany(
            "INSERT INTO known_identity VALUES (?, ?) ON CONFLICT (hash) DO UPDATE SET id = 0", pairs)
        self.identities_known = True

    @_guarded
    def identity_ids(self, hashes: Iterable[int]) -> dict[int, int]:
        return dict(self.db.execute(
            "SELECT hash, id FROM known_identity WHERE id != 0 AND hash IN (SELECT value FROM json_each(?))",
            (_json(hashes),)))

    @_guarded
    def defer_updates(self, updates: list[dict]) -> None:
        if not updates:
            return
        if not self.update_keys:
            self.update_keys = tuple(updates[0])
        dumps = marshal.dumps
        self.db.executemany("INSERT INTO updates (vals) VALUES (?)", ((dumps(tuple(u.values())),) for u in updates))

    @_guarded
    def deferred_updates(self, size: int) -> Iterator[list[dict]]:
        keys, loads = self.update_keys, marshal.loads
        cursor = self.db.execute("SELECT vals FROM updates ORDER BY n")
        while rows := cursor.fetchmany(size):
            yield [dict(zip(keys, loads(vals))) for vals, in rows]
