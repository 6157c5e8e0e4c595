"""Driving the real app in a real X server (Xvfb): start ``kiosk run`` as a subprocess, find its
window, type like a USB scanner with xdotool, and wait for what it wrote to the database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import need_service
from tests.ui.conftest import log_rows


def x_environment(config_dir: Path) -> dict:
    """The environment for an app on the test display, with its own station settings."""
    display = os.environ.get("KIOSK_TEST_DISPLAY")
    if not display:
        need_service("X display", "set KIOSK_TEST_DISPLAY to an Xvfb display, or run scripts/test")
    if not shutil.which("xdotool"):
        need_service("xdotool", "apt-get install xdotool")
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", KIOSK_CONFIG_DIR=str(config_dir))
    env.pop("WAYLAND_DISPLAY", None)
    # A busy test machine stretches xdotool's 8 ms key gaps; give the scanner detector room.
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "station.toml").write_text("[scanner]\ngap_ms = 80\n")
    return env


def xdotool(*args: str, env: dict, timeout: float = 20, check: bool = True) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout, check=check).stdout


def start_app(url: str, env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kiosk", "--db", url, "run", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop_app(app: subprocess.Popen) -> str:
    """Stop the app and return what it printed."""
    app.terminate()
    try:
        out, _ = app.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
        out, _ = app.communicate()
    return out


def window_of(app: subprocess.Popen, name: str, env: dict) -> str:
    # --all: the app's window with that name (xdotool's default is either), not its "Opening the event…"
    return xdotool("search", "--sync", "--all", "--onlyvisible", "--pid", str(app.pid), "--name", name, env=env).split()[0]


def scan_like_a_scanner(code: str, env: dict) -> None:
    xdotool("type", "--delay", "8", code, env=env)
    xdotool("key", "Return", env=env)


def wait_for_log(store, attendee_id: int, seconds: float = 20) -> list:
    deadline = time.monotonic() + seconds
    rows = []
    while time.monotonic() < deadline and not rows:
        time.sleep(0.2)
        rows = log_rows(store, attendee_id)
    return rows
