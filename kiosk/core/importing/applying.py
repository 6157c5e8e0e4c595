"""Matching checked rows to an event's attendees, a batch at a time.

Each row is matched to an existing attendee of the event by its code; else by its external
reference (only when that reference is unique in the file and among the attendees, since
order numbers repeat across tickets); else, for a row with neither code nor reference, by
first name, last name and email (again only when unique on both sides). A matched attendee
is updated only in the fields the file has, and only when something differs; notes, alerts
and check-in status are never touched, and badge privacy and blocking only through a privacy
or status column (see ``merging``). Nothing is ever deleted, and the check-in log is not read
or written here.

The attendees a batch needs are looked up in the database by code, reference or id; what the
whole import must remember (codes generated so far, attendees matched so far, the existing
attendees' identities) lives in its scratch database (``scratch``). Only attendees that
existed before the import are candidates, so new rows written by earlier batches never match,
and updates are written only once every row is matched: each row is matched against the
attendees as they were before the import, whatever batch it falls in.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter

from sqlalchemy import func, select
from sqlmodel import Session

from kiosk.core.codes import generate_code
from kiosk.core.importing.merging import OFFSET, Merger
from kiosk.core.importing.scratch import Scratch
from kiosk.core.importing.validation import Problem
from kiosk.core.models import Attendee
from kiosk.core.search import fold

#: Keys in one ``IN (...)`` list (far below every driver's limit on parameters).
IN_CHUNK = 500
KEY_COLUMNS = ("id", "code", "external_ref", "first_name", "last_name", "email")


def identity(first: str, last: str, email: str) -> tuple[str, str, str]:
    return fold(first), fold(last), email.casefold()


def identity_hash(first: str, last: str, email: str) -> int:
    """A 64-bit stand-in for an identity (two that share one are both left unmatched)."""
    return hash(identity(first, last, email))


def any_attendee(session, event_id: int) -> bool:
    """Whether the event has any attendee (else no row of an import can match one)."""
    return session.execute(select(Attendee.id).where(Attendee.event_id == event_id).limit(1)).first() is not None


class Matcher:
    """Decides, for each row of a batch, add / update / unchanged, without writing anything."""

    def __init__(self, session: Session, event_id: int, present: tuple[str, ...], scratch: Scratch):
        self.session, self.event_id, self.scratch = session, event_id, scratch
        self.compare = tuple(f for f in present if f != "code")
        self.file_values = itemgetter(*self.compare)  # at least first_name and last_name: always a tuple
        self.merger = Merger(self.compare)
        connection = session.connection()
        quote = connection.dialect.identifier_preparer.quote
        self.mark = "?" if connection.dialect.name == "sqlite" else "%s"
        names = ", ".join(quote(c) for c in (*KEY_COLUMNS, *self.compare))
        self.select = (f"SELECT {names} FROM {quote(Attendee.__tablename__)} "
                       f"WHERE event_id = {self.mark} AND id <= {self.mark} AND ")
        self.quote = quote
        #: attendees added from here on (by this import) are never candidates
        self.max_id = session.execute(select(func.max(Attendee.id))).scalar() or 0
        #: whether the event had any attendee before the import (a first import looks nothing up)
        self.any = any_attendee(session, event_id)
        if self.any:
            scratch.mark_unique()  # usually done before the transaction (``service``): then a no-op
        if self.any and connection.dialect.name == "postgresql":
            # fresh statistics, or after a big first import the planner scans the whole event
            # for every batch's codes instead of using the (event, code) index
            connection.exec_driver_sql(f"ANALYZE {quote(Attendee.__tablename__)}")
        self.problems: list[Problem] = []
        self.added = self.updated = self.unchanged = 0
        self.errors = 0

    def _fetch(self, column: str, keys) -> list[tuple]:
        """The event's attendees (as they were before the import) whose ``column`` is among ``keys``.
        Plain tuples straight from the driver (text and integer columns need no conversion)."""
        found: list[tuple] = []
        if not self.any:
            return found
        keys = list(dict.fromkeys(keys))
        if not keys:
            return found
        cursor = self.session.connection().connection.cursor()
        try:
            for start in range(0, len(keys), IN_CHUNK):
                chunk = keys[start : start + IN_CHUNK]
                marks = ", ".join([self.mark] * len(chunk))
                cursor.execute(f"{self.select}{self.quote(column)} IN ({marks})", (self.event_id, self.max_id, *chunk))
                found += cursor.fetchall()  # tuples on both sqlite3 and psycopg
        finally:
            cursor.close()
        return found

    def _learn_identities(self) -> None:
        cursor = self.session.connection().connection.cursor()
        try:
            cursor.execute(
                f"SELECT id, first_name, last_name, email FROM {self.quote(Attendee.__tablename__)} "
                f"WHERE event_id = {self.mark} AND id <= {self.mark}", (self.event_id, self.max_id))
            while rows := cursor.fetchmany(5000):
                self.scratch.know_identities((identity_hash(f, l, e), i) for i, f, l, e in rows)
        finally:
            cursor.close()
        self.scratch.identities_known = True

    def _candidates(self, batch: list[tuple]) -> tuple[dict, dict, dict]:
        by_code = {row[1]: row for row in self._fetch("code", [v["code"] for _, v, _, _ in batch if v.get("code")])}
        refs = [v["external_ref"] for _, v, ref_unique, _ in batch
                if ref_unique and v.get("external_ref") and v.get("code", "") not in by_code]
        counts: Counter = Counter()
        by_ref = {}
        for row in self._fetch("external_ref", refs):
            counts[row[2]] += 1
            by_ref[row[2]] = row
        by_ref = {ref: row for ref, row in by_ref.items() if counts[ref] == 1}
        keys = {line: identity(v["first_name"], v["last_name"], v.get("email", ""))
                for line, v, _, ident_unique in batch if ident_unique and not v.get("code") and not v.get("external_ref")}
        by_line = {}
        if keys and self.any:
            if not self.scratch.identities_known:
                self._learn_identities()
            ids = self.scratch.identity_ids(hash(k) for k in keys.values())
            rows = {row[0]: row for row in self._fetch("id", ids.values())}
            for line, key in keys.items():
                row = rows.get(ids.get(hash(key), 0))
                if row is not None and identity(row[3], row[4], row[5]) == key:  # not just the same hash
                    by_line[line] = row
        return by_code, by_ref, by_line

    def _new_code(self, line: int, taken: dict[str, int]) -> str:
        code = generate_code()
        while code in taken or self.scratch.code_taken(code, line):
            code = generate_code()
        return code

    def match(self, batch: list[tuple[int, dict, int, int]]) -> tuple[list[dict], list[dict]]:
        """``batch``: (line, values, reference unique in the file, identity unique in the file).
        Returns (inserts, updates); problems and counts accumulate on the matcher."""
        by_code, by_ref, by_line = self._candidates(batch)
        scratch, merger, compare = self.scratch, self.merger, self.compare
        generated_before = scratch.generated_lines(v["code"] for _, v, _, _ in batch if v.get("code"))
        ids = {row[0] for found in (by_code, by_ref, by_line) for row in found.values()}
        matched_before = scratch.matched_lines(ids)
        generated: dict[str, int] = {}
        matched: dict[int, int] = {}
        inserts: list[dict] = []
        updates: list[dict] = []
        problems = self.problems
        known = len(problems)
        for line, values, ref_unique, _ in batch:
            code, ref = values.get("code", ""), values.get("external_ref", "")
            if code and (code in generated or code in generated_before):
                problems.append(Problem(line, "code", "collides with a code generated for another row"))
                continue
            old = by_code.get(code) if code else None
            if old is None and ref and ref_unique:
                old = by_ref.get(ref)
            if old is None and not code and not ref:
                old = by_line.get(line)
            if old is None:
                new = merger.new(values)
                if not code:
                    code = self._new_code(line, generated)
                    generated[code] = line
                new["code"] = code
                inserts.append(new)
                continue
            target = old[0]
            first = matched.get(target) or matched_before.get(target)
            if first:
                problems.append(Problem(line, "row", f"is the same attendee as line {first}"))
                continue
            matched[target] = line
            values = merger.matched(values, old, target, line)
            new_code = code or old[1]
            if new_code == old[1] and self.file_values(values) == old[OFFSET:]:
                self.unchanged += 1
                continue
            update = {f: values[f] for f in compare}
            update["id"], update["code"] = target, new_code
            updates.append(update)
        if generated:
            self._avoid_existing_codes(generated, inserts)
            scratch.add_generated(generated)
        if matched:
            scratch.add_matched(matched)
        problems.extend(merger.conflicts)
        merger.conflicts.clear()
        self.added += len(inserts)
        self.updated += len(updates)
        self.errors += sum(1 for p in problems[known:] if not p.warning)
        return inserts, updates

    def _avoid_existing_codes(self, generated: dict[str, int], inserts: list[dict]) -> None:
        """A generated code that an existing attendee has (never seen: 104 random bits) is drawn again."""
        clashes = {row[1] for row in self._fetch("code", generated)}
        if not clashes:
            return
        for item in inserts:
            code = item["code"]
            while code in clashes:
                line = generated.pop(code)
                code = self._new_code(line, generated)
                generated[code] = line
                if self._fetch("code", [code]):
                    clashes.add(code)
            item["code"] = code
