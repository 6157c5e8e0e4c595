import json
import stat
from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from kiosk.core.events import create_event
from kiosk.core.models import Event
from kiosk.core.store import open_store

DEMO = "Forum: Protecting Children Online"


def test_purge_asks_for_the_event_name(kiosk, db_url):
    kiosk("demo", "--attendees", "30")
    people = kiosk("attendees", "--json").json()

    for given in ("", "Forum", DEMO.upper()):
        run = kiosk("purge", input=given)
        assert run.code == 2
        assert run.err.strip() == "kiosk: purge aborted: confirmation did not match (or use --yes)"
    assert kiosk("attendees", "--json").json() == people  # nothing changed

    before = kiosk("stats", "--json").json()
    run = kiosk("purge", "--event", DEMO, input=DEMO + "\n")
    assert run.code == 0 and "30 attendees anonymised" in run.out
    after = kiosk("attendees", "--json").json()
    assert {p["last_name"] for p in after} == {"Anonymised"} and {p["email"] for p in after} == {""}
    assert kiosk("stats", "--json").json() == before
    assert kiosk("checkin", people[0]["code"]).code == 4

    audit = kiosk("audit", "--json", "--action", "purge").json()
    assert len(audit) == 1 and audit[0]["details"] == {"attendees": 30, "expired": False} and audit[0]["station"] == "cli"


def test_purge_yes_json(kiosk):
    kiosk("demo", "--attendees", "5")
    run = kiosk("purge", "--yes", "--json", "--operator", "Ann")
    assert run.code == 0
    data = run.json()
    assert data["attendees"] == 5 and data["event"] == DEMO
    assert kiosk("audit", "--json").json()[-1]["operator"] == "Ann"


def test_expired_events_warn_on_stderr_and_purge_expired(kiosk, db_url):
    kiosk("demo", "--attendees", "5")
    store = open_store(db_url)
    ends = datetime.now(timezone.utc) - timedelta(days=40)
    old = create_event(store, "Old seminar", ends - timedelta(hours=3), ends)
    with store.write() as s:
        s.execute(update(Event).where(Event.id == old.id).values(attendee_rev=1))
    store.dispose()

    stats = kiosk("--event", DEMO, "stats", "--json")
    assert stats.code == 0 and json.loads(stats.out)["expected"] == 5  # stdout stays clean JSON
    assert stats.err == "kiosk: warning: event 'Old seminar' is past its retention period; run 'kiosk purge --expired'\n"

    run = kiosk("purge", "--expired", "--yes")
    assert run.code == 0 and "Purged 'Old seminar'" in run.out and "retention" not in run.err
    assert kiosk("stats").err == ""
    assert kiosk("purge", "--expired").out.strip() == "No event is past its retention period."
    assert kiosk("audit", "--json", "--action", "purge").json()[0]["details"]["expired"] is True


def test_person_export_and_erase(kiosk, tmp_path):
    kiosk("demo", "--attendees", "10")
    person = kiosk("attendees", "--json").json()[2]
    kiosk("checkin", person["code"], "--station", "Desk 2")
    out = tmp_path / "request.json"

    run = kiosk("person", person["email"], "--export", str(out))
    assert run.code == 0 and str(out) in run.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    record = json.loads(out.read_text(encoding="utf-8"))["records"][0]
    assert record["attendee"]["last_name"] == person["last_name"] and record["checkins"][0]["station"] == "Desk 2"

    assert kiosk("person", person["code"], "--erase", input="no\n").code == 2
    run = kiosk("person", person["code"], "--erase", input="erase\n")
    assert run.code == 0 and "Erased attendee" in run.out
    assert person["last_name"] not in run.out + run.err
    missing = kiosk("person", person["code"], "--export", str(tmp_path / "again.json"))
    assert missing.code == 4 and missing.err.strip() == "kiosk: No attendee with that code or email"
    assert not (tmp_path / "again.json").exists()
    actions = [e["action"] for e in kiosk("audit", "--json").json()]
    assert actions == ["person_export", "erase"]
    assert kiosk("stats", "--json").json()["checked_in"] == 1


def test_audit_text_since_and_bad_time(kiosk):
    kiosk("demo", "--attendees", "3")
    kiosk("admin", "set-pin", "2468")
    run = kiosk("audit", "--since", "1h")
    assert run.code == 0 and "\tpin_set\t" in run.out and "2468" not in run.out
    assert kiosk("audit", "--since", "2999-01-01").out == ""
    bad = kiosk("audit", "--since", "yesterday-ish")
    assert bad.code == 2 and bad.err.startswith("kiosk: Cannot read the time 'yesterday-ish'")


def test_set_pin_from_stdin_and_bad_pin(kiosk, db_url):
    kiosk("demo", "--attendees", "3")
    assert kiosk("admin", "set-pin", input="135790\n").code == 0
    bad = kiosk("admin", "set-pin", "12")
    assert bad.code == 2 and bad.err.strip() == "kiosk: A PIN has 4 to 12 digits"
    assert kiosk("admin", "set-pin", input="").code == 2

    from kiosk.core import pin

    store = open_store(db_url)
    try:
        event_id = kiosk("audit", "--json").json()[0]["event_id"]
        assert pin.verify_pin(store, event_id, "135790")
    finally:
        store.dispose()
