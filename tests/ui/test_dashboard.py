"""The dashboard, live, while another process checks people in; snapshots."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap

from PySide6.QtGui import QImage

from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.ui.dashboard.assemble import open_dashboard
from tests.core.test_dashboard import counted
from tests.ui.conftest import OFFSCREEN_NOISE, people

pytestmark = OFFSCREEN_NOISE

WRITER = textwrap.dedent("""
    import sys, time
    from kiosk.core.checkin import CheckInService
    from kiosk.core.events import Actor
    from kiosk.core.store import open_store
    store = open_store(sys.argv[1])
    service = CheckInService(store, int(sys.argv[2]), Actor(station=sys.argv[3]))
    for code in sys.stdin.read().split():
        service.scan(code)
        time.sleep(0.03)
""")


def kiosk_stats(url: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "stats", "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def shown(window) -> dict:
    f = window.figures
    return {
        "expected": f.headline.expected, "checked_in": f.headline.checked_in, "inside": f.headline.inside,
        "not_arrived": f.headline.not_arrived, "walk_ins": f.headline.walk_ins,
        "by_category": {g.name: {"expected": g.expected, "checked_in": g.checked_in} for g in f.by_category},
        "by_ticket_type": {g.name: {"expected": g.expected, "checked_in": g.checked_in} for g in f.by_ticket_type},
    }


def test_numbers_match_kiosk_stats_while_another_process_checks_in(qtbot, desk_store, desk_event, sqlite_url):
    everyone = people(desk_store, desk_event.id)
    window = open_dashboard(desk_store, desk_event, poll_ms=100)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
    assert window.windowTitle().endswith("— 0 checked in")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, sqlite_url, str(desk_event.id), "Desk 7"],
                              stdin=subprocess.PIPE, text=True, env=dict(os.environ))
    writer.stdin.write(" ".join(p.code for p in everyone[:60]))
    writer.stdin.close()
    try:
        # Live: figures move while the other process is still writing.
        qtbot.waitUntil(lambda: 0 < window.figures.headline.checked_in < 60, timeout=15_000)
        assert writer.poll() is None
        qtbot.waitUntil(lambda: writer.poll() is not None, timeout=30_000)
    finally:
        writer.wait(timeout=30)
    arrived = {p.id for p in everyone[:60]}
    expected = counted(desk_store, desk_event.id, arrived, arrived)  # counted here, from the rows
    assert expected["checked_in"] == 60
    qtbot.waitUntil(lambda: window.figures.headline.checked_in == 60, timeout=5000)
    figures = shown(window)
    assert figures == {k: expected[k] for k in figures}
    cli = kiosk_stats(sqlite_url)  # and `kiosk stats` says the same
    assert {k: cli[k] for k in figures} == figures
    tiles = {k: t.accessibleName() for k, t in window.tiles.items()}
    assert tiles["checked_in"] == f"Checked in: 60 ({100 * 60 / expected['expected']:.0f}%)"
    assert tiles["expected"] == f"Expected: {expected['expected']}"
    assert window.windowTitle().endswith("— 60 checked in")
    assert dict(window.figures.stations_15m) == {"Desk 7": 60}
    assert window.recent.rowCount() == 20 and window.recent.item(0, 2).text() == "Desk 7"
    assert window.figures.arrivals[-1].cumulative == 60


def test_quiet_database_means_no_reload(qtbot, desk_store, desk_event):
    window = open_dashboard(desk_store, desk_event, poll_ms=50)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.controller.refreshes == 1, timeout=10_000)
    qtbot.wait(500)  # ten polls, nothing changed
    assert window.controller.refreshes == 1
    CheckInService(desk_store, desk_event.id, Actor("Desk 2")).scan(people(desk_store, desk_event.id)[0].code)
    qtbot.waitUntil(lambda: window.controller.refreshes == 2, timeout=5000)
    assert window.figures.headline.checked_in == 1


def test_privacy_in_the_lists(qtbot, desk_store, desk_event):
    everyone = people(desk_store, desk_event.id)
    secret = next(p for p in everyone if p.badge_privacy.value == "first_name_only")
    CheckInService(desk_store, desk_event.id, Actor("Desk 2")).scan(secret.code)
    window = open_dashboard(desk_store, desk_event, synchronous=True)
    qtbot.addWidget(window)
    cells = [window.recent.item(r, c).text() for r in range(window.recent.rowCount()) for c in range(4)]
    cells += [window.expected.item(r, c).text() for r in range(window.expected.rowCount()) for c in range(3)]
    assert secret.first_name in cells
    text = "\n".join(cells)
    assert f"{secret.first_name} {secret.last_name}" not in text
    for p in everyone:
        assert p.email not in text
        if p.notes:
            assert p.notes not in text


def test_presentation_mode_and_snapshot(qtbot, desk_store, desk_event, tmp_path):
    CheckInService(desk_store, desk_event.id, Actor("Desk 2")).scan(people(desk_store, desk_event.id)[0].code)
    window = open_dashboard(desk_store, desk_event, synchronous=True, snapshot_dir=tmp_path / "snaps")
    qtbot.addWidget(window)
    small = window.tiles["checked_in"].value.font().pointSize()
    window.act_present.trigger()
    assert window.presentation and window.isFullScreen()
    assert window.tiles["checked_in"].value.font().pointSize() > small
    png, csv_path = window.export_snapshot()
    for path in (png, csv_path, png.parent):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode in (0o600, 0o700), oct(mode)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300
    assert "headline,checked_in,1," in csv_path.read_text(encoding="utf-8")
    window.act_present.trigger()
    assert not window.isFullScreen()
