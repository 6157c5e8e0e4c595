"""Which column holds what: automatic mapping from known headers, and ``--map`` overrides.

Headers are compared folded (case, accents, spaces and punctuation ignored; ``#`` reads as
"number"), so "E-mail", "Email" and "e mail" are one name. Known headers come from
Eventbrite's attendee report, pretix exports, generic spreadsheets, and Swedish ones.
When two columns would map to the same field, the first wins and the other is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.core.errors import UsageError
from kiosk.core.search import fold

#: The fields a column can map to. ``full_name`` is split into first and last name;
#: ``order_ref`` is kept as the external reference when there is no per-ticket reference;
#: ``status``, ``order_status``, ``cancelled`` and ``refunded`` block or unblock the ticket
#: (see ``status``); ``privacy`` is the person's own badge privacy. Columns no field takes are
#: kept as the attendee's answers, unless mapped to ``ignore``.
FIELDS = (
    "first_name",
    "last_name",
    "full_name",
    "email",
    "organisation",
    "job_title",
    "category",
    "ticket_type",
    "code",
    "external_ref",
    "order_ref",
    "status",
    "order_status",
    "cancelled",
    "refunded",
    "privacy",
)
IGNORE = "ignore"
NAME_FIELDS = ("first_name", "last_name", "full_name")

_ALIASES: dict[str, tuple[str, ...]] = {
    "first_name": (
        "firstname", "givenname", "forename", "first", "attendeefirstname", "attendeenamegivenname",
        "givennames", "fornamn", "tilltalsnamn", "vorname", "prenom", "nombre",
    ),
    "last_name": (
        "lastname", "surname", "familyname", "last", "attendeelastname", "attendeenamefamilyname",
        "efternamn", "nachname", "nom", "apellido", "apellidos",
    ),
    "full_name": (
        "name", "fullname", "attendeename", "attendee", "participant", "participantname", "guest",
        "guestname", "namn", "fulltnamn", "deltagare", "deltagarnamn", "namnpadeltagare",
    ),
    "email": (
        "email", "emailaddress", "mail", "attendeeemail", "attendeeemailaddress", "epost", "epostadress",
        "mejl", "mejladress",
    ),
    "organisation": (
        "company", "organisation", "organization", "org", "employer", "companyname", "organisationname",
        "organizationname", "attendeecompany", "affiliation", "institution", "foretag", "arbetsgivare",
        "myndighet",
    ),
    "job_title": ("jobtitle", "title", "position", "role", "befattning", "titel", "yrkestitel", "roll"),
    "category": ("category", "kategori", "sector", "sektor", "group", "grupp", "attendeetype", "deltagartyp"),
    "ticket_type": (
        "tickettype", "ticket", "product", "ticketname", "tickettypename", "variation", "biljettyp",
        "biljetttyp", "biljett", "produkt",
    ),
    "code": (
        "barcodenumber", "barcode", "secret", "ticketsecret", "code", "ticketcode", "qrcode", "qr",
        "checkincode", "streckkod", "biljettkod", "kod",
    ),
    "external_ref": (
        "attendeenumber", "attendeeid", "attendeeno", "ticketnumber", "ticketid", "ticketno", "positionid",
        "externalref", "externalreference", "reference", "ref", "referens", "registrationid",
        "deltagarnummer", "biljettnummer",
    ),
    "status": (
        "attendeestatus", "status", "ticketstatus", "positionstatus", "registrationstatus", "participantstatus",
        "deltagarstatus", "biljettstatus",
    ),
    "order_status": ("orderstatus", "paymentstatus", "orderstate", "betalstatus", "betalningsstatus", "bestallningsstatus"),
    "cancelled": ("cancelled", "canceled", "cancellation", "iscancelled", "iscanceled", "avbokad", "avbokat", "storniert"),
    "refunded": ("refunded", "refund", "isrefunded", "aterbetald", "aterbetalad"),
    "privacy": (
        "privacy", "badgeprivacy", "namebadgeprivacy", "protectedidentity", "firstnameonly", "integritet",
        "badgeintegritet", "skyddadidentitet", "endastfornamn",
    ),
    "order_ref": (
        "ordernumber", "ordercode", "orderid", "order", "orderno", "ordernr", "bookingreference",
        "bookingid", "ordernummer", "bestallning", "bestallningsnummer", "bokningsnummer",
    ),
}
ALIASES: dict[str, str] = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_header(header: str) -> str:
    """'Barcode #' -> 'barcodenumber', 'E-post' -> 'epost', 'Förnamn' -> 'fornamn'."""
    return _NON_ALNUM.sub("", fold(header.replace("#", " number ")))


@dataclass(frozen=True)
class Mapping:
    """One field (or None, ignored) per column, in column order."""

    headers: tuple[str, ...]
    fields: tuple[str | None, ...]
    #: Columns mapped to ``ignore`` by hand: dropped, not kept as answers.
    ignored: frozenset[int] = frozenset()

    def column(self, field: str) -> int | None:
        try:
            return self.fields.index(field)
        except ValueError:
            return None

    def has(self, field: str) -> bool:
        return field in self.fields

    @property
    def has_name(self) -> bool:
        return any(self.has(f) for f in NAME_FIELDS)

    def pairs(self) -> list[tuple[str, str | None]]:
        return list(zip(self.headers, self.fields))

    def to_json(self) -> list[dict]:
        return [{"column": h, "field": f} for h, f in self.pairs()]


def auto_fields(headers: list[str]) -> list[str | None]:
    out: list[str | None] = []
    taken: set[str] = set()
    for header in headers:
        field = ALIASES.get(normalise_header(header))
        if field in taken:
            field = None
        if field:
            taken.add(field)
        out.append(field)
    return out


def parse_overrides(items: list[str] | None) -> dict[str, str]:
    """``["Förnamn=first_name", "Notes=ignore"]`` -> ``{"Förnamn": "first_name", ...}``."""
    overrides: dict[str, str] = {}
    for item in items or []:
        column, sep, field = item.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise UsageError(f"--map {item!r}: write it as COLUMN=FIELD, e.g. --map 'E-post=email'")
        overrides[column.strip()] = field.strip()
    return overrides


def _find_column(headers: tuple[str, ...], column: str) -> int | None:
    if column in headers:
        return headers.index(column)
    wanted = column.casefold()
    for i, header in enumerate(headers):
        if header.casefold() == wanted:
            return i
    wanted = normalise_header(column)
    for i, header in enumerate(headers):
        if wanted and normalise_header(header) == wanted:
            return i
    if column.isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    return None


def build_mapping(headers: list[str], overrides: dict[str, str] | None = None) -> Mapping:
    """The automatic mapping with ``overrides`` ({column: field or 'ignore'}) applied on top.

    A column is named by its header (case-insensitive) or its 1-based number.
    """
    heads = tuple(headers)
    fields = auto_fields(headers)
    ignored: set[int] = set()
    for column, field in (overrides or {}).items():
        field = field.strip().lower().replace("-", "_")
        if field in ("", "-", "none", "skip"):
            field = IGNORE
        if field not in FIELDS and field != IGNORE:
            raise UsageError(f"--map {column}={field}: unknown field; use one of {', '.join(FIELDS)} or ignore")
        index = _find_column(heads, column)
        if index is None:
            shown = ", ".join(repr(h) for h in heads)
            raise UsageError(f"--map {column}={field}: no column {column!r} in the file (columns: {shown})")
        if field == IGNORE:
            fields[index] = None
            ignored.add(index)
            continue
        ignored.discard(index)
        fields = [None if f == field else f for f in fields]
        fields[index] = field
    return Mapping(heads, tuple(fields), frozenset(ignored))
