"""Checking each row: what is wrong with it, on which line, in which field.

``RowChecker`` turns a row's cells into attendee values and problems. Errors make the row
invalid (missing name, invalid email, a code used twice, too many fields, an over-long value,
a NUL byte); warnings do not (one email on several tickets is normal). Values quoted back in
messages are shortened, so a 3 MB field never ends up on the screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from operator import gt, itemgetter
from typing import NamedTuple

from kiosk.core.attendees import EMAIL_RE, MAX_LENGTHS
from kiosk.core.importing.mapping import ALIASES, Mapping, normalise_header
from kiosk.core.importing.names import split_name
from kiosk.core.text import shorten
from kiosk.core.importing.status import FLAG_FIELDS, STATUS_FIELDS, state_of
from kiosk.core.privacy_rules import parse_privacy

LIMITS = dict(
    MAX_LENGTHS, full_name=400, order_ref=200, status=100, order_status=100, cancelled=100, refunded=100, privacy=100
)
#: Longest registration answer kept (a longer one is an error, like any over-long value).
MAX_ANSWER = 1000
#: Bookkeeping columns of the ticketing exports: not registration answers, not kept.
NOT_ANSWERS = frozenset((
    "orderdate", "ordertime", "orderdatetime", "quantity", "totalpaid", "feespaid", "eventbritefees",
    "eventbritepaymentprocessing", "ordertype", "ordertotal", "price", "taxrate", "taxrule", "taxvalue", "currency",
    "productid", "variationid", "saleschannel", "orderlocale", "paymentprovider", "paymentproviders",
    "pseudonymizationid", "seatid", "checkedin", "checkindate", "date", "created", "createdat",
    # addresses and phone numbers: personal data the desk does not need
    "street", "address", "homeaddress1", "homeaddress2", "homecity", "homestate", "homezip", "homecountry",
    "zipcode", "postcode", "postalcode", "city", "country", "state", "phone", "phonenumber", "homephone",
    "cellphone", "mobile", "mobilephone", "telefon", "adress", "postnummer", "ort",
))
NAME_PROBLEM_FIELDS = frozenset(("first_name", "last_name", "full_name"))
PLAIN_FIELDS = ("email", "organisation", "job_title", "category", "ticket_type")
#: How many distinct values of the plain fields share one string object (see ``RowChecker.check``).
SHARED_MAX = 100_000
#: Distinct status cells whose ticket state a checker remembers.
MAX_STATES = 4096


@dataclass(frozen=True, slots=True)  # slots: an import of a million rows may list half a million
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


def code_used_problem(line: int, code: str, first: int) -> Problem:
    return Problem(line, "code", f"{shorten(code)} is already used on line {first}")


def email_also_problem(line: int, first: int) -> Problem:
    return Problem(line, "email", f"also on line {first} (one buyer on several tickets is fine)", True)


class Row(NamedTuple):
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
    """Checks rows one by one.

    With ``track`` it also remembers the codes and emails seen so far, to flag a code used
    twice and an email on several tickets (what a preview of the first rows needs). An import
    leaves that to its scratch database (``scratch``), reading ``code`` and ``ref`` of each
    row checked, so that a million rows' codes never sit in memory.
    """

    def __init__(self, mapping: Mapping, track: bool = True):
        self.mapping = mapping
        self.track = track
        #: the code and reference of the row checked last (also when it is invalid)
        self.code = self.ref = ""
        self.width = len(mapping.headers)
        columns = [(i, f) for i, f in enumerate(mapping.fields) if f]
        self.names = tuple(f for _, f in columns)
        self.limits = tuple(LIMITS[f] for f in self.names)
        indexes = [i for i, _ in columns]
        # one C call picks the mapped cells of a row, always as a tuple
        if len(indexes) > 1:
            self.pick = itemgetter(*indexes)
        elif indexes:
            self.pick = lambda cells, i=indexes[0]: (cells[i],)
        else:  # no column mapped yet (a preview before the user picks one)
            self.pick = lambda cells: ()
        self.plain = tuple(f for f in PLAIN_FIELDS if mapping.has(f))
        self.plain_shared = tuple(f for f in self.plain if f != "email")
        self.has_email = "email" in self.plain
        self.has_code = mapping.has("code")
        self.code_pos = self.names.index("code") if self.has_code else -1
        self.has_full = mapping.has("full_name")
        self.has_ref = mapping.has("external_ref")
        self.ref_field = "external_ref" if self.has_ref else ("order_ref" if mapping.has("order_ref") else None)
        self.code_lines: dict[str, int] = {}
        self.email_lines: dict[str, int] = {}
        self.shared: dict[str, str] = {}
        self.status_fields = tuple(f for f in (*STATUS_FIELDS, *FLAG_FIELDS) if mapping.has(f))
        self.status_cells = itemgetter(*self.status_fields) if self.status_fields else None
        #: the state of each status text met so far (a file holds a handful of them)
        self.states: dict = {}
        self.has_privacy = mapping.has("privacy")
        self.answer_columns = tuple(
            (i, header.strip()) for i, (header, field) in enumerate(mapping.pairs())
            if field is None and i not in mapping.ignored and header.strip()
            and normalise_header(header) not in NOT_ANSWERS and normalise_header(header) not in ALIASES
        )
        self.present = self._present_fields()

    def _present_fields(self) -> tuple[str, ...]:
        present = ["first_name", "last_name"]
        if self.has_full:
            present.append("full_name_source")
        present += [f for f in PLAIN_FIELDS if self.mapping.has(f)]
        if self.ref_field:
            present.append("external_ref")
        if self.status_fields:
            present += ["blocked", "block_reason"]
        if self.has_privacy:
            present += ["badge_privacy", "privacy_own"]
        if self.answer_columns:
            present.append("answers")
        present.append("imported")  # filled in when the row is matched or added (``merging``)
        if self.mapping.has("code"):
            present.append("code")
        return tuple(present)

    def check(self, line: int, cells: list[str]) -> tuple[Row | None, list[Problem]]:
        errors: list[Problem] = []
        count, width = len(cells), self.width
        if count > width and "".join(cells[width:]).strip():
            errors.append(Problem(line, "row", f"has {count} fields, the header has {width}"))
        elif count < width:
            cells = cells + [""] * (width - count)
        picked = self.pick(cells)
        joined = "|".join(picked)
        if joined.isprintable() and "  " not in joined and " |" not in joined and "| " not in joined \
                and joined[:1] != " " and joined[-1:] != " ":
            # Most rows: no whitespace but single inner spaces and no control characters (every
            # other kind of whitespace, and NUL, is not printable), so there is nothing to fold.
            raw = dict(zip(self.names, picked))
        else:
            raw = self._tidy(line, picked, errors)
        if any(map(gt, map(len, raw.values()), self.limits)):
            for (field, value), limit in zip(list(raw.items()), self.limits):
                if len(value) > limit:
                    errors.append(Problem(line, field, f"is {len(value)} characters long (at most {limit})"))
                    raw[field] = ""
        if not self.has_full:  # the names' lengths were checked with the other cells
            values = {"first_name": raw.get("first_name", ""), "last_name": raw.get("last_name", "")}
        else:
            values = self._names(raw)
            for field in ("first_name", "last_name"):  # as split from the full name
                size = len(values[field])
                if size > LIMITS[field] and not any(p.field == field for p in errors):
                    errors.append(Problem(line, field, f"is {size} characters long (at most {LIMITS[field]})"))
        if not (values["first_name"] or values["last_name"]):
            if not any(p.field in NAME_PROBLEM_FIELDS for p in errors):
                errors.append(Problem(line, "name", "is missing"))
        # one string object for each repeated value: a million "General Admission"s cost 66 MB
        shared = self.shared
        if len(shared) < SHARED_MAX:
            for field in self.plain_shared:
                value = raw[field]
                values[field] = shared.setdefault(value, value)
        else:
            for field in self.plain_shared:
                values[field] = raw[field]
        email = ""
        if self.has_email:
            email = values["email"] = raw["email"]
        if email and not EMAIL_RE.match(email):
            errors.append(Problem(line, "email", f"{shorten(email)} is not a valid email address"))
        self.ref = self.code = ""
        if self.ref_field:
            self.ref = values["external_ref"] = raw.get(self.ref_field, "")
        if self.has_code:
            code = self.code = values["code"] = raw["code"]
            if code and self.track:
                first = self.code_lines.setdefault(code, line)
                if first != line:
                    errors.append(code_used_problem(line, code, first))
        warnings: list[Problem] = []
        if self.status_fields:
            given = self.status_cells(raw)  # one status column: its text; several: a tuple of them
            state = self.states.get(given)
            if state is None:
                fields = self.status_fields
                state = state_of(tuple(zip(fields, given if len(fields) > 1 else (given,))))
                if len(self.states) < MAX_STATES:
                    self.states[given] = state
            blocked, reason, found = state
            values["blocked"], values["block_reason"] = blocked, reason
            if found:
                warnings += [Problem(line, field, message, True) for field, message in found]
        if self.has_privacy:
            given = raw.get("privacy", "")
            level = parse_privacy(given) if given else None
            if given and level is None:
                errors.append(Problem(line, "privacy", f"{shorten(given)} is not a badge privacy "
                                      "(full, first name only, no organisation, yes or no)"))
            # empty: not given, so the person keeps their setting (or the event's rule applies)
            values["badge_privacy"], values["privacy_own"] = (level.value, True) if level else ("", False)
        if self.answer_columns:
            values["answers"] = self._answers(line, cells, warnings)
        if errors:
            return None, errors
        if email and self.track:
            first = self.email_lines.setdefault(email.casefold(), line)
            if first != line:
                warnings.append(email_also_problem(line, first))
        return Row(line, values), warnings

    def _tidy(self, line: int, picked: tuple[str, ...], errors: list[Problem]) -> dict[str, str]:
        """The picked cells with their whitespace folded (the code only stripped); a NUL byte is an error."""
        raw = dict(zip(self.names, [" ".join(v.split()) for v in picked]))
        if self.has_code:
            raw["code"] = picked[self.code_pos].strip()
        if "\x00" in "".join(picked):
            for field, value in zip(self.names, picked):
                if "\x00" in value:
                    errors.append(Problem(line, field, "contains a NUL byte"))
                    raw[field] = ""
        return raw

    def _answers(self, line: int, cells: list[str], warnings: list[Problem]) -> str:
        """The unmapped columns' non-empty cells as a JSON object {header: value}, in file order.
        An over-long answer (or one with a NUL byte) is left out with a warning; the row stays valid."""
        answers = {}
        for index, header in self.answer_columns:
            value = " ".join(cells[index].split()) if index < len(cells) else ""
            if not value:
                continue
            if len(value) > MAX_ANSWER or "\x00" in value:
                problem = "contains a NUL byte" if "\x00" in value else f"is {len(value)} characters long (at most {MAX_ANSWER})"
                warnings.append(Problem(line, header[:60], problem + "; not kept", True))
                continue
            answers[header] = value
        return json.dumps(answers, ensure_ascii=False) if answers else ""

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
