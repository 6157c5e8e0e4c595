"""Importing the sample exports, and re-importing: idempotent, updating, never destructive."""

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import select

from kiosk.cli import main
from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.events import create_event
from kiosk.core.importing import run_import
from kiosk.core.models import Attendee, AuditEntry, CheckIn, Event
from kiosk.core.search import SearchIndex, find

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    return create_event(store, "Re-import test", now, now + timedelta(hours=8), tz="Europe/Stockholm").id


def people(store, event_id):
    with store.read() as s:
        rows = s.exec(select(Attendee).where(Attendee.event_id == event_id).order_by(Attendee.id))
        return {a.code: a for a in rows}


def audits(store, action):
    with store.read() as s:
        return list(s.exec(select(AuditEntry).where(AuditEntry.action == action)))


def test_eventbrite_sample_imports_with_codes_kept_exactly(store, event_id, actor):
    report = run_import(store, event_id, SAMPLES / "eventbrite_style.csv", actor=actor)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (4, 0, 0, 0)
    found = people(store, event_id)
    tomas = found["111111111220000000020001"]
    assert (tomas.first_name, tomas.last_name, tomas.email) == ("Tomás", "O'Neill", "tomas@example.ie")
    assert (tomas.organisation, tomas.job_title, tomas.ticket_type) == (
        "Child Safety Institute, Dublin", "Director, Research", "Speaker"
    )
    assert tomas.external_ref == "2000000002" and tomas.source == "import:eventbrite_style.csv"
    result = CheckInService(store, event_id, actor).scan("111111111320000000030001")
    assert result.kind is ResultKind.CHECKED_IN and result.attendee.display_name == "Yuki Tanaka"


def test_pretix_sample_needs_skip_invalid_for_its_nameless_ticket(store, event_id):
    refused = run_import(store, event_id, SAMPLES / "pretix_style.csv")
    assert refused.refused and people(store, event_id) == {}
    report = run_import(store, event_id, SAMPLES / "pretix_style.csv", skip_invalid=True)
    assert (report.added, report.skipped) == (5, 1)
    found = people(store, event_id)
    amara = found["t5m8zq2wx9kc4vn7dh3bp6fyja"]
    assert (amara.first_name, amara.last_name, amara.full_name_source) == ("Amara", "Nwosu", "Dr. Amara Nwosu")
    assert found["z4x9qk2mw7pv8ct3dn6hy5bfja"].last_name == "Ferreira da Silva"
    # both tickets of one order keep the order code as their reference
    assert found["k3r9v2qpxw7mzt4yh8bd6nfc5ja"].external_ref == found["p7d2xk9qm4vz8ct3nw6hfy5bja"].external_ref == "ABC12"


def test_swedish_sample_imports_automatically_and_with_map(store, event_id, tmp_path):
    report = run_import(store, event_id, SAMPLES / "excel_unicode_text.txt")
    assert report.added == 3
    asa = next(a for a in people(store, event_id).values() if a.first_name == "Åsa")
    assert (asa.last_name, asa.email, asa.organisation, asa.category) == ("Nordin", "asa.nordin@example.se", "Skolverket", "Skola")
    assert len(asa.code) == 21  # generated
    # the same file with an explicit mapping (category read as ticket type): matched, updated
    overrides = {"Förnamn": "first_name", "Efternamn": "last_name", "E-post": "email", "Kategori": "ticket_type"}
    again = run_import(store, event_id, SAMPLES / "excel_unicode_text.txt", mapping=overrides)
    assert (again.added, again.updated, again.unchanged) == (0, 3, 0)
    asa2 = people(store, event_id)[asa.code]
    assert (asa2.ticket_type, asa2.category, asa2.organisation) == ("Skola", "Skola", "Skolverket")


def test_round_trip_same_file_twice_changes_nothing(store, event_id, tmp_path):
    for name in ("eventbrite_style.csv", "excel_unicode_text.txt"):
        run_import(store, event_id, SAMPLES / name)
    before = {c: (a.rev, a.updated_at, a.first_name) for c, a in people(store, event_id).items()}
    with store.read() as s:
        rev = s.get(Event, event_id).attendee_rev
    for name in ("eventbrite_style.csv", "excel_unicode_text.txt"):
        report = run_import(store, event_id, SAMPLES / name)
        assert (report.added, report.updated, report.skipped) == (0, 0, 0) and report.unchanged > 0
    after = {c: (a.rev, a.updated_at, a.first_name) for c, a in people(store, event_id).items()}
    assert after == before
    with store.read() as s:
        assert s.get(Event, event_id).attendee_rev == rev


