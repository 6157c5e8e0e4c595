"""Reading attendee lists: formats, encodings, delimiters, header mapping and name splitting."""

from pathlib import Path

import openpyxl
import pytest

from kiosk.core.errors import UsageError
from kiosk.core.importing import build_mapping, parse_overrides, preview, split_name
from kiosk.core.importing.reading import open_table

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
SWEDISH = "Förnamn;Efternamn;E-post;Organisation;Kategori\r\nÅsa;Nordin;asa@example.se;Rädda Barnen;NGO\r\n"


def rows_of(path):
    with open_table(path) as table:
        return table.headers, list(table.rows), table.describe()


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 with BOM"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16-LE"),
        ("cp1252", "CP1252"),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, expected):
    path = tmp_path / "list.csv"
    path.write_bytes(SWEDISH.encode(encoding))
    headers, rows, described = rows_of(path)
    assert headers == ["Förnamn", "Efternamn", "E-post", "Organisation", "Kategori"]
    assert rows == [(2, ["Åsa", "Nordin", "asa@example.se", "Rädda Barnen", "NGO"])]
    assert expected in described and "semicolon" in described


@pytest.mark.parametrize("delimiter, word", [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
def test_delimiters_are_sniffed_with_quoted_delimiters_and_newlines(tmp_path, delimiter, word):
    d = delimiter
    text = (
        f"Name{d}Company{d}Notes\n"
        f'"Lund, Karin"{d}"A{d}B AB"{d}"two\nlines"\n'
        f"Olle Lund{d}Region Skåne{d}\n"
    )
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    headers, rows, described = rows_of(path)
    assert word in described
    assert rows[0] == (2, ["Lund, Karin", f"A{d}B AB", "two\nlines"])
    # the second record starts on physical line 4, after the quoted newline
    assert rows[1] == (4, ["Olle Lund", "Region Skåne", ""])


def test_blank_lines_are_skipped_and_line_numbers_kept(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("\nName,Email\n\nAnna Ek,anna@example.se\n,\n", encoding="utf-8")
    headers, rows, _ = rows_of(path)
    assert headers == ["Name", "Email"]
    assert rows == [(4, ["Anna Ek", "anna@example.se"])]


def test_xlsx_is_read_with_numbers_as_text(tmp_path):
    path = tmp_path / "list.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["First Name", "Last Name", "Barcode #", "Email"])
    sheet.append(["Märta", "Ek", 1234567890123, "marta@example.se"])
    sheet.append([None, None, None, None])
    sheet.append(["Åsa", "Nordin", "0042", None])
    book.save(path)
    headers, rows, described = rows_of(path)
    assert described == "XLSX workbook"
    assert headers == ["First Name", "Last Name", "Barcode #", "Email"]
    assert rows == [(2, ["Märta", "Ek", "1234567890123", "marta@example.se"]), (4, ["Åsa", "Nordin", "0042"])]


def test_eventbrite_sample_maps_automatically():
    shown = preview(SAMPLES / "eventbrite_style.csv")
    mapping = dict(shown.mapping.pairs())
    assert mapping["First Name"] == "first_name" and mapping["Last Name"] == "last_name"
    assert mapping["Email"] == "email" and mapping["Ticket Type"] == "ticket_type"
    assert mapping["Barcode #"] == "code" and mapping["Order #"] == "order_ref"
    assert mapping["Attendee #"] == "external_ref"
    assert mapping["Company"] == "organisation" and mapping["Job Title"] == "job_title"
    assert mapping["Order Date"] is None
    first = shown.first_rows[0]["values"]
    assert first["first_name"] == "Märta" and first["code"] == "111111111120000000010001"
    assert shown.first_rows[1]["values"]["organisation"] == "Child Safety Institute, Dublin"
    assert "UTF-8 with BOM" in shown.format and shown.problems == []


def test_pretix_sample_maps_and_splits_names():
    shown = preview(SAMPLES / "pretix_style.csv", rows=10)
    mapping = dict(shown.mapping.pairs())
    assert mapping == {
        "Order code": "order_ref",
        "Attendee name": "full_name",
        "Product": "ticket_type",
        "E-mail": "email",
        "Company": "organisation",
        "Secret": "code",
    }
    amara = shown.first_rows[2]["values"]
    assert (amara["first_name"], amara["last_name"], amara["full_name_source"]) == ("Amara", "Nwosu", "Dr. Amara Nwosu")
    messages = [p.format(shown.file) for p in shown.problems]
    assert "pretix_style.csv:6: name: is missing" in messages
    assert any(m.startswith("pretix_style.csv:3: email: warning:") for m in messages)


def test_swedish_unicode_text_sample_maps_automatically():
    shown = preview(SAMPLES / "excel_unicode_text.txt")
    assert [f for _, f in shown.mapping.pairs()] == ["first_name", "last_name", "email", "organisation", "category"]
    assert "UTF-16" in shown.format and "tab" in shown.format
    assert shown.first_rows[0]["values"]["first_name"] == "Åsa"
    assert shown.first_rows[2]["values"]["category"] == "Hälso- och sjukvård"


def test_map_overrides_columns_by_name_or_number():
    headers = ["Namn", "Mejl", "Arbetsplats", "Notes"]
    mapping = build_mapping(headers, parse_overrides(["arbetsplats=organisation", "4=category", "Mejl=ignore"]))
    assert mapping.fields == ("full_name", None, "organisation", "category")
    # mapping a field that another column had moves it
    moved = build_mapping(["First name", "Given"], {"Given": "first_name"})
    assert moved.fields == (None, "first_name")


@pytest.mark.parametrize(
    "items, message",
    [
        (["Namn"], "write it as COLUMN=FIELD"),
        (["Namn=shoe_size"], "unknown field"),
        (["Telefon=email"], "no column 'Telefon' in the file"),
    ],
)
def test_bad_map_overrides_are_usage_errors(items, message):
    with pytest.raises(UsageError, match=message) as err:
        build_mapping(["Namn", "Mejl"], parse_overrides(items))
    assert err.value.exit_code == 2


@pytest.mark.parametrize(
    "full, known, expected",
    [
        ("Dr. Amara Nwosu", "", ("Amara", "Nwosu")),
        ("Prof Dr Anna Ek", "", ("Anna", "Ek")),
        ("Ines Ferreira da Silva", "", ("Ines", "Ferreira da Silva")),
        ("Sven-Erik Ödmark", "", ("Sven-Erik", "Ödmark")),
        ("Ludwig van Beethoven", "", ("Ludwig", "van Beethoven")),
        ("Lund, Karin", "", ("Karin", "Lund")),
        ("  Karin   Lund ", "", ("Karin", "Lund")),
        ("Madonna", "", ("Madonna", "")),
        ("Gabriel García Márquez", "Gabriel", ("Gabriel", "García Márquez")),
        ("Anna Karin Lund", "Anna Karin", ("Anna Karin", "Lund")),
        ("Martin King, Jr.", "", ("Martin", "King, Jr.")),
    ],
)
def test_full_names_split_sensibly(full, known, expected):
    assert split_name(full, known) == expected


def test_first_name_column_and_full_name_give_the_surname(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("First name,Full name\nGabriel,Gabriel García Márquez\n", encoding="utf-8")
    values = preview(path).first_rows[0]["values"]
    assert (values["first_name"], values["last_name"]) == ("Gabriel", "García Márquez")
    assert values["full_name_source"] == "Gabriel García Márquez"
