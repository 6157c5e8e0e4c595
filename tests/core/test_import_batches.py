"""A big import is matched and written batch by batch, and still all or nothing.

The first pass keeps each row in a scratch database on disk; the second matches and writes
the valid rows in batches inside one transaction. These tests make the batches tiny, so that
problems are found after earlier batches were already written, and check that memory does not
grow with the length of the file.
"""

import re
import tracemalloc
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func
from sqlmodel import select

from kiosk.core.events import create_event
from kiosk.core.importing import applying, run_import, service
from kiosk.core.models import Attendee, AuditEntry, Event

HEADER = "First name,Last name,Email,Barcode,Attendee #\n"


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    event = create_event(store, "Batch test", now, now + timedelta(hours=8))
    with store.write() as s:
        s.add(Attendee(event_id=event.id, first_name="Existing", last_name="Person", code="EXISTING",
                       external_ref="R-1", rev=0))
    return event.id


@pytest.fixture
def tiny_batches(monkeypatch):
    monkeypatch.setattr(service, "BATCH", 2)


def snapshot(store, event_id):
    with store.read() as s:
        people = sorted((a.code, a.first_name, a.last_name, a.external_ref, a.rev) for a in s.exec(select(Attendee)))
        rev = s.get(Event, event_id).attendee_rev
        audits = s.exec(select(func.count()).select_from(AuditEntry)).one()
    return people, rev, audits


def write(tmp_path, rows):
    path = tmp_path / "list.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


# lines 2-3 are written as the first batch, line 4 updates the existing attendee by code (second
# batch), line 7 finds that attendee again by reference in the third batch
SAME_ATTENDEE_LATE = ["Anna,Ek,anna@example.se,NEW-1,R-2", "Bo,Lund,,NEW-2,R-3", "Renamed,Person,,EXISTING,",
                      "Cy,Dahl,,NEW-3,R-4", "Di,Berg,,NEW-4,R-5", "Again,Person,,,R-1"]


def test_a_problem_in_a_later_batch_rolls_back_the_batches_before(store, event_id, tmp_path, tiny_batches):
    before = snapshot(store, event_id)
    report = run_import(store, event_id, write(tmp_path, SAME_ATTENDEE_LATE))
    assert [p.format(report.file) for p in report.errors] == ["list.csv:7: row: is the same attendee as line 4"]
    assert report.refused and not report.written and (report.added, report.updated) == (0, 0)
    assert snapshot(store, event_id) == before


def test_skip_invalid_writes_every_batch_but_the_bad_row(store, event_id, tmp_path, tiny_batches):
    report = run_import(store, event_id, write(tmp_path, SAME_ATTENDEE_LATE), skip_invalid=True)
    assert report.written and (report.added, report.updated, report.skipped, report.rows) == (4, 1, 1, 6)
    with store.read() as s:
        names = sorted(a.first_name for a in s.exec(select(Attendee)))
    assert names == ["Anna", "Bo", "Cy", "Di", "Renamed"]


def test_a_generated_code_is_remembered_across_batches(store, event_id, tmp_path, tiny_batches, monkeypatch):
    codes = iter(f"GENERATED-{i}" for i in range(1, 100))
    monkeypatch.setattr(applying, "generate_code", lambda: next(codes))
    # line 2 draws GENERATED-1; line 3 is the file's own GENERATED-2, so line 4 skips it and draws
    # GENERATED-3; line 6, two batches later, brings GENERATED-1
    rows = ["Anna,Ek,,,R-2", "Bo,Lund,,GENERATED-2,R-3", "Cy,Dahl,,,R-4", "Di,Berg,,NEW-4,R-5",
            "Ed,Ek,,GENERATED-1,R-6"]
    report = run_import(store, event_id, write(tmp_path, rows), skip_invalid=True)
    assert [p.format(report.file) for p in report.errors] == [
        "list.csv:6: code: collides with a code generated for another row"]
    with store.read() as s:
        codes_of = {a.first_name: a.code for a in s.exec(select(Attendee))}
    assert codes_of == {"Existing": "EXISTING", "Anna": "GENERATED-1", "Bo": "GENERATED-2", "Cy": "GENERATED-3",
                        "Di": "NEW-4"}


