"""Upgrading a database from before check-in lists keeps every check-in, on the default list."""

import os
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kiosk.core import migrate
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.checkin_lists import all_lists
from kiosk.core.events import Actor
from kiosk.core.store import open_store

T0 = datetime(2026, 5, 12, 8, 0)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    """A database with no schema at all, on each engine."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    server = request.getfixturevalue("pg_server_url")
    name = f"kiosk_mig_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _old_database(url: str) -> dict:
    """Two events at the schema before lists, with entries, exits and an annulment."""
    store = open_store(url, upgrade=False)
    migrate.upgrade(store, "0001")
    assert migrate.current_revision(store) == "0001"
    ids = {}
    with store.engine.begin() as conn:
        for e, name in enumerate(("Forum", "Other"), start=1):
            conn.execute(
                text(
                    "INSERT INTO event (id, name, venue, starts_at, ends_at, timezone, retention_days, archived,"
                    " attendee_rev, created_at) VALUES (:id, :n, '', :s, :s, 'Europe/Stockholm', 30, false, 0, :s)"
                ),
                {"id": e, "n": name, "s": T0},
            )
            for a in range(3):
                aid = e * 10 + a
                inside = a == 0
                conn.execute(
                    text(
                        "INSERT INTO attendee (id, event_id, first_name, last_name, full_name_source, email,"
                        " organisation, job_title, category, ticket_type, code, external_ref, source, notes, alerts,"
                        " badge_privacy, blocked, block_reason, walk_in, rev, checked_in_at, inside, created_at,"
                        " updated_at) VALUES (:id, :e, 'A', 'B', '', '', '', '', '', '', :code, '', '', '', '',"
                        " 'full', false, '', false, 0, :cin, :inside, :t, :t)"
                    ),
                    {"id": aid, "e": e, "code": f"CODE{aid}", "cin": T0 if a < 2 else None, "inside": inside, "t": T0},
                )
        rows = [(11, 10, "entry"), (11, 10, "exit"), (11, 10, "entry"), (12, 11, "entry"), (12, 11, "exit"),
                (13, 12, "entry"), (13, 12, "annul"), (21, 20, "entry")]
        for i, (minute, aid, kind) in enumerate(rows):
            cid = uuid.uuid4()
            ids[cid] = aid
            conn.execute(
                text(
                    "INSERT INTO checkin (id, event_id, attendee_id, kind, at, station, operator, method, reason)"
                    " VALUES (:id, :e, :a, :k, :at, 'Desk 1', 'Tove', 'scan', '')"
                ),
                {"id": cid if store.dialect == "postgresql" else cid.hex, "e": aid // 10, "a": aid, "k": kind,
                 "at": T0 + timedelta(minutes=minute + i)},
            )
    store.dispose()
    return ids


def test_upgrade_puts_every_checkin_on_the_default_list(empty_url):
    before = _old_database(empty_url)
    store = open_store(empty_url)  # upgrades itself
    try:
        assert migrate.current_revision(store) == migrate.head_revision()
        with store.engine.connect() as conn:
            lists = conn.execute(text("SELECT id, event_id, name, is_default, rule FROM checkin_list ORDER BY event_id")).all()
            rows = conn.execute(text("SELECT id, attendee_id, list_id FROM checkin")).all()
        assert [(e, n, bool(d), r) for _, e, n, d, r in lists] == [(1, "Entrance", True, "exit"), (2, "Entrance", True, "exit")]
        by_event = {e: i for i, e, *_ in lists}
        assert len(rows) == len(before)
        assert {uuid.UUID(str(r.id)) for r in rows} == set(before)
        assert all(r.list_id == by_event[r.attendee_id // 10] for r in rows)
        # nothing changes for the people at the door
        desk = CheckInService(store, 1, Actor("Desk 2", "Ola"))
        assert desk.scan("CODE10").kind is ResultKind.ALREADY_CHECKED_IN
        assert desk.scan("CODE11").kind is ResultKind.CHECKED_IN  # back in after an exit
        assert desk.scan("CODE12").kind is ResultKind.CHECKED_IN  # annulled before
        assert [lst.name for lst in all_lists(store, 1)] == ["Entrance"]
    finally:
        store.dispose()
