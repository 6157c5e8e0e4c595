"""kiosk run --self-test: every mode opens off-screen, a badge renders and its QR code reads back."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture
def kiosk_cli(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("data", "config", "logs"):
        (tmp_path / name).mkdir()
    env.update(KIOSK_DATA_DIR=str(tmp_path / "data"), KIOSK_CONFIG_DIR=str(tmp_path / "config"),
               KIOSK_LOG_DIR=str(tmp_path / "logs"))
    env.pop("KIOSK_DB", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kiosk", *args], env=env, capture_output=True, text=True, timeout=180)

    return run


def statuses(stdout: str) -> dict[str, tuple[str, str]]:
    found = {}
    for line in stdout.splitlines()[:-1]:
        status, name, detail = line.split(None, 2)
        found[name] = (status, detail)
    return found


@pytest.mark.slow
def test_every_mode_and_the_badge_pass_on_the_demo_event(kiosk_cli, tmp_path):
    assert kiosk_cli("demo", "--attendees", "30").returncode == 0
    run = kiosk_cli("run", "--self-test")
    assert run.returncode == 0, run.stdout + run.stderr
    lines = statuses(run.stdout)
    assert set(lines) == {"database", "desk", "self", "dashboard", "camera", "badge"}
    assert all(status == "ok" for status, _ in lines.values()), run.stdout
    assert run.stdout.splitlines()[-1] == "self-test: 6 of 6 checks passed"
    assert "attendees indexed" in lines["desk"][1]
    assert "without the kiosk lock" in lines["self"][1]  # the demo event has no staff PIN
    codes = {a["code"] for a in json.loads(kiosk_cli("attendees", "--json").stdout)}
    assert lines["badge"][1].rsplit(" ", 1)[-1] in codes  # the QR code read back is a real attendee's
    assert not list((tmp_path / "config").iterdir())  # the station's settings were left alone


@pytest.mark.slow
def test_with_a_staff_pin_the_real_kiosk_assembly_opens(kiosk_cli):
    assert kiosk_cli("demo", "--attendees", "5").returncode == 0
    assert kiosk_cli("admin", "set-pin", "4321").returncode == 0
    run = kiosk_cli("run", "--self-test")
    assert run.returncode == 0, run.stdout + run.stderr
    status, detail = statuses(run.stdout)["self"]
    assert status == "ok" and "kiosk assembly" in detail


@pytest.mark.slow
def test_without_an_event_it_fails_with_one_line(kiosk_cli):
    run = kiosk_cli("run", "--self-test")
    assert run.returncode == 1
    assert run.stdout.startswith("problem  database")
    assert "kiosk demo" in run.stdout
    assert "Traceback" not in run.stderr


def test_the_app_icon_and_the_desktop_entry(qapp):
    import configparser

    from kiosk.paths import resource
    from kiosk.ui.app_icon import apply_app_icon

    apply_app_icon(qapp)
    assert sorted(s.width() for s in qapp.windowIcon().availableSizes()) == [64, 128, 256]
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(resource("kiosk.desktop"), encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "kiosk run" and desktop["Icon"] == qapp.desktopFileName() == "kiosk"
    assert (resource("icons") / "kiosk.svg").is_file() and (resource("icons") / "kiosk.ico").is_file()
