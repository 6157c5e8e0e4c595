"""Registration answers: columns no field takes are kept per attendee; --map on a long header."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.events import create_event
from kiosk.core.importing import run_import
from kiosk.core.models import Attendee

DATA = Path(__file__).resolve().parent.parent / "data" / "status"


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    return create_event(store, "Answers test", now, now + timedelta(hours=8)).id


def test_eventbrite_questions_are_kept_and_bookkeeping_is_not(store, event_id):
    run_import(store, event_id, DATA / "eventbrite_attendees_v1.csv")
    marta = attendees.by_code(store, event_id, "300100000110001")
    assert dict(marta.answers) == {"Which sector do you work in?": "Social services", "Dietary requirements": "Vegetarian"}
    assert marta.category == ""  # Eventbrite has no sector column
    assert marta.to_json()["answers"]["Dietary requirements"] == "Vegetarian"
    with store.read() as s:
        raw = s.exec(select(Attendee.answers).where(Attendee.code == "300100000210001")).one()
    assert json.loads(raw) == {"Which sector do you work in?": "Research"}  # empty answers are not kept


def test_pretix_answers_leave_out_addresses_and_ids(store, event_id):
    run_import(store, event_id, DATA / "pretix_positions_v1.csv", skip_invalid=True)
    karin = attendees.by_code(store, event_id, "k3r9v2qpxw7mzt4yh8bd6nfc5ja")
    assert dict(karin.answers) == {"Which sector do you work in?": "Health care"}


def test_map_a_long_question_to_category(store, event_id):
    report = run_import(store, event_id, DATA / "eventbrite_attendees_v1.csv",
                        mapping={"Which sector do you work in?": "category"})
    assert report.added == 6
    marta = attendees.by_code(store, event_id, "300100000110001")
    assert marta.category == "Social services" and dict(marta.answers) == {"Dietary requirements": "Vegetarian"}
    ignored = run_import(store, event_id, DATA / "eventbrite_attendees_v1.csv",
                         mapping={"Which sector do you work in?": "category", "Dietary requirements": "ignore"})
    assert ignored.unchanged == 6  # a file without answer columns leaves the answers as they are
    assert dict(attendees.by_code(store, event_id, "300100000110001").answers) == {"Dietary requirements": "Vegetarian"}


def test_changed_answers_update_on_reimport(store, event_id, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name,Email,Code,T-shirt size\nAnna Berg,anna@example.se,A1,M\n", encoding="utf-8")
    run_import(store, event_id, path)
    path.write_text("Name,Email,Code,T-shirt size\nAnna Berg,anna@example.se,A1,L\n", encoding="utf-8")
    assert run_import(store, event_id, path).updated == 1
    assert attendees.by_code(store, event_id, "A1").answers == (("T-shirt size", "L"),)
    assert run_import(store, event_id, path).unchanged == 1
