import pytest

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor, create_event
from kiosk.core.models import Attendee
from kiosk.core.search import SearchIndex, find, fold, words
from datetime import datetime, timedelta, timezone

PEOPLE = [
    ("Åsa", "Lindqvist", "asa.l@telia.example", "Telia Company", "C-ASA"),
    ("Jörgen", "Müller", "jorgen@polisen.example", "Polismyndigheten", "C-JORGEN"),
    ("Mary", "Johnson", "mary.johnson@ngo.example", "Save the Children", "C-MARY"),
    ("Anna", "Lind", "anna@school.example", "Södermalmsskolan", "C-ANNA1"),
    ("Anna", "Andersson", "anna.a@region.example", "Region Stockholm", "C-ANNA2"),
    ("Łukasz", "Øberg", "lukasz@example.org", "Ørsted", "C-LUKASZ"),
    ("Zoë", "García Márquez", "zoe@example.org", "", "XYZ-778"),
]


@pytest.fixture
def event(store):
    now = datetime.now(timezone.utc)
    event_id = create_event(store, "Search test", now, now + timedelta(hours=8)).id
    with store.write() as s:
        rev = attendees.bump_rev(s, event_id)
        for first, last, email, org, code in PEOPLE:
            s.add(Attendee(event_id=event_id, first_name=first, last_name=last, email=email, organisation=org, code=code, rev=rev))
    return event_id


def names(matches):
    return [m.attendee.display_name for m in matches]


def test_fold_and_words():
    assert fold("Åsa Jörgensen-Müller") == "asa jorgensen-muller"
    assert words("Łukasz Øberg, Ørsted") == ["lukasz", "oberg", "orsted"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("asa", "Åsa Lindqvist"),
        ("ÅSA", "Åsa Lindqvist"),
        ("jorgen", "Jörgen Müller"),
        ("muller", "Jörgen Müller"),
        ("lukasz", "Łukasz Øberg"),
        ("oberg", "Łukasz Øberg"),
        ("marq", "Zoë García Márquez"),
        ("zoe", "Zoë García Márquez"),
        ("telia", "Åsa Lindqvist"),
        ("polism", "Jörgen Müller"),
        ("mary.johnson@ngo.example", "Mary Johnson"),
        ("xyz-778", "Zoë García Márquez"),
        ("Jonson", "Mary Johnson"),
        ("Lindkvist", "Åsa Lindqvist"),
        ("Mueller", "Jörgen Müller"),
    ],
)
def test_finds(store, event, query, expected):
    found = names(find(SearchIndex(store, event), query))
    assert found and found[0] == expected


def test_prefix_on_any_word_and_ranking(store, event):
    index = SearchIndex(store, event)
    found = find(index, "lind")
    # exact word "Lind" ranks before the prefix match "Lindqvist"
    assert names(found) == ["Anna Lind", "Åsa Lindqvist"]
    assert [m.rank_name for m in found] == ["exact", "prefix"]
    assert names(find(index, "anna lind")) == ["Anna Lind"]
    assert names(find(index, "an")) == ["Anna Andersson", "Anna Lind"]


def test_limit_empty_and_junk(store, event):
    index = SearchIndex(store, event)
    assert len(find(index, "a", limit=2)) == 2
    for junk in ["", "   ", "%%%", "😀", "\x00", "x" * 5000, "' OR 1=1 --"]:
        assert find(index, junk) == []


def test_status_is_current_and_new_people_appear(store, event, actor):
    index = SearchIndex(store, event, refresh_interval=0)
    first = find(index, "jorgen")[0]
    assert first.attendee.checked_in_at is None
    CheckInService(store, event, actor).check_in(first.attendee.id)
    assert find(index, "jorgen")[0].attendee.checked_in_at is not None
    # a walk-in registered elsewhere (another process would do the same) is found on the next query
    attendees.register_walk_in(store, event, {"first_name": "Gösta", "last_name": "Ekman"}, Actor("Desk 2"))
    assert names(find(index, "gosta")) == ["Gösta Ekman"]
    # an edit replaces the old words
    person = find(index, "gosta")[0].attendee
    attendees.update_attendee(store, person.id, {"last_name": "Berling"}, actor)
    assert find(index, "ekman") == []
    assert names(find(index, "berling")) == ["Gösta Berling"]


