"""kiosk lists, --list on the deciding commands, stats per list, the export's list column."""

import json
import csv
from datetime import datetime, timezone


def _codes(kiosk, **where):
    return [p["code"] for p in kiosk("attendees", "--json").json() if all(p[k] == v for k, v in where.items())]


def test_lists_create_edit_archive(kiosk):
    kiosk("demo", "--attendees", "30")
    assert [x["name"] for x in kiosk("lists", "--json").json()] == ["Entrance"]
    made = kiosk("lists", "create", "Workshop A", "--types", "Delegate", "Speaker", "--rule", "exit", "--capacity", "2",
                 "--from", "2026-05-12 09:00", "--until", "2026-05-12 12:00", "--json")
    assert made.code == 0, made.err
    data = made.json()
    assert (data["ticket_types"], data["rule"], data["capacity"]) == (["Delegate", "Speaker"], "exit", 2)
    assert datetime.fromisoformat(data["valid_from"]) == datetime(2026, 5, 12, 7, tzinfo=timezone.utc)  # event time
    dup = kiosk("lists", "create", "workshop a")
    assert dup.code == 2 and dup.err.strip().count("\n") == 0 and "already exists" in dup.err
    bad = kiosk("lists", "create", "X", "--from", "tomorrow")
    assert bad.code == 2 and "--from" in bad.err and "Traceback" not in bad.err
    assert kiosk("lists", "create", "X", "--rule", "twice").code == 2
    edited = kiosk("lists", "edit", "Workshop A", "--rename", "Workshop 1", "--capacity", "0", "--json").json()
    assert (edited["name"], edited["capacity"]) == ("Workshop 1", None)
    on = kiosk("lists", "edit", "Workshop 1", "--counts-inside", "--print-only", "--json").json()
    assert (on["counts_inside"], on["print_only"]) == (True, True)
    off = kiosk("lists", "edit", "Workshop 1", "--no-counts-inside", "--no-print-only", "--json").json()
    assert (off["counts_inside"], off["print_only"]) == (False, False)
    missing = kiosk("lists", "edit", "Nope", "--rule", "once")
    assert missing.code == 2 and "No check-in list named 'Nope'" in missing.err
    plain = kiosk("lists")
    assert plain.out.splitlines()[0].startswith("Entrance\texit") and "Workshop 1\texit" in plain.out
    assert kiosk("lists", "archive", "Workshop 1").code == 0
    assert [x["name"] for x in kiosk("lists", "--json").json()] == ["Entrance"]
    assert kiosk("lists", "archive", "Entrance").code == 2
    refused = kiosk("checkin", _codes(kiosk)[0], "--list", "Workshop 1")
    assert refused.code == 2 and "archived" in refused.err


def test_checkin_on_a_list_and_stats_per_list(kiosk, tmp_path):
    kiosk("demo", "--attendees", "40")
    people = kiosk("attendees", "--json").json()
    types = sorted({p["ticket_type"] for p in people})
    kiosk("lists", "create", "Room", "--types", types[0], "--capacity", "1", "--rule", "exit")
    inside, other = [p["code"] for p in people if p["ticket_type"] == types[0]][:2]
    wrong = next(p["code"] for p in people if p["ticket_type"] != types[0])

    first = kiosk("checkin", inside, "--list", "Room", "--station", "Desk 2", "--json")
    assert first.code == 0 and first.json()["list"] == "Room"
    again = kiosk("checkin", inside, "--list", "room", "--station", "Desk 2")
    assert again.code == 3 and "Already checked in on Room at " in again.out and ", Desk 2: " in again.out
    full = kiosk("checkin", other, "--list", "Room", "--json")
    assert full.code == 5 and (full.json()["result"], full.json()["reason"]) == ("capacity_full", "1")
    nope = kiosk("checkin", wrong, "--list", "Room")
    assert nope.code == 5 and nope.out.startswith("Not admitted on Room: ") and "(ticket type " in nope.out
    assert kiosk("checkout", inside, "--list", "Room").code == 0
    assert kiosk("checkin", other, "--list", "Room").code == 0
    assert kiosk("checkin", "NOPE", "--list", "Nope").code == 2

    room = kiosk("stats", "--list", "Room", "--json").json()
    expected = sum(p["ticket_type"] == types[0] for p in people)
    assert room == {"list": "Room", "rule": "exit", "expected": expected, "checked_in": 2, "inside": 1,
                    "not_arrived": expected - 2, "capacity": 1, "capacity_left": 0}
    whole = kiosk("stats", "--json").json()
    assert whole["checked_in"] == 0 and whole["by_list"]["Entrance"]["checked_in"] == 0
    assert whole["by_list"]["Room"] == room
    for figures in whole["by_list"].values():
        assert figures["checked_in"] <= figures["expected"] and figures["inside"] <= figures["checked_in"]
    text = kiosk("stats", "--list", "Room").out
    assert "Places left:" in text and "0 / 1" in text

    out = tmp_path / "log.csv"
    assert kiosk("export", "checkins", str(out)).code == 0
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][-1] == "List" and {r[-1] for r in rows[1:]} == {"Room"}


def test_badge_desk_list_is_never_an_entry(kiosk):
    kiosk("demo", "--attendees", "10")
    kiosk("lists", "create", "Badges", "--print-only")
    code = _codes(kiosk)[0]
    r = kiosk("checkin", code, "--list", "Badges", "--json")
    assert r.code == 0 and r.json()["result"] == "printed" and r.json()["entry"]["kind"] == "print"
    assert kiosk("stats", "--json").json()["checked_in"] == 0
    assert kiosk("checkin", code).code == 0


def test_run_refuses_an_unknown_list_before_any_window_opens(kiosk):
    assert kiosk("demo").code == 0
    out = kiosk("run", "--list", "Nowhere")
    assert out.code == 2 and len(out.err.strip().splitlines()) == 1 and "Nowhere" in out.err, out.err


def test_run_remembers_the_list_for_the_station(kiosk):
    assert kiosk("demo", "--attendees", "20").code == 0
    assert kiosk("lists", "create", "Workshop A").code == 0
    assert kiosk("run", "--list", "workshop a", "--self-test").code == 0
    shown = kiosk("config", "show", "--json").json()
    flat = json.dumps(shown)
    assert '"Workshop A"' in flat and "station/list" in flat
