"""The real app in a real X server: start ``kiosk run``, type a ticket code like a USB scanner
(xdotool), and find the check-in in the database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from kiosk.core import attendees
from kiosk.core.demo import create_demo
from kiosk.core.store import open_store
from tests.conftest import need_service
from tests.ui.conftest import log_rows

pytestmark = pytest.mark.slow


def xdotool(*args: str, env: dict, timeout: float = 20) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout, check=True).stdout


def test_real_window_checks_in_a_typed_scan(tmp_path):
    display = os.environ.get("KIOSK_TEST_DISPLAY")
    if not display:
        need_service("X display", "set KIOSK_TEST_DISPLAY to an Xvfb display, or run scripts/test")
    if not shutil.which("xdotool"):
        need_service("xdotool", "apt-get install xdotool")
    url = f"sqlite:///{tmp_path / 'smoke.db'}"
    store = open_store(url)
    event_id = create_demo(store, attendees=170, seed=11)
    person = attendees.list_all(store, event_id)[17]

    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", KIOSK_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--db", url, "run", "--station", "Smoke desk", "--operator", "CI"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        window = xdotool("search", "--sync", "--onlyvisible", "--pid", str(app.pid), "--name", "Check-in desk", env=env).split()[0]
        time.sleep(1.0)  # let the first paint and the search index settle
        xdotool("windowfocus", "--sync", window, env=env)
        xdotool("type", "--delay", "8", person.code, env=env)
        xdotool("key", "Return", env=env)
        deadline = time.monotonic() + 20
        rows = []
        while time.monotonic() < deadline and not rows:
            time.sleep(0.2)
            rows = log_rows(store, person.id)
        assert [(r.kind, r.method, r.station, r.operator) for r in rows] == [("entry", "scan", "Smoke desk", "CI")]
    finally:
        app.terminate()
        try:
            out, _ = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            out, _ = app.communicate()
        store.dispose()
    assert "Traceback" not in out, out