def test_newer_export_updates_by_code_then_reference_and_adds(store, event_id, tmp_path, actor):
    header = "Attendee #,Barcode #,First Name,Last Name,Email,Company\n"
    first = tmp_path / "v1.csv"
    first.write_text(
        header
        + "1,CODE-1,Anna,Ek,anna@example.se,Old AB\n"
        + "2,CODE-2,Bo,Berg,bo@example.se,Bo AB\n"
        + "3,CODE-3,Cy,Dahl,cy@example.se,Cy AB\n",
        encoding="utf-8",
    )
    run_import(store, event_id, first)
    anna_id = people(store, event_id)["CODE-1"].id
    desk = CheckInService(store, event_id, actor)
    assert desk.scan("CODE-1").kind is ResultKind.CHECKED_IN
    attendees.update_attendee(store, anna_id, {"notes": "Vegetarian", "alerts": "vip"}, actor)
    index = SearchIndex(store, event_id)
    assert find(index, "Dahl")

    second = tmp_path / "v2.csv"
    second.write_text(
        header
        + "1,CODE-1,Anna,Ek,anna@example.se,New AB\n"  # same code: organisation changed
        + "2,CODE-2B,Bo,Berg,bo@example.se,Bo AB\n"  # reissued ticket: matched by reference
        + "4,CODE-4,Di,Eng,di@example.se,Di AB\n",  # new; Cy (3) is no longer listed
        encoding="utf-8",
    )
    report = run_import(store, event_id, second)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (1, 2, 0, 0)
    found = people(store, event_id)
    assert set(found) == {"CODE-1", "CODE-2B", "CODE-3", "CODE-4"}  # nobody deleted
    anna = found["CODE-1"]
    assert (anna.id, anna.organisation, anna.notes, anna.alerts) == (anna_id, "New AB", "Vegetarian", "vip")
    assert anna.checked_in_at is not None and anna.inside  # status cache untouched
    with store.read() as s:
        assert len(s.exec(select(CheckIn).where(CheckIn.attendee_id == anna_id)).all()) == 1
    # search sees the change through the revision, without a rebuild
    index.refresh(force=True)
    assert [m.attendee.code for m in find(index, "Eng")] == ["CODE-4"]
    assert desk.scan("CODE-2B").kind is ResultKind.CHECKED_IN
    assert desk.scan("CODE-2").kind is ResultKind.UNKNOWN_CODE


def test_files_without_codes_match_by_name_and_email(store, event_id, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name,Email,Org\nAnna Ek,anna@example.se,A\nBo Berg,,B\n", encoding="utf-8")
    run_import(store, event_id, path)
    codes = {a.first_name: a.code for a in people(store, event_id).values()}
    path.write_text("Name,Email,Org\nAnna Ek,ANNA@example.se,A2\nBo Berg,,B\nCy Dahl,,C\n", encoding="utf-8")
    report = run_import(store, event_id, path)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
    found = {a.first_name: a for a in people(store, event_id).values()}
    assert found["Anna"].code == codes["Anna"] and found["Anna"].organisation == "A2"


def test_import_is_audited_without_personal_data(store, event_id, actor):
    run_import(store, event_id, SAMPLES / "eventbrite_style.csv", actor=actor)
    [entry] = audits(store, "import")
    details = json.loads(entry.details)
    assert details["file"] == "eventbrite_style.csv"
    assert (details["added"], details["updated"], details["unchanged"], details["skipped"]) == (4, 0, 0, 0)
    assert (entry.station, entry.operator, entry.event_id) == (actor.station, actor.operator, event_id)
    assert "Märta" not in entry.details and "@" not in entry.details


def test_dry_run_counts_but_writes_nothing(store, event_id, tmp_path, capsys):
    report = run_import(store, event_id, SAMPLES / "eventbrite_style.csv", dry_run=True)
    assert report.added == 4 and not report.written and "dry run, nothing written" in report.summary()
    assert people(store, event_id) == {} and audits(store, "import") == []
    assert main(["--db", store.url, "import", "--dry-run", str(SAMPLES / "pretix_style.csv"), "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "Attendee name  -> full_name" in out
    assert "4: Amara Nwosu | a.nwosu@example.net" in out
    assert "would have added 5, updated 0, unchanged 0, skipped 1" in out
    assert people(store, event_id) == {}


def test_progress_is_reported_to_the_end(store, event_id, tmp_path):
    path = tmp_path / "big.csv"
    lines = ["Name,Barcode"] + [f"Person {i},P{i}" for i in range(5000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls = []
    report = run_import(store, event_id, path, progress=lambda done, total: calls.append((done, total)))
    assert report.added == 5000
    assert len(calls) >= 3 and calls[-1] == (path.stat().st_size, path.stat().st_size)
    assert all(0 < d <= t for d, t in calls)


def test_xlsx_import_round_trip(store, event_id, tmp_path):
    path = tmp_path / "list.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Förnamn", "Efternamn", "E-post", "Biljettkod"])
    book.active.append(["Åsa", "Nordin", "asa@example.se", "0042"])
    book.active.append(["Jörgen", "Björk", None, 1234567])
    book.save(path)
    assert run_import(store, event_id, path).added == 2
    assert set(people(store, event_id)) == {"0042", "1234567"}
    assert run_import(store, event_id, path).unchanged == 2
    renamed = tmp_path / "download"  # browsers sometimes drop the suffix
    shutil.copy(path, renamed)
    assert run_import(store, event_id, renamed).unchanged == 2


def test_cli_import_json_and_text(store, event_id, tmp_path, capsys):
    copy = tmp_path / "attendees.csv"
    shutil.copy(SAMPLES / "eventbrite_style.csv", copy)
    assert main(["--db", store.url, "import", str(copy), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["added"], data["written"], data["refused"]) == (4, True, False)
    assert {"column": "Barcode #", "field": "code"} in data["mapping"]
    assert main(["--db", store.url, "import", str(copy)]) == 0
    assert "attendees.csv: added 0, updated 0, unchanged 4, skipped 0" in capsys.readouterr().out
    assert main(["--db", store.url, "import", str(copy), "--dry-run", "--json", "--map", "Company=ignore"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["dry_run"], data["written"], data["updated"]) == (True, False, 0)
    assert data["first_rows"][0]["values"]["first_name"] == "Märta"
    assert "organisation" not in data["first_rows"][0]["values"]
