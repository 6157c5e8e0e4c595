"""Malformed attendee lists: every problem named with its line and field, and nothing written."""

import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func
from sqlmodel import select

from kiosk.cli import main
from kiosk.core.events import create_event
from kiosk.core.importing import ImportFileError, run_import
from kiosk.core.models import Attendee, AuditEntry, Event

HEADER = "First name,Last name,Email,Company,Barcode\n"
GOOD = "Anna,Ek,anna@example.se,Rädda Barnen,A-1\n"


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    event = create_event(store, "Import test", now, now + timedelta(hours=8), tz="Europe/Stockholm")
    with store.write() as s:
        s.add(Attendee(event_id=event.id, first_name="Existing", last_name="Person", code="EXISTING", rev=0))
    return event.id


def snapshot(store, event_id):
    """What an import could change: the attendees, the event's revision, the audit trail."""
    with store.read() as s:
        people = sorted((a.code, a.first_name, a.last_name, a.rev) for a in s.exec(select(Attendee)))
        rev = s.get(Event, event_id).attendee_rev
        audits = s.exec(select(func.count()).select_from(AuditEntry)).one()
    return people, rev, audits


def write(tmp_path, text, name="list.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


ROW_CASES = [
    ("missing name", HEADER + GOOD + ",,bo@example.se,X,B-2\n", "list.csv:3: name: is missing"),
    ("invalid email", HEADER + "Anna,Ek,anna-at-example.se,X,A-1\n", "list.csv:2: email: 'anna-at-example.se' is not a valid email address"),
    ("code twice", HEADER + GOOD + "Bo,Ek,bo@example.se,X,A-1\n", "list.csv:3: code: 'A-1' is already used on line 2"),
    ("too many fields", HEADER + GOOD + "Bo,Ek,bo@example.se,X,B-2,surprise\n", "list.csv:3: row: has 6 fields, the header has 5"),
    ("over-long value", HEADER + f"Anna,Ek,anna@example.se,{'O' * 201},A-1\n", "list.csv:2: organisation: is 201 characters long (at most 200)"),
    ("NUL byte", HEADER + "An\x00na,Ek,anna@example.se,X,A-1\n", "list.csv:2: first_name: contains a NUL byte"),
    ("quoted newline keeps start line", HEADER + '"Anna\nMaria",Ek,"bad@",X,A-1\n' + GOOD.replace("A-1", "A-2"), "list.csv:2: email: 'bad@' is not a valid email address"),
]


@pytest.mark.parametrize("case, text, message", ROW_CASES, ids=[c[0] for c in ROW_CASES])
def test_row_problems_are_reported_and_nothing_is_written(store, event_id, tmp_path, case, text, message):
    before = snapshot(store, event_id)
    report = run_import(store, event_id, write(tmp_path, text))
    assert message in [p.format(report.file) for p in report.errors]
    assert report.refused and not report.written
    assert "nothing was imported" in report.summary()
    assert snapshot(store, event_id) == before


def test_every_problem_of_a_file_is_listed_at_once(store, event_id, tmp_path):
    text = HEADER + ",,x@example.se,X,B-1\n" + "Bo,Ek,nope,X,B-2\n" + "Cy,Ek,cy@example.se,X,B-2\n"
    report = run_import(store, event_id, write(tmp_path, text))
    assert [(p.line, p.field) for p in report.errors] == [(2, "name"), (3, "email"), (4, "code")]
    assert report.skipped == 3


FILE_CASES = [
    ("empty", b"", "list.csv: the file is empty"),
    ("blank", b"\r\n \r\n", "list.csv: the file has no header row (it is blank)"),
    ("header only", HEADER.encode(), "list.csv: the file has a header row but no attendees"),
    ("binary", bytes(range(256)) * 40, "list.csv: this looks like binary data, not a CSV or XLSX attendee list"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(200), "list.csv: this is a PNG image, not a CSV or XLSX attendee list"),
    ("old xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "list.csv: this is an old Excel .xls"),
    ("no name column", b"Email,Company\nanna@example.se,X\n", "list.csv: no name column found (columns: 'Email', 'Company')"),
    ("not UTF-8 nor cp1252", b"Name\nAnna \x81\x8d\x8f\x90\x9d Ek\n", "list.csv: the text is neither UTF-8, UTF-16 nor Windows-1252"),
]


@pytest.mark.parametrize("case, data, message", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_unusable_files_are_refused_in_one_line(store, event_id, tmp_path, case, data, message):
    before = snapshot(store, event_id)
    with pytest.raises(ImportFileError) as err:
        run_import(store, event_id, write(tmp_path, data))
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value) and err.value.exit_code == 2
    assert snapshot(store, event_id) == before


def test_zip_that_is_not_a_workbook_is_refused(store, event_id, tmp_path):
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    before = snapshot(store, event_id)
    with pytest.raises(ImportFileError, match="list.xlsx: this is a zip file but not a readable XLSX workbook"):
        run_import(store, event_id, path)
    assert snapshot(store, event_id) == before


def test_a_3mb_field_is_reported_without_stalling_or_echoing(store, event_id, tmp_path):
    huge = "x" * (3 * 1024 * 1024)
    text = HEADER + GOOD + f'Bo,Ek,"{huge}@example.se",X,B-2\n'
    before = snapshot(store, event_id)
    report = run_import(store, event_id, write(tmp_path, text))
    [problem] = report.errors
    assert problem.format(report.file) == f"list.csv:3: email: is {len(huge) + 11} characters long (at most 320)"
    assert snapshot(store, event_id) == before
    # the same field in a column nobody imports is no problem
    text = "Name,Blob\n" + f'Anna Ek,"{huge}"\n'
    report = run_import(store, event_id, write(tmp_path, text, "blob.csv"))
    assert (report.added, report.errors) == (1, [])


def test_skip_invalid_imports_the_good_rows_and_lists_the_rest(store, event_id, tmp_path):
    text = HEADER + GOOD + ",,x@example.se,X,B-1\n" + "Cy,Ek,cy@example.se,X,C-1\n"
    report = run_import(store, event_id, write(tmp_path, text), skip_invalid=True)
    assert report.written and not report.refused
    assert (report.added, report.updated, report.unchanged, report.skipped) == (2, 0, 0, 1)
    assert [p.format(report.file) for p in report.errors] == ["list.csv:3: name: is missing"]
    with store.read() as s:
        codes = set(s.exec(select(Attendee.code).where(Attendee.event_id == event_id)))
    assert codes == {"EXISTING", "A-1", "C-1"}


def test_one_email_on_several_tickets_is_a_warning(store, event_id, tmp_path):
    text = HEADER + GOOD + "Olle,Ek,Anna@Example.se,X,A-2\n"
    report = run_import(store, event_id, write(tmp_path, text))
    assert report.errors == [] and report.added == 2
    assert [p.format(report.file) for p in report.warnings] == [
        "list.csv:3: email: warning: also on line 2 (one buyer on several tickets is fine)"
    ]


def test_cli_prints_one_line_per_problem_and_exits_2(store, event_id, tmp_path, capsys):
    path = write(tmp_path, HEADER + "Anna,Ek,nope,X,A-1\n" + ",,x@example.se,X,B-1\n")
    before = snapshot(store, event_id)
    assert main(["--db", store.url, "import", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "list.csv:2: email: 'nope' is not a valid email address"
    assert err[1] == "list.csv:3: name: is missing"
    assert err[2].startswith("kiosk: list.csv: 2 problems in 2 of 2 rows; nothing was imported")
    assert snapshot(store, event_id) == before
    assert main(["--db", store.url, "import", str(tmp_path / "missing.csv")]) == 2
    assert capsys.readouterr().err.strip() == "kiosk: missing.csv: no such file"
    assert main(["--db", store.url, "import", str(path), "--map", "Nope=email"]) == 2
    assert "no column 'Nope' in the file" in capsys.readouterr().err
