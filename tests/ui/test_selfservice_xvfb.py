"""The real kiosk and dashboard in a real X server (``kiosk run --mode self|dashboard``).

There is no window manager on the test display, so Alt+F4 arrives as plain keys; that the
close request itself is refused is checked offscreen (test_selfservice.py).
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from kiosk.core import attendees
from kiosk.core.demo import create_demo
from kiosk.core.pin import set_pin
from kiosk.core.store import open_store
from tests.ui.xserver import scan_like_a_scanner, start_app, stop_app, wait_for_log, window_of, x_environment, xdotool

pytestmark = pytest.mark.slow


@pytest.fixture
def x_env(tmp_path):
    return x_environment(tmp_path / "config")


def test_self_mode_survives_alt_f4_and_checks_in(tmp_path, x_env):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    store = open_store(url)
    event_id = create_demo(store, attendees=170, seed=11)
    set_pin(store, event_id, "2468")
    person = attendees.list_all(store, event_id)[21]
    app = start_app(url, x_env, "--mode", "self", "--station", "Lobby kiosk")
    try:
        window = window_of(app, "Self-service check-in", x_env)
        time.sleep(1.0)
        xdotool("windowfocus", "--sync", window, env=x_env)
        for keys in ("alt+F4", "Escape", "ctrl+w", "alt+F4"):
            xdotool("key", keys, env=x_env)
        time.sleep(1.0)
        assert app.poll() is None, "the kiosk quit"
        assert window in xdotool("search", "--onlyvisible", "--pid", str(app.pid), "--name", "Self-service", env=x_env).split()
        scan_like_a_scanner(person.code, x_env)
        rows = wait_for_log(store, person.id)
        assert [(r.kind, r.method, r.station) for r in rows] == [("entry", "self-service", "Lobby kiosk")]
        assert app.poll() is None
    finally:
        out = stop_app(app)
        store.dispose()
    assert "Traceback" not in out, out


def test_self_mode_without_a_pin_refuses_to_start(tmp_path, x_env):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    store = open_store(url)
    create_demo(store, attendees=5, seed=1)
    store.dispose()
    done = subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "run", "--mode", "self", "--station", "K"],
                          env=x_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no staff PIN" in done.stderr and "admin set-pin" in done.stderr
    assert "Traceback" not in done.stderr


def test_dashboard_updates_after_a_cli_check_in(tmp_path, x_env):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    store = open_store(url)
    event_id = create_demo(store, attendees=170, seed=11)
    person = attendees.list_all(store, event_id)[5]
    store.dispose()
    app = start_app(url, x_env, "--mode", "dashboard", "--station", "Wall screen")
    try:
        window_of(app, "0 checked in", x_env)
        subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "checkin", person.code, "--station", "Desk 3"],
                       env=x_env, check=True, capture_output=True, timeout=60)
        started = time.monotonic()
        found = ""
        while time.monotonic() - started < 30 and not found:  # a deadline for a hung app, not a speed test
            found = xdotool("search", "--onlyvisible", "--pid", str(app.pid), "--name", "— 1 checked in", env=x_env, check=False).strip()
            time.sleep(0.1)
        assert found, "the dashboard did not show the check-in"
    finally:
        out = stop_app(app)
    assert "Traceback" not in out, out
