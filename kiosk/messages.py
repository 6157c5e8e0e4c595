"""Messages from kiosk.core (and the printers) worded for people in their language.

The core is Qt-free and speaks English: its errors and statuses are also data (the log, the
print queue's status shared by every station). The screens and the command line translate the
ones people meet here, at the point where they are shown, by matching the English text against
known templates (an attendee import's are in ``kiosk.import_messages``). A message that matches
none stays as it is; file names, codes and names inside a message are never translated.

A template is the English message with ``{placeholders}`` where the core puts values; keep it in
step with the f-string that produces it (tests/test_translations.py checks a few).
"""

from __future__ import annotations

import re
from functools import cache

from kiosk.i18n import QT_TRANSLATE_NOOP, translate
from kiosk.import_messages import localise_import

CONTEXT = "Messages"

TEMPLATES = (
    # events and the database
    QT_TRANSLATE_NOOP("Messages", "No event named {name} in {url}"),
    QT_TRANSLATE_NOOP("Messages", "No event in {url} yet: run 'kiosk demo' or create one"),
    QT_TRANSLATE_NOOP("Messages", "No event with id {id}"),
    QT_TRANSLATE_NOOP("Messages", "An event needs a name"),
    QT_TRANSLATE_NOOP("Messages", "An event name has at most 200 characters"),
    QT_TRANSLATE_NOOP("Messages", "An event cannot end before it starts"),
    QT_TRANSLATE_NOOP("Messages", "An event named {name} already exists"),
    QT_TRANSLATE_NOOP("Messages", "Unknown time zone {name} (use a name like Europe/Stockholm)"),
    QT_TRANSLATE_NOOP("Messages", "--date {text}: not a date; write it as YYYY-MM-DD, e.g. 2026-05-20"),
    QT_TRANSLATE_NOOP("Messages", "{option} {text}: not a time; write it as HH:MM, e.g. 08:30"),
    QT_TRANSLATE_NOOP("Messages", "--end {end}: the event must end after it starts ({start})"),
    QT_TRANSLATE_NOOP("Messages", "Cannot reach database {url}: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "Invalid database URL: {url}"),
    QT_TRANSLATE_NOOP("Messages", "Unsupported database {url}: use sqlite:/// or postgresql+psycopg://"),
    # attendees
    QT_TRANSLATE_NOOP("Messages", "No attendee with id {id}"),
    QT_TRANSLATE_NOOP("Messages", "No attendee with code {code} in {event}"),
    QT_TRANSLATE_NOOP("Messages", "Cannot edit {fields}"),
    QT_TRANSLATE_NOOP("Messages", "{field} is missing"),
    QT_TRANSLATE_NOOP("Messages", "{field} contains a NUL byte"),
    QT_TRANSLATE_NOOP("Messages", "{field} is {n} characters long (at most {limit})"),
    QT_TRANSLATE_NOOP("Messages", "{field} {email} is not a valid email address"),
    QT_TRANSLATE_NOOP("Messages", "{field} must be one of {allowed}"),
    QT_TRANSLATE_NOOP("Messages", "an annulment needs a reason"),
    # the admin PIN
    QT_TRANSLATE_NOOP("Messages", "A PIN is made of digits only"),
    QT_TRANSLATE_NOOP("Messages", "A PIN has {low} to {high} digits"),
    # privacy
    QT_TRANSLATE_NOOP("Messages", "event {names} is past its retention period; run 'kiosk purge --expired'"),
    QT_TRANSLATE_NOOP("Messages", "{n} events are past their retention period; run 'kiosk purge --expired'"),
    # printers and the print queue
    QT_TRANSLATE_NOOP("Messages", "No printer chosen and the system has no default printer"),
    QT_TRANSLATE_NOOP("Messages", "Printer {name} not found (is it switched on and installed?)"),
    QT_TRANSLATE_NOOP("Messages", "Printer {name} is {state} (out of paper or labels, or paused?)"),
    QT_TRANSLATE_NOOP("Messages", "Printer {name} refused the job"),
    QT_TRANSLATE_NOOP("Messages", "Printer {name} did not take the job"),
    QT_TRANSLATE_NOOP("Messages", "Print queue unavailable: the database cannot be reached (badges wait in the queue)"),
    QT_TRANSLATE_NOOP("Messages", "Print queue unavailable: see the log for details (badges wait in the queue)"),
    QT_TRANSLATE_NOOP("Messages", "{printer}: ready, {n} waiting"),
    QT_TRANSLATE_NOOP("Messages", "{printer}: ready"),
    QT_TRANSLATE_NOOP("Messages", "{error} ({n} waiting)"),
    QT_TRANSLATE_NOOP("Messages", "No badge template named {name} (known: {known})"),
    # exports
    QT_TRANSLATE_NOOP("Messages", "Unknown format {name}; use csv or xlsx"),
    # the database file: checks, backups, restores
    QT_TRANSLATE_NOOP("Messages", "The database {db} is damaged ({problem}): restore a backup with 'kiosk db restore FILE'"),
    QT_TRANSLATE_NOOP("Messages", "A station has the database {db} open: close every station window using it, then restore"),
    QT_TRANSLATE_NOOP("Messages", "The database {db} is being restored from a backup: start the station again when it is done"),
    QT_TRANSLATE_NOOP("Messages", "{file} is a file of the database in use: choose another file"),
    QT_TRANSLATE_NOOP("Messages", "{file} is the database itself: choose another file"),
    QT_TRANSLATE_NOOP("Messages", "{file} is the database itself: choose a backup file"),
    QT_TRANSLATE_NOOP("Messages", "{file} already exists: choose a new file name"),
    QT_TRANSLATE_NOOP("Messages", "No backup file {file}"),
    QT_TRANSLATE_NOOP("Messages", "{file} is damaged ({problem}): choose another backup"),
    QT_TRANSLATE_NOOP("Messages", "{file} is not a kiosk database"),
    QT_TRANSLATE_NOOP("Messages", "kiosk db {command} works on a SQLite file; for {url} use pg_dump and pg_restore"),
    QT_TRANSLATE_NOOP("Messages", "No database file {db}"),
    QT_TRANSLATE_NOOP("Messages", "Cannot open {db}: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "Backup to {file} failed: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "Restoring {file} into {db} failed: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "The restored database is damaged: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "The copy of the database is damaged: {problem}"),
)

#: Attendee fields as core names them in validation messages.
FIELDS = {
    "first_name": QT_TRANSLATE_NOOP("Messages", "First name"),
    "last_name": QT_TRANSLATE_NOOP("Messages", "Last name"),
    "name": QT_TRANSLATE_NOOP("Messages", "Name"),
    "email": QT_TRANSLATE_NOOP("Messages", "Email"),
    "organisation": QT_TRANSLATE_NOOP("Messages", "Organisation"),
    "job_title": QT_TRANSLATE_NOOP("Messages", "Job title"),
    "category": QT_TRANSLATE_NOOP("Messages", "Category"),
    "ticket_type": QT_TRANSLATE_NOOP("Messages", "Ticket type"),
    "badge_privacy": QT_TRANSLATE_NOOP("Messages", "Badge privacy"),
    "notes": QT_TRANSLATE_NOOP("Messages", "Staff notes"),
    "alerts": QT_TRANSLATE_NOOP("Messages", "Alerts"),
    "code": QT_TRANSLATE_NOOP("Messages", "Code"),
}

#: Words inside statuses that are values rather than names.
WORDS = {
    "default printer": QT_TRANSLATE_NOOP("Messages", "default printer"),
    "aborted": QT_TRANSLATE_NOOP("Messages", "aborted"),
    "stopped or in error": QT_TRANSLATE_NOOP("Messages", "stopped or in error"),
}

#: Why an import blocked a ticket (``kiosk.core.importing.status.REASONS``).
BLOCK_REASONS = {
    "refunded": QT_TRANSLATE_NOOP("Messages", "refunded"),
    "cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled"),
    "unpaid": QT_TRANSLATE_NOOP("Messages", "unpaid"),
}


