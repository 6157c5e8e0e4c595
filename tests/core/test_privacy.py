import json
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from kiosk.core import attendees, audit, person_data, printqueue, privacy
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.demo import create_demo
from kiosk.core.events import Actor, create_event
from kiosk.core.models import Attendee, AuditEntry, CheckIn, Event, EventSetting, PrintJob, UTC
from kiosk.core.search import SearchIndex, find
from kiosk.core.stats import event_stats
from kiosk.core.store import open_store


def people(store, event_id):
    return attendees.list_all(store, event_id)


def busy_day(store, event_id):
    """Check-ins at two desks, an exit, an annulment naming someone, edits, a walk-in, badges
    printed, a print error quoting a name and a job still queued. Returns the people touched."""
    everyone = people(store, event_id)
    desk1 = CheckInService(store, event_id, Actor("Desk 1", "Tove"))
    desk2 = CheckInService(store, event_id, Actor("Desk 2", "Omar"))
    for i, person in enumerate(everyone[:60]):
        (desk1 if i % 3 else desk2).scan(person.code)
    desk1.check_out(everyone[0].id)
    annulled = everyone[5]
    desk1.annul(annulled.id, f"Mixed up with {annulled.first_name} {annulled.last_name}")
    edited = everyone[70]
    attendees.update_attendee(store, edited.id, {"last_name": "Zetterqvist-Renamed", "notes": "Allergic to nuts"}, Actor("Desk 1", "Tove"))
    attendees.update_attendee(store, everyone[71].id, {"category": "NGO"}, Actor("Desk 1", "Tove"))
    walk_in = attendees.register_walk_in(
        store, event_id, {"first_name": "Wilhelmina", "last_name": "Walkinsson", "email": "wilhelmina@walkin.example", "category": "Public"},
        Actor("Desk 2", "Omar"),
    )
    desk2.check_in(walk_in.id)
    for person in everyone[1:11]:
        job = printqueue.enqueue(store, event_id, person.id, "Desk 1", template="a6")
        printqueue.claim_next(store, "Desk 1")
        printqueue.mark_printed(store, job, "Brother QL")
    failing = everyone[12]
    job = printqueue.enqueue(store, event_id, failing.id, "Desk 1", template="a6")
    printqueue.claim_next(store, "Desk 1")
    printqueue.mark_failed(store, job, f"cannot render name {failing.first_name} {failing.last_name}: font missing")
    printqueue.enqueue(store, event_id, everyone[13].id, "Desk 1", template="a6")
    return {"annulled": annulled, "edited": edited, "walk_in": walk_in, "failing": failing}


def personal_strings(store, event_id):
    """Every name, email, organisation, job title, note and code held about the event's people."""
    values = set()
    for p in people(store, event_id):
        values.update((p.first_name, p.last_name, p.email, p.organisation, p.job_title, p.notes, p.code))
    values.update({"Zetterqvist-Renamed", "Allergic to nuts"})
    return sorted(v for v in values if v and len(v) >= 3)


def arrivals(store, event_id):
    with store.read() as s:
        log = s.execute(
            select(CheckIn.kind, CheckIn.at, CheckIn.station, CheckIn.operator, CheckIn.method).where(CheckIn.event_id == event_id).order_by(CheckIn.at)
        ).all()
        cache = s.execute(
            select(Attendee.id, Attendee.category, Attendee.ticket_type, Attendee.checked_in_at, Attendee.inside, Attendee.walk_in)
            .where(Attendee.event_id == event_id)
            .order_by(Attendee.id)
        ).all()
    return [tuple(r) for r in log], [tuple(r) for r in cache]


def raw_bytes(db_path: Path) -> dict[str, bytes]:
    files = {}
    for suffix in ("", "-wal", "-journal"):
        f = Path(str(db_path) + suffix)
        if f.exists():
            files[f.name] = f.read_bytes()
    return files


