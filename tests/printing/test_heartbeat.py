"""The print queue worker is the station's heartbeat: an unchanged status is still written
every HEARTBEAT_SECONDS, so a dashboard can tell a quiet station from a closed one."""

from __future__ import annotations

import time

from kiosk.core.models import Station
from kiosk.printing import worker as worker_module
from kiosk.printing.worker import PrintWorker


def last_seen(store, name):
    with store.read() as session:
        return session.get(Station, name).last_seen


def test_unchanged_status_still_beats(qapp, store, monkeypatch):
    worker = PrintWorker(store, "Desk 9")
    changes = []
    worker.statusChanged.connect(lambda *a: changes.append(a))
    worker._report("Zebra: ready", 0, True)
    first = last_seen(store, "Desk 9")
    worker._report("Zebra: ready", 0, True)  # within the heartbeat: nothing written
    assert last_seen(store, "Desk 9") == first
    monkeypatch.setattr(worker_module, "HEARTBEAT_SECONDS", 0.05)
    time.sleep(0.1)
    worker._report("Zebra: ready", 0, True)
    assert last_seen(store, "Desk 9") > first  # the beat
    assert len(changes) == 1  # the screens hear only of changes
