"""Dashboard figures: equal to what the test counts itself and to `kiosk stats`, kept up to date incrementally, privacy-aware."""

from __future__ import annotations

import os
import stat
import uuid
from datetime import timedelta

from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.dashboard import DashboardData, load_figures, write_csv
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, BadgePrivacy, CheckIn, utcnow
from kiosk.core.stats import event_stats


def _people(store, event_id):
    with store.read() as session:
        return list(session.exec(select(Attendee).where(Attendee.event_id == event_id).order_by(Attendee.id)))


def counted(store, event_id, checked_in: set[int], inside: set[int]) -> dict:
    """The figures, counted here from the attendee rows and what the test itself did (who it
    checked in and who is still inside), not by any part of the app."""
    rows = [p for p in _people(store, event_id) if not p.blocked]
    groups: dict[str, dict[str, dict[str, int]]] = {"by_category": {}, "by_ticket_type": {}}
    for p in rows:
        for key, value in (("by_category", p.category), ("by_ticket_type", p.ticket_type)):
            g = groups[key].setdefault(value or "", {"expected": 0, "checked_in": 0})
            g["expected"] += 1
            g["checked_in"] += p.id in checked_in
    ids = {p.id for p in rows}
    return {
        "expected": len(rows),
        "checked_in": len(checked_in & ids),
        "inside": len(inside & ids),
        "not_arrived": len(ids - checked_in),
        "walk_ins": sum(1 for p in rows if p.walk_in),
        **groups,
    }


def _matches(figures, want):
    h = figures.headline
    assert (h.expected, h.checked_in, h.inside, h.not_arrived, h.walk_ins) == (
        want["expected"], want["checked_in"], want["inside"], want["not_arrived"], want["walk_ins"]
    )
    assert {g.name: {"expected": g.expected, "checked_in": g.checked_in} for g in figures.by_category} == want["by_category"]
    assert {g.name: {"expected": g.expected, "checked_in": g.checked_in} for g in figures.by_ticket_type} == want["by_ticket_type"]


def _matches_counted_and_stats(figures, store, event_id, checked_in, inside):
    want = counted(store, event_id, checked_in, inside)
    _matches(figures, want)
    stats = event_stats(store, event_id)  # and `kiosk stats` says the same
    assert {k: stats[k] for k in want} == want


def test_incremental_figures_follow_every_kind_of_change(store, demo_event, actor):
    people = _people(store, demo_event)
    desk = CheckInService(store, demo_event, actor)
    data = DashboardData(store, demo_event)
    first = data.refresh()
    assert first.headline.checked_in == 0 and first.headline.expected == 170
    assert first.arrivals == () and first.recent == ()

    for p in people[:30]:
        desk.scan(p.code)
    desk.check_out(people[0].id)
    desk.annul(people[1].id, "scanned the wrong badge")
    attendees.update_attendee(store, people[2].id, {"category": "Press corps"}, actor)
    attendees.update_attendee(store, people[40].id, {"blocked": True, "block_reason": "test"}, actor)
    walk_in = attendees.register_walk_in(store, demo_event, {"first_name": "Walk", "last_name": "In"}, actor)
    desk.check_in(walk_in.id)

    figures = data.refresh()
    assert data.full_loads == 1  # everything since came from the log and the revision
    arrived = {p.id for p in people[:30]} - {people[1].id} | {walk_in.id}
    _matches_counted_and_stats(figures, store, demo_event, arrived, arrived - {people[0].id})
    assert figures.headline.checked_in == 30  # 30 scanned, one annulled, one walk-in
    assert figures.headline.inside == 29 and figures.headline.walk_ins == 1
    assert figures.headline.arrivals_15m == 30
    assert figures.arrivals[-1].cumulative == 30 and sum(b.arrivals for b in figures.arrivals) == 30
    assert dict(figures.stations_15m) == {"Desk 1": 31}
    assert len(figures.recent) == 20 and figures.recent[0].at >= figures.recent[-1].at
    assert figures.headline == load_figures(store, demo_event).headline


def test_marker_changes_only_when_something_changed(store, demo_event, actor):
    data = DashboardData(store, demo_event)
    before = data.marker(now=0)
    assert data.marker(now=30) == before
    code = _people(store, demo_event)[5].code
    CheckInService(store, demo_event, actor).scan(code)
    assert data.marker(now=30) != before
    assert data.marker(now=60) != data.marker(now=30)  # the 15-minute windows slide


