"""The check-in's hot path (kiosk.core.checkin_fast) on each engine: it gives the answers the
general path gives, and hands the unusual cases to it."""

from __future__ import annotations

import time
import unicodedata

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.checkin import STATION_TOUCH_SECONDS, CheckInService, ResultKind
from kiosk.core.checkin_lists import NoListError, create_list, edit_list
from kiosk.core.codes import clean_scan
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.models import Method, PrintJob, Station, utcnow


@pytest.mark.parametrize("raw", ["ABC123", "  ABC123\r\n", "\x1dABC\u200b123\x00", "åäö-ÅÄÖ", "", " ", 42])
def test_cleaning_a_scan_is_codes_clean_scan(raw):
    """The short way for a printable ASCII scan gives what the walk over every character gives."""
    walked = "".join(ch for ch in str(raw) if unicodedata.category(ch) not in ("Cc", "Cf", "Cs")).strip()
    assert clean_scan(raw) == walked


def _desk(store, event_id, list_name=None, station="Desk 1"):
    return CheckInService(store, event_id, Actor(station, "Tove"), list_name=list_name)


def test_the_hot_path_answers_like_the_general_one(store, demo_event):
    people = attendees.list_all(store, demo_event)
    desk = _desk(store, demo_event)
    first = desk.scan(people[0].code)  # the general path: the station finds its list
    assert desk.lists.ready() is not None
    second = desk.scan(people[1].code)  # the hot path from here on
    for result, person in ((first, people[0]), (second, people[1])):
        assert result.kind is ResultKind.CHECKED_IN and result.list_name == "Entrance"
        assert result.attendee.id == person.id and result.attendee.inside
        assert result.attendee.checked_in_at == result.entry.at
    amber = _desk(store, demo_event, station="Desk 2").scan(people[1].code)
    again = desk.scan(people[1].code)
    assert amber.kind is again.kind is ResultKind.ALREADY_CHECKED_IN
    assert again.first_checkin == second.entry
    assert desk.scan("NO-SUCH-CODE").kind is ResultKind.UNKNOWN_CODE
    picked = desk.check_in(people[2].id, Method.SEARCH)
    assert picked.entry.method is Method.SEARCH
    repeat = desk.check_in(people[2].id, entry_id=picked.entry.id)  # its answer was lost: asked again
    assert repeat.kind is ResultKind.CHECKED_IN and repeat.entry == picked.entry

    desk.check_out(people[1].id)
    back = desk.scan(people[1].code)
    assert back.kind is ResultKind.CHECKED_IN and back.reentry
    assert back.attendee.checked_in_at == second.entry.at  # the status cache keeps the first entry


def test_another_events_attendee_picked_by_id_is_refused(store, demo_event):
    other = create_demo(store, attendees=3, seed=9, name="Another conference")
    stranger = attendees.list_all(store, other)[0]
    people = attendees.list_all(store, demo_event)
    desk = _desk(store, demo_event)
    desk.scan(people[0].code)
    result = desk.check_in(stranger.id)
    assert result.kind is ResultKind.OTHER_EVENT and result.other_event == "Another conference"
    assert result.code == stranger.code


def test_a_list_edited_between_scans_is_seen_by_the_next_one(store, demo_event):
    people = attendees.list_all(store, demo_event)
    create_list(store, demo_event, "Hall", rule="once")
    desk = _desk(store, demo_event, "Hall")
    assert desk.scan(people[0].code).kind is ResultKind.CHECKED_IN
    assert not desk.scan(people[1].code).attendee.inside  # a room's entry leaves the entrance's status alone
    edit_list(store, demo_event, "Hall", capacity=2)  # full now: the two above are inside
    assert desk.scan(people[2].code).kind is ResultKind.CAPACITY_FULL
    edit_list(store, demo_event, "Hall", capacity=None, rule="multiple")
    assert desk.scan(people[0].code).kind is ResultKind.CHECKED_IN


def test_a_list_removed_under_a_station_is_an_error_not_a_guess(store, demo_event):
    people = attendees.list_all(store, demo_event)
    create_list(store, demo_event, "Workshop", ticket_types=["Nobody has this"])
    desk = _desk(store, demo_event, "Workshop")
    assert desk.scan(people[0].code).kind is ResultKind.NOT_ADMITTED  # bound, nothing written
    with store.write() as s:
        s.connection().execute(text("DELETE FROM checkin_list WHERE name = 'Workshop'"))
    with pytest.raises(NoListError):
        desk.scan(people[1].code)


class Printing:
    """A station that prints every first check-in's badge."""

    auto_print = True
    printer = "kiosk-test-pdf"

    def template_for(self, ticket_type):
        return "default"


def test_the_badge_job_and_the_heartbeat_are_written_with_the_entry(store, demo_event):
    people = attendees.list_all(store, demo_event)
    desk = CheckInService(store, demo_event, Actor("Desk 1", "Tove"), badges=Printing())
    desk.scan(people[0].code)
    desk._station_touched = time.monotonic() - STATION_TOUCH_SECONDS - 1  # the heartbeat is due
    result = desk.scan(people[1].code)
    assert result.kind is ResultKind.CHECKED_IN and result.badge_job is not None
    assert not desk.touch_due()
    again = CheckInService(store, demo_event, Actor("Desk 2", "Omar"), badges=Printing())
    again.scan(people[0].code)
    desk.check_out(people[1].id)
    assert desk.scan(people[1].code).badge_job is None  # back in after an exit: no second badge
    with store.read() as s:
        job = PrintJob.id == result.badge_job
        jobs = s.exec(select(PrintJob.attendee_id, PrintJob.state, PrintJob.station).where(job)).all()
        seen = s.get(Station, "Desk 1")
        count = s.exec(select(func.count()).select_from(PrintJob)).one()
    assert jobs == [(people[1].id, "queued", "Desk 1")]
    assert seen is not None and (utcnow() - seen.last_seen).total_seconds() < 60
    assert count == 2  # the two first check-ins, none for the amber or the return
