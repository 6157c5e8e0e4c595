"""Every problem and file error an attendee import can report reads in Swedish.

Broken files of every kind are imported for real (a real SQLite database; station edits and
matching problems included) and each line the screens and ``kiosk import`` would show is
checked under KIOSK_LANG=sv: it has a template, it differs from the English, and no word of the
English template is left in it. A second check reads the importing package's source, so a new
message in kiosk/core/importing without a template fails here even before a broken file for it
is added above.
"""

from __future__ import annotations

import ast
import csv
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from kiosk import i18n
from kiosk.core import attendees
from kiosk.core.errors import KioskError
from kiosk.core.events import Actor, create_event
from kiosk.core.importing import applying, build_mapping, parse_overrides, preview, reading, run_import
from kiosk.core.importing.reading import ImportFileError
from kiosk.core.store import open_store
from kiosk.import_messages import FIELDS, WHAT, _match, localise_import, message_text, problem_line, template_of
from kiosk.messages import localise

ROOT = Path(__file__).resolve().parent.parent
IMPORTING = ROOT / "kiosk" / "core" / "importing"

#: Words that read the same in Swedish (names of formats, options and programs).
SAME_IN_SWEDISH = {
    "utf", "csv", "xlsx", "map", "first_name", "last_name", "full_name", "email", "ignore", "tmpdir", "windows",
    "post", "excel", "office", "gzip", "zip", "status", "organisation", "nul", "pdf", "png", "jpeg", "gif", "rar",
    "xls", "station", "text", "cell", "column", "field",  # COLUMN=FIELD is --map's own syntax, written as KOLUMN=FÄLT
}


@pytest.fixture
def swedish(monkeypatch):
    monkeypatch.setenv("KIOSK_LANG", "sv")
    i18n.reset()
    i18n.use_command_line()
    yield
    i18n.reset()
    i18n.use_application()


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding, newline="")
    return path


# -- the problems of rows ----------------------------------------------------------------------

ROW_HEADER = "first_name,last_name,email,code,privacy,status,cancelled,Dietary needs\n"
ROWS = [
    "Anna,Ek,anna@example.se,C1,,,,",  # 2: fine
    "Bo,Lund,not-an-email,C2,,,,",  # 3: invalid email
    ",,,C3,,,,",  # 4: no name
    "Cia,Berg,cia@example.se,C1,,,,",  # 5: code already used on line 2
    "Dan,Holm,anna@example.se,C5,,,,",  # 6: one buyer on two tickets (warning)
    "Eva,Sand,eva@example.se,C6,maybe,,,",  # 7: not a badge privacy
    "Finn,Ask,finn@example.se,C7,,teleported,perhaps,",  # 8: status and flag not known (warnings)
    "Gun,Al,gun@example.se,C8,,,,," + "x" * 5,  # 9: more fields than the header
    "H" * 300 + ",Long,h@example.se,C9,,,,",  # 10: over-long name
    "Ida,\x00Nul,ida@example.se,C10,,,,",  # 11: a NUL byte
    "Jon,Ek,jon@example.se,C11,,,," + "y" * 1200,  # 12: over-long answer (warning, not kept)
    "Kim,Ek,kim@example.se,C12,,,,ab\x00c",  # 13: an answer with a NUL byte (warning, not kept)
]
OVERRIDES = {"privacy": "privacy", "status": "status", "cancelled": "cancelled"}


def _row_problems(tmp_path: Path, store, event_id: int) -> list[tuple[str, object]]:
    path = _write(tmp_path / "report.csv", ROW_HEADER + "\n".join(ROWS) + "\n")
    shown = preview(path, OVERRIDES, rows=len(ROWS))
    report = run_import(store, event_id, path, OVERRIDES, skip_invalid=True, dry_run=True)
    return [(shown.file, p) for p in shown.problems] + [(report.file, p) for p in report.problems]


