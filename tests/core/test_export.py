"""Exports: the check-in log, attendees and attendance; safe to open in a spreadsheet."""

import csv
import json
import stat
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlmodel import select

from kiosk.cli import main
from kiosk.core.checkin import CheckInService
from kiosk.core.events import create_event
from kiosk.core.exporting import export, neutralise
from kiosk.core.models import Attendee, AuditEntry, CheckIn

EVIL = ["=HYPERLINK(\"http://x\",\"y\")", "+46 70 123", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.fixture
def event_id(store, actor):
    now = datetime.now(timezone.utc)
    event_id = create_event(store, "Export test", now, now + timedelta(hours=8), tz="Europe/Stockholm").id
    with store.write() as s:
        s.add(Attendee(event_id=event_id, first_name="Åsa", last_name="Öberg", organisation="Rädda Barnen", code="C-1", rev=1))
        s.add(Attendee(event_id=event_id, first_name=EVIL[0], last_name=EVIL[1], organisation=EVIL[2],
                       email="x@example.se", job_title=EVIL[3], category=EVIL[4], ticket_type=EVIL[5], code="C-2", rev=1))
        s.add(Attendee(event_id=event_id, first_name="Bo", last_name="Ek", code="C-3", rev=1))
    desk = CheckInService(store, event_id, actor)
    desk.scan("C-1")
    desk.scan("C-2")
    c2 = desk.lookup("C-2")[0]
    desk.check_out(c2)
    return event_id


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def assert_no_formula_cells(rows):
    for row in rows:
        for cell in row:
            assert not str(cell).startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_neutralise():
    assert [neutralise(v) for v in EVIL] == ["'" + v for v in EVIL]
    assert neutralise("Åsa") == "Åsa" and neutralise(None) == "" and neutralise("a=b") == "a=b"


def test_checkins_csv_has_local_times_and_no_formulas(store, event_id, actor, tmp_path):
    path = tmp_path / "log.csv"
    result = export(store, event_id, "checkins", path, actor=actor)
    rows = read_csv(path)
    assert result.rows == 3 and len(rows) == 4
    assert rows[0] == ["Time (Europe/Stockholm)", "Kind", "Code", "First name", "Last name", "Organisation",
                       "Station", "Operator", "Method", "Reason", "List"]
    assert {r[10] for r in rows[1:]} == {"Entrance"}
    assert_no_formula_cells(rows)
    with store.read() as s:
        first = s.exec(select(CheckIn).order_by(CheckIn.at)).first()
    local = first.at.astimezone(ZoneInfo("Europe/Stockholm")).strftime("%Y-%m-%d %H:%M:%S")
    assert rows[1][:5] == [local, "entry", "C-1", "Åsa", "Öberg"]
    assert rows[1][6:8] == [actor.station, actor.operator]
    assert [r[1] for r in rows[1:]] == ["entry", "entry", "exit"]
    assert rows[2][3:6] == ["'" + EVIL[0], "'" + EVIL[1], "'" + EVIL[2]]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_attendance_has_first_entry_last_exit_and_status(store, event_id, tmp_path):
    path = tmp_path / "attendance.csv"
    export(store, event_id, "attendance", path)
    rows = read_csv(path)
    assert rows[0] == ["Code", "First name", "Last name", "Organisation", "Category", "Ticket type",
                       "First entry", "Last exit", "Status", "List"]
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["C-1"][8] == "inside" and by_code["C-1"][6] and not by_code["C-1"][7]
    assert by_code["C-2"][8] == "left" and by_code["C-2"][7] >= by_code["C-2"][6]
    assert by_code["C-3"][6:] == ["", "", "not arrived", "Entrance"]
    assert_no_formula_cells(rows)


def test_attendees_xlsx_has_no_formula_cells(store, event_id, tmp_path, actor):
    path = tmp_path / "people.xlsx"
    result = export(store, event_id, "attendees", path, actor=actor)
    assert result.format == "xlsx" and result.rows == 3
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Code", "First name", "Last name"]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert_no_formula_cells([[v for v in r if v is not None] for r in rows])
    assert ["Åsa", "Öberg"] in [r[1:3] for r in rows]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_export_is_audited_with_what_and_where_only(store, event_id, actor, tmp_path):
    path = tmp_path / "people.csv"
    export(store, event_id, "attendees", path, actor=actor)
    with store.read() as s:
        [entry] = s.exec(select(AuditEntry).where(AuditEntry.action == "export")).all()
    details = json.loads(entry.details)
    assert (details["what"], details["format"], details["rows"]) == ("attendees", "csv", 3)
    assert details["file"] == str(path.resolve())
    assert "Åsa" not in entry.details and "x@example.se" not in entry.details


def test_cli_export_formats_and_errors(store, event_id, tmp_path, capsys):
    out = tmp_path / "log.data"
    assert main(["--db", store.url, "export", "checkins", str(out), "--format", "xlsx"]) == 0
    assert "Exported 3 checkins rows" in capsys.readouterr().out
    with open(out, "rb") as f:
        assert openpyxl.load_workbook(f).active.max_row == 4
    assert main(["--db", store.url, "export", "attendance", str(tmp_path / "nowhere" / "a.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["--db", store.url, "export", "everything", str(out)])
    assert exit_.value.code == 2


def test_attendance_has_one_row_per_attendee_per_list(store, event_id, tmp_path, actor):
    from kiosk.core.checkin_lists import create_list

    create_list(store, event_id, "Workshop A", rule="exit")
    create_list(store, event_id, "Closed session", ticket_types=["Nobody's ticket"])
    room = CheckInService(store, event_id, actor, list_name="Workshop A")
    room.scan("C-3")
    room.check_out(room.lookup("C-3")[0])
    path = tmp_path / "attendance.csv"
    export(store, event_id, "attendance", path)
    rows = read_csv(path)
    assert rows[0][-1] == "List"
    by = {(r[0], r[-1]): r for r in rows[1:]}
    # Entrance and Workshop A admit all three; the closed session admits nobody here.
    assert sorted(by) == sorted((c, l) for c in ("C-1", "C-2", "C-3") for l in ("Entrance", "Workshop A"))
    assert by[("C-1", "Entrance")][8] == "inside" and by[("C-1", "Workshop A")][8] == "not arrived"
    assert by[("C-3", "Entrance")][8] == "not arrived"
    assert by[("C-3", "Workshop A")][8] == "left" and by[("C-3", "Workshop A")][6] and by[("C-3", "Workshop A")][7]
