"""kiosk events ...: the Events dialog's operations from a script, on both engines."""

import pytest

SAMPLE = "tests/data/samples/eventbrite_style.csv"


def test_create_list_rename_archive_restore(kiosk):
    assert kiosk("events", "list").out.startswith("No events yet")
    made = kiosk("events", "create", "Nordic Forum", "--date", "2026-05-20", "--start", "09:00", "--end", "17:30",
                 "--venue", "Umeå Folkets Hus", "--tz", "Europe/Stockholm")
    assert made.code == 0, made.err
    listed = kiosk("events", "list", "--json").json()
    assert listed == [{
        "name": "Nordic Forum", "venue": "Umeå Folkets Hus", "starts_at": "2026-05-20T09:00:00+02:00",
        "ends_at": "2026-05-20T17:30:00+02:00", "timezone": "Europe/Stockholm", "archived": False, "attendees": 0,
    }]
    assert kiosk("events", "rename", "Nordic Forum", "Nordic Forum 2026").code == 0
    assert kiosk("events", "archive", "Nordic Forum 2026").code == 0
    listed = kiosk("events", "list", "--json").json()
    assert [(e["name"], e["archived"]) for e in listed] == [("Nordic Forum 2026", True)]
    assert "(archived)" in kiosk("events", "list").out
    assert kiosk("events", "restore", "Nordic Forum 2026").code == 0
    assert kiosk("events", "list", "--json").json()[0]["archived"] is False
    actions = [e["action"] for e in kiosk("audit", "--json").json()]
    assert {"event_created", "event_renamed", "event_archived", "event_restored"} <= set(actions)


@pytest.mark.parametrize(
    "args, needle",
    [
        (("--date", "20/05/2026"), "--date '20/05/2026': not a date"),
        (("--date", "2026-02-30"), "--date '2026-02-30': not a date"),
        (("--date", "2026-05-20", "--start", "9am"), "--start '9am': not a time"),
        (("--date", "2026-05-20", "--end", "25:00"), "--end '25:00': not a time"),
        (("--date", "2026-05-20", "--start", "18:00", "--end", "08:00"), "must end after it starts"),
        (("--date", "2026-05-20", "--tz", "Mars/Olympus"), "Unknown time zone 'Mars/Olympus'"),
        ((), "the following arguments are required: --date"),
    ],
)
def test_create_refuses_bad_input_in_one_line(kiosk, args, needle):
    run = kiosk("events", "create", "Forum", *args)
    assert run.code == 2
    assert needle in run.err and len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err
    assert kiosk("events", "list", "--json").json() == []


def test_duplicate_and_unknown_names(kiosk):
    assert kiosk("events", "create", "Forum", "--date", "2026-05-20").code == 0
    dup = kiosk("events", "create", "Forum", "--date", "2026-06-01")
    assert dup.code == 2 and "An event named 'Forum' already exists" in dup.err
    assert kiosk("events", "create", "Other", "--date", "2026-06-01").code == 0
    taken = kiosk("events", "rename", "Other", "Forum")
    assert taken.code == 2 and "already exists" in taken.err
    for action in (("rename", "Nope", "New"), ("archive", "Nope"), ("restore", "Nope")):
        run = kiosk("events", *action)
        assert run.code == 6 and "No event named 'Nope'" in run.err, action


def test_create_then_import_on_an_empty_database(kiosk):
    refused = kiosk("import", SAMPLE)
    assert refused.code == 6 and "No event" in refused.err
    assert kiosk("events", "create", "Forum", "--date", "2026-09-10", "--tz", "Europe/Stockholm").code == 0
    done = kiosk("import", SAMPLE)
    assert done.code == 0, done.err
    assert "added" in done.out and "'Forum'" in done.out
    assert kiosk("events", "list", "--json").json()[0]["attendees"] > 0
    assert kiosk("stats", "--json").json()["expected"] > 0


def test_import_create_event_in_one_step(kiosk, tmp_path):
    dry = kiosk("import", "--create-event", "Forum", "--date", "2026-09-10", "--dry-run", SAMPLE)
    assert dry.code == 0 and "dry run" in dry.out
    assert kiosk("events", "list", "--json").json() == []
    done = kiosk("import", "--create-event", "Forum", "--date", "2026-09-10", "--tz", "Europe/Stockholm", SAMPLE)
    assert done.code == 0, done.err
    [event] = kiosk("events", "list", "--json").json()
    assert event["name"] == "Forum" and event["attendees"] > 0 and event["starts_at"].startswith("2026-09-10T08:00")
    again = kiosk("import", "--create-event", "Forum", SAMPLE)
    assert again.code == 2 and "already exists" in again.err
    bad = tmp_path / "bad.csv"
    bad.write_text("First Name,Last Name,Email\nAnna,Berg,not-an-email\n", encoding="utf-8")
    refused = kiosk("import", "--create-event", "Broken", str(bad))
    assert refused.code == 2 and "not a valid email" in refused.err
    assert [e["name"] for e in kiosk("events", "list", "--json").json()] == ["Forum"]  # nothing partial
    wrong = kiosk("import", "--create-event", "Later", "--date", "tomorrow", SAMPLE)
    assert wrong.code == 2 and "not a date" in wrong.err
