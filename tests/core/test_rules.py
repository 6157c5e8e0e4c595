"""The decision rule as a pure function: every rule, the fixed order, time zones and DST."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.models import CheckInKind
from kiosk.core.rules import (
    AttendeeFacts,
    EntryRule,
    ListFacts,
    Past,
    ScanKind,
    Verdict,
    decide,
    is_inside,
    live,
)

UTC = timezone.utc
STHLM = ZoneInfo("Europe/Stockholm")
T0 = datetime(2026, 5, 12, 8, 0, tzinfo=UTC)
ENTRY, EXIT, ANNUL, PRINT = CheckInKind.ENTRY, CheckInKind.EXIT, CheckInKind.ANNUL, CheckInKind.PRINT

delegate = AttendeeFacts(event_id=1, ticket_type="Delegate", category="Police")


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def run(log=(), rule=EntryRule.EXIT, scan=ScanKind.ENTRY, now=None, occupancy=0, attendee=delegate, tz=UTC, **lst):
    clist = ListFacts(event_id=1, rule=rule, **lst)
    return decide(attendee, clist, list(log), occupancy, scan, now or at(60), tz)


# -- the fixed order ---------------------------------------------------------------------------
def test_unknown_comes_first():
    assert run(attendee=None, capacity=0).verdict is Verdict.UNKNOWN


def test_other_event_before_everything_about_the_person():
    other = AttendeeFacts(event_id=2, blocked=True, ticket_type="Nope")
    d = run(attendee=other, ticket_types=frozenset({"Delegate"}))
    assert d.verdict is Verdict.OTHER_EVENT and d.refused


def test_blocked_before_not_admitted_with_its_reason():
    blocked = AttendeeFacts(event_id=1, ticket_type="Nope", blocked=True, block_reason="refunded")
    d = run(attendee=blocked, ticket_types=frozenset({"Delegate"}))
    assert (d.verdict, d.reason, d.write) == (Verdict.BLOCKED, "refunded", None)


def test_room_refuses_the_wrong_ticket_type_then_the_wrong_category():
    d = run(ticket_types=frozenset({"Law enforcement"}), categories=frozenset({"Nope"}))
    assert (d.verdict, d.reason) == (Verdict.NOT_ADMITTED, "ticket_type")
    d = run(ticket_types=frozenset({"delegate"}), categories=frozenset({"Press"}))
    assert (d.verdict, d.reason) == (Verdict.NOT_ADMITTED, "category")
    # matching ignores case; an empty set admits everyone
    assert run(ticket_types=frozenset({"DELEGATE"}), categories=frozenset({"police"})).verdict is Verdict.CHECKED_IN


def test_not_admitted_before_outside_the_window():
    d = run(ticket_types=frozenset({"X"}), valid_from=at(120))
    assert d.verdict is Verdict.NOT_ADMITTED


def test_window_not_open_yet_and_closed():
    assert run(now=at(10), valid_from=at(30)).reason == "not_open"
    assert run(now=at(30), valid_from=at(30)).verdict is Verdict.CHECKED_IN
    assert run(now=at(89), valid_until=at(90)).verdict is Verdict.CHECKED_IN
    d = run(now=at(90), valid_until=at(90))
    assert (d.verdict, d.reason) == (Verdict.OUTSIDE_WINDOW, "closed")


def test_outside_window_before_capacity_full():
    assert run(now=at(200), valid_until=at(90), capacity=1, occupancy=5).verdict is Verdict.OUTSIDE_WINDOW


def test_capacity_full_before_already_checked_in():
    # checked in once, left: a re-entry under "once" is "already", but a full room answers first
    log = [Past(ENTRY, at(0)), Past(EXIT, at(5))]
    d = run(log, rule=EntryRule.ONCE, capacity=2, occupancy=2)
    assert (d.verdict, d.reason) == (Verdict.CAPACITY_FULL, "2")


def test_someone_inside_holds_their_place_in_a_full_room():
    d = run([Past(ENTRY, at(0), "Desk 2")], capacity=2, occupancy=2)
    assert d.verdict is Verdict.ALREADY and d.earlier.station == "Desk 2"


# -- capacity ----------------------------------------------------------------------------------
def test_capacity_then_an_exit_frees_a_place():
    assert run(capacity=3, occupancy=2).verdict is Verdict.CHECKED_IN
    assert run(capacity=3, occupancy=3).verdict is Verdict.CAPACITY_FULL
    # someone leaves: the caller's occupancy drops by one and the next person gets in
    assert run(capacity=3, occupancy=2).verdict is Verdict.CHECKED_IN
    assert run(capacity=0, occupancy=0).verdict is Verdict.CAPACITY_FULL
    assert run(capacity=None, occupancy=10_000).verdict is Verdict.CHECKED_IN


# -- the entry rules ---------------------------------------------------------------------------
def test_once():
    d = run(rule=EntryRule.ONCE)
    assert (d.verdict, d.write, d.reentry, d.inside_after, d.earlier) == (Verdict.CHECKED_IN, ENTRY, False, True, None)
    first = Past(ENTRY, at(0), "Desk 1", "Tove")
    assert run([first], rule=EntryRule.ONCE).earlier == first
    # leaving does not give a second entry
    d = run([first, Past(EXIT, at(10))], rule=EntryRule.ONCE)
    assert d.verdict is Verdict.ALREADY and d.earlier == first and d.refused


def test_multiple_always_enters():
    log = [Past(ENTRY, at(0)), Past(ENTRY, at(5))]
    d = run(log, rule=EntryRule.MULTIPLE)
    assert (d.verdict, d.reentry, d.earlier) == (Verdict.CHECKED_IN, True, log[0])


def test_exit_rule_reentry_after_an_exit():
    first = Past(ENTRY, at(0), "Desk 1")
    assert run([first], rule=EntryRule.EXIT).verdict is Verdict.ALREADY
    d = run([first, Past(EXIT, at(10))], rule=EntryRule.EXIT)
    assert (d.verdict, d.reentry, d.earlier) == (Verdict.CHECKED_IN, True, first)
    # back in: already again, and the entry that counts is still the first one
    d = run([first, Past(EXIT, at(10)), Past(ENTRY, at(20))], rule=EntryRule.EXIT)
    assert d.verdict is Verdict.ALREADY and d.earlier == first


def test_an_annulment_starts_afresh():
    log = [Past(ENTRY, at(0)), Past(ANNUL, at(1))]
    for rule in EntryRule:
        d = run(log, rule=rule)
        assert (d.verdict, d.reentry, d.earlier) == (Verdict.CHECKED_IN, False, None)
    later = Past(ENTRY, at(2))
    assert run([*log, later], rule=EntryRule.ONCE).earlier == later


def test_daily_across_two_days_in_stockholm_over_the_dst_change():
    # Sunday 29 March 2026: Stockholm goes from UTC+1 to UTC+2 at 02:00 local (01:00 UTC).
    sat_late = datetime(2026, 3, 28, 22, 30, tzinfo=UTC)  # 23:30 local on Saturday
    sun_early = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)  # 00:30 local on Sunday (UTC still Saturday)
    sun_after_dst = datetime(2026, 3, 29, 21, 30, tzinfo=UTC)  # 23:30 local Sunday, UTC+2
    mon_early = datetime(2026, 3, 29, 22, 30, tzinfo=UTC)  # 00:30 local Monday (UTC still Sunday)

    def daily(log, now):
        return run(log, rule=EntryRule.DAILY, now=now, tz=STHLM)

    saturday = Past(ENTRY, sat_late)
    # an hour later in UTC is the same UTC day but a new local day: a new entry
    d = daily([saturday], sun_early)
    assert (d.verdict, d.reentry) == (Verdict.CHECKED_IN, True)
    sunday = Past(ENTRY, sun_early)
    # late Sunday, after the clocks moved: still Sunday, already checked in, with Sunday's entry
    d = daily([saturday, sunday], sun_after_dst)
    assert d.verdict is Verdict.ALREADY and d.earlier == sunday
    # the same moments in UTC would have said otherwise
    assert run([saturday], rule=EntryRule.DAILY, now=sun_early, tz=UTC).verdict is Verdict.ALREADY
    # Monday 00:30 local is 22:30 UTC on Sunday: a new day in Stockholm
    assert daily([saturday, sunday], mon_early).verdict is Verdict.CHECKED_IN
    # an exit does not give a second entry the same day
    assert daily([sunday, Past(EXIT, sun_after_dst - timedelta(hours=1))], sun_after_dst).verdict is Verdict.ALREADY


def test_daily_on_the_autumn_change_the_repeated_hour_is_one_day():
    # Sunday 25 October 2026: 03:00 local becomes 02:00 again (01:00 UTC).
    first = Past(ENTRY, datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30 CEST
    again = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, same local day
    assert run([first], rule=EntryRule.DAILY, now=again, tz=STHLM).verdict is Verdict.ALREADY


# -- exits and print-only ----------------------------------------------------------------------
def test_exit_scan():
    d = run(scan=ScanKind.EXIT)
    assert (d.verdict, d.write) == (Verdict.NOT_INSIDE, None)
    d = run([Past(ENTRY, at(0))], scan=ScanKind.EXIT)
    assert (d.verdict, d.write, d.inside_after) == (Verdict.CHECKED_OUT, EXIT, False)
    assert run([Past(ENTRY, at(0)), Past(EXIT, at(1))], scan=ScanKind.EXIT).verdict is Verdict.NOT_INSIDE
    # a blocked person inside may still leave; an unknown or foreign code may not
    blocked = AttendeeFacts(event_id=1, blocked=True)
    assert run([Past(ENTRY, at(0))], scan=ScanKind.EXIT, attendee=blocked).verdict is Verdict.CHECKED_OUT
    assert run(scan=ScanKind.EXIT, attendee=None).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("how", ["scan", "list"])
def test_print_only_never_counts_as_an_entry(how):
    kw = {"scan": ScanKind.PRINT} if how == "scan" else {"print_only": True}
    log = []
    for minute in range(3):
        d = run(log, now=at(minute), capacity=1, occupancy=1, ticket_types=frozenset({"Other"}), **kw)
        assert (d.verdict, d.write, d.inside_after) == (Verdict.PRINTED, PRINT, None)
        log.append(Past(d.write, at(minute)))
    assert not is_inside(log)
    # after printing, the door still sees a first entry
    d = run(log, rule=EntryRule.ONCE)
    assert (d.verdict, d.reentry) == (Verdict.CHECKED_IN, False)
    # but a blocked ticket gets no badge
    assert run(attendee=AttendeeFacts(event_id=1, blocked=True), **kw).verdict is Verdict.BLOCKED


def test_live_and_inside_ignore_order_and_annulled_rows():
    rows = [Past(EXIT, at(3)), Past(ENTRY, at(0)), Past(ANNUL, at(2)), Past(ENTRY, at(1))]
    assert live(rows) == [Past(EXIT, at(3))]
    assert not is_inside(rows)
    assert is_inside([Past(ENTRY, at(4)), *rows])
    assert not is_inside([])
