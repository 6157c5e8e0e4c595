"""Checking each row: what is wrong with it, on which line, in which field.

``RowChecker`` turns a row's cells into attendee values and problems. Errors make the row
invalid (missing name, invalid email, a code used twice, too many fields, an over-long value,
a NUL byte); warnings do not (one email on several tickets is normal). Values quoted back in
messages are shortened, so a 3 MB field never ends up on the screen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kiosk.core.attendees import EMAIL_RE, MAX_LENGTHS
from kiosk.core.importing.mapping import Mapping
from kiosk.core.importing.names import split_name

LIMITS = dict(MAX_LENGTHS, full_name=400, order_ref=200)
PLAIN_FIELDS = ("email", "organisation", "job_title", "category", "ticket_type")


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    message: str
    warning: bool = False

    def format(self, filename: str) -> str:
        kind = "warning: " if self.warning else ""
        return f"{filename}:{self.line}: {self.field}: {kind}{self.message}"

    def to_json(self) -> dict:
        return {"line": self.line, "field": self.field, "message": self.message, "warning": self.warning}


def shorten(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


@dataclass(frozen=True)
class Row:
    """A valid row: its line and the attendee values the file gives (only mapped fields)."""

    line: int
    values: dict

    @property
    def code(self) -> str:
        return self.values.get("code", "")

    @property
    def ref(self) -> str:
        return self.values.get("external_ref", "")


class RowChecker:
    """Checks rows one by one, remembering codes, emails and references seen so far."""

    def __init__(self, mapping: Mapping):
        self.mapping = mapping
        self.width = len(mapping.headers)
        self.columns = [(i, f) for i, f in enumerate(mapping.fields) if f]
        self.has_full = mapping.has("full_name")
        self.has_first = mapping.has("first_name")
        self.has_last = mapping.has("last_name")
        self.has_ref = mapping.has("external_ref")
        self.ref_field = "external_ref" if self.has_ref else ("order_ref" if mapping.has("order_ref") else None)
        self.code_lines: dict[str, int] = {}
        self.email_lines: dict[str, int] = {}
        self.ref_counts: Counter[str] = Counter()
        self.present = self._present_fields()

    def _present_fields(self) -> tuple[str, ...]:
        present = ["first_name", "last_name"]
        if self.has_full:
            present.append("full_name_source")
        present += [f for f in PLAIN_FIELDS if self.mapping.has(f)]
        if self.ref_field:
            present.append("external_ref")
        if self.mapping.has("code"):
            present.append("code")
        return tuple(present)

    def check(self, line: int, cells: list[str]) -> tuple[Row | None, list[Problem]]:
        problems: list[Problem] = []
        if len(cells) > self.width and any(c.strip() for c in cells[self.width :]):
            problems.append(Problem(line, "row", f"has {len(cells)} fields, the header has {self.width}"))
        raw: dict[str, str] = {}
        bad: set[str] = set()
        for index, field in self.columns:
            value = cells[index] if index < len(cells) else ""
            if "\x00" in value:
                problems.append(Problem(line, field, "contains a NUL byte"))
                bad.add(field)
                continue
            value = value.strip() if field == "code" else " ".join(value.split())
            limit = LIMITS[field]
            if len(value) > limit:
                problems.append(Problem(line, field, f"is {len(value)} characters long (at most {limit})"))
                bad.add(field)
                continue
            raw[field] = value
        values = self._names(raw)
        for field in ("first_name", "last_name"):
            if len(values[field]) > LIMITS[field] and field not in bad:
                problems.append(Problem(line, field, f"is {len(values[field])} characters long (at most {LIMITS[field]})"))
                bad.add(field)
        if not (values["first_name"] or values["last_name"]) and not bad & {"first_name", "last_name", "full_name"}:
            problems.append(Problem(line, "name", "is missing"))
        for field in PLAIN_FIELDS:
            if field in raw:
                values[field] = raw[field]
        email = values.get("email", "")
        if email and not EMAIL_RE.match(email):
            problems.append(Problem(line, "email", f"{shorten(email)} is not a valid email address"))
        if self.ref_field:
            ref = raw.get(self.ref_field, "")
            values["external_ref"] = ref
            if ref:
                self.ref_counts[ref] += 1
        if "code" in raw:
            code = raw["code"]
            values["code"] = code
            if code:
                first = self.code_lines.setdefault(code, line)
                if first != line:
                    problems.append(Problem(line, "code", f"{shorten(code)} is already used on line {first}"))
        if email and not any(not p.warning for p in problems):
            key = email.casefold()
            first = self.email_lines.setdefault(key, line)
            if first != line:
                problems.append(
                    Problem(line, "email", f"also on line {first} (one buyer on several tickets is fine)", warning=True)
                )
        if any(not p.warning for p in problems):
            return None, problems
        return Row(line, values), problems

    def _names(self, raw: dict[str, str]) -> dict:
        first = raw.get("first_name", "")
        last = raw.get("last_name", "")
        values: dict = {}
        if self.has_full:
            full = raw.get("full_name", "")
            values["full_name_source"] = full
            if full and not first and not last:
                first, last = split_name(full)
            elif full and first and not last:
                known, rest = split_name(full, first)
                last = rest if known == first else last
        values["first_name"] = first
        values["last_name"] = last
        return values

    def unique_ref(self, ref: str) -> bool:
        """A reference is a key only when no other row of the file has it (order codes repeat)."""
        return bool(ref) and self.ref_counts[ref] == 1
