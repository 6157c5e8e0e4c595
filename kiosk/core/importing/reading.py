"""Reading attendee lists: telling the format and encoding apart, and streaming the rows.

A file is opened as a ``Table``: its header row and an iterator of ``(line, cells)``. CSV
files are read through a text stream, so a file of any size (or a 3 MB field) never sits in
memory whole. Line numbers are the physical line where a record starts, as a text editor
shows them; for XLSX they are the sheet's row numbers.

Encodings: a BOM decides (UTF-8, UTF-16); UTF-16 without a BOM is recognised by its zero
bytes; otherwise the file is UTF-8 when all of it decodes as such, else Windows-1252 (what
Excel on a European PC writes). Delimiters ``,`` ``;`` and tab are told apart from the header.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.errors import KioskError
from kiosk.core.text import LINE_LIMIT, clip, shorten

#: Far above any real field; the validator reports over-long values with their line.
MAX_FIELD = 64 * 1024 * 1024
csv.field_size_limit(MAX_FIELD)
#: Excel's own limit for the text of a cell; a longer one was not written by a spreadsheet.
MAX_XLSX_CELL = 32_767
#: Uncompressed size of one part of an XLSX (a sheet, the shared strings): checked before parsing.
MAX_XLSX_PART = 1024 * 1024 * 1024
MAX_XLSX_SHARED_STRINGS = 256 * 1024 * 1024

SNIFF_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t")
_QUOTED = re.compile(r'"[^"]*"')
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Excel .xls (or other Office 97) file; save it as .xlsx or CSV",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
}


class ImportFileError(KioskError):
    """The file as a whole cannot be imported (empty, binary, no name column, ...)."""

    exit_code = 2


@dataclass
class Table:
    """An opened attendee list: what it is, its header, and its rows (read once, in order)."""

    path: Path
    kind: str  # "csv" or "xlsx"
    headers: list[str]
    header_line: int
    rows: Iterator[tuple[int, list[str]]]
    size: int
    encoding: str = ""
    delimiter: str = ""
    _position: object = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def position(self) -> int:
        """How far reading has got, in the unit of ``size`` (bytes for CSV, rows for XLSX)."""
        return self._position() if self._position else 0

    def describe(self) -> str:
        from kiosk.core.importing.labels import format_label

        return format_label(self.kind, self.delimiter, self.encoding)


def fail(path: Path, message: str) -> ImportFileError:
    return ImportFileError(clip(f"{clip(path.name, 80)}: {message}", LINE_LIMIT))


def fail_at(path: Path, line: int, message: str) -> ImportFileError:
    return ImportFileError(clip(f"{clip(path.name, 80)}:{line}: {message}", LINE_LIMIT))


@contextmanager
def open_table(path: str | os.PathLike) -> Iterator[Table]:
    """Open a CSV or XLSX attendee list. Raises ``ImportFileError`` for a file that is not one."""
    if not str(path).strip():  # Path("") would be the current folder
        raise ImportFileError("the path is empty")
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as raw:
            head = raw.read(SNIFF_BYTES)
    except IsADirectoryError:
        raise fail(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise fail(path, "no such file") from None
    except OSError as exc:
        raise fail(path, f"cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise fail(path, "the file is empty")
    if head.startswith(b"PK\x03\x04"):
        with _open_xlsx(path, size) as table:
            yield table
        return
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise fail(path, f"this is {what}, not a CSV or XLSX attendee list")
    encoding = detect_encoding(path, head)
    with _open_csv(path, size, encoding) as table:
        yield table


# -- encodings ---------------------------------------------------------------------------------


def _utf16_without_bom(sample: bytes) -> str | None:
    sample = sample[: 4096 - (4096 % 2)]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    even_zeros = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd_zeros = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if odd_zeros > 0.4 * pairs and even_zeros < 0.05 * pairs:
        return "utf-16-le"
    if even_zeros > 0.4 * pairs and odd_zeros < 0.05 * pairs:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    return controls > max(2, len(text) // 20)


def _whole_file_decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as raw:
            while chunk := raw.read(1 << 20):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path, head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(head) or ""
    if not encoding:
        if _looks_binary(head.decode("latin-1")):
            raise fail(path, "this looks like binary data, not a CSV or XLSX attendee list")
        if _whole_file_decodes(path, "utf-8"):
            encoding = "utf-8"
        elif _whole_file_decodes(path, "cp1252"):
            encoding = "cp1252"
        else:
            raise fail(path, "the text is neither UTF-8, UTF-16 nor Windows-1252; save it as UTF-8 CSV")
    elif encoding != "utf-8-sig" and not _whole_file_decodes(path, encoding):
        raise fail(path, f"the text is not valid {encoding.upper()}")
    elif encoding == "utf-8-sig" and not _whole_file_decodes(path, "utf-8-sig"):
        raise fail(path, "the file starts like UTF-8 but is not valid UTF-8")
    sample = head.decode(encoding, errors="ignore")
    if _looks_binary(sample):
        raise fail(path, "this looks like binary data, not a CSV or XLSX attendee list")
    return encoding


# -- CSV ---------------------------------------------------------------------------------------


def sniff_delimiter(sample: str) -> str:
    """The delimiter the header line uses most (outside quotes); a comma when there is none."""
    first = sample.lstrip("\ufeff")
    for line in first.splitlines():
        if line.strip():
            first = line
            break
    bare = _QUOTED.sub("", first)
    counts = {d: bare.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    if counts[best] == 0:
        return ","
    return best


def _swallowed_rows(record: list[str], delimiter: str, width: int) -> bool:
    """Whether a record spanning lines holds lines that look like whole rows of their own.

    A quote that is never closed (or closed by chance much later) swallows the following
    records into one field; their lines then carry as many delimiters as a row does.
    """
    need = max(1, width - 1)
    for value in record:
        if "\n" not in value and "\r" not in value:
            continue
        for part in value.splitlines()[1:]:
            if _QUOTED.sub("", part).count(delimiter) >= need:
                return True
    return False


def _records(reader, path: Path, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Records with the physical line they start on; a broken quote stops the import.

    Every physical line belongs to exactly one record: a record spanning several lines is a
    quoted field with line breaks, and such a field must not hold what looks like other rows.
    """
    end = 0
    width = 0
    while True:
        start = end + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise fail_at(path, start, _quote_problem(str(exc), start, reader.line_num)) from None
        end = reader.line_num
        if not width:
            width = len(record)
        elif end > start and _swallowed_rows(record, delimiter, width):
            raise fail_at(
                path, start,
                f"a quote opened on this line swallows lines {start}-{end}, which look like rows of their own; "
                "is a closing quote missing?",
            )
        if record and (record[0].strip() or "".join(record).strip()):  # the first cell mostly decides
            yield start, record