def test_name_and_email_match_across_batches_only_when_unique(store, event_id, tmp_path, tiny_batches):
    path = tmp_path / "list.csv"
    path.write_text("Name,Email\nAnna Ek,anna@example.se\nBo Berg,\nCy Dahl,cy@example.se\nCy Dahl,cy@example.se\n",
                    encoding="utf-8")
    assert run_import(store, event_id, path).added == 4
    # Anna and Bo are found again (in different batches); the two Cy Dahls are the same on both
    # sides, so neither can be told apart: both are new
    path.write_text("Name,Email,Org\nCy Dahl,cy@example.se,C\nBo Berg,,B\nCy Dahl,cy@example.se,C\n"
                    "Åsa Nordin,,D\nANNA EK,Anna@Example.se,A\n", encoding="utf-8")
    report = run_import(store, event_id, path)
    assert (report.added, report.updated, report.unchanged) == (3, 2, 0)
    with store.read() as s:
        orgs = sorted((a.first_name, a.organisation) for a in s.exec(select(Attendee)))
    assert orgs == [("ANNA", "A"), ("Bo", "B"), ("Cy", ""), ("Cy", ""), ("Cy", "C"), ("Cy", "C"),
                    ("Existing", ""), ("Åsa", "D")]


def test_memory_does_not_grow_with_the_number_of_rows(store, event_id, tmp_path, monkeypatch):
    """Python objects held at the peak of a 20,000-row import: a few batches' worth, not the file."""
    monkeypatch.setattr(service, "BATCH", 500)
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("Order #,First Name,Last Name,Email,Barcode #,Company,Ticket Type\n")
        for i in range(20_000):
            f.write(f"{100000 + i},Person{i},Surname{i},p{i}@example.se,CODE-{i:08d},Company {i % 50},General\n")
    tracemalloc.start()
    try:
        report = run_import(store, event_id, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.added == 20_000
    assert peak < 6_000_000, f"{peak / 1e6:.1f} MB of Python objects at the peak"


def test_a_dry_run_of_a_re_import_counts_across_batches_and_writes_nothing(store, event_id, tmp_path, tiny_batches):
    rows = ["Anna,Ek,anna@example.se,NEW-1,R-2", "Bo,Lund,,NEW-2,R-3", "Cy,Dahl,,NEW-3,R-4"]
    assert run_import(store, event_id, write(tmp_path, rows)).added == 3
    before = snapshot(store, event_id)
    rows = ["Anna,Ek,anna@example.se,NEW-1,R-2", "Bo,Lund,,NEW-2,R-3", "Renamed,Person,,,R-1", "Di,Berg,,NEW-4,R-5",
            "Cy,Dahl,cy@example.se,NEW-3,R-4"]
    report = run_import(store, event_id, write(tmp_path, rows), dry_run=True)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (1, 2, 2, 0)
    assert not report.written and "dry run, nothing written" in report.summary()
    assert snapshot(store, event_id) == before


def test_no_room_for_the_temporary_file_is_one_line_and_writes_nothing(store, event_id, tmp_path, monkeypatch, capsys):
    from kiosk.cli import main
    from kiosk.core.importing import scratch

    # a scratch database that may not grow past 20 pages behaves like a full disk
    monkeypatch.setattr(scratch, "_SCHEMA", "PRAGMA max_page_count = 20;\n" + scratch._SCHEMA)
    path = tmp_path / "big.csv"
    path.write_text("Name,Barcode\n" + "".join(f"Person {i},CODE-{i:06d}\n" for i in range(3000)), encoding="utf-8")
    before = snapshot(store, event_id)
    with pytest.raises(scratch.ScratchError) as err:
        run_import(store, event_id, path)
    assert str(err.value).startswith("big.csv: no room for the import's temporary file (database or disk is full)")
    assert snapshot(store, event_id) == before
    assert main(["--db", store.url, "import", str(path)]) == 1
    lines = [line for line in capsys.readouterr().err.strip().splitlines()
             if not re.fullmatch(r"import: \d+%", line)]  # progress, not a problem
    assert len(lines) == 1 and "no room for the import's temporary file" in lines[0] and "Traceback" not in lines[0]
    assert snapshot(store, event_id) == before
