"""Walk-in twins: the registered attendee a walk-in probably is, on both engines."""

import json

from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.models import AuditEntry
from kiosk.core.search import SearchIndex
from kiosk.core.twins import EMAIL, NAME, likely_twins


def registered(store, event_id, **values):
    person = attendees.register_walk_in(store, event_id, values, attendees.Actor("import"))
    with store.write() as s:  # as if imported: not a walk-in
        from kiosk.core.models import Attendee

        row = s.get(Attendee, person.id)
        row.walk_in = False
        s.add(row)
    return person


def test_same_email_or_similar_name_and_organisation(store, demo_event, actor):
    asa = registered(store, demo_event, first_name="Åsa", last_name="Wallin", email="asa.wallin@example.se",
                     organisation="Åklagarmyndigheten")
    index = SearchIndex(store, demo_event)
    exact = likely_twins(index, {"first_name": "Åsa", "last_name": "Wallin", "email": "asa.wallin@example.se",
                                 "organisation": "Åklagarmyndigheten"})
    assert [(t.attendee.id, t.reason) for t in exact] == [(asa.id, EMAIL)]
    typo = likely_twins(index, {"first_name": "Asa", "last_name": "Walin", "organisation": "Aklagarmyndigheten"})
    assert [(t.attendee.id, t.reason) for t in typo] == [(asa.id, NAME)]
    by_mail = likely_twins(index, {"first_name": "A.", "last_name": "W.", "email": "ASA.WALLIN@example.se "})
    assert [t.attendee.id for t in by_mail] == [asa.id]
    assert likely_twins(index, {"first_name": "Åsa", "last_name": "Wallin", "organisation": "IKEA"}) == []
    assert likely_twins(index, {"first_name": "Bengt", "last_name": "Wallin", "organisation": "Åklagarmyndigheten"}) == []
    assert likely_twins(index, {"first_name": "", "last_name": ""}) == []


def test_creating_anyway_is_recorded(store, demo_event, actor):
    asa = registered(store, demo_event, first_name="Åsa", last_name="Wallin", email="asa@example.se")
    twin = attendees.register_walk_in(store, demo_event, {"first_name": "Åsa", "last_name": "Wallin"}, actor,
                                      despite=(asa.id,))
    with store.read() as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "walk_in", AuditEntry.attendee_id == twin.id)).one()
    assert json.loads(entry.details)["despite_matches"] == [asa.id]
