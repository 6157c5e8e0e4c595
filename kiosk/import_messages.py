"""An attendee import's problems and file errors, worded for people in their language.

``kiosk.core.importing`` speaks English (its problems are also data: ``--json``, the audit log).
The import dialog and ``kiosk import`` show them through here:

- ``problem_line(problem, file)``: one row's problem, ``file:line: field: message`` with the
  field named in the user's language (in English the field key stays, ``first_name``, as
  ``--map`` writes it; in Swedish ``förnamn``; a registration-answer column keeps its header)
  and the message translated;
- ``localise_import(text)``: a whole-file error (``file: message`` or ``file:line: message``)
  or a bare problem message; ``kiosk.messages.localise`` asks here first, so every place that
  already localises a core error (the command line's last line, the dialog) gets these too.

A template is the English message with ``{placeholders}`` where the core puts values; values
(file names, codes, quoted cells, line numbers) are never translated. Keep each in step with
the f-string in ``kiosk/core/importing`` that produces it: tests/test_import_messages.py fails for a
message without one.
"""

from __future__ import annotations

import re
from functools import cache

from kiosk.i18n import QT_TRANSLATE_NOOP, translate

TEMPLATES = (
    # a row's problems (validation)
    QT_TRANSLATE_NOOP("ImportMessages", "has {count} fields, the header has {width}"),
    QT_TRANSLATE_NOOP("ImportMessages", "is {n} characters long (at most {limit})"),
    QT_TRANSLATE_NOOP("ImportMessages", "is {n} characters long (at most {limit}); not kept"),
    QT_TRANSLATE_NOOP("ImportMessages", "is missing"),
    QT_TRANSLATE_NOOP("ImportMessages", "contains a NUL byte"),
    QT_TRANSLATE_NOOP("ImportMessages", "contains a NUL byte; not kept"),
    QT_TRANSLATE_NOOP("ImportMessages", "{email} is not a valid email address"),
    QT_TRANSLATE_NOOP("ImportMessages", "{code} is already used on line {line}"),
    QT_TRANSLATE_NOOP("ImportMessages", "also on line {line} (one buyer on several tickets is fine)"),
    QT_TRANSLATE_NOOP("ImportMessages", "{value} is not a badge privacy (full, first name only, no organisation, yes or no)"),
    QT_TRANSLATE_NOOP("ImportMessages", "{value} is not a status the kiosk knows; the ticket stays active"),
    QT_TRANSLATE_NOOP("ImportMessages", "{value} is not yes or no; read as no"),
    # matching rows to attendees
    QT_TRANSLATE_NOOP("ImportMessages", "collides with a code generated for another row"),
    QT_TRANSLATE_NOOP("ImportMessages", "is the same attendee as line {line}"),
    QT_TRANSLATE_NOOP("ImportMessages", "changed at a station to {station} and in the file to {file}; the file's value is used"),
    # the file as a whole
    QT_TRANSLATE_NOOP("ImportMessages", "no name column found (columns: {columns}); name one with --map COLUMN=first_name (or last_name, full_name)"),
    QT_TRANSLATE_NOOP("ImportMessages", "the file has a header row but no attendees"),
    QT_TRANSLATE_NOOP("ImportMessages", "the path is empty"),
    QT_TRANSLATE_NOOP("ImportMessages", "is a folder, not a file"),
    QT_TRANSLATE_NOOP("ImportMessages", "no such file"),
    QT_TRANSLATE_NOOP("ImportMessages", "cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("ImportMessages", "the file is empty"),
    QT_TRANSLATE_NOOP("ImportMessages", "this is {what}, not a CSV or XLSX attendee list"),
    QT_TRANSLATE_NOOP("ImportMessages", "this looks like binary data, not a CSV or XLSX attendee list"),
    QT_TRANSLATE_NOOP("ImportMessages", "the text is neither UTF-8, UTF-16 nor Windows-1252; save it as UTF-8 CSV"),
    QT_TRANSLATE_NOOP("ImportMessages", "the text is not valid {encoding}"),
    QT_TRANSLATE_NOOP("ImportMessages", "the file starts like UTF-8 but is not valid UTF-8"),
    QT_TRANSLATE_NOOP("ImportMessages", "the file has no header row (it is blank)"),
    QT_TRANSLATE_NOOP("ImportMessages", "a quote opened on this line swallows lines {start}-{end}, which look like rows of their own; is a closing quote missing?"),
    QT_TRANSLATE_NOOP("ImportMessages", "a quote opened on this line is never closed (it runs to the end of the file, line {line})"),
    QT_TRANSLATE_NOOP("ImportMessages", "a quote opened on this line is closed on line {line} and followed by more text; is a closing quote missing?"),
    QT_TRANSLATE_NOOP("ImportMessages", "text after a closing quote; put the whole field in quotes and double any quote inside it (\"\")"),
    QT_TRANSLATE_NOOP("ImportMessages", "a field is longer than {n} MB; is a closing quote missing?"),
    QT_TRANSLATE_NOOP("ImportMessages", "the CSV cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("ImportMessages", "this is a zip file but not a readable XLSX workbook ({reason})"),
    QT_TRANSLATE_NOOP("ImportMessages", "the workbook's part {part} unpacks to {size} (at most {most}); save the list as CSV"),
    QT_TRANSLATE_NOOP("ImportMessages", "a cell holds {count} characters (a spreadsheet cell holds at most {most})"),
    QT_TRANSLATE_NOOP("ImportMessages", "the workbook's first sheet is empty"),
    QT_TRANSLATE_NOOP("ImportMessages", "no room for the import's temporary file ({reason}); nothing was imported: free some disk space, or set TMPDIR to a folder with room"),
    # --map
    QT_TRANSLATE_NOOP("ImportMessages", "--map {item}: write it as COLUMN=FIELD, e.g. --map 'E-post=email'"),
    QT_TRANSLATE_NOOP("ImportMessages", "--map {column}={key}: unknown field; use one of {keys} or ignore"),
    QT_TRANSLATE_NOOP("ImportMessages", "--map {column}={key}: no column {name} in the file (columns: {columns})"),
)

#: What a binary file turned out to be (``reading._BINARY_MAGIC``).
WHAT = {
    "a PDF document": QT_TRANSLATE_NOOP("ImportMessages", "a PDF document"),
    "a PNG image": QT_TRANSLATE_NOOP("ImportMessages", "a PNG image"),
    "a JPEG image": QT_TRANSLATE_NOOP("ImportMessages", "a JPEG image"),
    "a GIF image": QT_TRANSLATE_NOOP("ImportMessages", "a GIF image"),
    "a gzip archive": QT_TRANSLATE_NOOP("ImportMessages", "a gzip archive"),
    "an old Excel .xls (or other Office 97) file; save it as .xlsx or CSV":
        QT_TRANSLATE_NOOP("ImportMessages", "an old Excel .xls (or other Office 97) file; save it as .xlsx or CSV"),
    "a 7-Zip archive": QT_TRANSLATE_NOOP("ImportMessages", "a 7-Zip archive"),
    "a RAR archive": QT_TRANSLATE_NOOP("ImportMessages", "a RAR archive"),
}

#: The fields a problem names, as a person reads them (English shows the key itself, as
#: ``--map`` and ``--json`` write it). A column not here (a registration answer's header) is
#: shown as the file has it.
FIELDS = {
    "row": QT_TRANSLATE_NOOP("ImportProblemField", "row"),
    "name": QT_TRANSLATE_NOOP("ImportProblemField", "name"),
    "first_name": QT_TRANSLATE_NOOP("ImportProblemField", "first_name"),
    "last_name": QT_TRANSLATE_NOOP("ImportProblemField", "last_name"),
    "full_name": QT_TRANSLATE_NOOP("ImportProblemField", "full_name"),
    "email": QT_TRANSLATE_NOOP("ImportProblemField", "email"),
    "organisation": QT_TRANSLATE_NOOP("ImportProblemField", "organisation"),
    "job_title": QT_TRANSLATE_NOOP("ImportProblemField", "job_title"),
    "category": QT_TRANSLATE_NOOP("ImportProblemField", "category"),
    "ticket_type": QT_TRANSLATE_NOOP("ImportProblemField", "ticket_type"),
    "code": QT_TRANSLATE_NOOP("ImportProblemField", "code"),
    "external_ref": QT_TRANSLATE_NOOP("ImportProblemField", "external_ref"),
    "order_ref": QT_TRANSLATE_NOOP("ImportProblemField", "order_ref"),
    "status": QT_TRANSLATE_NOOP("ImportProblemField", "status"),
    "order_status": QT_TRANSLATE_NOOP("ImportProblemField", "order_status"),
    "cancelled": QT_TRANSLATE_NOOP("ImportProblemField", "cancelled"),
    "refunded": QT_TRANSLATE_NOOP("ImportProblemField", "refunded"),
    "privacy": QT_TRANSLATE_NOOP("ImportProblemField", "privacy"),
}

_NUMBER = r"\d+"
_PLACEHOLDER = {
    "n": _NUMBER, "limit": _NUMBER, "line": _NUMBER, "start": _NUMBER, "end": _NUMBER, "width": _NUMBER,
    "count": r"[\d,]+", "key": r"\w+",
}


@cache
def _compiled() -> tuple[tuple[str, re.Pattern, str], ...]:
    """(the template's longest run of words, its pattern, the template) for each template: a
    pattern is tried only on a message holding its words."""
    compiled = []
    for template in TEMPLATES:
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_PLACEHOLDER.get(part, '.+?')})" for i, part in enumerate(parts)
        )
        needle = max(parts[::2], key=len)
        compiled.append((needle, re.compile(f"^{pattern}$", re.DOTALL), template))
    return tuple(compiled)


