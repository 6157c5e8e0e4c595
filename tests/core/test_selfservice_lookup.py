"""What the lobby kiosk's "find me by name" may reveal: nobody for two letters, employers only
once the list is narrowed to a few, never for a person with a privacy setting, and no more than
a person's share of lookups a minute."""

from __future__ import annotations

import pytest

from kiosk.core import selfservice
from kiosk.core.attendees import list_all, update_attendee
from kiosk.core.events import Actor
from kiosk.core.search import SearchIndex
from kiosk.core.selfservice import LookupLimiter, find_by_surname


@pytest.fixture
def index(store, demo_event):
    actor = Actor("Desk 1")
    everyone = list_all(store, demo_event)
    names = [("Holm", "Telia Company"), ("Holmberg", "Swedish Police Authority"), ("Holmqvist", "Save the Children"),
             ("Holmgren", "Region Stockholm"), ("Andersson", "IKEA"), ("Anderberg", "Polisen")]
    for person, (surname, org) in zip(everyone[:6], names):
        update_attendee(store, person.id, {"last_name": surname, "organisation": org, "badge_privacy": "full"}, actor)
    idx = SearchIndex(store, demo_event)
    idx.refresh(force=True)
    idx.people = everyone[:6]
    return idx


def test_two_letters_list_nobody(index):
    for query in ("ho", "HO", "an", "h o", "ho an"):
        found = find_by_surname(index, query)
        assert found.matches == () and found.too_short, query


def test_three_letters_of_the_surname_are_needed_even_with_a_first_name(index):
    first = index.people[0].first_name
    assert find_by_surname(index, f"{first} ho").matches == ()
    assert any(m.attendee_id == index.people[0].id for m in find_by_surname(index, f"{first} hol").matches)


def test_employers_show_only_once_the_list_is_narrowed_to_a_few(index):
    wide = find_by_surname(index, "holm")  # Holm, Holmberg, Holmqvist, Holmgren (and any demo Holm…)
    assert len(wide.matches) > selfservice.ORGANISATIONS_UP_TO
    assert all(m.organisation == "" for m in wide.matches)
    narrow = find_by_surname(index, "holmqv")
    assert [m.organisation for m in narrow.matches if m.attendee_id == index.people[2].id] == ["Save the Children"]


def test_never_the_employer_of_a_person_with_a_privacy_setting(store, index):
    police = index.people[1]
    for privacy in ("first_name_only", "no_organisation"):
        update_attendee(store, police.id, {"badge_privacy": privacy}, Actor("Desk 1"))
        index.refresh(force=True)
        found = find_by_surname(index, "holmberg")
        assert found.matches and all("Police" not in m.label for m in found.matches), privacy
        person = next(p for p in list_all(store, index.event_id) if p.id == police.id)
        assert selfservice.public_organisation(person) == ""  # nor on the welcome screen


def test_lookups_are_limited_per_minute():
    now = [1000.0]
    limiter = LookupLimiter(per_minute=5, clock=lambda: now[0])
    assert [limiter.allow() for _ in range(7)] == [True] * 5 + [False] * 2
    now[0] += 30
    assert not limiter.allow()
    now[0] += 31  # a minute after the first five
    assert limiter.allow()


def test_a_typo_finds_the_surname_but_never_an_employer(index):
    assert [m.attendee_id for m in find_by_surname(index, "holmqvst").matches] == [index.people[2].id]
    for employer_typo in ("telis", "polisn", "ikeaa"):
        assert find_by_surname(index, employer_typo).matches == (), employer_typo
