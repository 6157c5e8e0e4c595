"""A first import into an event without attendees skips what only matching needs, and nothing else.

No row of a first import can match an attendee, so the scratch database does not work out
which references and identities occur once in the file (``Scratch.mark_unique``). These tests
import the same files both ways (into an empty event; into an empty event with that work done
anyway, as for an event with attendees; into an event with one unrelated attendee) and want
the same attendees, the same problems and the same report: codes used twice (also on an
invalid row), shared emails, broken rows, generated codes, and a problem in the very last row,
found before or after earlier batches were written, which must leave nothing written.
"""

import gc
import itertools
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select

from kiosk.core.events import create_event
from kiosk.core.importing import ImportFileError, applying, run_import, service
from kiosk.core.importing.scratch import Scratch
from kiosk.core.models import Attendee

CODES_FILE = (
    "First name,Last name,Email,Barcode,Attendee #,Attendee Status\n"
    "Anna,Ek,Anna@Example.se,C-1,R-1,Attending\n"  # 2
    "Bo,Lund,anna@example.se,C-2,R-2,Attending\n"  # 3: the email of line 2 (a warning)
    "Cy,Dahl,not-an-email,C-3,R-3,Attending\n"  # 4: invalid email; its code still counts as used
    "Di,Berg,di@example.se,C-1,R-4,Attending\n"  # 5: the code of line 2
    "Ed,Ek,di@example.se,C-3,R-5,Attending\n"  # 6: the code of the invalid line 4
    ",,,C-7,R-6,Attending\n"  # 7: no name
    "Fa,Lund,fa@example.se,,R-7,Refunded\n"  # 8: no code (one is generated), blocked
    "Gu,Dahl,fa@example.se,C-9,R-7,Attending\n"  # 9: the email of line 8, the reference of line 8
    "Hu,Berg,hu@example.se,C-10,R-10,Attending,extra\n"  # 10: one field too many
    "Ida,Ek,di@example.se,C-11,R-11,Attending\n"  # 11: the email only invalid rows had before
    "Jo,Lund,jo@example.se,,R-12,Whatever\n"  # 12: no code, a status not known (a warning)
)
NAMES_FILE = (
    "Name,Email,Company\n"
    "Anna Ek,anna@example.se,A\n"  # 2
    "Bo Berg,,B\n"  # 3
    "Cy Dahl,cy@example.se,C\n"  # 4
    "Cy Dahl,CY@example.se,C\n"  # 5: the same person again (a warning for the email)
    ",x@example.se,X\n"  # 6: no name
    "Di Berg,bad,D\n"  # 7: invalid email
    "Anna Ek,anna@example.se,A2\n"  # 8: Anna again
)
FILES = {"codes": CODES_FILE, "names": NAMES_FILE}
#: how each file's last row is broken: found while checking rows, or while matching them
LAST_ROW_PROBLEMS = {
    "code used twice": ("Eve,Ek,eve@example.se,C-2,R-99,Attending\n", "list.csv:13: code: 'C-2' is already used on line 3"),
    "generated code": ("Eve,Ek,eve@example.se,GEN-1,R-99,Attending\n",
                       "list.csv:13: code: collides with a code generated for another row"),
}
UNRELATED = dict(first_name="Unrelated", last_name="Person", email="other@example.se", code="OTHER",
                 external_ref="OTHER-REF", rev=0)


@pytest.fixture(autouse=True)
def fixed_codes(monkeypatch):
    """Generated codes GEN-1, GEN-2, ... afresh for every import, so that runs compare."""
    real = run_import

    def run(*args, **kwargs):
        counter = itertools.count(1)
        monkeypatch.setattr(applying, "generate_code", lambda: f"GEN-{next(counter)}")
        return real(*args, **kwargs)

    return run


@pytest.fixture
def marks(monkeypatch):
    """How many imports worked out which references and identities are unique."""
    done = []
    real = Scratch.mark_unique

    def mark_unique(self):
        if not self.unique_marked:
            done.append(self.name)
        real(self)

    monkeypatch.setattr(Scratch, "mark_unique", mark_unique)
    return done


EVENTS = itertools.count(1)


def new_event(store, name, *attendees):
    now = datetime.now(timezone.utc)
    event_id = create_event(store, f"{name} {next(EVENTS)}", now, now + timedelta(hours=8)).id
    with store.write() as s:
        for values in attendees:
            s.add(Attendee(event_id=event_id, **values))
    return event_id


def outcome(store, fixed_codes, event_id, path, **options):
    report = fixed_codes(store, event_id, path, **options)
    with store.read() as s:
        people = sorted(
            (a.first_name, a.last_name, a.email, a.organisation, a.code, a.external_ref, a.blocked, a.block_reason,
             a.imported, a.source)
            for a in s.exec(select(Attendee).where(Attendee.event_id == event_id)) if a.code != "OTHER")
    return report.to_json(), report.summary(), people


