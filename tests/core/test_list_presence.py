"""Who is inside a list with a capacity, kept by the database (``list_presence``, migration
0005), on both engines: after any write to the log, by anyone, the kept figure is the one the
log gives."""

from __future__ import annotations

import random
import threading
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, delete, insert, select, text, update

from kiosk.core import attendees, migrate
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.checkin_lists import CHECKIN, LIST, PRESENCE, create_list, edit_list, occupancy, occupancy_from_log
from kiosk.core.events import Actor
from kiosk.core.models import utcnow
from kiosk.core.store import open_store

MOVES = ("entry", "exit", "annul")


def _row(event_id, attendee_id, list_id, kind, at):
    return {"id": uuid.uuid4(), "event_id": event_id, "attendee_id": attendee_id, "kind": kind, "at": at,
            "station": "Test", "operator": "t", "method": "scan", "reason": "", "list_id": list_id}


def _kept(conn, list_id) -> set[int]:
    return set(conn.execute(select(PRESENCE.c.attendee_id).where(PRESENCE.c.list_id == list_id)).scalars())


def _inside_by_log(conn, list_id) -> set[int]:
    """Each person's latest move on the list, worked out in Python from every row."""
    latest: dict[int, tuple] = {}
    for attendee_id, kind, at in conn.execute(
        select(CHECKIN.c.attendee_id, CHECKIN.c.kind, CHECKIN.c.at).where(CHECKIN.c.list_id == list_id)
    ):
        if kind not in MOVES:
            continue
        best = latest.get(attendee_id)
        if best is None or at > best[0]:
            latest[attendee_id] = (at, {kind})
        elif at == best[0]:
            best[1].add(kind)
    return {a for a, (_, kinds) in latest.items() if "entry" in kinds}


def test_the_kept_figure_follows_every_write_to_the_log(store, demo_event):
    """Random entries, exits, annulments and badge-desk rows, late rows, ties, deletions, rows
    moved to another person or list, a capacity switched off and on: after every step the
    people kept are those the log says are inside, and a list without a capacity keeps none."""
    room = create_list(store, demo_event, "Room", capacity=5).id
    hall = create_list(store, demo_event, "Hall").id
    people = [p.id for p in attendees.list_all(store, demo_event)][:12]
    rng = random.Random(11)
    start = utcnow()
    written: list[uuid.UUID] = []
    for step in range(240):
        with store.write() as session:
            conn = session.connection()
            action = rng.random()
            if action < 0.6 or not written:
                at = start + timedelta(seconds=rng.choice([rng.randint(0, 3600), 60]))  # ties at 60 s
                kind = rng.choice(MOVES + ("print",))
                row = _row(demo_event, rng.choice(people), rng.choice([room, room, hall]), kind, at)
                conn.execute(insert(CHECKIN).values(**row))
                written.append(row["id"])
            elif action < 0.75:
                conn.execute(delete(CHECKIN).where(CHECKIN.c.id == written.pop(rng.randrange(len(written)))))
            elif action < 0.9:
                changes = rng.choice([
                    {"attendee_id": rng.choice(people)}, {"list_id": rng.choice([room, hall])},
                    {"at": start + timedelta(seconds=rng.randint(0, 3600))}, {"kind": rng.choice(MOVES)},
                ])
                conn.execute(update(CHECKIN).where(CHECKIN.c.id == rng.choice(written)).values(**changes))
            else:
                capacity = conn.execute(select(LIST.c.capacity).where(LIST.c.id == room)).scalar()
                conn.execute(update(LIST).where(LIST.c.id == room).values(capacity=None if capacity else 5))
        with store.read() as session:
            conn = session.connection()
            has_capacity = conn.execute(select(LIST.c.capacity).where(LIST.c.id == room)).scalar() is not None
            expected = _inside_by_log(conn, room) if has_capacity else set()
            assert _kept(conn, room) == expected, f"step {step}"
            assert _kept(conn, hall) == set()
            if has_capacity:
                assert occupancy(conn, room) == occupancy_from_log(conn, room) == len(expected)


