from datetime import timedelta

from kiosk.core import attendees, audit
from kiosk.core.checkin import CheckInService
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.models import AuditEntry, utcnow


def _record(store, action, event_id=None, attendee_id=None, at=None, **details):
    with store.write() as s:
        entry = audit.record(s, action, Actor("Desk 9", "Kim"), event_id, attendee_id, **details)
        if at is not None:
            entry.at = at
    return entry


def test_every_action_is_listed_with_time_station_operator_and_details(store, demo_event):
    person = attendees.list_all(store, demo_event)[0]
    desk = CheckInService(store, demo_event, Actor("Desk 1", "Tove"))
    desk.check_in(person.id)
    desk.annul(person.id, "scanned the wrong badge")
    attendees.update_attendee(store, person.id, {"organisation": "Europol"}, Actor("Desk 2", "Omar"))
    walk_in = attendees.register_walk_in(store, demo_event, {"first_name": "Nils", "last_name": "Holm"}, Actor("Desk 3", ""))
    # actions written by other parts of the app are listed as they are
    _record(store, "import", demo_event, file="delegates.csv", added=170, updated=0)
    _record(store, "export", demo_event, what="attendees", to="/exports/list.xlsx")

    entries = audit.list_entries(store)
    assert [e.action for e in entries] == ["annul", "edit", "walk_in", "import", "export"]
    annul, edit, walk, imported, exported = entries
    assert (annul.station, annul.operator, annul.attendee_id) == ("Desk 1", "Tove", person.id)
    assert annul.details == {"code": person.code, "reason": "scanned the wrong badge"}
    assert edit.details == {"field": "organisation", "old": person.organisation, "new": "Europol"}
    assert walk.attendee_id == walk_in.id and walk.details == {"code": walk_in.code}
    assert imported.details == {"file": "delegates.csv", "added": 170, "updated": 0}
    assert exported.event_name == "Forum: Protecting Children Online"
    assert all(e.at.tzinfo is not None for e in entries)
    data = exported.to_json()
    assert data["action"] == "export" and data["details"]["to"] == "/exports/list.xlsx" and data["event_id"] == demo_event


def test_filters_by_time_action_event_attendee_and_limit(store, demo_event):
    other = create_demo(store, attendees=5, seed=1, name="Other")
    now = utcnow()
    _record(store, "old", demo_event, at=now - timedelta(days=10))
    _record(store, "edit", demo_event, 7, at=now - timedelta(hours=2), field="notes")
    _record(store, "edit", other, 9, at=now - timedelta(hours=1), field="notes")
    _record(store, "purge", other, at=now)

    assert [e.action for e in audit.list_entries(store, since=now - timedelta(days=1))] == ["edit", "edit", "purge"]
    assert [e.action for e in audit.list_entries(store, until=now - timedelta(days=1))] == ["old"]
    assert [e.event_id for e in audit.list_entries(store, actions=["edit"])] == [demo_event, other]
    assert [e.action for e in audit.list_entries(store, event_id=other)] == ["edit", "purge"]
    assert [e.attendee_id for e in audit.list_entries(store, attendee_id=7)] == [7]
    assert [e.action for e in audit.list_entries(store, limit=2)] == ["edit", "purge"]


def test_details_that_are_not_json_still_read(store):
    with store.write() as s:
        s.add(AuditEntry(action="legacy", details="plain words"))
    assert audit.list_entries(store)[0].details == {"text": "plain words"}
    assert audit.decode("") == {} and audit.decode("[1, 2]") == {"value": [1, 2]}


def test_anonymise_details_removes_personal_values_only():
    terms = audit.personal_terms(["Åsa", "Lindqvist", "asa.lindqvist@polisen.example", "IIZSRDQW5PUA7KK4ETA24"])
    get = lambda: terms  # noqa: E731
    assert audit.anonymise_details("edit", {"field": "last_name", "old": "Lindqvist", "new": "Berg"}, get) == {
        "field": "last_name", "old": audit.ANONYMISED, "new": audit.ANONYMISED
    }
    assert audit.anonymise_details("edit", {"field": "category", "old": "NGO", "new": "School"}, get) == {
        "field": "category", "old": "NGO", "new": "School"
    }
    assert audit.anonymise_details("edit", {"field": "notes", "old": "", "new": "x"}, get)["old"] == ""
    scrubbed = audit.anonymise_details(
        "export",
        {"to": "/home/desk/asa_lindqvist.json", "what": "attendees", "count": 3, "rows": [{"mail": "ASA.Lindqvist@polisen.example"}]},
        get,
    )
    assert scrubbed == {"to": audit.ANONYMISED, "what": "attendees", "count": 3, "rows": [{"mail": audit.ANONYMISED}]}
    assert audit.mentions("ticket iizsrdqw5pua7kk4eta24 reprinted", terms)
    assert not audit.mentions("lindqvistska skolan", terms)


def test_free_text_is_only_searched_when_needed():
    calls = []

    def terms():
        calls.append(1)
        return {"anna"}

    assert audit.anonymise_details("annul", {"code": "X", "reason": "typo"}, terms) == {
        "code": audit.ANONYMISED, "reason": audit.ANONYMISED
    }
    assert calls == []
    audit.anonymise_details("import", {"file": "list.csv"}, terms)
    assert calls
