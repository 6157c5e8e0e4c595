import pytest


def test_demo_then_stats(kiosk):
    assert kiosk("demo").code == 0
    stats = kiosk("stats", "--json").json()
    assert stats["expected"] == 170 and stats["checked_in"] == 0 and stats["not_arrived"] == 170
    assert set(stats) >= {"expected", "checked_in", "inside", "not_arrived", "by_category", "by_ticket_type", "by_station"}
    again = kiosk("demo")
    assert again.code == 0 and "left untouched" in again.out


def test_checkin_exit_codes_and_json(kiosk):
    kiosk("demo", "--attendees", "20")
    people = kiosk("attendees", "--json").json()
    assert len(people) == 20
    assert set(people[0]) == {"code", "first_name", "last_name", "email", "organisation", "category", "ticket_type", "checked_in_at"}
    code = people[0]["code"]

    first = kiosk("checkin", code, "--station", "Desk 3", "--operator", "Kim", "--json")
    assert first.code == 0
    data = first.json()
    assert data["result"] == "checked_in" and data["attendee"]["code"] == code and data["first_checkin"] is None

    second = kiosk("checkin", code, "--json")
    assert second.code == 3
    data = second.json()
    assert data["result"] == "already_checked_in"
    assert data["first_checkin"]["station"] == "Desk 3" and data["first_checkin"]["operator"] == "Kim"

    unknown = kiosk("checkin", "NOPE", "--json")
    assert unknown.code == 4 and unknown.json() == {
        "result": "unknown_code", "code": "NOPE", "attendee": None, "first_checkin": None, "entry": None, "reentry": False
    }
    plain = kiosk("checkin", code)
    assert plain.code == 3 and "Already checked in" in plain.out and "Desk 3" in plain.out

    assert kiosk("checkout", code).code == 0
    assert kiosk("checkin", code).code == 0  # re-entry
    assert kiosk("undo", code, "--reason", "wrong badge").code == 0
    stats = kiosk("stats", "--json").json()
    assert stats["checked_in"] == 0 and stats["inside"] == 0 and stats["by_station"]["Desk 3"] == 1


def test_search_cli(kiosk):
    kiosk("demo")
    people = kiosk("attendees", "--json").json()
    target = people[0]
    found = kiosk("search", target["last_name"][:3], "--json", "--limit", "200").json()
    assert target["code"] in [p["code"] for p in found]
    assert kiosk("search", "zzzzqqq").out.strip() == "No match."


@pytest.mark.parametrize(
    "args, needle",
    [
        (("frobnicate",), "invalid choice"),
        (("checkin",), "the following arguments are required: code"),
        (("search", "x", "--limit", "0"), "--limit must be at least 1"),
        (("undo", "X"), "--reason"),
        (("demo", "--attendees", "-5"), "--attendees"),
    ],
)
def test_usage_errors_are_one_line_exit_2(kiosk, args, needle):
    kiosk("demo", "--attendees", "1")
    run = kiosk(*args)
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in run.err


def test_unreachable_database_one_line_without_password(kiosk):
    run = kiosk("stats", db="postgresql+psycopg://kiosk:hunter2@127.0.0.1:9/x")
    assert run.code == 7
    assert len(run.err.strip().splitlines()) == 1
    assert "hunter2" not in run.err and "Cannot reach database" in run.err


def test_no_event_yet(kiosk):
    run = kiosk("stats")
    assert run.code == 6 and "kiosk demo" in run.err
