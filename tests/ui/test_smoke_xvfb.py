"""The real app in a real X server: start ``kiosk run``, type a ticket code like a USB scanner
(xdotool), and find the check-in in the database."""

from __future__ import annotations

import time

import pytest

from kiosk.core import attendees
from kiosk.core.demo import create_demo
from kiosk.core.store import open_store
from tests.ui.conftest import log_rows
from tests.ui.xserver import scan_like_a_scanner, start_app, stop_app, wait_for_log, window_of, x_environment, xdotool

pytestmark = pytest.mark.slow


def test_real_window_checks_in_a_typed_scan(tmp_path):
    env = x_environment(tmp_path / "config")
    url = f"sqlite:///{tmp_path / 'smoke.db'}"
    store = open_store(url)
    event_id = create_demo(store, attendees=170, seed=11)
    person = attendees.list_all(store, event_id)[17]
    app = start_app(url, env, "--station", "Smoke desk", "--operator", "CI")
    try:
        window = window_of(app, "Check-in desk", env)
        time.sleep(1.0)  # let the first paint and the search index settle
        xdotool("windowfocus", "--sync", window, env=env)
        scan_like_a_scanner(person.code, env)
        rows = wait_for_log(store, person.id)
        assert [(r.kind, r.method, r.station, r.operator) for r in rows] == [("entry", "scan", "Smoke desk", "CI")]
    finally:
        out = stop_app(app)
        store.dispose()
    assert "Traceback" not in out, out


def test_ten_codes_sent_back_to_back_give_ten_check_ins(tmp_path):
    """A scanner that sends its codes one after another, each ended by Enter and with no pause
    in between (xdotool with no delay), gives one check-in per code: the terminator splits
    them, and a busy window never turns a queued burst into a fragment."""
    env = x_environment(tmp_path / "config")
    url = f"sqlite:///{tmp_path / 'stream.db'}"
    store = open_store(url)
    event_id = create_demo(store, attendees=170, seed=12)
    people = attendees.list_all(store, event_id)[20:30]
    app = start_app(url, env, "--station", "Stream desk", "--operator", "CI")
    try:
        window = window_of(app, "Check-in desk", env)
        time.sleep(1.0)
        xdotool("windowfocus", "--sync", window, env=env)
        xdotool("type", "--delay", "0", "".join(p.code + "\n" for p in people), env=env)
        deadline = time.monotonic() + 30
        done: list = []
        while time.monotonic() < deadline and len(done) < len(people):
            time.sleep(0.3)
            done = [p for p in people if wait_for_log(store, p.id, seconds=0.01)]
        time.sleep(1.0)  # a stray fragment would show up as a red scan by now
        missing = [p.code for p in people if not log_rows(store, p.id)]
        assert not missing, f"{len(missing)} of 10 codes were lost"
        assert all(len(log_rows(store, p.id)) == 1 for p in people)
    finally:
        out = stop_app(app)
        store.dispose()
    assert "Traceback" not in out, out
    assert "unknown" not in out.lower(), out


def test_ctrl_e_opens_events_from_the_search_field(tmp_path):
    """In a real X window a line edit takes Ctrl+E as "end of line": the desk's shortcut wins."""
    env = x_environment(tmp_path / "config")
    url = f"sqlite:///{tmp_path / 'keys.db'}"
    store = open_store(url)
    create_demo(store, attendees=20, seed=13)
    store.dispose()
    app = start_app(url, env, "--station", "Keys desk", "--operator", "CI")
    try:
        window = window_of(app, "Check-in desk", env)
        time.sleep(1.0)
        xdotool("windowactivate", "--sync", window, env=env, check=False)  # as a window manager would
        xdotool("windowfocus", "--sync", window, env=env)
        time.sleep(0.5)  # the search field has the keyboard focus
        xdotool("key", "ctrl+e", env=env)
        deadline, names = time.monotonic() + 10, []
        while time.monotonic() < deadline and not any(n.startswith("Events") for n in names):
            time.sleep(0.2)
            ids = xdotool("search", "--onlyvisible", "--pid", str(app.pid), env=env, check=False).split()
            names = [xdotool("getwindowname", i, env=env, check=False).strip() for i in ids]
        assert any(n.startswith("Events") for n in names), names
    finally:
        out = stop_app(app)
    assert "Traceback" not in out, out