def test_capacity_scans_count_the_kept_people(store, demo_event):
    create_list(store, demo_event, "Workshop", capacity=3)
    a, b, c, d = [p for p in attendees.list_all(store, demo_event) if not p.blocked][:4]
    room = CheckInService(store, demo_event, Actor("Door", "Ola"), list_name="Workshop")
    assert [room.scan(p.code).kind for p in (a, b, c)] == [ResultKind.CHECKED_IN] * 3
    assert room.scan(d.code).kind is ResultKind.CAPACITY_FULL
    room.annul(b.id, "wrong room")
    assert room.scan(d.code).kind is ResultKind.CHECKED_IN
    edit_list(store, demo_event, "Workshop", capacity=None)
    edit_list(store, demo_event, "Workshop", capacity=3)  # switched on again: filled from the log
    assert room.scan(b.code).kind is ResultKind.CAPACITY_FULL
    with store.read() as session:
        conn = session.connection()
        list_id = conn.execute(select(LIST.c.id).where(LIST.c.name == "Workshop")).scalar()
        assert _kept(conn, list_id) == {a.id, c.id, d.id}


def test_an_upgrade_fills_the_people_inside_from_the_log(sqlite_url):
    store = open_store(sqlite_url)
    try:
        from kiosk.core.demo import create_demo

        event_id = create_demo(store, attendees=20, seed=3)
        create_list(store, event_id, "Workshop", capacity=10, rule="exit")
        people = [p for p in attendees.list_all(store, event_id) if not p.blocked][:4]
        room = CheckInService(store, event_id, Actor("Door", "Ola"), list_name="Workshop")
        for p in people:
            room.scan(p.code)
        room.check_out(people[0].id)
        from alembic import command

        cfg = migrate.alembic_config(store)
        with store.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004_sync")
            conn.commit()
            assert "list_presence" not in {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        migrate.upgrade(store)
        with store.read() as session:
            conn = session.connection()
            list_id = conn.execute(select(LIST.c.id).where(LIST.c.name == "Workshop")).scalar()
            assert _kept(conn, list_id) == {p.id for p in people[1:]}
        assert room.scan(people[0].code).kind is ResultKind.CHECKED_IN  # the triggers are back too
        with store.read() as session:
            assert occupancy(session.connection(), list_id) == 4
    finally:
        store.dispose()


@pytest.mark.postgres
def test_two_writers_of_one_persons_moves_count_one_after_the_other(pg_database):
    """An entry and a later exit of one person written at once by two transactions (a scan and
    an offline station's push): the second counts after the first commits, so the kept figure
    is the log's (outside), not what each saw alone."""
    from tests.conftest import _truncate_pg
    from kiosk.core.demo import create_demo

    _truncate_pg(pg_database)
    store = open_store(pg_database)
    engine = create_engine(pg_database)
    try:
        event_id = create_demo(store, attendees=5, seed=2)
        list_id = create_list(store, event_id, "Workshop", capacity=10).id
        person = attendees.list_all(store, event_id)[0].id
        now = utcnow()
        first, second = engine.connect(), engine.connect()
        first.begin()
        first.execute(insert(CHECKIN).values(**_row(event_id, person, list_id, "entry", now)))
        second.begin()
        done = threading.Event()

        def push_exit():
            second.execute(insert(CHECKIN).values(**_row(event_id, person, list_id, "exit", now + timedelta(seconds=5))))
            second.commit()
            done.set()

        pusher = threading.Thread(target=push_exit)
        pusher.start()
        assert not done.wait(0.5)  # waits for the first writer's count
        first.commit()
        pusher.join(10)
        assert done.is_set()
        with engine.connect() as conn:
            assert _kept(conn, list_id) == _inside_by_log(conn, list_id) == set()
            assert conn.execute(text("SELECT count(*) FROM checkin")).scalar() == 2
        first.close()
        second.close()
    finally:
        engine.dispose()
        store.dispose()