def _matching_problems(tmp_path: Path, store, monkeypatch) -> list[tuple[str, object]]:
    """Problems found while matching rows to attendees, and a station edit the file overrides."""
    now = datetime.now(timezone.utc)
    event = create_event(store, "Matching", now, now + timedelta(hours=8))
    header = "First name,Last name,Email,Organisation,Barcode,Attendee #\n"
    first = _write(tmp_path / "first.csv", header + "Marta,Ek,marta@example.se,Socialtjansten,EXISTING,R-1\n")
    run_import(store, event.id, first)
    marta = attendees.by_code(store, event.id, "EXISTING")
    attendees.update_attendee(store, marta.id, {"organisation": "Socialtjänsten Umeå"}, Actor())
    codes = iter(["GENERATED-1", "GENERATED-2", "GENERATED-3", "GENERATED-4"])
    monkeypatch.setattr(applying, "generate_code", lambda: next(codes))
    second = _write(tmp_path / "second.csv", header
                    + "Marta,Ek,marta@example.se,Region Västerbotten,EXISTING,\n"  # 2: changed on both sides
                    + "Anna,Ek,anna@example.se,,,R-2\n"  # 3: given GENERATED-1
                    + "Bo,Lund,bo@example.se,,GENERATED-1,R-3\n"  # 4: collides with it
                    + "Again,Ek,,,,R-1\n")  # 5: the same attendee as line 2
    report = run_import(store, event.id, second, skip_invalid=True, dry_run=True)
    return [(report.file, p) for p in report.problems]


