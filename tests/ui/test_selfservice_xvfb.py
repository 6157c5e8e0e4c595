"""The real kiosk and dashboard in a real X server (``kiosk run --mode self|dashboard``).

There is no window manager on the test display, so Alt+F4 arrives as plain keys; that the
close request itself is refused is checked offscreen (test_selfservice.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from kiosk.core import attendees
from kiosk.core.demo import create_demo
from kiosk.core.pin import set_pin
from kiosk.core.store import open_store
from tests.conftest import need_service
from tests.ui.conftest import log_rows

pytestmark = pytest.mark.slow


def xdotool(*args: str, env: dict, timeout: float = 20, check: bool = True) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout, check=check).stdout


@pytest.fixture
def x_env(tmp_path):
    display = os.environ.get("KIOSK_TEST_DISPLAY")
    if not display:
        need_service("X display", "set KIOSK_TEST_DISPLAY to an Xvfb display, or run scripts/test")
    if not shutil.which("xdotool"):
        need_service("xdotool", "apt-get install xdotool")
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", KIOSK_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("WAYLAND_DISPLAY", None)
    # A busy test machine stretches xdotool's 8 ms key gaps; give the scanner detector room.
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "station.ini").write_text("[scanner]\ngap_ms=80\n")
    return env


def _start(url: str, env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kiosk", "--db", url, "run", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _stop(app: subprocess.Popen) -> str:
    app.terminate()
    try:
        out, _ = app.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
        out, _ = app.communicate()
    return out


def _window(app: subprocess.Popen, name: str, env: dict) -> str:
    return xdotool("search", "--sync", "--onlyvisible", "--pid", str(app.pid), "--name", name, env=env).split()[0]


def test_self_mode_survives_alt_f4_and_checks_in(tmp_path, x_env):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    store = open_store(url)
    event_id = create_demo(store, attendees=170, seed=11)
    set_pin(store, event_id, "2468")
    person = attendees.list_all(store, event_id)[21]
    app = _start(url, x_env, "--mode", "self", "--station", "Lobby kiosk")
    try:
        window = _window(app, "Self-service check-in", x_env)
        time.sleep(1.0)
        xdotool("windowfocus", "--sync", window, env=x_env)
        for keys in ("alt+F4", "Escape", "ctrl+w", "alt+F4"):
            xdotool("key", keys, env=x_env)
        time.sleep(1.0)
        assert app.poll() is None, "the kiosk quit"
        assert window in xdotool("search", "--onlyvisible", "--pid", str(app.pid), "--name", "Self-service", env=x_env).split()
        xdotool("type", "--delay", "8", person.code, env=x_env)
        xdotool("key", "Return", env=x_env)
        deadline = time.monotonic() + 20
        rows = []
        while time.monotonic() < deadline and not rows:
            time.sleep(0.2)
            rows = log_rows(store, person.id)
        assert [(r.kind, r.method, r.station) for r in rows] == [("entry", "self-service", "Lobby kiosk")]
        assert app.poll() is None
    finally:
        out = _stop(app)
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
    app = _start(url, x_env, "--mode", "dashboard", "--station", "Wall screen")
    try:
        _window(app, "0 checked in", x_env)
        subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "checkin", person.code, "--station", "Desk 3"],
                       env=x_env, check=True, capture_output=True, timeout=60)
        started = time.monotonic()
        found = ""
        while time.monotonic() - started < 10 and not found:
            found = xdotool("search", "--onlyvisible", "--pid", str(app.pid), "--name", "— 1 checked in", env=x_env, check=False).strip()
            time.sleep(0.1)
        assert found, "the dashboard did not show the check-in"
        assert time.monotonic() - started < 5
    finally:
        out = _stop(app)
    assert "Traceback" not in out, out