def _quote_problem(error: str, start: int, line: int) -> str:
    if "end of data" in error:
        return f"a quote opened on this line is never closed (it runs to the end of the file, line {line})"
    if "expected after" in error:
        if line > start:
            return f"a quote opened on this line is closed on line {line} and followed by more text; is a closing quote missing?"
        return "text after a closing quote; put the whole field in quotes and double any quote inside it (\"\")"
    if "field larger" in error:
        return f"a field is longer than {MAX_FIELD // (1024 * 1024)} MB; is a closing quote missing?"
    return f"the CSV cannot be read ({error})"


@contextmanager
def _open_csv(path: Path, size: int, encoding: str) -> Iterator[Table]:
    with open(path, "r", encoding=encoding, newline="") as text:
        sample = text.read(SNIFF_BYTES // 2)
        delimiter = sniff_delimiter(sample)
        text.seek(0)
        reader = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
        records = _records(reader, path, delimiter)
        first = next(records, None)
        if first is None:
            raise fail(path, "the file has no header row (it is blank)")
        header_line, headers = first
        headers = [h.replace("\ufeff", "").strip() for h in headers]
        raw = text.buffer
        yield Table(
            path=path,
            kind="csv",
            headers=headers,
            header_line=header_line,
            rows=records,
            size=size,
            encoding={"utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16"}.get(encoding, encoding.upper()),
            delimiter=delimiter,
            _position=raw.tell,
        )


# -- XLSX --------------------------------------------------------------------------------------


def cell_text(value) -> str:
    """A spreadsheet cell as the text a person sees (numbers without a spurious '.0')."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _mb(size: int) -> str:
    return f"{size / 1e6:,.0f} MB" if size >= 1e6 else f"{size / 1e6:.1f} MB"


def _check_xlsx_sizes(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than can be read safely, before parsing.

    The sizes are the ones the zip directory declares; zipfile stops reading a member at its
    declared size, so a part cannot unpack to more than checked here.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise fail(path, f"this is a zip file but not a readable XLSX workbook ({type(exc).__name__})") from None
    for part in parts:
        name = part.filename.lower()
        if name.endswith("sharedstrings.xml"):
            limit = MAX_XLSX_SHARED_STRINGS
        elif name.endswith(".xml") or name.endswith(".rels"):
            limit = MAX_XLSX_PART
        else:
            continue
        if part.file_size > limit:
            raise fail(
                path,
                f"the workbook's part {shorten(part.filename, 60)} unpacks to {_mb(part.file_size)} "
                f"(at most {_mb(limit)}); save the list as CSV",
            )


@contextmanager
def _open_xlsx(path: Path, size: int) -> Iterator[Table]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    _check_xlsx_sizes(path)
    raw = open(path, "rb")  # a file object: openpyxl then does not insist on an .xlsx name
    try:
        book = openpyxl.load_workbook(raw, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raw.close()
        raise fail(path, f"this is a zip file but not a readable XLSX workbook ({type(exc).__name__})") from None
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        stored_rows = sheet.max_row or 0  # from the sheet's <dimension>: an estimate for progress
        # read-only mode trusts the stored <dimension>, which programs often leave out of date:
        # forget it, so every row really in the sheet is read
        sheet.reset_dimensions()
        done = [0]

        def rows() -> Iterator[tuple[int, list[str]]]:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                done[0] = number
                cells = [cell_text(v) for v in values]
                if any(len(c) > MAX_XLSX_CELL for c in cells):
                    longest = max(len(c) for c in cells)
                    raise fail_at(path, number, f"a cell holds {longest:,} characters (a spreadsheet cell holds at most {MAX_XLSX_CELL:,})")
                while cells and not cells[-1].strip():
                    cells.pop()
                if cells:
                    yield number, cells

        records = rows()
        first = next(records, None)
        if first is None:
            raise fail(path, "the workbook's first sheet is empty")
        header_line, headers = first
        total = stored_rows
        yield Table(
            path=path,
            kind="xlsx",
            headers=[h.strip() for h in headers],
            header_line=header_line,
            rows=records,
            size=total,
            _position=lambda: min(done[0], total),
        )
    finally:
        book.close()
        raw.close()

