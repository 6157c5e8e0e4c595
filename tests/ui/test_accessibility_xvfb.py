"""What a screen reader gets: each station window started for real, with the accessibility bus
on, its AT-SPI tree walked (tests/ui/a11y_walk.py). Every button, field, list and table must
have a name a screen reader can say."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.demo import create_demo
from kiosk.core.pin import set_pin
from kiosk.core.store import open_store
from tests.conftest import need_service

pytestmark = pytest.mark.slow

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
WALKER = Path(__file__).with_name("a11y_walk.py")
#: Controls a person operates; each needs an accessible name.
INTERACTIVE = {"push button", "text", "password text", "entry", "check box", "radio button", "combo box",
               "spin button", "list", "table", "tree table", "menu item", "toggle button", "slider", "page tab"}


def have_accessibility_bus() -> None:
    for tool in ("Xvfb", "dbus-run-session"):
        if not shutil.which(tool):
            need_service(tool, "apt-get install xvfb dbus-x11 at-spi2-core")
    if not Path(BUS_LAUNCHER).exists():
        need_service("AT-SPI bus", "apt-get install at-spi2-core")
    if subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        need_service("pyatspi", "apt-get install python3-pyatspi")


def accessibility_tree(url: str, mode: str, config_dir: Path) -> list[dict]:
    have_accessibility_bus()
    config_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, KIOSK_CONFIG_DIR=str(config_dir))
    for var in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "QT_QPA_PLATFORM"):
        env.pop(var, None)
    app = [sys.executable, "-m", "kiosk", "--db", url, "run", "--mode", mode, "--station", "Station 1"]
    done = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER), "--", *app],
                          env=env, capture_output=True, text=True, timeout=180)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines and lines[-1].get("done"), (done.stdout[-3000:], done.stderr[-3000:])
    return lines[:-1]


def unnamed(nodes: list[dict]) -> list[str]:
    """Each interactive node without a name, with the path of roles and names above it."""
    path: list[str] = []
    bad = []
    for node in nodes:
        del path[node["depth"]:]
        path.append(f"{node['role']} {node['name']!r}")
        if node["role"] in INTERACTIVE and not node["name"]:
            bad.append(" > ".join(path))
    return bad


@pytest.fixture
def demo_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    store = open_store(url)
    event_id = create_demo(store, attendees=40, seed=3)
    set_pin(store, event_id, "2468")
    store.dispose()
    return url


@pytest.mark.parametrize("mode", ["self", "desk", "dashboard"])
def test_every_control_has_a_name_a_screen_reader_can_say(demo_url, tmp_path, mode):
    nodes = accessibility_tree(demo_url, mode, tmp_path / "config")
    interactive = [n for n in nodes if n["role"] in INTERACTIVE]
    assert len(interactive) >= 5, nodes  # the window was really read
    assert unnamed(nodes) == []


def test_the_walk_finds_an_unnamed_button(tmp_path):
    """The guard itself: a window with one unnamed button is caught."""
    script = tmp_path / "window.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget\n"
        "app = QApplication([])\n"
        "w = QWidget(); w.setWindowTitle('probe'); layout = QVBoxLayout(w)\n"
        "named = QPushButton('Save', w); layout.addWidget(named)\n"
        "bare = QPushButton(w); layout.addWidget(bare)\n"
        "w.show(); app.exec()\n"
    )
    have_accessibility_bus()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER), "--", sys.executable, str(script)],
                          env=env, capture_output=True, text=True, timeout=120)
    nodes = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")][:-1]
    assert any(n["role"] == "push button" and n["name"] == "Save" for n in nodes), done.stdout
    assert len(unnamed(nodes)) == 1
