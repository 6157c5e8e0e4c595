from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor, create_event
from kiosk.core.models import Attendee, AuditEntry, CheckIn, CheckInKind, Method
from kiosk.core.stats import event_stats


def first_code(store, event_id, offset=0):
    return attendees.list_all(store, event_id)[offset]


def log_rows(store, attendee_id):
    with store.read() as s:
        return list(s.exec(select(CheckIn).where(CheckIn.attendee_id == attendee_id).order_by(CheckIn.at)))


def test_scan_checks_in_once_then_amber_with_who_and_where(store, demo_event, actor):
    person = first_code(store, demo_event)
    desk = CheckInService(store, demo_event, actor)
    first = desk.scan(person.code)
    assert first.kind is ResultKind.CHECKED_IN
    assert first.attendee.id == person.id and first.attendee.checked_in_at is not None
    assert first.entry.at.tzinfo is not None

    other = CheckInService(store, demo_event, Actor("Desk 2", "Omar"))
    second = other.scan(person.code)
    assert second.kind is ResultKind.ALREADY_CHECKED_IN
    assert second.first_checkin.station == "Desk 1"
    assert second.first_checkin.operator == "Tove"
    assert second.first_checkin.at == first.entry.at

    rows = log_rows(store, person.id)
    assert [r.kind for r in rows] == [CheckInKind.ENTRY]
    assert rows[0].method == Method.SCAN and rows[0].station == "Desk 1"


def test_exit_reentry_and_inside_count(store, demo_event, actor):
    a, b = first_code(store, demo_event, 0), first_code(store, demo_event, 1)
    desk = CheckInService(store, demo_event, actor)
    desk.scan(a.code)
    desk.scan(b.code)
    assert event_stats(store, demo_event)["inside"] == 2
    out = desk.check_out(a.id)
    assert out.kind is ResultKind.CHECKED_OUT
    assert desk.check_out(a.id).kind is ResultKind.NOT_INSIDE
    stats = event_stats(store, demo_event)
    assert stats["inside"] == 1 and stats["checked_in"] == 2
    back = desk.scan(a.code)
    assert back.kind is ResultKind.CHECKED_IN and back.reentry
    assert back.attendee.checked_in_at == first_code(store, demo_event, 0).checked_in_at
    assert [r.kind for r in log_rows(store, a.id)] == [CheckInKind.ENTRY, CheckInKind.EXIT, CheckInKind.ENTRY]
    assert event_stats(store, demo_event)["inside"] == 2


def test_annul_needs_reason_is_logged_and_audited(store, demo_event, actor):
    person = first_code(store, demo_event)
    desk = CheckInService(store, demo_event, actor)
    with pytest.raises(ValueError):
        desk.annul(person.id, "   ")
    assert desk.annul(person.id, "not yet").kind is ResultKind.NOT_CHECKED_IN
    desk.check_in(person.id)
    undone = desk.annul(person.id, "Wrong  person picked")
    assert undone.kind is ResultKind.ANNULLED
    assert undone.attendee.checked_in_at is None and not undone.attendee.inside
    rows = log_rows(store, person.id)
    assert [r.kind for r in rows] == [CheckInKind.ENTRY, CheckInKind.ANNUL]
    assert rows[1].reason == "Wrong person picked"
    with store.read() as s:
        audit = s.exec(select(AuditEntry).where(AuditEntry.action == "annul")).one()
    assert audit.attendee_id == person.id and audit.station == "Desk 1"
    # after an annulment the next scan is a fresh, green check-in
    again = desk.scan(person.code)
    assert again.kind is ResultKind.CHECKED_IN and not again.reentry
    assert event_stats(store, demo_event)["checked_in"] == 1


def test_unknown_other_event_and_blocked(store, demo_event, actor):
    now = datetime.now(timezone.utc)
    other_id = create_event(store, "Other conference", now, now + timedelta(hours=8)).id
    walk = attendees.register_walk_in(store, other_id, {"first_name": "Eva", "last_name": "Berg"}, actor)
    desk = CheckInService(store, demo_event, actor)
    assert desk.scan("NOT-A-CODE").kind is ResultKind.UNKNOWN_CODE
    result = desk.scan(walk.code)
    assert result.kind is ResultKind.OTHER_EVENT and result.other_event == "Other conference"
    person = first_code(store, demo_event)
    attendees.update_attendee(store, person.id, {"blocked": True, "block_reason": "refunded"}, actor)
    assert desk.scan(person.code).kind is ResultKind.BLOCKED
    assert log_rows(store, person.id) == []