def _match(message: str) -> tuple[str, dict[str, str]] | None:
    for needle, pattern, template in _compiled():
        if needle in message:
            found = pattern.match(message)
            if found:
                return template, found.groupdict()
    return None


def template_of(message: str) -> str | None:
    """The template a bare problem or file message was made from; None for an unknown one."""
    found = _match(message)
    return found[0] if found else None


def message_text(message: str) -> str:
    """A bare problem message (``is missing``) in the current language; unknown ones stay."""
    found = _match(message)
    if found is None:
        return message
    template, values = found
    if "what" in values and values["what"] in WHAT:
        values["what"] = translate("ImportMessages", WHAT[values["what"]])
    return translate("ImportMessages", template).format(**values)


def field_text(field: str) -> str:
    """The field a problem names, in the current language (an answer column's header as it is)."""
    return translate("ImportProblemField", FIELDS[field]) if field in FIELDS else field


def problem_line(problem, filename: str) -> str:
    """``file:line: field: [warning: ]message`` in the current language (``problem`` is a
    ``kiosk.core.importing.Problem``); the same line as ``Problem.format`` in English."""
    kind = translate("Messages", "warning: ") if problem.warning else ""
    return f"{filename}:{problem.line}: {field_text(problem.field)}: {kind}{message_text(problem.message)}"


def localise_import(text: str) -> str | None:
    """An import's file error (``file: message``, ``file:line: message``) in the current
    language; None when it is not one of the import's.

    A bare message counts only when its template starts with words ("the path is empty"), so a
    value at the start of some other message is never taken for one of these.
    """
    found = _match(text)
    if found and not found[0].startswith("{"):
        return message_text(text)
    index = text.find(": ")
    while index != -1:  # a file name may itself hold ": ": try each split, the shortest name first
        rest = text[index + 2:]
        if _match(rest):
            return f"{text[:index]}: {message_text(rest)}"
        index = text.find(": ", index + 1)
    return None
