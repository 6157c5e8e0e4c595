"""Cells are tidied the same way whatever they hold: every run of whitespace (tabs, line breaks,
no-break and other Unicode spaces) becomes one space, and the ends are trimmed; the code is only
trimmed. Most rows need none of it and take a shorter path; both paths must agree."""

import random

import pytest

from kiosk.core.importing.mapping import build_mapping
from kiosk.core.importing.validation import RowChecker

HEADERS = ["First name", "Last name", "Email", "Company", "Ticket type", "Barcode"]
SPACES = [" ", "  ", "\t", "\n", "\r\n", "\xa0", "\u2009", "\u3000", "\x1f", "\x85", "\u2028", "|", "| ", " |"]


def folded(cell: str) -> str:
    return " ".join(cell.split())


def checker() -> RowChecker:
    return RowChecker(build_mapping(HEADERS, None), track=False)


@pytest.mark.parametrize("space", SPACES)
@pytest.mark.parametrize("where", ["start", "inner", "end"])
def test_every_kind_of_whitespace_is_folded_wherever_it_stands(space, where):
    word = {"start": space + "Rädda Barnen", "inner": "Rädda" + space + "Barnen", "end": "Rädda Barnen" + space}[where]
    code = {"start": space + "A-1", "inner": "A-1", "end": "A-1" + space}[where]
    row, problems = checker().check(2, ["Anna", "Ek", "anna@example.se", word, "General", code])
    assert not [p for p in problems if not p.warning]
    assert row.values["organisation"] == folded(word)
    assert row.values["code"] == code.strip()


def test_random_cells_fold_as_the_plain_rule_says():
    rng = random.Random(7)
    alphabet = ["a", "Ö", "-", "'", "|", *SPACES]
    check = checker()
    for _ in range(3000):
        cells = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in HEADERS]
        cells[0] = "Anna" + cells[0]  # a name, so the row stays valid
        cells[2] = ""  # no email to validate
        row, problems = check.check(2, cells)
        assert row is not None, problems
        for field, cell in zip(("first_name", "last_name", "organisation", "ticket_type"), (cells[0], cells[1], cells[3], cells[4])):
            assert row.values[field] == folded(cell), (field, cell)
        assert row.values["code"] == cells[5].strip()


def test_a_nul_byte_is_still_an_error_on_the_short_path():
    row, problems = checker().check(3, ["An\x00na", "Ek", "", "", "", "A-1"])
    assert row is None
    assert [(p.line, p.field, p.message) for p in problems] == [(3, "first_name", "contains a NUL byte")]


@pytest.mark.parametrize("cells", [
    [" Anna", "Ek", "", "", "", "A-1"],  # only the first cell starts with a space
    ["Anna", "Ek", "", "", "", "A-1 "],  # only the last cell ends with one
])
def test_a_space_at_either_end_of_the_row_is_trimmed(cells):
    row, _ = checker().check(2, cells)
    assert (row.values["first_name"], row.values["code"]) == ("Anna", "A-1")