def test_rows_older_than_the_overlap_force_a_full_read(store, demo_event, actor):
    people = _people(store, demo_event)
    data = DashboardData(store, demo_event)
    CheckInService(store, demo_event, actor).scan(people[0].code)
    data.refresh()
    # A station whose clock is an hour behind writes an entry (and its status) "in the past".
    old = utcnow() - timedelta(hours=1)
    with store.write() as session:
        session.add(CheckIn(id=uuid.uuid4(), event_id=demo_event, attendee_id=people[1].id, kind="entry", at=old,
                            station="Slow clock", method="scan"))
        row = session.get(Attendee, people[1].id)
        row.checked_in_at, row.inside = old, True
        session.add(row)
    figures = data.refresh()
    assert data.full_loads == 2
    assert figures.headline.checked_in == 2
    both = {people[0].id, people[1].id}
    _matches_counted_and_stats(figures, store, demo_event, both, both)


def test_names_follow_badge_privacy(store, demo_event, actor):
    people = _people(store, demo_event)
    full_names = [(p.first_name, p.last_name) for p in people]
    hidden_surname = next(p for p in people if p.badge_privacy == BadgePrivacy.FIRST_NAME_ONLY.value and p.organisation
                          and full_names.count((p.first_name, p.last_name)) == 1)  # no namesake who may show
    hidden_org = next(p for p in people if p.badge_privacy == BadgePrivacy.NO_ORGANISATION.value and p.organisation)
    for p in (hidden_surname, hidden_org):
        attendees.update_attendee(store, p.id, {"alerts": "speaker"}, actor)
    data = DashboardData(store, demo_event)
    waiting = {(e.name, e.organisation) for e in data.refresh().still_expected}
    assert (hidden_surname.first_name, hidden_surname.organisation) in waiting
    assert (hidden_org.display_name, "") in waiting
    desk = CheckInService(store, demo_event, actor)
    desk.scan(hidden_surname.code)
    desk.scan(hidden_org.code)
    figures = data.refresh()
    shown = {(r.first_name, r.organisation) for r in figures.recent}
    assert (hidden_org.first_name, "") in shown
    assert (hidden_surname.first_name, hidden_surname.organisation) in shown
    waiting = {(e.name, e.organisation) for e in figures.still_expected}
    assert (hidden_surname.first_name, hidden_surname.organisation) not in waiting  # arrived: off the list
    text = repr(figures)
    assert f"{hidden_surname.first_name} {hidden_surname.last_name}" not in text
    for p in people:
        if p.email:
            assert p.email not in text
        if p.notes:
            assert p.notes not in text


def test_csv_snapshot_is_private_and_safe(store, demo_event, actor, tmp_path):
    people = _people(store, demo_event)
    attendees.update_attendee(store, people[0].id, {"category": "=HYPERLINK(\"x\")"}, actor)
    CheckInService(store, demo_event, Actor(station="+Desk")).scan(people[0].code)
    path = write_csv(load_figures(store, demo_event), tmp_path / "figures.csv")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert "headline,checked_in,1," in text
    assert "'=HYPERLINK" in text and "'+Desk" in text


def test_a_snapshot_of_an_event_with_an_unknown_time_zone_falls_back_to_utc():
    from zoneinfo import ZoneInfo

    from kiosk.core.dashboard_figures import _zone

    assert _zone("Europe/Stockholm") == ZoneInfo("Europe/Stockholm")
    assert _zone("Mars/Olympus") == ZoneInfo("UTC") and _zone("") == ZoneInfo("UTC")


def test_the_last_entries_from_memory_are_the_log_s(store, demo_event):
    """With 20 entries or more in the overlap the last check-ins come from memory; they are the
    log's last entries all the same (exits and other lists' entries included as the log has them)."""
    people = [p for p in _people(store, demo_event) if not p.blocked]
    data = DashboardData(store, demo_event)
    desks = [CheckInService(store, demo_event, Actor(f"Desk {i}")) for i in range(3)]
    for i, p in enumerate(people[:26]):
        desks[i % 3].scan(p.code)
        if i % 5 == 0:
            desks[0].check_out(p.id)
    with store.read() as s:
        log = s.exec(select(CheckIn.at, CheckIn.station).where(CheckIn.event_id == demo_event, CheckIn.kind == "entry")
                     .order_by(CheckIn.at.desc()).limit(20)).all()
    incremental = data.refresh()
    assert [(r.at, r.station) for r in incremental.recent] == [tuple(r) for r in log]
    assert load_figures(store, demo_event, incremental.generated_at).recent == incremental.recent
