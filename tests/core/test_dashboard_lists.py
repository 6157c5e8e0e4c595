"""The dashboard's organiser lists: who has not arrived (filterable, privacy-aware), stations
that went silent, and the snapshot's times in the event's time zone."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone

from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.dashboard import load_figures, write_csv
from kiosk.core.dashboard_figures import StationRow
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, BadgePrivacy, Event
from kiosk.core.not_arrived import CHASED, not_arrived


def _people(store, event_id):
    with store.read() as session:
        return list(session.exec(select(Attendee).where(Attendee.event_id == event_id).order_by(Attendee.id)))


def test_everyone_not_arrived_is_listed_and_filtered(store, demo_event, actor):
    people = _people(store, demo_event)
    everyone = not_arrived(store, demo_event)
    assert everyone.total == len([p for p in people if not p.blocked])
    CheckInService(store, demo_event, actor).scan(people[0].code)
    assert not_arrived(store, demo_event).total == everyone.total - 1
    # not only speakers and VIPs: a plain delegate is on the list, and can be found by organisation
    plain = next(p for p in people[1:] if not p.alerts and p.organisation and p.badge_privacy == BadgePrivacy.FULL.value
                 and not p.blocked)
    found = not_arrived(store, demo_event, plain.organisation.upper())
    assert (plain.display_name, plain.organisation) in {(e.name, e.organisation) for e in found.people}
    assert all(plain.organisation.lower() in e.organisation.lower() for e in found.people if e.organisation)
    chased = not_arrived(store, demo_event, who=CHASED)
    assert chased.total < everyone.total and all(e.role in ("speaker", "vip") for e in chased.people)


def test_the_filter_matches_only_what_is_shown(store, demo_event, actor):
    people = _people(store, demo_event)
    hidden = next(p for p in people if p.badge_privacy == BadgePrivacy.NO_ORGANISATION.value and p.organisation and not p.blocked)
    attendees.update_attendee(store, hidden.id, {"organisation": "Secret Service Unit"}, actor)
    assert not_arrived(store, demo_event, "Secret Service").total == 0  # the organisation is not shown, so not searched
    surname_hidden = next(p for p in people if p.badge_privacy == BadgePrivacy.FIRST_NAME_ONLY.value and not p.blocked)
    attendees.update_attendee(store, surname_hidden.id, {"last_name": "Zyxwvutsson"}, actor)
    assert not_arrived(store, demo_event, "zyxwvut").total == 0  # the surname is not shown either
    assert not_arrived(store, demo_event, surname_hidden.first_name).total >= 1


def test_a_station_is_silent_after_a_minute_without_a_heartbeat():
    now = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
    assert not StationRow("Desk 1", "desk", now - timedelta(seconds=50), "").silent(now)
    assert StationRow("Desk 1", "desk", now - timedelta(seconds=61), "").silent(now)
    assert StationRow("Gone", "", None, "").silent(now)


def test_snapshot_times_are_in_the_event_time_zone_and_named(store, demo_event, actor, tmp_path):
    people = _people(store, demo_event)
    CheckInService(store, demo_event, actor).scan(people[0].code)
    with store.read() as session:
        tz = session.get(Event, demo_event).timezone
    assert tz == "Europe/Stockholm"
    now = datetime(2026, 5, 1, 7, 30, tzinfo=timezone.utc)  # 09:30 in Stockholm (summer time)
    path = write_csv(load_figures(store, demo_event, now=now), tmp_path / "figures.csv")
    rows = {(r[0], r[1]): r for r in csv.reader(path.open(encoding="utf-8"))}
    assert ("time_zone", "Europe/Stockholm") in rows
    generated = next(r for r in rows.values() if r[0] == "generated_at")[1]
    assert generated == "2026-05-01T09:30:00+02:00"
    buckets = [r[1] for r in rows.values() if r[0] == "arrivals_5min"]
    assert buckets and all(b.endswith(("+02:00", "+01:00")) for b in buckets)
    seen = [r for r in rows.values() if r[0] == "station_last_seen"]
    assert seen and seen[0][3] in ("running", "silent")
