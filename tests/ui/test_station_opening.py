"""``kiosk run`` shows "Opening the event…" before the database is open, takes scans meanwhile,
and checks each one in once when the desk takes over."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.result_state import ResultState
from kiosk.ui.station_opening import OpeningWindow
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, people

pytestmark = OFFSCREEN_NOISE


def scan(qtbot, widget, code):
    qtbot.keyClicks(widget, code, delay=2)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def visible(name: str):
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def test_scans_while_opening_wait_and_are_checked_in_once(qtbot, make_desk, desk_store, desk_event, station_settings):
    first, second = people(desk_store, desk_event.id)[:2]
    opening = OpeningWindow("desk", station_settings)
    qtbot.addWidget(opening)
    opening.show()
    qtbot.waitExposed(opening)
    assert opening.state.text() == "Opening the event…" and opening.windowTitle() == "Opening the event…"

    scan(qtbot, opening, first.code)
    scan(qtbot, opening, second.code)
    qtbot.wait(300)
    scan(qtbot, opening, first.code)  # scanned again while nothing seems to happen: kept once
    assert opening.waiting == [first.code, second.code]
    assert opening.note.text().startswith("2 scan(s) waiting")
    assert log_rows(desk_store, first.id) == [] and log_rows(desk_store, second.id) == []

    desk = make_desk()
    opening.hand_over(desk)
    assert not opening.isVisible() and opening.waiting == []
    assert [r.kind for r in log_rows(desk_store, first.id)] == ["entry"]
    assert [r.kind for r in log_rows(desk_store, second.id)] == ["entry"]
    recent = list(desk.controller.recent)[::-1]  # in the order scanned, both green
    assert [r.attendee_id for r in recent] == [first.id, second.id]
    assert [r.state for r in recent] == [ResultState.SUCCESS, ResultState.SUCCESS]


def test_the_dashboard_shows_opening_and_takes_no_scans(qtbot, desk_store, desk_event, station_settings):
    opening = OpeningWindow("dashboard", station_settings)
    qtbot.addWidget(opening)
    opening.show()
    qtbot.waitExposed(opening)
    scan(qtbot, opening, people(desk_store, desk_event.id)[0].code)
    assert opening.wedge is None and opening.waiting == [] and opening.note.text() == ""


def test_kiosk_run_opens_the_database_behind_the_window_and_keeps_early_scans(
        qtbot, desk_store, desk_event, sqlite_url, monkeypatch, tmp_path):
    """The real start: the window is up while the database is still opening; a scan then is
    checked in once the desk is there."""
    from kiosk.cli import main
    from kiosk.ui import station_run

    person = people(desk_store, desk_event.id)[3]
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr("kiosk.app.MODES", {"desk": "tests.ui.test_firstrun:quiet_desk"})
    release = threading.Event()
    original = station_run.station_event

    def slow_event(*args):  # a database that takes its time (a migration, a far server)
        assert release.wait(20)
        return original(*args)

    monkeypatch.setattr(station_run, "station_event", slow_event)
    seen = {}

    class App:  # the real QApplication; the test runs its event loop
        def exec(self):
            qtbot.waitUntil(lambda: visible("openingWindow") is not None, timeout=10_000)
            opening = visible("openingWindow")
            seen["desk while opening"] = visible("deskWindow")
            scan(qtbot, opening, person.code)
            seen["waiting"] = list(opening.waiting)
            release.set()
            qtbot.waitUntil(lambda: visible("deskWindow") is not None, timeout=20_000)
            qtbot.waitUntil(lambda: bool(log_rows(desk_store, person.id)), timeout=10_000)
            seen["opening after"] = visible("openingWindow")
            visible("deskWindow").close()
            return 0

        def quit(self):
            pass

    monkeypatch.setattr("kiosk.app.ensure_app", lambda language="": App())
    assert main(["--db", sqlite_url, "run", "--station", "Desk 1", "--operator", "Tove"]) == 0
    assert seen == {"desk while opening": None, "waiting": [person.code], "opening after": None}
    assert [(r.kind, r.station) for r in log_rows(desk_store, person.id)] == [("entry", "Desk 1")]


def test_an_event_that_is_not_there_is_one_line_after_the_window_showed(
        qtbot, desk_store, desk_event, sqlite_url, monkeypatch, tmp_path, capsys):
    from kiosk.cli import main

    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    shown = []

    class App:
        def exec(self):
            qtbot.waitUntil(lambda: visible("openingWindow") is not None, timeout=10_000)
            shown.append(True)
            qtbot.waitUntil(lambda: visible("openingWindow") is None, timeout=20_000)
            return 0

        def quit(self):
            pass

    monkeypatch.setattr("kiosk.app.ensure_app", lambda language="": App())
    assert main(["--db", sqlite_url, "--event", "Nowhere", "run", "--station", "Desk 1"]) == 6
    err = capsys.readouterr().err.strip()
    assert shown and err == f"kiosk: No event named 'Nowhere' in {sqlite_url}"
    assert visible("deskWindow") is None


def test_opening_speaks_swedish(qtbot, qapp, desk_store, desk_event, station_settings):
    from kiosk.ui.locale_format import use_language

    assert use_language(qapp, "sv") == "sv"
    try:
        opening = OpeningWindow("desk", station_settings)
        qtbot.addWidget(opening)
        opening.show()
        qtbot.waitExposed(opening)
        assert opening.state.text() == "Evenemanget öppnas…"
        scan(qtbot, opening, people(desk_store, desk_event.id)[0].code)
        assert opening.note.text() == "1 skanning väntar: checkas in så snart evenemanget är öppet."
    finally:
        use_language(qapp, "en")


def test_the_window_shows_before_any_database_code_loads(tmp_path, sqlite_url):
    """The real ``kiosk run`` path, stopped the moment its first window is on screen."""
    import os
    import subprocess
    import sys

    probe = (
        "import os, sys\n"
        "import kiosk.ui.station_opening as opening\n"
        "shown = opening.show_opening\n"
        "def stop(*args):\n"
        "    shown(*args)\n"
        "    heavy = ('sqlalchemy', 'sqlmodel', 'pydantic', 'PIL', 'kiosk.core.models', 'kiosk.ui.desk.assemble')\n"
        "    print(sorted(m for m in heavy if m in sys.modules), flush=True)\n"
        "    os._exit(0)\n"
        "opening.show_opening = stop\n"
        "from kiosk.cli import main\n"
        f"main(['--db', {sqlite_url!r}, 'run', '--station', 'Desk 1', '--operator', 'Tove'])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_CONFIG_DIR=str(tmp_path / "config"))
    # The first start checks and stores the names (the check reads the tables' limits); every
    # later start of the station reads them and shows its window with no database code loaded.
    for _start in range(2):
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
        assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_self_service_kiosk_takes_the_scans_made_while_it_opened(qtbot, desk_store, desk_event, station_settings):
    from tests.ui.conftest import kiosk_window

    person = people(desk_store, desk_event.id)[5]
    opening = OpeningWindow("self", station_settings)
    qtbot.addWidget(opening)
    opening.show()
    qtbot.waitExposed(opening)
    scan(qtbot, opening, person.code)
    assert opening.waiting == [person.code]
    with kiosk_window(qtbot, desk_store, desk_event, station_settings) as kiosk:
        opening.hand_over(kiosk)
        qtbot.waitUntil(lambda: bool(log_rows(desk_store, person.id)), timeout=5000)
    assert [(r.kind, r.station) for r in log_rows(desk_store, person.id)] == [("entry", "Lobby kiosk")]
