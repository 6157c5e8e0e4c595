"""The demo event: generated in batches, straight through the driver, and still ordinary rows."""

from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from kiosk.core import attendees, demo
from kiosk.core.models import Attendee, BadgePrivacy
from kiosk.core.search import SearchIndex, find


def test_demo_rows_come_in_batches_and_read_back_like_any_attendee(store, monkeypatch):
    monkeypatch.setattr(demo, "BATCH", 40)
    inserts = []
    listen = lambda conn, cursor, statement, params, context, many: inserts.append(len(params)) if (  # noqa: E731
        many and statement.lstrip().upper().startswith("INSERT INTO ATTENDEE")) else None
    sa_event.listen(store.engine, "before_cursor_execute", listen)
    try:
        event_id = demo.create_demo(store, attendees=130, seed=5)
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", listen)
    assert inserts == [40, 40, 40, 10]  # executemany per batch: never all rows at once
    people = attendees.list_all(store, event_id)
    assert len(people) == 130 and len({p.code for p in people}) == 130
    assert all(not p.blocked and not p.walk_in and p.checked_in_at is None for p in people)
    assert {"speaker", "vip"} <= {a for p in people for a in p.alerts}
    police = [p for p in people if p.category == "Law enforcement"]
    assert BadgePrivacy.FIRST_NAME_ONLY in {p.badge_privacy for p in police}
    with store.engine.connect() as conn:
        created = conn.execute(select(func.min(Attendee.created_at)).where(Attendee.event_id == event_id)).scalar()
    assert created is not None and created.year >= 2024
    # the same seed gives the same people
    again = demo.create_demo(store, attendees=130, seed=5, reset=True)
    assert [(p.first_name, p.last_name, p.code, p.alerts) for p in attendees.list_all(store, again)] == [
        (p.first_name, p.last_name, p.code, p.alerts) for p in people
    ]
    person = people[7]
    assert find(SearchIndex(store, again), f"{person.first_name} {person.last_name}")
