"""Every setting, declared once: key, type, default, description, page and check.

The settings dialog builds its pages from these, ``kiosk config`` validates through them and
the station and event stores convert through them. Types are ``str``, ``int``, ``bool`` and
``dict`` (a ``{name: value}`` table, written ``"VIP=cr80; Staff=a6"`` on the command line).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.core.errors import UsageError


class SettingError(UsageError):
    """A bad key or value: one line that names the key."""


Check = Callable[[object], "str | None"]


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    description: str
    #: The dialog page (and ``config show`` group) the setting belongs to.
    page: str = "Station"
    #: ``check(value) -> message`` for a value of the right type that is still not allowed.
    check: Check | None = None
    #: The only values allowed (a choice list in the dialog), if any.
    choices: tuple = ()
    #: Never shown, logged or audited (the admin PIN).
    secret: bool = False
    #: Kept in the event's database rows rather than the station file.
    scope: str = "station"
    #: Short label for the dialog.
    label: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    def public(self, value: object) -> object:
        """The value as ``config show --json`` gives it: secrets and passwords never leave."""
        return self.show(value) if self.secret or self.extra.get("url") else value

    def parse(self, text: str) -> object:
        """The typed value of ``text`` (the command line, a text field); SettingError if it is not one."""
        text = text.strip()
        if self.type is bool:
            lowered = text.lower()
            if lowered in ("1", "true", "yes", "on"):
                return self.validate(True)
            if lowered in ("0", "false", "no", "off"):
                return self.validate(False)
            raise SettingError(f"{self.key}: {text!r} is not on/off (use true or false)")
        if self.type is int:
            try:
                return self.validate(int(text))
            except ValueError:
                raise SettingError(f"{self.key}: {text!r} is not a whole number") from None
        if self.type is dict:
            return self.validate(parse_table(self.key, text))
        return self.validate(text)

    def validate(self, value: object, check: bool = True) -> object:
        """``value`` if it has the right type and (with ``check``) passes the check; SettingError otherwise."""
        if self.type is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise SettingError(f"{self.key}: expected a whole number, got {value!r}")
        if self.type is bool and not isinstance(value, bool):
            raise SettingError(f"{self.key}: expected true or false, got {value!r}")
        if self.type is str and not isinstance(value, str):
            raise SettingError(f"{self.key}: expected text, got {value!r}")
        if self.type is str and any("\ud800" <= ch <= "\udfff" or ch == "\x00" for ch in value):
            raise SettingError(f"{self.key}: not valid text (invalid UTF-8 or a NUL byte)")
        if self.type is dict:
            if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise SettingError(f"{self.key}: expected a table of names and values, got {value!r}")
        if not check:
            return value
        if self.choices and value not in self.choices:
            raise SettingError(f"{self.key}: {value!r} is not one of {', '.join(map(str, self.choices))}")
        if self.check is not None:
            message = self.check(value)
            if message:
                raise SettingError(f"{self.key}: {message}")
        return value

    def coerce(self, value: object) -> object:
        """A stored value as this type, or the default when it is unusable. Ranges are not
        checked here (a hand-edited file may hold anything): users clamp what they read."""
        try:
            return self.validate(value, check=False)
        except SettingError:
            if isinstance(value, str) and self.type is not str:
                try:
                    return self.validate(parse_table(self.key, value) if self.type is dict else self.parse(value), check=False)
                except SettingError:
                    pass
            return self.default

    def show(self, value: object) -> str:
        """The value as one line of text (``config show``, the audit trail); a password is masked."""
        if self.secret:
            return "(set)" if value else "(not set)"
        if self.extra.get("url"):
            from kiosk.core.urls import mask_url

            return mask_url(str(value))
        return self.text(value)

    def text(self, value: object) -> str:
        """The value as one line of text to edit, unmasked (``show`` is for showing it)."""
        if self.type is bool:
            return "true" if value else "false"
        if self.type is dict:
            return "; ".join(f"{k}={v}" for k, v in value.items())
        return str(value)


def parse_table(key: str, text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in re.split(r"[;\n]", text))):
        name, sep, value = part.partition("=")
        if not sep or not name.strip():
            raise SettingError(f"{key}: {part!r} is not NAME=VALUE (separate pairs with ';')")
        table[name.strip()] = value.strip()
    return table


# -- checks -------------------------------------------------------------------------------
def between(low: int, high: int) -> Check:
    return lambda v: None if low <= v <= high else f"{v} is outside {low}-{high}"


def _name_length(value: str, column: str) -> str | None:
    from kiosk.core.limits import station_limits

    limit = station_limits()[column]
    return f"{len(value)} characters is too long (at most {limit})" if limit and len(value) > limit else None


def _template_name(value: str) -> str | None:
    from kiosk.badges.templates import all_templates
    from kiosk.core.printqueue import NO_TEMPLATE

    if not value or value == NO_TEMPLATE or value.endswith(".toml") or value in all_templates():
        return None
    return f"no badge template named {value!r} (use one of {', '.join(sorted(all_templates()))}, or none)"


def _templates(value: dict) -> str | None:
    for name, template in value.items():
        problem = _template_name(template)
        if problem:
            return f"{name}: {problem}"
    return None


def _database_url(value: str) -> str | None:
    from kiosk.core.urls import parse_url

    if value and ("://" not in value or parse_url(value) is None):
        return "a database URL looks like sqlite:///path/kiosk.db or postgresql+psycopg://user@host/db"
    return None


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _colours(value: dict) -> str | None:
    bad = [f"{k}={v}" for k, v in value.items() if not _COLOUR.match(v)]
    return f"not a colour (use #rrggbb): {', '.join(bad)}" if bad else None


def _privacy_rules(value: dict) -> str | None:
    from kiosk.core.privacy_rules import parse_privacy

    bad = [f"{k}={v}" for k, v in value.items() if parse_privacy(v) is None]
    return f"not a badge privacy (use full, first name only or no organisation): {', '.join(bad)}" if bad else None


def _pin(value: str) -> str | None:
    from kiosk.core.pin import check_pin_format

    if value:
        try:
            check_pin_format(value)
        except UsageError as exc:
            return str(exc)
    return None


MODES = ("desk", "self", "dashboard")
LANGUAGES = ("", "en", "sv")

_DECLARED = (
    # page Station
    Setting("station/name", str, "", "This station's name, shown on every check-in it records", label="Station name",
            check=lambda v: _name_length(v, "station")),
    Setting("station/operator", str, "", "Who staffs this station", label="Operator",
            check=lambda v: _name_length(v, "operator")),
    Setting("station/mode", str, "desk", "The screen 'kiosk run' opens: desk, self (self-service kiosk) or dashboard",
            choices=MODES, label="Mode"),
    Setting("station/event", str, "", "The event this station works on (empty: the newest one)", label="Event"),
    Setting("station/list", str, "", "The check-in list this station decides on (empty: the event's Entrance list)",
            label="Check-in list"),
    Setting("station/language", str, "", "Language of the screens: en, sv, or empty for the computer's",
            choices=LANGUAGES, label="Language"),
    Setting("database/url", str, "", "Database URL (empty: a SQLite file in the user data folder; $KIOSK_DB and --db win)",
            check=_database_url, label="Database URL", extra={"url": True}),
    # page Printing
    Setting("printing/enabled", bool, True, "Run the badge printer worker at this station", page="Printing",
            label="Printing on"),
    Setting("printing/printer", str, "", "Printer name (empty: the system default)", page="Printing", label="Printer"),
    Setting("printing/fallback", str, "", "Printer to use when the main one keeps failing", page="Printing",
            label="Fallback printer"),
    Setting("printing/template", str, "a6", "Badge template; 'none' turns badge printing off", page="Printing",
            check=_template_name, label="Badge template"),
    Setting("printing/templates", dict, {}, "Badge template per ticket type, e.g. VIP=cr80; Staff=none (others: the badge template)",
            page="Printing", check=_templates, label="Template per ticket type"),
    Setting("printing/auto_print", bool, True, "Print a badge after each first check-in", page="Printing",
            label="Print automatically"),
    # page Scanning and sound
    Setting("scanner/gap_ms", int, 40, "Keys closer together than this (ms) are a scanner, not a person",
            page="Scanning", check=between(5, 500), label="Scanner burst threshold (ms)"),
    Setting("scanner/min_length", int, 4, "Shortest key burst taken as a scan", page="Scanning", check=between(1, 64),
            label="Shortest scan"),
    Setting("camera/enabled", bool, False, "Show the camera at start-up", page="Scanning", label="Camera on"),
    Setting("camera/device", str, "", "Camera to use, by its name (empty: the first one)", page="Scanning",
            label="Camera"),
    Setting("sound/enabled", bool, True, "Play a sound for each result", page="Scanning", label="Sounds"),
    # page Self-service
    Setting("selfservice/idle_seconds", int, 25, "Back to the welcome screen after this many idle seconds (20-30)",
            page="Self-service", check=between(20, 30), label="Idle timeout (s)"),
    Setting("selfservice/text_scale", int, 100, "Text size of the kiosk screens, in percent (80-200)",
            page="Self-service", check=between(80, 200), label="Text size (%)"),
    Setting("selfservice/allow_reprint", bool, False, "Let attendees who are already checked in print a new badge",
            page="Self-service", label="Attendees may reprint"),
    Setting("selfservice/language", str, "en", "The language the kiosk starts in and returns to: en or sv",
            page="Self-service", choices=("en", "sv"), label="Kiosk language"),
)

_EVENT_DECLARED = (
    Setting("event/logo_path", str, "", "A PNG or JPEG logo for badge templates that show one", page="Event",
            scope="event", label="Logo", extra={"db_key": "logo_path", "file": True}),
    Setting("event/badge_colours", dict, {}, "Badge band colour per category, e.g. Speaker=#1f6feb; VIP=#b3261e",
            page="Event", scope="event", check=_colours, label="Badge colours", extra={"db_key": "badge_colours"}),
    Setting("event/privacy_rules", dict, {},
            "Badge privacy per category or ticket type, for everyone without their own, "
            "e.g. Law enforcement=first name only; Press=no organisation",
            page="Event", scope="event", check=_privacy_rules, label="Privacy rules", extra={"db_key": "privacy_rules"}),
    Setting("event/admin_pin", str, "", "The admin PIN (4-12 digits) that guards settings and kiosk exit",
            page="Event", scope="event", secret=True, check=_pin, label="Admin PIN", extra={"db_key": "admin_pin_hash"}),
)

SETTINGS: dict[str, Setting] = {s.key: s for s in _DECLARED}
EVENT_SETTINGS: dict[str, Setting] = {s.key: s for s in _EVENT_DECLARED}
PAGES: tuple[str, ...] = ("Station", "Printing", "Scanning", "Self-service", "Event")


def lookup(key: str) -> Setting:
    """The declaration of ``key`` (``station.name`` works as well as ``station/name``)."""
    key = key.strip().replace(".", "/", 1) if "/" not in key else key.strip()
    spec = SETTINGS.get(key) or EVENT_SETTINGS.get(key)
    if spec is None:
        known = ", ".join(sorted(SETTINGS) + sorted(EVENT_SETTINGS))
        raise SettingError(f"unknown setting {key!r} (known: {known})")
    return spec
