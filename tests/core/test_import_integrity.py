"""An import never drops rows silently: broken quotes, stale XLSX dimensions, huge cells."""

import re
import zipfile
from datetime import datetime, timedelta, timezone

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import select

from kiosk.core.events import create_event
from kiosk.core.importing import ImportFileError, preview, run_import
from kiosk.core.importing.reading import open_table
from kiosk.core.models import Attendee

HEADER = "First name,Last name,Email,Company,Barcode\n"


def people_rows(n, start=1):
    return "".join(f"P{i},Ek,p{i}@example.se,Org {i},C-{i}\n" for i in range(start, start + n))


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    return create_event(store, "Integrity test", now, now + timedelta(hours=8)).id


def count(store, event_id):
    with store.read() as s:
        return s.exec(select(func.count()).select_from(Attendee).where(Attendee.event_id == event_id)).one()


def write(tmp_path, text, name="list.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- quotes ---------------------------------------------------------------------------------


def unclosed_quote_file(tmp_path, rows):
    """Data row 3 opens a quote that is never closed."""
    lines = people_rows(rows).splitlines(keepends=True)
    lines[2] = lines[2].replace("P3,", '"P3,', 1)
    return write(tmp_path, HEADER + "".join(lines))


@pytest.mark.parametrize("rows", [8, 100])
@pytest.mark.parametrize("skip_invalid", [False, True])
def test_an_unclosed_quote_is_an_error_naming_its_line(store, event_id, tmp_path, rows, skip_invalid):
    path = unclosed_quote_file(tmp_path, rows)
    with pytest.raises(ImportFileError) as caught:
        run_import(store, event_id, path, skip_invalid=skip_invalid)
    message = str(caught.value)
    assert message.startswith("list.csv:4: ") and "quote" in message, message
    assert len(message) < 300 and "\n" not in message
    assert count(store, event_id) == 0
    with pytest.raises(ImportFileError):
        preview(path)


def test_a_quote_closed_much_later_still_names_the_opening_line(store, event_id, tmp_path):
    # the quote opened on line 4 is "closed" by the quoted company of line 9
    lines = people_rows(10).splitlines(keepends=True)
    lines[2] = lines[2].replace("P3,", '"P3,', 1)
    lines[7] = lines[7].replace(",Org 8,", ',"Org, 8",', 1)
    path = write(tmp_path, HEADER + "".join(lines))
    with pytest.raises(ImportFileError) as caught:
        run_import(store, event_id, path, skip_invalid=True)
    assert str(caught.value).startswith("list.csv:4: ")
    assert count(store, event_id) == 0


def test_text_after_a_closing_quote_is_an_error_naming_its_line(store, event_id, tmp_path):
    path = write(tmp_path, HEADER + people_rows(2) + '"Anna" Maria,Ek,am@example.se,X,C-9\n' + people_rows(2, 3))
    with pytest.raises(ImportFileError) as caught:
        run_import(store, event_id, path, skip_invalid=True)
    assert str(caught.value).startswith("list.csv:4: ") and "quote" in str(caught.value)
    assert count(store, event_id) == 0


def test_quoted_newlines_and_inner_quotes_still_import(store, event_id, tmp_path):
    text = HEADER + '"Anna\nMaria",Ek,a@example.se,"Street 1,\nUmeå",C-1\n' + 'Bo "Bosse",Lund,b@example.se,"Say ""hi""",C-2\n'
    report = run_import(store, event_id, write(tmp_path, text))
    assert (report.rows, report.added, report.errors) == (2, 2, [])


def test_every_physical_record_is_counted(store, event_id, tmp_path):
    text = HEADER + people_rows(3) + "\n" + ",,,,\n" + people_rows(2, 4) + "Bad,Row,not-an-email,X,C-9\n"
    report = run_import(store, event_id, write(tmp_path, text), skip_invalid=True)
    assert report.rows == 6 and report.added == 5 and report.skipped == 1


# -- XLSX -----------------------------------------------------------------------------------


def xlsx_with_stale_dimension(tmp_path, rows, stored):
    path = tmp_path / "list.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["First name", "Last name", "Email"])
    for i in range(rows):
        sheet.append([f"P{i}", "Ek", f"p{i}@example.se"])
    book.save(path)
    stale = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stale, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="A1:C{stored}"'.encode(), data)
                assert n == 1
            dst.writestr(item, data)
    return stale


def test_xlsx_with_a_stale_dimension_imports_every_row(store, event_id, tmp_path):
    path = xlsx_with_stale_dimension(tmp_path, rows=101, stored=51)
    report = run_import(store, event_id, path)
    assert (report.rows, report.added) == (101, 101)
    assert count(store, event_id) == 101


def patched_xlsx(tmp_path, rows, change, name="big.xlsx"):
    """A workbook saved by openpyxl, with its first sheet's XML changed as a stranger's file might be."""
    path = tmp_path / "saved.xlsx"
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    out = tmp_path / name
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            dst.writestr(item, data)
    return out


def bomb(tmp_path, size):
    # a comment as long as asked for: it packs to almost nothing
    return patched_xlsx(tmp_path, [["First name", "Last name"], ["Anna", "Ek"]],
                        lambda xml: xml.replace(b"><", b"><!--" + b"x" * size + b"--><", 1))


def test_xlsx_that_unpacks_to_too_much_is_refused_in_one_line(store, event_id, tmp_path, monkeypatch):
    from kiosk.core.importing import reading

    monkeypatch.setattr(reading, "MAX_XLSX_PART", 1 << 20)
    path = bomb(tmp_path, 2 << 20)
    with pytest.raises(ImportFileError) as caught:
        run_import(store, event_id, path)
    message = str(caught.value)
    assert message.startswith("big.xlsx: ") and "MB" in message and "\n" not in message
    assert count(store, event_id) == 0


def test_an_over_long_xlsx_cell_is_refused_with_its_row(store, event_id, tmp_path):
    # openpyxl will not write a cell longer than Excel allows, so the XML is made longer by hand
    rows = [["First name", "Last name", "Notes"], ["Anna", "Ek", "ok"], ["Bo", "Lund", "LONG"]]
    path = patched_xlsx(tmp_path, rows, lambda xml: xml.replace(b"LONG", b"y" * 40_000), name="long.xlsx")
    with pytest.raises(ImportFileError) as caught:
        with open_table(path) as table:
            list(table.rows)
    message = str(caught.value)
    assert message.startswith("long.xlsx:3: ") and len(message) < 200


# -- paths and long values ------------------------------------------------------------------


def test_an_empty_path_says_so(store, event_id):
    for given in ("", "  "):
        with pytest.raises(ImportFileError) as caught:
            run_import(store, event_id, given)
        assert str(caught.value) == "the path is empty"
        with pytest.raises(ImportFileError):
            preview(given)


def test_long_values_are_shortened_in_every_message(store, event_id, tmp_path, capsys):
    from kiosk.cli import main

    huge = "Ö" * 200_000
    path = write(tmp_path, HEADER + f"Anna,Ek,anna@example.se,{huge},C-1\n" + f"{huge},Ek,x@example.se,X,C-2\n")
    main(["--db", store.url, "import", str(path), "--dry-run"])
    out = capsys.readouterr()
    lines = (out.out + out.err).splitlines()
    assert lines and max(map(len, lines)) <= 300, max(map(len, lines))
    assert any("…" in line for line in lines)

    header = write(tmp_path, f"Email,{huge}\nanna@example.se,x\n", name="noname.csv")
    assert main(["--db", store.url, "import", str(header)]) == 2
    err = capsys.readouterr().err
    assert "no name column" in err and len(err) <= 301
    assert main(["--db", store.url, "import", str(header), "--dry-run", "--map", f"{huge}=first_name"]) == 0
    out = capsys.readouterr()
    assert max(map(len, (out.out + out.err).splitlines())) <= 300