def test_purge_leaves_no_readable_name_in_sqlite_files_and_keeps_the_figures(sqlite_url, tmp_path):
    db_path = tmp_path / "kiosk.db"
    store = open_store(sqlite_url)
    try:
        event_id = create_demo(store, attendees=170, seed=11)
        touched = busy_day(store, event_id)
        secrets = personal_strings(store, event_id)
        before_stats, before_log = event_stats(store, event_id), arrivals(store, event_id)
        old_code = touched["edited"].code
        index = SearchIndex(store, event_id)
        assert find(index, "Walkinsson")

        # the check can fail: before the purge, every one of these is in the files
        blob = b"".join(raw_bytes(db_path).values())
        missing = [s for s in secrets if s.encode() not in blob]
        assert not missing

        result = privacy.purge_event(store, event_id, Actor("Office", "Ann"))
        assert result.attendees == 171 and result.files_clean
        assert result.checkins_cleaned == 1 and result.print_jobs_cleaned == 1

        for name, data in raw_bytes(db_path).items():
            found = [s for s in secrets if s.encode("utf-8") in data]
            assert not found, f"{name} still holds {found[:5]}"
        wal = Path(str(db_path) + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        for f in (db_path, wal, Path(str(db_path) + "-shm")):
            if f.exists():
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name

        assert event_stats(store, event_id) == before_stats
        assert arrivals(store, event_id) == before_log
        assert CheckInService(store, event_id).scan(old_code).kind is ResultKind.UNKNOWN_CODE
        index.refresh(force=True)
        assert find(index, "Walkinsson") == [] and len(index) == 171
        with store.read() as s:
            jobs = s.execute(select(PrintJob.state, PrintJob.error).where(PrintJob.event_id == event_id)).all()
            purged_rev = s.get(EventSetting, (event_id, privacy.PURGED_REV_KEY)).value
            rev = s.get(Event, event_id).attendee_rev
        assert ("printed", "") in jobs and ("cancelled", audit.ANONYMISED) in jobs
        assert not any(state in ("queued", "printing") for state, _ in jobs)
        assert int(purged_rev) == rev
    finally:
        store.dispose()


def test_purge_anonymises_rows_and_audit_on_each_engine(store, demo_event):
    touched = busy_day(store, demo_event)
    secrets = personal_strings(store, demo_event)
    before_stats, before_log = event_stats(store, demo_event), arrivals(store, demo_event)

    result = privacy.purge_event(store, demo_event, Actor("Office", "Ann"))
    assert result.attendees == 171
    assert result.files_clean == (store.dialect == "sqlite")

    with store.read() as s:
        rows = s.scalars(select(Attendee).where(Attendee.event_id == demo_event)).all()
        texts = [" ".join(str(getattr(r, c.name)) for c in Attendee.__table__.columns) for r in rows]
        texts += [r for r in s.scalars(select(CheckIn.reason))]
        texts += [e for e in s.scalars(select(PrintJob.error))]
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.at)).all()
    texts += [e.details for e in entries]
    leaks = [x for x in secrets if any(x in t for t in texts)]
    assert not leaks
    assert all(r.last_name == privacy.ANON_NAME and r.email == "" and r.organisation == "" for r in rows)
    assert all(privacy.is_anonymised_code(r.code) for r in rows)
    assert len({r.code for r in rows}) == len(rows)
    assert {r.category for r in rows} >= {"Business", "Law enforcement", "NGO"}

    assert event_stats(store, demo_event) == before_stats
    assert arrivals(store, demo_event) == before_log

    by_action = {}
    for e in entries:
        by_action.setdefault(e.action, []).append(audit.decode(e.details))
    name_edit = next(d for d in by_action["edit"] if d["field"] == "last_name")
    assert name_edit["old"] == name_edit["new"] == audit.ANONYMISED
    category_edit = next(d for d in by_action["edit"] if d["field"] == "category")
    assert category_edit["new"] == "NGO"  # not personal: kept
    assert by_action["annul"][0]["reason"] == audit.ANONYMISED
    assert by_action["walk_in"][0]["code"] == audit.ANONYMISED
    assert by_action["purge"] == [{"attendees": 171, "expired": False}]
    assert CheckInService(store, demo_event).scan(touched["annulled"].code).kind is ResultKind.UNKNOWN_CODE


def test_purge_leaves_other_events_alone(store, demo_event):
    other = create_demo(store, attendees=20, seed=3, name="Other forum")
    keep = people(store, other)
    privacy.purge_event(store, demo_event)
    assert people(store, other) == keep