def write(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return path


def three_ways(store, fixed_codes, monkeypatch, marks, path, **options):
    """The outcome into an empty event (without marks), the same with marks, and into an event
    with an unrelated attendee."""
    fast = outcome(store, fixed_codes, new_event(store, "Empty"), path, **options)
    assert marks == []
    with monkeypatch.context() as patch:
        patch.setattr(service, "has_attendees", lambda store, event_id: True)
        marked = outcome(store, fixed_codes, new_event(store, "Empty, marked"), path, **options)
    unrelated = outcome(store, fixed_codes, new_event(store, "One attendee", UNRELATED), path, **options)
    if not fast[0]["refused"]:
        assert marks == ["list.csv", "list.csv"]
    return fast, marked, unrelated


@pytest.mark.parametrize("skip_invalid", [False, True], ids=["all-or-nothing", "skip-invalid"])
@pytest.mark.parametrize("name", list(FILES))
def test_an_empty_event_gives_what_the_general_path_gives(store, fixed_codes, monkeypatch, marks, tmp_path, name,
                                                          skip_invalid):
    path = write(tmp_path, FILES[name])
    fast, marked, unrelated = three_ways(store, fixed_codes, monkeypatch, marks, path, skip_invalid=skip_invalid)
    assert fast == marked == unrelated
    report, summary, people = fast
    assert report["errors"] and report["warnings"]
    if skip_invalid:
        assert report["written"] and people
    else:
        assert report["refused"] and people == [] and "nothing was imported" in summary


def test_the_codes_file_as_expected(store, fixed_codes, tmp_path):
    """What the comparisons above compare (so that they cannot agree on nothing)."""
    report, _, people = outcome(store, fixed_codes, new_event(store, "Empty"), write(tmp_path, CODES_FILE),
                                skip_invalid=True)
    assert [(p["line"], p["field"], p["message"]) for p in report["errors"]] == [
        (4, "email", "'not-an-email' is not a valid email address"),
        (5, "code", "'C-1' is already used on line 2"),
        (6, "code", "'C-3' is already used on line 4"),
        (7, "name", "is missing"),
        (10, "row", "has 7 fields, the header has 6"),
    ]
    assert [(p["line"], p["field"]) for p in report["warnings"]] == [(3, "email"), (9, "email"), (12, "status")]
    assert [(p[0], p[4], p[6], p[7]) for p in people] == [
        ("Anna", "C-1", False, ""), ("Bo", "C-2", False, ""), ("Fa", "GEN-1", True, "refunded"),
        ("Gu", "C-9", False, ""), ("Ida", "C-11", False, ""), ("Jo", "GEN-2", False, "")]


@pytest.mark.parametrize("problem", list(LAST_ROW_PROBLEMS))
def test_a_problem_in_the_last_row_writes_nothing_either_way(store, fixed_codes, monkeypatch, marks, tmp_path,
                                                             problem):
    monkeypatch.setattr(service, "BATCH", 2)  # the last row's batch comes after others were written
    last, message = LAST_ROW_PROBLEMS[problem]
    good = ["Anna,Ek,anna@example.se,C-1,R-1,Attending\n", "Bo,Lund,bo@example.se,C-2,R-2,Attending\n",
            "Cy,Dahl,,,R-3,Attending\n"]  # line 4 is given GEN-1
    good += [f"Person,{n},,C-{n},R-{n},Attending\n" for n in range(5, 13)]
    path = write(tmp_path, CODES_FILE.splitlines(keepends=True)[0] + "".join(good) + last)
    fast, marked, unrelated = three_ways(store, fixed_codes, monkeypatch, marks, path)
    assert fast == marked == unrelated
    report, summary, people = fast
    assert [f"list.csv:{p['line']}: {p['field']}: {p['message']}" for p in report["errors"]] == [message]
    assert report["refused"] and not report["written"] and people == []
    marks.clear()
    skipped = three_ways(store, fixed_codes, monkeypatch, marks, path, skip_invalid=True)
    assert skipped[0] == skipped[1] == skipped[2]
    assert skipped[0][0]["added"] == 11 and skipped[0][0]["skipped"] == 1


def test_an_attendee_added_between_the_passes_is_still_matched(store, fixed_codes, monkeypatch, marks, tmp_path):
    """The event looked empty after the first pass; when the transaction starts it no longer is."""
    path = write(tmp_path, CODES_FILE.replace("C-11,R-11", ",R-11"))  # Ida is found by her reference
    ida = dict(first_name="Ida", last_name="Ek", email="ida@example.se", code="IDA", external_ref="R-11", rev=0)
    expected = outcome(store, fixed_codes, new_event(store, "Ida first", ida), path, skip_invalid=True)
    monkeypatch.setattr(service, "has_attendees", lambda store, event_id: False)
    late = outcome(store, fixed_codes, new_event(store, "Ida late", ida), path, skip_invalid=True)
    assert late == expected and marks == ["list.csv", "list.csv"]
    assert expected[0]["updated"] == 1 and ("Ida", "Ek", "di@example.se") in [p[:3] for p in expected[2]]


@pytest.mark.parametrize("was_on", [True, False])
def test_the_cycle_collector_is_paused_only_while_an_import_runs(store, tmp_path, was_on):
    seen = []
    path = write(tmp_path, CODES_FILE)
    broken = tmp_path / "broken.csv"  # a quote never closed: the first pass stops half-way
    broken.write_text('Name,Email\nAnna Ek,a@example.se\n"Bo Berg,b@example.se\n', encoding="utf-8")
    event_id = new_event(store, "Collector")
    (gc.enable if was_on else gc.disable)()
    try:
        run_import(store, event_id, path, skip_invalid=True, progress=lambda done, total: seen.append(gc.isenabled()))
        assert gc.isenabled() is was_on
        with pytest.raises(ImportFileError):
            run_import(store, event_id, broken)
        assert gc.isenabled() is was_on
    finally:
        gc.enable()
    assert len(seen) > 1 and not any(seen[:-1]) and seen[-1] is was_on  # the last call: the import is done