def test_index_scopes_to_its_event(store, event):
    now = datetime.now(timezone.utc)
    other = create_event(store, "Other", now, now + timedelta(hours=1)).id
    attendees.register_walk_in(store, other, {"first_name": "Åsa", "last_name": "Other"}, Actor())
    assert names(find(SearchIndex(store, event), "asa")) == ["Åsa Lindqvist"]


def test_identifier_edits_and_shared_emails(store, event, actor):
    index = SearchIndex(store, event, refresh_interval=0)
    mary = find(index, "mary.johnson@ngo.example")[0].attendee
    attendees.update_attendee(store, mary.id, {"email": "m.j@family.example"}, actor)
    assert find(index, "mary.johnson@ngo.example") == []
    assert names(find(index, "m.j@family")) == ["Mary Johnson"]
    # one buyer's email on two tickets finds both
    kid = attendees.register_walk_in(
        store, event, {"first_name": "Kim", "last_name": "Johnson", "email": "m.j@family.example"}, actor
    )
    assert sorted(names(find(index, "m.j@family.example"))) == ["Kim Johnson", "Mary Johnson"]
    assert names(find(index, kid.code.lower())) == ["Kim Johnson"]


# -- typo matches are a fallback --------------------------------------------------------------
CROWD = [
    ("Anna", "Berg"), ("Anna", "Lind"), ("Annabel", "Ek"), ("Hanna", "Lund"), ("Anne-Marie", "Sjö"),
    ("Anne", "Holm"), ("Johanna", "Berglund"), ("Per", "Öberg"), ("Eva", "Öberg"), ("Anna", "Öberg"),
    ("Mary", "Johnson"), ("Bo", "Bergström"),
]


@pytest.fixture
def crowd(sqlite_url):
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    now = datetime.now(timezone.utc)
    event_id = create_event(store, "Crowd", now, now + timedelta(hours=8)).id
    with store.write() as s:
        rev = attendees.bump_rev(s, event_id)
        for n, (first, last) in enumerate(CROWD):
            s.add(Attendee(event_id=event_id, first_name=first, last_name=last, code=f"C-{n}", rev=rev))
    yield SearchIndex(store, event_id)
    store.dispose()


@pytest.mark.parametrize(
    "query, expected",
    [
        # Exact and prefix matches exist: no typo matches (Hanna, Anne, Anne-Marie; the Öbergs).
        ("anna", ["Anna Berg", "Anna Lind", "Anna Öberg", "Annabel Ek"]),
        ("berg", ["Anna Berg", "Johanna Berglund", "Bo Bergström"]),
        ("anna berg", ["Anna Berg"]),
        ("berg anna", ["Anna Berg"]),
        ("oberg", ["Eva Öberg", "Per Öberg", "Anna Öberg"]),
        ("eva oberg", ["Eva Öberg"]),
        # Nothing else matches: typos are forgiven.
        ("jonson", ["Mary Johnson"]),
        ("mary jonson", ["Mary Johnson"]),
        ("eva öbrg", ["Eva Öberg"]),
    ],
)
def test_typo_matches_only_when_nothing_else_matches(crowd, query, expected):
    found = find(crowd, query)
    assert sorted(names(found)) == sorted(expected)
    assert ("fuzzy" in {m.rank_name for m in found}) == (query in ("jonson", "mary jonson", "eva öbrg"))


