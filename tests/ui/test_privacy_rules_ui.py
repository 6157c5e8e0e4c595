"""A privacy rule for a category, as the kiosk and the desk show it."""

from __future__ import annotations

from kiosk.core import attendees
from kiosk.core.events import Actor
from kiosk.settings.event import EventSettings
from tests.ui.conftest import OFFSCREEN_NOISE, kiosk_window, people
from tests.ui.test_selfservice import texts

pytestmark = OFFSCREEN_NOISE


def police_officer(store, event):
    someone = next(p for p in people(store, event.id) if p.organisation and p.first_name)
    attendees.update_attendee(store, someone.id, {"last_name": "Zetterqvist", "organisation": "Polismyndigheten",
                                                  "category": "Law enforcement"}, Actor("Desk 1"))
    return attendees.get(store, someone.id)


def test_kiosk_lookup_follows_a_category_rule(qtbot, desk_store, desk_event, station_settings):
    officer = police_officer(desk_store, desk_event)
    with kiosk_window(qtbot, desk_store, desk_event, station_settings) as window:
        window.welcome.lookup.click()
        window.lookup.query.setText("Zetter")
        labels = [b.text() for b in window.lookup.match_buttons if b.isVisible()]
        assert labels == [f"{officer.first_name} Z. — Polismyndigheten"]
        EventSettings(desk_store, desk_event.id).set("event/privacy_rules", {"Law enforcement": "first name only"})
        window.lookup.query.setText("Zetterq")
        labels = [b.text() for b in window.lookup.match_buttons if b.isVisible()]
        assert labels == [officer.first_name]
        assert "Polismyndigheten" not in texts(window)


def test_desk_panel_says_which_rule_applies(qtbot, desk, desk_store, desk_event):
    officer = police_officer(desk_store, desk_event)
    EventSettings(desk_store, desk_event.id).set("event/privacy_rules", {"Law enforcement": "first name only"})
    desk.controller.open_attendee(officer.id)
    qtbot.waitUntil(lambda: desk.panel.name.isVisible())
    assert desk.panel.privacy.text() == "Badge: First name only (event rule for Law enforcement)"
    attendees.update_attendee(desk_store, officer.id, {"badge_privacy": "no_organisation"}, Actor("Desk 1"))
    desk.controller.open_attendee(officer.id)
    qtbot.waitUntil(lambda: "own setting" in desk.panel.privacy.text())
    assert desk.panel.privacy.text() == "Badge: Name without organisation (own setting)"