def block_reason_text(reason: str) -> str:
    """A blocked ticket's reason in the current language (staff's own words stay as they are)."""
    return translate("Messages", BLOCK_REASONS[reason]) if reason in BLOCK_REASONS else reason


PREFIXES = {"warning: ": QT_TRANSLATE_NOOP("Messages", "warning: ")}


_PLACEHOLDER = {"n": r"\d+", "id": r"\d+", "limit": r"\d+", "low": r"\d+", "high": r"\d+", "field": r"\w+"}


@cache
def _compiled() -> tuple[tuple[re.Pattern, str], ...]:
    compiled = []
    for template in TEMPLATES:
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_PLACEHOLDER.get(part, '.+?')})" for i, part in enumerate(parts)
        )
        compiled.append((re.compile(f"^{pattern}$", re.DOTALL), template))
    return tuple(compiled)


def field_name(field: str) -> str:
    return translate("Messages", FIELDS[field]) if field in FIELDS else field


def _value(name: str, value: str) -> str:
    if name == "field":
        return field_name(value)
    if name in ("printer", "error", "state"):
        return translate("Messages", WORDS[value]) if value in WORDS else localise(value) if name == "error" else value
    return value


def localise(message: str) -> str:
    """``message`` in the current language when it is a known one; else unchanged."""
    if not message:
        return message
    for english, translated in PREFIXES.items():
        if message.startswith(english) and len(message) > len(english):
            return translate("Messages", translated) + localise(message[len(english):])
    imported = localise_import(message)
    if imported is not None:
        return imported
    if "; " in message:  # several validation problems in one line
        parts = message.split("; ")
        localised = [localise(part) for part in parts]
        if localised != parts:
            return "; ".join(localised)
    for pattern, template in _compiled():
        found = pattern.match(message)
        if found:
            values = {name: _value(name, value) for name, value in found.groupdict().items()}
            return translate("Messages", template).format(**values)
    return message


def problem(field: str, message: str) -> str:
    """One validation problem (field, message) from ``attendees.validate``, as a line."""
    return localise(f"{field} {message}")
