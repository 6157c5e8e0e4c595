"""How an import's fields and file formats are named for people, in the user's language (the
field keys themselves, first_name ..., stay as they are: ``--map`` and JSON use them)."""

from __future__ import annotations

from kiosk.i18n import QT_TRANSLATE_NOOP, translate


FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("ImportField", "first name"),
    "last_name": QT_TRANSLATE_NOOP("ImportField", "last name"),
    "full_name": QT_TRANSLATE_NOOP("ImportField", "full name"),
    "email": QT_TRANSLATE_NOOP("ImportField", "email"),
    "organisation": QT_TRANSLATE_NOOP("ImportField", "organisation"),
    "job_title": QT_TRANSLATE_NOOP("ImportField", "job title"),
    "category": QT_TRANSLATE_NOOP("ImportField", "category"),
    "ticket_type": QT_TRANSLATE_NOOP("ImportField", "ticket type"),
    "code": QT_TRANSLATE_NOOP("ImportField", "ticket code"),
    "external_ref": QT_TRANSLATE_NOOP("ImportField", "external reference"),
    "order_ref": QT_TRANSLATE_NOOP("ImportField", "order number"),
}

ENCODING_LABELS = {
    "UTF-8 with BOM": QT_TRANSLATE_NOOP("ImportField", "UTF-8 with BOM"),
    "UTF-16": QT_TRANSLATE_NOOP("ImportField", "UTF-16"),
    "UTF-8": QT_TRANSLATE_NOOP("ImportField", "UTF-8"),
    "CP1252": QT_TRANSLATE_NOOP("ImportField", "Windows Latin-1 (CP1252)"),
    "LATIN-1": QT_TRANSLATE_NOOP("ImportField", "Latin-1 (ISO 8859-1)"),
    "ISO-8859-1": QT_TRANSLATE_NOOP("ImportField", "Latin-1 (ISO 8859-1)"),
}

DELIMITER_LABELS = {
    ",": QT_TRANSLATE_NOOP("ImportField", "comma"),
    ";": QT_TRANSLATE_NOOP("ImportField", "semicolon"),
    "\t": QT_TRANSLATE_NOOP("ImportField", "tab"),
}


def field_label(name: str) -> str:
    """'first name', 'förnamn' ... for a field key; an unknown key is shown as written."""
    return translate("ImportField", FIELD_LABELS[name]) if name in FIELD_LABELS else name.replace("_", " ")


def encoding_label(encoding: str) -> str:
    key = next((k for k in ENCODING_LABELS if k.upper() == encoding.upper()), None)
    return translate("ImportField", ENCODING_LABELS[key]) if key else encoding


def format_label(kind: str, delimiter: str = "", encoding: str = "") -> str:
    """'CSV (semicolon-separated, UTF-8)' / 'CSV (semikolonseparerad, UTF-8)', 'XLSX workbook'."""
    if kind == "xlsx":
        return translate("ImportField", "XLSX workbook")
    separator = translate("ImportField", DELIMITER_LABELS[delimiter]) if delimiter in DELIMITER_LABELS else repr(delimiter)
    return translate("ImportField", "CSV ({separator}-separated, {encoding})").format(
        separator=separator, encoding=encoding_label(encoding))