# -- the file as a whole ------------------------------------------------------------------------


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _file_errors(tmp_path: Path, store, event_id: int, monkeypatch) -> list[str]:
    cases: list[Path | str] = [
        "",
        tmp_path,
        tmp_path / "missing.csv",
        _write(tmp_path / "empty.csv", ""),
        _write(tmp_path / "blank.csv", "\n\n"),
        _write(tmp_path / "header-only.csv", "first_name,last_name\n"),
        _write(tmp_path / "no-name.csv", "Colour,Size\nred,L\n"),
        _write(tmp_path / "open-quote.csv", 'first_name,last_name\n"Anna,Ek\n'),
        _write(tmp_path / "swallowed.csv", 'first_name,last_name\n"Anna,Ek\nBo,Lund\nCia,Berg\nDan",Holm\n'),
        _write(tmp_path / "after-quote.csv", 'first_name,last_name\n"Anna" Maria,Ek\n'),
        _write(tmp_path / "late-close.csv", 'first_name,last_name\n"Anna\nMaria" Eva,Ek\n'),
        _write(tmp_path / "binary.csv", "a\x01\x02\x03\x04\x05\x06b,c\n"),
    ]
    for magic, _ in reading._BINARY_MAGIC.items():
        path = tmp_path / f"magic-{len(cases)}.csv"
        path.write_bytes(magic + b"\x00" * 64)
        cases.append(path)
    (tmp_path / "not-text.csv").write_bytes(b"first_name,last_name\n\x81\x8d\x8f,\x90\x9d\n")
    (tmp_path / "bad-utf16.csv").write_bytes(b"\xff\xfe" + "first_name,last_name\n".encode("utf-16-le") + b"\x00\xd8")
    (tmp_path / "bad-bom.csv").write_bytes(b"\xef\xbb\xbffirst_name,last_name\n\xff\xfe\xfa,b\n")
    (tmp_path / "zip.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    cases += [tmp_path / "not-text.csv", tmp_path / "bad-utf16.csv", tmp_path / "bad-bom.csv", tmp_path / "zip.xlsx"]
    cases.append(_xlsx(tmp_path / "empty.xlsx", []))
    messages = []
    for case in cases:
        with pytest.raises(ImportFileError) as caught:
            run_import(store, event_id, case)
            pytest.fail(f"{case} imported")
        messages.append(str(caught.value))
    # a field longer than the reader takes; a part of a workbook bigger than it unpacks
    try:
        csv.field_size_limit(10)
        with pytest.raises(ImportFileError) as caught:
            run_import(store, event_id, _write(tmp_path / "long-field.csv", 'first_name,last_name\n"' + "a" * 50 + '",b\n'))
        messages.append(str(caught.value))
    finally:
        csv.field_size_limit(reading.MAX_FIELD)
    # (a spreadsheet program, and openpyxl, never write a longer cell than Excel takes: lower the limit)
    big = _xlsx(tmp_path / "big-cell.xlsx", [["first_name", "last_name"], ["A" * 40, "Ek"]])
    for limit in ("MAX_XLSX_CELL", "MAX_XLSX_PART"):
        with monkeypatch.context() as patch:
            patch.setattr(reading, limit, 10)
            with pytest.raises(ImportFileError) as caught:
                run_import(store, event_id, big)
        messages.append(str(caught.value))
    # --map written wrongly
    for bad in (lambda: parse_overrides(["Colour"]), lambda: build_mapping(["Colour"], {"Colour": "shoe_size"}),
                lambda: build_mapping(["Colour"], {"Size": "first_name"})):
        with pytest.raises(KioskError) as caught:
            bad()
        messages.append(str(caught.value))
    return messages


# -- the checks -----------------------------------------------------------------------------------


def _literal_words(template: str) -> set[str]:
    literal = re.sub(r"\{\w+\}", " ", template)
    return {w.lower() for w in re.findall(r"[A-Za-z_]{3,}", literal)} - SAME_IN_SWEDISH


def _english_left(message: str, swedish: str, template: str) -> set[str]:
    """Words of the English template still in the Swedish line, once the values (which stay
    as they are: the file name, quoted cells) are taken out of it."""
    start = message.find(template.split("{")[0]) if not template.startswith("{") else 0
    found = _match(message[start:]) if start >= 0 else None
    values = sorted([*(found[1].values() if found else ()), message[:start]], key=len, reverse=True)
    for value in filter(None, values):
        swedish = swedish.replace(value, " ")
    words = {w.lower() for w in re.findall(r"[A-Za-z_]{3,}", swedish)}
    return _literal_words(template) & words


@pytest.fixture
def store(sqlite_url):
    s = open_store(sqlite_url)
    yield s
    s.dispose()


def test_every_import_problem_and_file_error_reads_in_swedish(tmp_path, store, monkeypatch, swedish):
    now = datetime.now(timezone.utc)
    event = create_event(store, "Forum", now, now + timedelta(hours=8))
    problems = _row_problems(tmp_path, store, event.id) + _matching_problems(tmp_path, store, monkeypatch)
    templates_seen = set()
    for filename, found in problems:
        english, swedish_line = found.format(filename), problem_line(found, filename)
        template = template_of(found.message)
        assert template, f"no template for {english!r}: add one to kiosk/import_messages.py"
        templates_seen.add(template)
        assert swedish_line != english
        assert swedish_line.startswith(f"{filename}:{found.line}: ")
        assert not _english_left(found.message, swedish_line, template), (english, swedish_line)
    errors = _file_errors(tmp_path, store, event.id, monkeypatch)
    for english in errors:
        swedish_line = localise(english)
        assert localise_import(english) == swedish_line
        assert swedish_line != english, f"no template for {english!r}: add one to kiosk/import_messages.py"
        rest = english.split(": ", 1)[-1] if not english.startswith("--map") and not template_of(english) else english
        template = template_of(rest) or template_of(english)
        templates_seen.add(template)
        assert not _english_left(english, swedish_line, template), (english, swedish_line)
    # every kind of row problem and of file error met above (the scratch file's full disk is checked below)
    from kiosk.import_messages import TEMPLATES

    untried = set(TEMPLATES) - templates_seen - {
        "cannot be read ({reason})",  # a file the system refuses to read (no such case as root)
        "the CSV cannot be read ({reason})",  # csv errors other than the quote ones
        "no room for the import's temporary file ({reason}); nothing was imported: "
        "free some disk space, or set TMPDIR to a folder with room",
    }
    assert not untried, f"no broken file above produces: {sorted(untried)}"


def test_problem_lines_in_english_are_the_core_lines(tmp_path, store):
    """English stays exactly as the core writes it (field keys as --map and --json name them)."""
    now = datetime.now(timezone.utc)
    event = create_event(store, "Forum", now, now + timedelta(hours=8))
    for filename, found in _row_problems(tmp_path, store, event.id):
        assert problem_line(found, filename) == found.format(filename)


def test_fields_and_values_in_swedish(swedish):
    from kiosk.core.importing import Problem

    line = problem_line(Problem(14, "email", "'x' is not a valid email address"), "report.csv")
    assert line == "report.csv:14: e-post: 'x' är inte en giltig e-postadress"
    warning = problem_line(Problem(6, "email", "also on line 5 (one buyer on several tickets is fine)", True), "r.csv")
    assert warning == "r.csv:6: e-post: varning: finns även på rad 5 (en köpare med flera biljetter går bra)"
    # an answer column keeps its header; the message is still Swedish
    answer = problem_line(Problem(3, "Dietary needs", "contains a NUL byte; not kept", True), "r.csv")
    assert answer == "r.csv:3: Dietary needs: varning: innehåller ett NUL-tecken; sparas inte"
    assert message_text("something new") == "something new"
    # a file name holding ": " itself
    assert localise("a: b.csv: the file is empty") == "a: b.csv: filen är tom"
    assert localise("list.csv:4: a quote opened on this line is never closed (it runs to the end of the file, line 9)") == (
        "list.csv:4: ett citattecken som öppnas på den här raden stängs aldrig (det löper till filens slut, rad 9)")
    assert localise("x.png: this is a PNG image, not a CSV or XLSX attendee list") == (
        "x.png: det här är en PNG-bild, inte en deltagarlista i CSV eller XLSX")
    # the core's other messages are untouched by the import's templates
    assert localise("No event with id 3") == "Inget evenemang med id 3"


# -- a message in the code without a template -----------------------------------------------------


def _shape(node: ast.AST) -> str | None:
    """A message in the code as a sample text: its words, with "7" where a value goes."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "7" for v in node.values)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "clip" and node.args:
        return _shape(node.args[0])
    if isinstance(node, ast.IfExp):
        return None  # both branches are collected on their own
    return None


def _messages_in_code() -> list[tuple[str, str]]:
    """(where, sample) for each message text kiosk/core/importing puts in a problem or an error."""
    found = []
    for path in sorted(IMPORTING.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            args: list[ast.AST] = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "Problem" and len(node.args) >= 3:
                    args = [node.args[2]]
                elif name == "fail" and len(node.args) >= 2:
                    args = [node.args[1]]
                elif name == "fail_at" and len(node.args) >= 3:
                    args = [node.args[2]]
                elif name in ("ImportFileError", "UsageError", "ScratchError") and node.args:
                    args = [node.args[0]]
                elif name == "append" and node.args and isinstance(node.args[0], ast.Tuple) and len(node.args[0].elts) == 2:
                    args = [node.args[0].elts[1]]  # status warnings: (field, message)
            elif isinstance(node, ast.FunctionDef) and node.name in ("_quote_problem", "_no_name_message"):
                args = [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.IfExp) and any(
                    getattr(t, "id", "") == "problem" for t in node.targets):  # problem = "..." if ... else f"..."
                args = [node.value.body, node.value.orelse]
            for arg in args:
                sample = _shape(arg)
                if sample is not None and re.search(r"[a-z]{3}", sample):
                    found.append((f"{path.name}:{getattr(arg, 'lineno', node.lineno)}", sample))
    return found


def test_every_message_in_the_importing_code_has_a_template():
    samples = _messages_in_code()
    assert len(samples) > 30  # the scan found the messages at all
    missing = []
    for where, sample in samples:
        bare = re.sub(r"^7(:7)?: ", "", sample)  # fail()'s own "file: message"
        if bare in ("7", "7; not kept"):
            continue
        if template_of(bare) is None and template_of(bare + "; not kept") is None:
            missing.append((where, sample))
    assert not missing, f"import messages without a template in kiosk/import_messages.py: {missing}"
    assert set(reading._BINARY_MAGIC.values()) <= set(WHAT)


def test_every_field_a_problem_names_has_a_word():
    from kiosk.core.importing.mapping import FIELDS as MAPPED

    assert set(MAPPED) | {"row", "name"} <= set(FIELDS)
