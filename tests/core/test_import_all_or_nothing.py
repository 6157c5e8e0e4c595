"""All or nothing, also for problems found while rows are matched to existing attendees.

"is the same attendee as line N" and "collides with a code" come from the matching phase,
after every row passed its own checks; the import must then still write nothing at all.
"""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func
from sqlmodel import select

from kiosk.core.events import create_event
from kiosk.core.importing import applying, run_import
from kiosk.core.models import Attendee, AuditEntry, Event

HEADER = "First name,Last name,Email,Barcode,Attendee #\n"


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    event = create_event(store, "Matching test", now, now + timedelta(hours=8))
    with store.write() as s:
        s.add(Attendee(event_id=event.id, first_name="Existing", last_name="Person", code="EXISTING",
                       external_ref="R-1", rev=0))
    return event.id


def snapshot(store, event_id):
    with store.read() as s:
        people = sorted((a.code, a.first_name, a.last_name, a.external_ref, a.rev) for a in s.exec(select(Attendee)))
        rev = s.get(Event, event_id).attendee_rev
        audits = s.exec(select(func.count()).select_from(AuditEntry)).one()
    return people, rev, audits


def same_attendee_file(tmp_path):
    # line 2 is new, line 3 updates the existing attendee by code, line 4 finds them again by reference
    path = tmp_path / "list.csv"
    path.write_text(
        HEADER
        + "Anna,Ek,anna@example.se,NEW-1,R-2\n"
        + "Renamed,Person,,EXISTING,\n"
        + "Again,Person,,,R-1\n",
        encoding="utf-8",
    )
    return path


def colliding_code_file(tmp_path, monkeypatch):
    # line 2 has no code and is given a generated one; line 3 brings that very code
    codes = iter(["GENERATED-1", "GENERATED-2", "GENERATED-3"])
    monkeypatch.setattr(applying, "generate_code", lambda: next(codes))
    path = tmp_path / "list.csv"
    path.write_text(
        HEADER
        + "Anna,Ek,anna@example.se,,R-2\n"
        + "Bo,Lund,bo@example.se,GENERATED-1,R-3\n"
        + "Renamed,Person,,EXISTING,\n",
        encoding="utf-8",
    )
    return path


CASES = {
    "same attendee": (same_attendee_file, "list.csv:4: row: is the same attendee as line 3"),
    "generated code collides": (colliding_code_file, "list.csv:3: code: collides with a code generated for another row"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_matching_problem_writes_nothing(store, event_id, tmp_path, monkeypatch, case):
    make, message = CASES[case]
    path = make(tmp_path) if case == "same attendee" else make(tmp_path, monkeypatch)
    before = snapshot(store, event_id)
    report = run_import(store, event_id, path)
    assert [p.format(report.file) for p in report.errors] == [message]
    assert report.refused and not report.written and "nothing was imported" in report.summary()
    assert (report.added, report.updated) == (0, 0)
    assert snapshot(store, event_id) == before


@pytest.mark.parametrize("case", list(CASES))
def test_a_matching_problem_with_skip_invalid_writes_the_other_rows(store, event_id, tmp_path, monkeypatch, case):
    make, message = CASES[case]
    path = make(tmp_path) if case == "same attendee" else make(tmp_path, monkeypatch)
    report = run_import(store, event_id, path, skip_invalid=True)
    assert [p.format(report.file) for p in report.errors] == [message]
    assert report.written and report.skipped == 1 and report.rows == 3
    assert report.added + report.updated + report.unchanged + report.skipped == report.rows
    with store.read() as s:
        names = sorted(a.first_name for a in s.exec(select(Attendee)))
    assert "Renamed" in names and "Again" not in names and len(names) == 1 + report.added
