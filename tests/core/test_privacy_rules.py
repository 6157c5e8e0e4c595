"""Privacy at scale: a privacy column on import, and event rules per category or ticket type,
honoured by badges, the self-service lookup and the dashboard, on both engines."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.badges.context import badge_for
from kiosk.badges.render import render_with_layout
from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.dashboard import DashboardData
from kiosk.core.events import create_event
from kiosk.core.importing import run_import
from kiosk.core.models import BadgePrivacy
from kiosk.core.privacy_rules import PrivacyRules, applied_privacy, load_rules, parse_privacy
from kiosk.core.search import SearchIndex
from kiosk.core.selfservice import find_by_surname
from kiosk.settings.event import EventSettings

DATA = Path(__file__).resolve().parent.parent / "data" / "status"
SECTOR = {"Which sector do you work in?": "category"}
ERIK, LEA, NILS, KARIN = "c4nc3l1edxw7mzt4yh8bd6nfcq", "r3fund3dxw7mzt4yh8bd6nfcqa", "p3nd1ngdxw7mzt4yh8bd6nfcqb", "k3r9v2qpxw7mzt4yh8bd6nfc5ja"


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    event = create_event(store, "Privacy test", now, now + timedelta(hours=8), tz="Europe/Stockholm").id
    run_import(store, event, DATA / "pretix_positions_v1.csv", mapping=SECTOR)
    return event


def person(store, event_id, code):
    return attendees.by_code(store, event_id, code)


def badge_text(store, attendee_id) -> str:
    _, template, shown = badge_for(store, attendee_id, "a6")
    _, placed = render_with_layout(shown, template, "Privacy test", "")
    return " ".join(line for p in placed for line in p.lines)


def test_privacy_words():
    assert parse_privacy("First name only") is BadgePrivacy.FIRST_NAME_ONLY
    assert parse_privacy("ja") is BadgePrivacy.FIRST_NAME_ONLY and parse_privacy("no") is BadgePrivacy.FULL
    assert parse_privacy("No organisation") is BadgePrivacy.NO_ORGANISATION
    assert parse_privacy("Utan organisation") is BadgePrivacy.NO_ORGANISATION
    assert parse_privacy("sometimes") is None


def test_privacy_column_is_the_persons_own(store, event_id):
    erik, nils, karin = (person(store, event_id, c) for c in (ERIK, NILS, KARIN))
    assert (erik.badge_privacy, erik.privacy_own) == (BadgePrivacy.FIRST_NAME_ONLY, True)
    assert (nils.badge_privacy, nils.privacy_own) == (BadgePrivacy.FULL, True)  # "no"
    assert (karin.badge_privacy, karin.privacy_own) == (BadgePrivacy.FULL, False)  # empty: not given
    assert erik.category == "Law enforcement"


def test_a_category_rule_changes_badges_lookup_and_dashboard(store, event_id, actor):
    lea = person(store, event_id, LEA)
    assert "Brandt" in badge_text(store, lea.id) and "Bundeskriminalamt" in badge_text(store, lea.id)
    EventSettings(store, event_id).set("event/privacy_rules", {"law ENFORCEMENT": "no organisation"}, actor)
    assert "Bundeskriminalamt" not in badge_text(store, lea.id) and "Brandt" in badge_text(store, lea.id)
    EventSettings(store, event_id).set("event/privacy_rules", {"Law enforcement": "first name only"}, actor)
    text = badge_text(store, lea.id)
    assert "Lea" in text and "Brandt" not in text
    rules = load_rules(store, event_id)
    assert applied_privacy(lea, rules).source == "rule" and applied_privacy(lea, rules).rule == "Law enforcement"
    # Nils said "no" himself: his own setting wins over the rule
    nils = person(store, event_id, NILS)
    assert applied_privacy(nils, rules).source == "own" and "Virtanen" in badge_text(store, nils.id)
    # a future attendee of the category gets the rule too
    attendees.register_walk_in(store, event_id, {"first_name": "Ola", "last_name": "Nordmann",
                                                 "category": "Law enforcement"}, actor)
    found = find_by_surname(SearchIndex(store, event_id), "Nordmann")
    assert [(m.name, m.organisation) for m in found.matches] == [("Ola", "")]
    found = find_by_surname(SearchIndex(store, event_id), "Lund")
    assert sorted(m.name for m in found.matches) == ["Karin L.", "Olle L."]  # Health care: no rule
    # the dashboard's last check-ins
    attendees.update_attendee(store, lea.id, {"blocked": False}, actor)
    CheckInService(store, event_id, actor).check_in(lea.id)
    CheckInService(store, event_id, actor).scan(KARIN)
    recent = {r.first_name: r.organisation for r in DashboardData(store, event_id).refresh().recent}
    assert recent == {"Lea": "Bundeskriminalamt", "Karin": "Region Skåne"}  # first name only keeps the employer
    EventSettings(store, event_id).set("event/privacy_rules", {"Conference ticket": "no organisation"}, actor)
    recent = {r.first_name: r.organisation for r in DashboardData(store, event_id).refresh().recent}
    assert recent == {"Lea": "Bundeskriminalamt", "Karin": ""}  # a ticket-type rule; Lea's ticket is a workshop
    # the speakers and VIPs still expected follow the rules too, also when a rule changes later
    olle = person(store, event_id, "p7d2xk9qm4vz8ct3nw6hfy5bja")
    attendees.update_attendee(store, olle.id, {"alerts": "speaker"}, actor)
    data = DashboardData(store, event_id)
    assert [(p.name, p.organisation) for p in data.refresh().still_expected] == [("Olle Lund", "")]
    EventSettings(store, event_id).set("event/privacy_rules", {}, actor)
    assert [(p.name, p.organisation) for p in data.refresh().still_expected] == [("Olle Lund", "Region Skåne")]


def test_rules_pick_the_strictest_and_ignore_unknown_words():
    rules = PrivacyRules({"Press": "no organisation", "VIP": "first name only", "Bad": "sometimes"})
    assert rules.to_json() == {"Press": "no_organisation", "VIP": "first_name_only"}

    class P:
        badge_privacy, privacy_own, category, ticket_type = "full", False, "Press", "VIP"

    assert rules.effective(P()) is BadgePrivacy.FIRST_NAME_ONLY


def test_a_bad_rule_is_refused_in_one_line(store, event_id):
    from kiosk.settings.declarations import SettingError

    with pytest.raises(SettingError, match="not a badge privacy"):
        EventSettings(store, event_id).set("event/privacy_rules", {"Press": "sometimes"})
