"""The replica: first fill, incremental pull, and no change missed when hub transactions commit
in another order than they wrote their changes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from kiosk.core import replica as rep
from kiosk.core.attendees import update_attendee
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, CheckIn

pytestmark = pytest.mark.postgres


def _count(store, model, **where) -> int:
    with store.read() as s:
        q = select(func.count()).select_from(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return s.execute(q).scalar()


def _codes(store, event_id):
    with store.read() as s:
        return s.execute(select(Attendee.code).where(Attendee.event_id == event_id).order_by(Attendee.id)).scalars().all()


def test_first_fill_copies_the_event_and_pull_brings_changes(hub, event_id, make_replica):
    local = make_replica()
    counts = rep.first_fill(local, hub, event_id)
    assert counts["attendee"] == 40 == _count(local, Attendee)
    assert counts["checkin_list"] == 1
    assert rep.pull(local, hub) == 0  # nothing changed

    code = _codes(hub, event_id)[3]
    assert CheckInService(hub, event_id, Actor("Desk 2", "Ann")).scan(code).kind is ResultKind.CHECKED_IN
    with hub.read() as s:
        person = s.execute(select(Attendee).where(Attendee.code == code)).scalar_one()
    update_attendee(hub, person.id, {"organisation": "Acme"}, Actor("Desk 2", "Ann"))
    assert rep.pull(local, hub) >= 2
    with local.read() as s:
        mirrored = s.get(Attendee, person.id)
        assert mirrored.organisation == "Acme" and mirrored.inside and mirrored.checked_in_at is not None
        assert s.execute(select(CheckIn).where(CheckIn.attendee_id == person.id)).scalar_one().station == "Desk 2"
    assert rep.waiting(local) == 0  # rows from the hub never go to the outbox


def test_a_change_that_commits_after_a_later_one_is_not_missed(hub, event_id, make_replica):
    """Transaction A writes first (lower change number) but commits after B; a pull in between
    sees only B and moves the watermark past A's number. The next pull must still bring A."""
    local = make_replica()
    rep.first_fill(local, hub, event_id)
    ids = [a for a in _ids(hub, event_id)]
    slow = hub.engine.connect()
    slow.begin()
    slow.execute(text("UPDATE attendee SET organisation = 'Slow Ltd' WHERE id = :id"), {"id": ids[0]})
    with hub.engine.begin() as fast:
        fast.execute(text("UPDATE attendee SET organisation = 'Fast AB' WHERE id = :id"), {"id": ids[1]})
    rep.pull(local, hub)
    with hub.engine.connect() as c:  # the late transaction's change number is below the watermark
        seqs = dict(c.execute(text("SELECT ref::int, max(seq) FROM sync_change WHERE tbl='attendee' GROUP BY ref")).all())
    assert seqs[ids[0]] < seqs[ids[1]] <= int(rep.read_state(local)["watermark"])
    slow.commit()
    slow.close()
    rep.pull(local, hub)
    with local.read() as s:
        assert s.get(Attendee, ids[1]).organisation == "Fast AB"
        assert s.get(Attendee, ids[0]).organisation == "Slow Ltd"


def _ids(store, event_id):
    with store.read() as s:
        return s.execute(select(Attendee.id).where(Attendee.event_id == event_id).order_by(Attendee.id)).scalars().all()


def test_a_replica_keeps_who_is_inside_a_room_with_a_capacity(hub, event_id, make_replica):
    """The people inside a room with a capacity come with the hub's log (first fill and pull,
    the capacity switched on at the hub), so a station deciding offline refuses a full room."""
    from kiosk.core.checkin_lists import create_list, edit_list, occupancy

    create_list(hub, event_id, "Workshop", rule="exit")
    codes = _codes(hub, event_id)
    door = CheckInService(hub, event_id, Actor("Door", "Ann"), list_name="Workshop")
    assert door.scan(codes[0]).kind is ResultKind.CHECKED_IN  # before the room had a capacity
    local = make_replica()
    rep.first_fill(local, hub, event_id)
    edit_list(hub, event_id, "Workshop", capacity=2)
    assert door.scan(codes[1]).kind is ResultKind.CHECKED_IN
    assert rep.pull(local, hub) >= 2
    offline = CheckInService(local, event_id, Actor("Door", "Ann"), list_name="Workshop")
    assert offline.scan(codes[2]).kind is ResultKind.CAPACITY_FULL
    with local.read() as s:
        list_id = s.execute(text("SELECT id FROM checkin_list WHERE name = 'Workshop'")).scalar()
        assert occupancy(s.connection(), list_id) == 2
