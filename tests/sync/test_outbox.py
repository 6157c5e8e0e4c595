"""The outbox: an offline decision writes its log row and its outbox row in one SQLite
transaction, a push lands each row on the hub once, a push killed at any point loses nothing and
duplicates nothing, and two stations that let the same person in while apart are flagged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from kiosk.core import outbox, replica as rep, sync
from kiosk.core.checkin import CheckInService, ResultKind
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, CheckIn
from kiosk.core.sync_tables import OUTBOX, SYNC_CONFLICT

pytestmark = pytest.mark.postgres


def _codes(store, event_id):
    with store.read() as s:
        return s.execute(select(Attendee.code).where(Attendee.event_id == event_id).order_by(Attendee.id)).scalars().all()


def _log(store):
    with store.read() as s:
        return s.execute(select(CheckIn.id, CheckIn.station, CheckIn.kind).order_by(CheckIn.at)).all()


def _outbox(store):
    with store.engine.connect() as c:
        return c.execute(select(func.count()).select_from(OUTBOX)).scalar()


def test_an_offline_check_in_writes_row_and_outbox_together_and_reaches_the_hub_once(hub, event_id, make_replica):
    local = make_replica()
    rep.first_fill(local, hub, event_id)
    code = _codes(hub, event_id)[0]
    station = CheckInService(local, event_id, Actor("Door 3", "Bo"))
    result = station.scan(code)
    assert result.kind is ResultKind.CHECKED_IN
    assert station.scan(code).kind is ResultKind.ALREADY_CHECKED_IN  # the rule ran on the replica
    assert _outbox(local) == 1 and _log(hub) == []
    assert outbox.push(local, hub) == 1
    assert _outbox(local) == 0
    (row,) = _log(hub)
    assert row.id == result.entry.id and row.station == "Door 3"
    with hub.read() as s:  # the hub's status cache follows the pushed row
        person = s.execute(select(Attendee).where(Attendee.code == code)).scalar_one()
        assert person.inside and person.checked_in_at == result.entry.at
    # A retry of the same rows (as after a crash before the outbox was emptied) adds nothing.
    with local.engine.begin() as c:
        c.execute(OUTBOX.insert().values(kind="checkin", ref=result.entry.id.hex, payload="", tries=0, last_error=""))
    outbox.push(local, hub)
    assert len(_log(hub)) == 1


def test_exits_and_undos_made_offline_reach_the_hub_in_order(hub, event_id, make_replica):
    local = make_replica()
    rep.first_fill(local, hub, event_id)
    code = _codes(hub, event_id)[1]
    station = CheckInService(local, event_id, Actor("Door 3", "Bo"))
    person_id = station.scan(code).attendee.id
    station.check_out(person_id)
    station.check_in(person_id)
    station.annul(person_id, "wrong person")
    sync.sync_once(local, hub)
    assert [r.kind for r in _log(hub)] == ["entry", "exit", "entry", "annul"]
    with hub.read() as s:
        person = s.get(Attendee, person_id)
        assert person.checked_in_at is None and not person.inside


def test_two_stations_apart_both_keep_their_rows_and_the_later_is_flagged(hub, event_id, make_replica):
    a, b = make_replica("a"), make_replica("b")
    for local in (a, b):
        rep.first_fill(local, hub, event_id)
    code = _codes(hub, event_id)[2]
    first = CheckInService(a, event_id, Actor("North", "Ann")).scan(code)
    time.sleep(0.01)
    second = CheckInService(b, event_id, Actor("South", "Bea")).scan(code)
    assert first.kind is second.kind is ResultKind.CHECKED_IN
    sync.sync_once(b, hub)  # the later entry reaches the hub first
    sync.sync_once(a, hub)
    assert {r.id for r in _log(hub)} == {first.entry.id, second.entry.id}
    with hub.engine.connect() as c:
        (flag,) = c.execute(select(SYNC_CONFLICT)).all()
    assert flag.kind == "double_entry" and flag.checkin_id == second.entry.id.hex and flag.station == "South"
    for local in (a, b):
        sync.sync_once(local, hub)
        (shown,) = sync.conflicts(local)
        assert shown.code == code and shown.station == "South" and shown.details["other_station"] == "North"
        assert sync.double_entries(local, second.attendee.id) == {second.entry.id}  # what the desk panel marks


PUSHER = r"""
import sys, time
from pathlib import Path
from kiosk.core import outbox
from kiosk.core.store import Store, open_store
marker, when = Path(sys.argv[3]), sys.argv[4]
local, hub = open_store(sys.argv[1]), open_store(sys.argv[2])
def hang():
    marker.write_text("x")
    time.sleep(60)
outbox.push(local, hub, **{when: hang})
"""


@pytest.mark.parametrize("when", ["before_commit", "after_commit"])
def test_kill_9_during_a_push_then_a_retry_gives_no_duplicate_and_no_loss(hub, hub_url, event_id, make_replica, tmp_path, when):
    local = make_replica()
    rep.first_fill(local, hub, event_id)
    station = CheckInService(local, event_id, Actor("Door 3", "Bo"))
    made = [station.scan(code).entry.id for code in _codes(hub, event_id)[:25]]
    marker = tmp_path / "in-push"
    proc = subprocess.Popen(
        [sys.executable, "-c", PUSHER, str(local.url), hub_url, str(marker), when],
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "the push never started"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    on_hub = {r.id for r in _log(hub)}
    assert on_hub == (set(made) if when == "after_commit" else set())
    assert _outbox(local) == 25  # nothing left the outbox before the hub confirmed it
    sync.sync_once(local, hub)
    rows = _log(hub)
    assert sorted(r.id for r in rows) == sorted(made) and _outbox(local) == 0