def test_typo_matches_rank_after_everything_else(crowd):
    # "bergh" starts no word of anyone: the typo matches come, each ranked as one
    found = find(crowd, "bergh")
    assert names(found) == ["Anna Berg"] and found[0].rank_name == "fuzzy"
    # "anna" matches four people exactly or by prefix, and those are all there is
    assert [m.rank_name for m in find(crowd, "anna")] == ["exact", "exact", "exact", "prefix"]
    # Anna Berg matches both words, Anna Öberg "berg" only by a typo: she is left out, not merely
    # ranked last, whichever word comes first.
    assert names(find(crowd, "anna berg")) == names(find(crowd, "berg anna")) == ["Anna Berg"]
    # With only typo matches for a word, the exact matches of the other word still rank first.
    assert [(m.attendee.display_name, m.rank_name) for m in find(crowd, "eva öbrg")] == [("Eva Öberg", "fuzzy")]


# -- the rarest piece drives the search ---------------------------------------------------------
def _crowd_index(sqlite_url, people):
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    now = datetime.now(timezone.utc)
    event_id = create_event(store, "Many Agnes", now, now + timedelta(hours=8)).id
    with store.write() as s:
        rev = attendees.bump_rev(s, event_id)
        for n, (first, last) in enumerate(people):
            s.add(Attendee(event_id=event_id, first_name=first, last_name=last, code=f"C-{n}", rev=rev))
    return store, SearchIndex(store, event_id)


def test_multi_word_query_starts_from_the_rarest_piece(sqlite_url):
    # 300 Agnes, two Nykvists, one O'Brien among 200 O-names: the long common word "agnes" and
    # the one-letter "o" must not drive the search.
    people = [("Agnes", f"Holm{n}") for n in range(300)] + [("Agnes", "Nykvist"), ("Per", "Nykvist")]
    people += [("Olle", f"Olsson{n}") for n in range(200)] + [("Sinéad", "O'Brien")]
    store, index = _crowd_index(sqlite_url, people)
    try:
        assert names(find(index, "agnes nykv")) == ["Agnes Nykvist"]
        assert index.candidates <= 2
        assert names(find(index, "nykv agnes")) == ["Agnes Nykvist"]
        assert index.candidates <= 2
        assert names(find(index, "o'b")) == ["Sinéad O'Brien"]
        assert index.candidates <= 1
        # a typo in the rare word: still only the few typo matches are looked at
        assert names(find(index, "agnes nykvsit")) == ["Agnes Nykvist"]
        assert index.candidates <= 2
    finally:
        store.dispose()


def test_first_load_with_ids_shared_between_events(store, actor):
    # Two events registered in turns: each event's ids have gaps, emails and codes still land
    # on the right attendee, and a later edit replaces the loaded identifiers.
    now = datetime.now(timezone.utc)
    ours, other = (create_event(store, name, now, now + timedelta(hours=8)).id for name in ("Ours", "Other"))
    for n in range(30):
        for event_id in (ours, other):
            attendees.register_walk_in(
                store, event_id, {"first_name": f"Pat{n}", "last_name": "Ström", "email": f"Pat{n}.E{event_id}@X.example"}, actor
            )
    for first, email in (("Örjan", "Örjan@Ö.example"), ("Zed", "a.zed@ö.example"), ("Ada", "ÅDA@x.example")):
        attendees.register_walk_in(store, ours, {"first_name": first, "last_name": "Ek", "email": email}, actor)
    index = SearchIndex(store, ours, refresh_interval=0)
    assert [m.attendee.first_name for m in find(index, f"pat7.e{ours}@x")] == ["Pat7"]
    # emails the database cannot lower-case (it folds ASCII only) are folded and sorted here
    assert [m.attendee.first_name for m in find(index, "orjan@o")] == ["Örjan"]
    assert [m.attendee.first_name for m in find(index, "a.zed@")] == ["Zed"]
    assert [m.attendee.first_name for m in find(index, "ada@x.ex")] == ["Ada"]
    assert find(index, f"pat7.e{other}@x") == []
    pat = find(index, f"pat7.e{ours}@x.example")[0].attendee
    assert [m.attendee.id for m in find(index, pat.code.lower())] == [pat.id]
    attendees.update_attendee(store, pat.id, {"email": "new@y.example"}, actor)
    assert find(index, f"pat7.e{ours}@x") == []
    assert [m.attendee.id for m in find(index, "new@y")] == [pat.id]
    assert len(find(index, "strom", limit=100)) == 30
