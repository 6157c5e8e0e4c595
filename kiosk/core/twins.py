"""Walk-in twins: before a walk-in is registered, the attendees it probably is already.

A registered attendee with the same email is a match; so is one whose name is nearly the same
(typos, accents, word order) with a similar organisation, or the same name when either side
has no organisation. Candidates come from the event's search index, so this stays fast at
100k attendees; rapidfuzz scores them. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from kiosk.core.attendees import AttendeeInfo
from kiosk.core.search import SearchIndex, find, fold

EMAIL, NAME = "email", "name"
NAME_WITH_ORG = 85  # name score needed when the organisations are alike too
ORG_ALIKE = 80
NAME_ALONE = 93  # name score needed when there is no organisation to compare
CANDIDATES = 25


@dataclass(frozen=True)
class Twin:
    attendee: AttendeeInfo
    #: ``email`` (the same address) or ``name`` (a similar name and organisation)
    reason: str
    score: float


def _name_score(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(fold(a), fold(b))


def likely_twins(index: SearchIndex, values: dict, limit: int = 3) -> list[Twin]:
    """Attendees of the index's event that the walk-in ``values`` probably is, best first."""
    first = " ".join(str(values.get("first_name", "")).split())
    last = " ".join(str(values.get("last_name", "")).split())
    email = str(values.get("email", "")).strip().casefold()
    org = " ".join(str(values.get("organisation", "")).split())
    index.refresh(force=True)
    found: dict[int, Twin] = {}
    if email:
        for match in find(index, email, limit=10):
            if match.attendee.email.strip().casefold() == email:
                found[match.attendee.id] = Twin(match.attendee, EMAIL, 100.0)
    name = f"{first} {last}".strip()
    if name:
        for match in find(index, name, limit=CANDIDATES):
            person = match.attendee
            if person.id in found:
                continue
            score = _name_score(name, person.display_name)
            if org and person.organisation:
                alike = fuzz.token_set_ratio(fold(org), fold(person.organisation)) >= ORG_ALIKE
                if alike and score >= NAME_WITH_ORG:
                    found[person.id] = Twin(person, NAME, score)
            elif score >= NAME_ALONE:
                found[person.id] = Twin(person, NAME, score)
    ranked = sorted(found.values(), key=lambda t: (t.reason != EMAIL, t.attendee.walk_in, -t.score, t.attendee.id))
    return ranked[:limit]
