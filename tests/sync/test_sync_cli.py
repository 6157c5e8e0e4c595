"""kiosk sync status|now|conflicts, as a user runs them; status and conflicts answer from the
station's own replica while the hub is down."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from kiosk.core import replica as rep
from kiosk.core.checkin import ResultKind
from kiosk.core.events import Actor
from kiosk.core.models import Attendee
from kiosk.core.station_service import StationService
from kiosk.core.store import open_store

pytestmark = pytest.mark.postgres


def kiosk(url, *args, timeout=60):
    proc = subprocess.run([sys.executable, "-m", "kiosk", "--db", url, *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=timeout)
    return proc


def test_sync_commands_answer_from_the_replica_while_the_hub_is_down(relay, hub, event_id):
    first = kiosk(relay.url, "sync", "status")
    assert first.returncode == 1 and "no replica" in first.stderr and "Traceback" not in first.stderr
    now = kiosk(relay.url, "sync", "now", "--json")
    assert now.returncode == 0, now.stderr
    assert json.loads(now.stdout)["state"] == "online"
    status = json.loads(kiosk(relay.url, "sync", "status", "--json").stdout)
    assert status["state"] == "online" and status["waiting"] == 0 and status["last_sync"]

    with hub.read() as s:
        codes = s.execute(select(Attendee.code).order_by(Attendee.id)).scalars().all()
    far = open_store(relay.url)
    local = rep.open_replica(relay.url)
    station = StationService(far, local, event_id, Actor("Door 4", "Ida"), deadline=0.5)
    relay.stall()
    assert station.scan(codes[0]).kind is ResultKind.CHECKED_IN and not station.online
    local.dispose()

    started = time.monotonic()
    down = kiosk(relay.url, "sync", "status", "--json")
    assert down.returncode == 0 and time.monotonic() - started < 10
    assert json.loads(down.stdout) | {"last_sync": None, "error": ""} == {
        "state": "offline", "waiting": 1, "last_sync": None, "event_id": event_id, "error": ""}
    text = kiosk(relay.url, "sync", "status").stdout
    assert "OFFLINE" in text and "Waiting for the hub: 1" in text
    assert kiosk(relay.url, "sync", "conflicts").stdout.strip() == "No conflicts"
    failed = kiosk(relay.url, "sync", "now", timeout=90)
    assert failed.returncode == 7 and "Traceback" not in failed.stderr

    relay.resume()
    back = kiosk(relay.url, "sync", "now", "--json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["pushed"] == 1 and json.loads(back.stdout)["waiting"] == 0
    assert json.loads(kiosk(relay.url, "sync", "conflicts", "--json").stdout) == []
    far.dispose()


def test_sync_on_a_local_file_says_it_is_for_a_hub(sqlite_url):
    proc = kiosk(sqlite_url, "sync", "status")
    assert proc.returncode == 2 and "PostgreSQL hub" in proc.stderr
