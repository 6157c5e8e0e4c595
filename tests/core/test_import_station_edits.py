"""A station's edit survives the next re-import, unless the file changed that field too."""

from datetime import datetime, timedelta, timezone

import pytest

from kiosk.core import attendees
from kiosk.core.events import create_event
from kiosk.core.importing import run_import

HEADER = "First Name,Last Name,Email,Company,Barcode\n"


@pytest.fixture
def event_id(store):
    now = datetime.now(timezone.utc)
    return create_event(store, "Edits test", now, now + timedelta(hours=8)).id


def write(tmp_path, rows: str):
    path = tmp_path / "list.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_station_edit_survives_an_unchanged_file(store, event_id, actor, tmp_path):
    path = write(tmp_path, "Marta,Ek,marta@example.se,Socialtjansten,C1\nBo,Ek,bo@example.se,BRIS,C2\n")
    run_import(store, event_id, path)
    marta = attendees.by_code(store, event_id, "C1")
    attendees.update_attendee(store, marta.id, {"first_name": "Märta", "organisation": "Socialtjänsten Umeå"}, actor)
    again = run_import(store, event_id, path)
    assert again.warnings == [] and again.updated == 0 and again.unchanged == 2
    marta = attendees.by_code(store, event_id, "C1")
    assert (marta.first_name, marta.organisation) == ("Märta", "Socialtjänsten Umeå")
    # the organiser fixes the email in the file: that change arrives, the station's edits stay
    path = write(tmp_path, "Marta,Ek,marta.ek@example.se,Socialtjansten,C1\nBo,Ek,bo@example.se,BRIS,C2\n")
    third = run_import(store, event_id, path)
    assert third.updated == 1 and third.warnings == []
    marta = attendees.by_code(store, event_id, "C1")
    assert (marta.first_name, marta.organisation, marta.email) == ("Märta", "Socialtjänsten Umeå", "marta.ek@example.se")


def test_a_field_changed_on_both_sides_takes_the_file_and_is_reported(store, event_id, actor, tmp_path):
    run_import(store, event_id, write(tmp_path, "Marta,Ek,marta@example.se,Socialtjansten,C1\n"))
    marta = attendees.by_code(store, event_id, "C1")
    attendees.update_attendee(store, marta.id, {"organisation": "Socialtjänsten Umeå", "first_name": "Märta"}, actor)
    path = write(tmp_path, "Marta,Ek,marta@example.se,Region Västerbotten,C1\n")
    dry = run_import(store, event_id, path, dry_run=True)
    [conflict] = dry.warnings
    assert conflict.format(dry.file) == (
        "list.csv:2: organisation: warning: changed at a station to 'Socialtjänsten Umeå' and in the file to "
        "'Region Västerbotten'; the file's value is used"
    )
    report = run_import(store, event_id, path)
    assert [p.field for p in report.warnings] == ["organisation"]
    marta = attendees.by_code(store, event_id, "C1")
    assert (marta.first_name, marta.organisation) == ("Märta", "Region Västerbotten")