JUNK = [
    "",
    "   ",
    "\x00",
    "x" * 5000,
    "😀🎟️",
    "'; DROP TABLE attendee; --",
    "\" OR 1=1 --",
    "%",
    "_",
    "\r\n\t",
    "https://",
    "https://tickets.example/?code=",
    "\u202e\u200bABC",
]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_scans_give_clean_unknown(store, demo_event, actor, junk):
    desk = CheckInService(store, demo_event, actor)
    result = desk.scan(junk)
    assert result.kind is ResultKind.UNKNOWN_CODE
    assert len(result.code) <= 80
    assert event_stats(store, demo_event)["checked_in"] == 0


def test_scanner_noise_and_urls_find_the_code(store, demo_event, actor):
    people = attendees.list_all(store, demo_event)
    desk = CheckInService(store, demo_event, actor)
    assert desk.scan(f"  {people[0].code}\r\n").kind is ResultKind.CHECKED_IN
    assert desk.scan(f"\x02{people[1].code}\x03").kind is ResultKind.CHECKED_IN
    assert desk.scan(f"https://tickets.example/t/{people[2].code}").kind is ResultKind.CHECKED_IN
    assert desk.scan(f"https://tickets.example/checkin?event=9&code={people[3].code}").kind is ResultKind.CHECKED_IN
    # a URL whose parts are not codes stays unknown
    assert desk.scan("https://tickets.example/t/nothing-here").kind is ResultKind.UNKNOWN_CODE


def test_imported_codes_are_kept_exactly(store, actor):
    now = datetime.now(timezone.utc)
    event_id = create_event(store, "Exact codes", now, now + timedelta(hours=1)).id
    with store.write() as s:
        for code in ("abc-123", "ABC-123", "0042"):
            s.add(Attendee(event_id=event_id, first_name="P", last_name=code, code=code, rev=1))
    desk = CheckInService(store, event_id, actor)
    result = desk.scan("abc-123")
    assert result.kind is ResultKind.CHECKED_IN and result.attendee.last_name == "abc-123"
    assert desk.scan("ABC-123").attendee.last_name == "ABC-123"
    assert desk.scan("42").kind is ResultKind.UNKNOWN_CODE


def test_walk_in_gets_code_and_checks_in(store, demo_event, actor):
    walk = attendees.register_walk_in(
        store, demo_event, {"first_name": " Nils ", "last_name": "Ek", "email": "nils@example.org", "category": "Public"}, actor
    )
    assert walk.walk_in and walk.first_name == "Nils" and len(walk.code) >= 20
    result = CheckInService(store, demo_event, actor).check_in(walk.id, Method.WALK_IN)
    assert result.kind is ResultKind.CHECKED_IN
    assert log_rows(store, walk.id)[0].method == Method.WALK_IN
    stats = event_stats(store, demo_event)
    assert stats["walk_ins"] == 1 and stats["expected"] == 171


def test_walk_in_validation(store, demo_event, actor):
    with pytest.raises(attendees.ValidationError, match="email"):
        attendees.register_walk_in(store, demo_event, {"first_name": "A", "email": "not-an-email"}, actor)
    with pytest.raises(attendees.ValidationError, match="name is missing"):
        attendees.register_walk_in(store, demo_event, {"first_name": "  "}, actor)
    assert event_stats(store, demo_event)["expected"] == 170


def test_edit_is_audited_with_old_and_new(store, demo_event, actor):
    person = first_code(store, demo_event)
    attendees.update_attendee(store, person.id, {"first_name": "Anneli"}, actor)
    with store.read() as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "edit")).one()
    assert '"old": "%s"' % person.first_name in entry.details and '"new": "Anneli"' in entry.details


def test_demo_is_reproducible_and_not_overwritten(store):
    from kiosk.core.demo import DemoExists

    first = create_demo(store, attendees=50, seed=3, name="Demo A")
    codes_a = [a.code for a in attendees.list_all(store, first)]
    with pytest.raises(DemoExists):
        create_demo(store, attendees=50, seed=3, name="Demo A")
    second = create_demo(store, attendees=50, seed=3, name="Demo A", reset=True)
    assert sorted(codes_a) == sorted(a.code for a in attendees.list_all(store, second))


def test_demo_shape(store, demo_event):
    people = attendees.list_all(store, demo_event)
    assert len(people) == 170
    assert {"Business", "NGO", "Law enforcement", "Healthcare", "Social services", "School", "Public"} <= {
        p.category for p in people
    }
    assert any("å" in p.display_name.lower() or "ö" in p.display_name.lower() for p in people)
    assert any(p.notes for p in people)
    assert {"speaker", "vip"} <= {flag for p in people for flag in p.alerts}
    police_private = [p for p in people if p.category == "Law enforcement" and p.badge_privacy.value != "full"]
    assert police_private
    assert len({p.code for p in people}) == 170
