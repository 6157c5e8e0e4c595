"""Badge privacy that applies to a person: their own setting, else the event's rule for their
category or ticket type, else full.

This is the one place that decides it: badges, the self-service screens, the dashboard's last
check-ins and the desk panel all ask ``effective_privacy`` (or ``applied_privacy`` for the why).
The rules are the event setting ``privacy_rules``: ``{"Law enforcement": "first_name_only", ...}``,
keyed by a category or a ticket type (letter case and accents ignored). No Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from kiosk.core.models import BadgePrivacy, EventSetting
from kiosk.core.search import fold
from kiosk.core.store import Store

RULES_KEY = "privacy_rules"
#: How strict each level is, for a person whose category and ticket type both have a rule.
_STRICTNESS = {BadgePrivacy.FULL: 0, BadgePrivacy.NO_ORGANISATION: 1, BadgePrivacy.FIRST_NAME_ONLY: 2}

_WORDS = {
    BadgePrivacy.FULL: {
        "full", "no", "n", "false", "0", "nej", "full name", "fullt namn", "all", "allt", "show all", "visa allt",
    },
    BadgePrivacy.FIRST_NAME_ONLY: {
        "first name only", "first name", "firstname", "first only", "first", "yes", "y", "true", "1", "x", "ja",
        "fornamn", "endast fornamn", "bara fornamn", "protected", "skyddad", "hidden name", "hide surname",
    },
    BadgePrivacy.NO_ORGANISATION: {
        "no organisation", "no organization", "no org", "no employer", "hide organisation", "hide organization",
        "name only", "without organisation", "without organization", "utan organisation", "ingen organisation",
        "dolj organisation", "namn utan organisation",
    },
}
_LEVELS = {word: level for level, words in _WORDS.items() for word in words}


def _key(text: str) -> str:
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


def parse_privacy(text: str) -> BadgePrivacy | None:
    """A privacy cell or setting value: full, first name only, no organisation (also yes = first
    name only and no = full, and the Swedish words); None when it is none of them."""
    return _LEVELS.get(_key(text))


@dataclass(frozen=True)
class AppliedPrivacy:
    """The privacy that applies and why: ``own``, ``rule`` (with the rule's key) or ``default``."""

    level: BadgePrivacy
    source: str
    rule: str = ""


class PrivacyRules:
    """An event's rules, folded for matching. Empty rules change nothing."""

    def __init__(self, rules: dict[str, str] | None = None):
        self.rules: dict[str, tuple[str, BadgePrivacy]] = {}
        for name, value in (rules or {}).items():
            level = value if isinstance(value, BadgePrivacy) else parse_privacy(str(value))
            if level is not None and _key(name):
                self.rules[_key(name)] = (name, level)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def to_json(self) -> dict[str, str]:
        return {name: level.value for name, level in self.rules.values()}

    def applied(self, person) -> AppliedPrivacy:
        """``person`` has badge_privacy, privacy_own, category and ticket_type (AttendeeInfo or a row)."""
        own = BadgePrivacy(person.badge_privacy)
        if getattr(person, "privacy_own", False) or not self.rules:
            return AppliedPrivacy(own, "own" if getattr(person, "privacy_own", False) else "default")
        found = [self.rules[k] for k in (_key(person.category or ""), _key(person.ticket_type or "")) if k in self.rules]
        if not found:
            return AppliedPrivacy(own, "default")
        name, level = max(found, key=lambda item: _STRICTNESS[item[1]])
        return AppliedPrivacy(level, "rule", name)

    def effective(self, person) -> BadgePrivacy:
        return self.applied(person).level


def load_rules(store: Store, event_id: int) -> PrivacyRules:
    with store.read() as session:
        return rules_in(session, event_id)


def rules_in(session, event_id: int) -> PrivacyRules:
    """The event's rules, read inside the caller's session (one row by its key)."""
    row = session.get(EventSetting, (event_id, RULES_KEY))
    return PrivacyRules(_decode(row.value if row else ""))


def shown_person(person, rules: PrivacyRules):
    """``person`` (an AttendeeInfo) with the privacy that applies in ``badge_privacy``: what a
    badge, a kiosk screen or the dashboard renders from."""
    level = effective_privacy(person, rules)
    return person if level is person.badge_privacy else replace(person, badge_privacy=level)


def _decode(text: str) -> dict[str, str]:
    if not text:
        return {}
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def effective_privacy(person, rules: PrivacyRules) -> BadgePrivacy:
    """The badge privacy that applies to ``person`` under the event's ``rules``."""
    return rules.effective(person)


def applied_privacy(person, rules: PrivacyRules) -> AppliedPrivacy:
    return rules.applied(person)
