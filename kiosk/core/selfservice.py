"""What the attendee-facing kiosk may show and do. No Qt.

The kiosk stands in a lobby where anyone can read the screen, so everything it shows about a
person goes through here: a redacted name ("Anna L."), the organisation only when the badge
would show it, never an email, a note or a surname the person asked to keep off their badge.
Looking someone up by surname ends in an email check: only the exact address registered for
that ticket checks the person in.

The lookup must not tell a passer-by who is coming: it needs three letters of the surname, shows
employers only once the list is down to a few people (and never for anyone with a privacy
setting), and answers a limited number of lookups a minute.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from kiosk.core import attendees
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.checkin import CheckInService, ScanResult
from kiosk.core.models import BadgePrivacy, Event, EventSetting, Method
from kiosk.core.search import FUZZY, SearchIndex, find, words
from kiosk.core.privacy_rules import load_rules, shown_person
from kiosk.core.store import Store

#: EventSetting key of the event logo (the badges use the same one).
LOGO_SETTING = "logo_path"
#: Letters of the surname the lookup needs before it lists anyone.
MIN_SURNAME_LETTERS = 3
MAX_MATCHES = 6
#: Employers are shown only when the lookup lists this many people or fewer.
ORGANISATIONS_UP_TO = 3
#: Lookups a kiosk answers per minute (typing a surname takes a handful).
LOOKUPS_PER_MINUTE = 30


def public_name(person: AttendeeInfo) -> str:
    """'Anna L.'; just 'Anna' for someone whose badge shows the first name only."""
    first = person.first_name.strip()
    last = person.last_name.strip()
    if person.badge_privacy is BadgePrivacy.FIRST_NAME_ONLY:
        return first or "—"
    if not first:
        return f"{last[:1]}." if last else "—"
    return f"{first} {last[:1]}." if last else first


def public_organisation(person: AttendeeInfo) -> str:
    """The organisation, for a person with no privacy setting only: whoever asked for less on
    their badge gets no employer on a lobby screen either."""
    if person.badge_privacy is not BadgePrivacy.FULL:
        return ""
    return person.organisation.strip()


def greeting_name(person: AttendeeInfo) -> str:
    """The name in 'Welcome, Anna!': the first name, else the redacted name."""
    return person.first_name.strip() or public_name(person)


@dataclass(frozen=True)
class PublicMatch:
    """One line of the lookup list. Holds nothing the screen may not show (the id is opaque)."""

    attendee_id: int
    name: str
    organisation: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.organisation}" if self.organisation else self.name


@dataclass(frozen=True)
class LookupResult:
    query: str
    matches: tuple[PublicMatch, ...] = ()
    #: More people matched than are shown: the attendee should type more letters.
    more: bool = False
    #: Fewer than MIN_SURNAME_LETTERS letters of a surname were typed: nobody is listed.
    too_short: bool = False
    #: Too many lookups this minute: nobody is listed.
    limited: bool = False


class LookupLimiter:
    """At most ``per_minute`` lookups in any minute (a sliding window). ``clock``: seconds."""

    def __init__(self, per_minute: int = LOOKUPS_PER_MINUTE, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self._clock = clock
        self._recent: deque[float] = deque()
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            now = self._clock()
            while self._recent and now - self._recent[0] >= 60.0:
                self._recent.popleft()
            if len(self._recent) >= self.per_minute:
                return False
            self._recent.append(now)
            return True


def _name_match(query_words: list[str], person: AttendeeInfo) -> bool:
    """Every word typed starts a word of the person's name, and one of at least three letters
    starts the surname."""
    surname = words(person.last_name)
    names = words(person.first_name) + surname
    return all(any(n.startswith(q) for n in names) for q in query_words) and any(
        s.startswith(q) for q in query_words if len(q) >= MIN_SURNAME_LETTERS for s in surname
    )


def _typo_of_surname(query_words: list[str], person: AttendeeInfo) -> bool:
    """A typo match counts here only when the one word typed is a near miss of the surname
    (a near miss of an employer's name lists nobody)."""
    if len(query_words) != 1:
        return False
    typed = query_words[0]
    return any(Levenshtein.distance(typed, s) <= max(1, len(typed) // 4) for s in words(person.last_name))


def find_by_surname(
    index: SearchIndex, text: str, limit: int = MAX_MATCHES, limiter: LookupLimiter | None = None
) -> LookupResult:
    """Redacted matches for a typed surname. Emails, organisations and codes do not match here,
    so typing a company name or an address lists nobody. Each person is shown with the badge
    privacy that applies to them (their own, else the event's rule for their category)."""
    query_words = words(text)
    if not any(len(w) >= MIN_SURNAME_LETTERS for w in query_words):
        return LookupResult(text, too_short=True)
    if limiter is not None and not limiter.allow():
        return LookupResult(text, limited=True)
    index.refresh()
    rules = load_rules(index.store, index.event_id)
    people = []
    for match in find(index, text, limit=200):
        person = shown_person(match.attendee, rules)
        if person.blocked:
            continue
        if _typo_of_surname(query_words, person) if match.rank == FUZZY else _name_match(query_words, person):
            people.append(person)
    narrowed = len(people) <= ORGANISATIONS_UP_TO
    found = tuple(
        PublicMatch(p.id, public_name(p), public_organisation(p) if narrowed else "") for p in people[:limit]
    )
    return LookupResult(text, found, len(people) > limit)


def shown_result(result: ScanResult, rules) -> ScanResult:
    """``result`` with its attendee as the kiosk may show them (the privacy that applies under
    the event's ``rules``, from ``privacy_rules.load_rules``)."""
    if result.attendee is None:
        return result
    return replace(result, attendee=shown_person(result.attendee, rules))


def email_matches(registered: str, typed: str) -> bool:
    """Exactly the registered address (ignoring surrounding spaces and letter case)."""
    a, b = registered.strip().casefold(), typed.strip().casefold()
    return bool(a) and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def check_in_by_email(service: CheckInService, attendee_id: int, typed_email: str) -> ScanResult | None:
    """Check the attendee in when ``typed_email`` is theirs; None (and nothing written) if not."""
    person = attendees.get(service.store, attendee_id)
    if person is None or person.event_id != service.event_id or not email_matches(person.email, typed_email):
        return None
    return service.check_in(attendee_id, Method.SELF_SERVICE)


@dataclass(frozen=True)
class KioskEvent:
    name: str
    venue: str
    logo_path: str


def kiosk_event(store: Store, event_id: int) -> KioskEvent:
    with store.read() as session:
        event = session.get(Event, event_id)
        logo = session.get(EventSetting, (event_id, LOGO_SETTING))
        return KioskEvent(event.name, event.venue, logo.value if logo else "")
