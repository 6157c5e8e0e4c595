"""The desk lead's lists and totals, on both engines, against counts made from the rows."""

from kiosk.core.attendees import list_all
from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.core.roster import FILTERS, event_totals, roster, wanted

import pytest


def test_filters_and_totals_follow_the_rows(store, demo_event):
    everyone = list_all(store, demo_event)
    desk = CheckInService(store, demo_event, Actor("Desk 1"))
    arrivals = [p for p in everyone if not p.blocked][:5] + [p for p in everyone if "vip" in p.alerts][:1]
    for p in arrivals:
        desk.check_in(p.id)
    everyone = list_all(store, demo_event)
    assert event_totals(store, demo_event) == (
        sum(1 for p in everyone if p.checked_in_at and not p.blocked), sum(1 for p in everyone if not p.blocked))
    for kind, rule in (
        ("not_arrived", lambda p: not p.blocked and p.checked_in_at is None),
        ("vip", lambda p: not p.blocked and p.checked_in_at is None and "vip" in p.alerts),
        ("speaker", lambda p: not p.blocked and p.checked_in_at is None and "speaker" in p.alerts),
        ("all", lambda p: True),
    ):
        expected = [p.id for p in everyone if rule(p)]
        assert [p.id for p in roster(store, demo_event, kind, limit=1000)] == expected, kind
        assert all(wanted(p, kind) == rule(p) for p in everyone)
    assert len(roster(store, demo_event, "not_arrived", limit=7)) == 7
    assert set(FILTERS) == {"all", "not_arrived", "vip", "speaker"}
    with pytest.raises(ValueError):
        roster(store, demo_event, "nobody")