def test_export_then_erase_one_person(store, demo_event, tmp_path):
    everyone = people(store, demo_event)
    person, neighbour = everyone[3], everyone[4]
    desk = CheckInService(store, demo_event, Actor("Desk 1", "Tove"))
    desk.scan(person.code)
    desk.scan(neighbour.code)
    job = printqueue.enqueue(store, demo_event, person.id, "Desk 1", template="a6")
    printqueue.claim_next(store, "Desk 1")
    printqueue.mark_printed(store, job, "Brother QL")
    attendees.update_attendee(store, person.id, {"job_title": "Chief Inspector"}, Actor("Desk 1", "Tove"))
    attendees.update_attendee(store, neighbour.id, {"job_title": "Deputy Head"}, Actor("Desk 1", "Tove"))
    before_stats = event_stats(store, demo_event)

    found = person_data.find_people(store, person.email.upper())
    assert [p.attendee_id for p in found] == [person.id]
    out = tmp_path / "exports" / "person.json"
    out.parent.mkdir()
    person_data.export_people(store, found, out, Actor("Office", "Ann"))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not list(out.parent.glob(".*tmp"))
    data = json.loads(out.read_text(encoding="utf-8"))
    record = data["records"][0]
    assert record["attendee"]["email"] == person.email and record["attendee"]["first_name"] == person.first_name
    assert record["attendee"]["job_title"] == "Chief Inspector"
    assert [c["kind"] for c in record["checkins"]] == ["entry"] and record["checkins"][0]["station"] == "Desk 1"
    assert [j["state"] for j in record["print_jobs"]] == ["printed"] and record["badge"]["count"] == 1
    assert [(a["action"], a["details"]["field"]) for a in record["audit"]] == [("edit", "job_title")]
    assert record["event"]["name"] == "Forum: Protecting Children Online"

    result = privacy.erase_attendee(store, person.id, Actor("Office", "Ann"))
    assert result.attendees == 1
    assert person_data.find_people(store, person.code) == []
    assert person_data.find_people(store, person.email) == []
    after = person_data.person_record(store, person.id)
    dump = json.dumps(after, ensure_ascii=False)
    for secret in (f'"{person.first_name}"', f'"{person.last_name}"', person.email, person.code, "Chief Inspector"):
        assert secret not in dump
    assert str(out) in dump  # where the copy went stays on record: it names no one
    assert after["attendee"]["checked_in_at"] is not None and after["attendee"]["category"] == person.category
    assert [a["action"] for a in after["audit"]] == ["edit", "person_export", "erase"]
    assert event_stats(store, demo_event) == before_stats
    # the neighbour keeps everything, audit included
    assert attendees.get(store, neighbour.id) == people(store, demo_event)[[p.id for p in people(store, demo_event)].index(neighbour.id)]
    kept = audit.list_entries(store, attendee_id=neighbour.id)
    assert kept[0].details == {"field": "job_title", "old": neighbour.job_title, "new": "Deputy Head"}
    assert person_data.find_people(store, neighbour.code)[0].attendee_id == neighbour.id


def test_one_email_on_several_tickets_exports_them_all(store, demo_event, tmp_path):
    a, b = people(store, demo_event)[:2]
    attendees.update_attendee(store, b.id, {"email": a.email}, Actor())
    found = person_data.find_people(store, a.email)
    assert {p.attendee_id for p in found} == {a.id, b.id}
    with pytest.raises(person_data.KioskError, match="matches 2 attendees"):
        person_data.find_one(store, a.email)
    out = person_data.export_people(store, found, tmp_path / "both.json")
    assert len(json.loads(out.read_text(encoding="utf-8"))["records"]) == 2
    assert len(audit.list_entries(store, actions=["person_export"])) == 2
    with pytest.raises(person_data.PersonNotFound):
        person_data.find_one(store, "nobody@nowhere.example")


def _past_event(store, name, days_ago, retention=30):
    ends = datetime.now(UTC) - timedelta(days=days_ago)
    event = create_event(store, name, ends - timedelta(hours=8), ends)
    with store.write() as s:
        s.execute(update(Event).where(Event.id == event.id).values(retention_days=retention))
    return event.id


def test_retention_lists_expired_events_until_purged(store, demo_event):
    old = _past_event(store, "Spring seminar", days_ago=45)
    recent = _past_event(store, "Autumn seminar", days_ago=10)
    long_kept = _past_event(store, "Board meeting", days_ago=45, retention=90)
    _past_event(store, "Empty old event", days_ago=400)  # never had attendees: nothing to purge
    for event_id in (old, recent, long_kept):
        attendees.register_walk_in(store, event_id, {"first_name": "Greta", "last_name": "Garbosson"}, Actor())

    assert [e.id for e in privacy.expired_events(store)] == [old]
    assert privacy.retention_warning(store) == "warning: event 'Spring seminar' is past its retention period; run 'kiosk purge --expired'"
    later = datetime.now(UTC) + timedelta(days=25)
    assert [e.id for e in privacy.expired_events(store, now=later)] == [old, recent]
    assert "2 events are past their retention period" in privacy.retention_warning(store, now=later)

    results = privacy.purge_expired(store, Actor("cli"))
    assert [r.event_id for r in results] == [old]
    assert privacy.expired_events(store) == [] and privacy.retention_warning(store) is None
    assert people(store, old)[0].last_name == privacy.ANON_NAME
    assert people(store, recent)[0].last_name == "Garbosson"
    assert audit.list_entries(store, actions=["purge"])[0].details == {"attendees": 1, "expired": True}

    # someone added after the purge makes the event due again
    attendees.register_walk_in(store, old, {"first_name": "Late", "last_name": "Comer"}, Actor())
    assert [e.id for e in privacy.expired_events(store)] == [old]


def test_erase_and_purge_counts_stay_consistent_with_search(store, demo_event):
    index = SearchIndex(store, demo_event)
    target = people(store, demo_event)[0]
    assert any(m.attendee.id == target.id for m in find(index, target.email))
    privacy.erase_attendee(store, target.id)
    index.refresh(force=True)
    assert not any(m.attendee.id == target.id for m in find(index, target.email))
    with store.read() as s:
        assert s.execute(select(func.count()).select_from(Attendee).where(Attendee.event_id == demo_event)).scalar() == 170
