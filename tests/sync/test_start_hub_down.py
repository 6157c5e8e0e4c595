"""A station restarted while its hub is away (a crash, a reboot, a laptop swapped in the middle
of an outage) opens on its replica and goes on checking people in; it all reaches the hub once
the hub is back."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from kiosk.core import replica as rep
from kiosk.core.models import Event
from kiosk.core.station_service import connect, hub_away
from kiosk.core.store import StoreError, open_store
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, desk_actor, log_rows, people, station_settings  # noqa: F401 (fixtures)

pytestmark = [OFFSCREEN_NOISE, pytest.mark.postgres]


def test_a_desk_restarted_during_an_outage_opens_on_its_replica(qtbot, relay, hub, event_id, desk_actor, station_settings):
    from kiosk.ui.desk.assemble import build_desk

    far = open_store(relay.url)
    with far.read() as s:
        event = s.get(Event, event_id)
    first = connect(far, event_id, desk_actor)  # the station's earlier run: its replica is filled
    first.close()
    far.dispose()

    relay.stall()  # the hub is lost, and the station starts again
    with pytest.raises(StoreError):
        open_store(relay.url)
    away = hub_away(relay.url, "no answer")
    assert away is not None and away.event.id == event_id and away.event.name == event.name
    assert hub_away(relay.url, "no answer", name="Another event") is None  # asked for another event: no
    far, event = away.hub, away.event
    started = time.monotonic()
    service = connect(far, event_id, desk_actor)
    assert time.monotonic() - started < 5
    service.worker.interval = 0.3
    desk = build_desk(far, event, desk_actor, station_settings, sounds=False, printing=False, camera=False, service=service)
    desk.closing.append(service.close)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)
    desk.search.setFocus()
    qtbot.waitUntil(lambda: desk.controller.index_ready, timeout=10_000)
    a = people(hub, event_id)[0]
    qtbot.keyClicks(desk.search, a.code, delay=2)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.banner.state is ResultState.SUCCESS, timeout=10_000)
    assert not service.online
    assert log_rows(hub, a.id) == []

    relay.resume()
    qtbot.waitUntil(lambda: service.online and rep.waiting(service.replica) == 0, timeout=20_000)
    assert len(log_rows(hub, a.id)) == 1
    desk.close()
    far.dispose()


def test_without_a_replica_a_station_cannot_start_on_a_lost_hub(relay, hub, event_id):
    relay.stall()
    assert hub_away(relay.url, "no answer") is None
    assert hub_away("sqlite:///nowhere.db", "no answer") is None


def quiet_desk(store, event, actor, settings, service=None):
    """The desk as ``kiosk run`` builds it, without sound, printer or camera."""
    from kiosk.ui.desk.assemble import build_desk

    return build_desk(store, event, actor, settings, sounds=False, printing=False, camera=False, service=service)


def test_kiosk_run_on_a_lost_hub_opens_the_desk_on_the_replica(qtbot, relay, hub, event_id, desk_actor, monkeypatch,
                                                                 tmp_path):
    """The real start (``kiosk run``) of a desk whose hub is away: the desk opens, offline, and
    a scan is green at once and reaches the hub when it is back."""
    from kiosk.cli import main
    from tests.ui.test_station_opening import scan, visible

    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr("kiosk.app.MODES", {"desk": "tests.sync.test_start_hub_down:quiet_desk"})
    far = open_store(relay.url)
    connect(far, event_id, desk_actor).close()  # an earlier run filled the replica
    far.dispose()
    a = people(hub, event_id)[1]
    relay.stall()
    seen = {}

    class App:  # the real QApplication; the test runs its event loop
        def exec(self):
            qtbot.waitUntil(lambda: visible("deskWindow") is not None, timeout=30_000)
            desk = visible("deskWindow")
            qtbot.waitUntil(lambda: desk.controller.index_ready, timeout=10_000)
            desk.search.setFocus()
            scan(qtbot, desk.search, a.code)
            qtbot.waitUntil(lambda: desk.banner.state is not None and desk.tasks.pending == 0, timeout=10_000)
            seen["banner"] = desk.banner.state
            seen["online"] = desk.controller.service.online
            relay.resume()
            qtbot.waitUntil(lambda: len(log_rows(hub, a.id)) == 1, timeout=30_000)
            desk.close()
            return 0

        def quit(self):
            pass

    monkeypatch.setattr("kiosk.app.ensure_app", lambda language="": App())
    assert main(["--db", relay.url, "run", "--station", desk_actor.station, "--operator", desk_actor.operator]) == 0
    assert seen == {"banner": ResultState.SUCCESS, "online": False}
    assert [(r.kind, r.station) for r in log_rows(hub, a.id)] == [("entry", desk_actor.station)]


def test_kiosk_run_on_a_lost_hub_without_a_replica_is_one_line(qtbot, relay, hub, event_id, monkeypatch, tmp_path, capsys):
    from kiosk.cli import main
    from tests.ui.test_station_opening import visible

    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    relay.stall()

    class App:
        def exec(self):
            qtbot.waitUntil(lambda: visible("openingWindow") is None, timeout=30_000)
            return 0

        def quit(self):
            pass

    monkeypatch.setattr("kiosk.app.ensure_app", lambda language="": App())
    assert main(["--db", relay.url, "run", "--station", "Desk 1", "--operator", "Tove"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("kiosk: Cannot reach database") and "\n" not in err
