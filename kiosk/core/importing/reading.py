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

#: Far above any real field; the validator reports over-long values with their line.
csv.field_size_limit(64 * 1024 * 1024)

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
        if self.kind == "xlsx":
            return "XLSX workbook"
        names = {",": "comma", ";": "semicolon", "\t": "tab"}
        return f"CSV ({names.get(self.delimiter, repr(self.delimiter))}-separated, {self.encoding})"


def fail(path: Path, message: str) -> ImportFileError:
    return ImportFileError(f"{path.name}: {message}")


@contextmanager
def open_table(path: str | os.PathLike) -> Iterator[Table]:
    """Open a CSV or XLSX attendee list. Raises ``ImportFileError`` for a file that is not one."""
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


def _records(reader, path: Path) -> Iterator[tuple[int, list[str]]]:
    end = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise fail(path, f"line {reader.line_num}: the CSV cannot be read ({exc})") from None
        start, end = end + 1, reader.line_num
        if record and "".join(record).strip():
            yield start, record


@contextmanager
def _open_csv(path: Path, size: int, encoding: str) -> Iterator[Table]:
    with open(path, "r", encoding=encoding, newline="") as text:
        sample = text.read(SNIFF_BYTES // 2)
        delimiter = sniff_delimiter(sample)
        text.seek(0)
        reader = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
        records = _records(reader, path)
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


@contextmanager
def _open_xlsx(path: Path, size: int) -> Iterator[Table]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    raw = open(path, "rb")  # a file object: openpyxl then does not insist on an .xlsx name
    try:
        book = openpyxl.load_workbook(raw, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raw.close()
        raise fail(path, f"this is a zip file but not a readable XLSX workbook ({type(exc).__name__})") from None
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        done = [0]

        def rows() -> Iterator[tuple[int, list[str]]]:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                done[0] = number
                cells = [cell_text(v) for v in values]
                while cells and not cells[-1].strip():
                    cells.pop()
                if cells:
                    yield number, cells

        records = rows()
        first = next(records, None)
        if first is None:
            raise fail(path, "the workbook's first sheet is empty")
        header_line, headers = first
        total = sheet.max_row or 0
        yield Table(
            path=path,
            kind="xlsx",
            headers=[h.strip() for h in headers],
            header_line=header_line,
            rows=records,
            size=total,
            _position=lambda: done[0],
        )
    finally:
        book.close()
        raw.close()

