"""The windowed desk program (kiosk/desk.py: kiosk-desk.exe and Kiosk.app) is `kiosk run`."""

from __future__ import annotations

import subprocess
import sys


def _desk(tmp_path, *args):
    env = {"KIOSK_DATA_DIR": str(tmp_path / "d"), "KIOSK_CONFIG_DIR": str(tmp_path / "c"),
           "KIOSK_LOG_DIR": str(tmp_path / "l"), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "kiosk.desk", *args], capture_output=True, text=True, env=env, timeout=120)


def test_desk_program_is_kiosk_run(tmp_path):
    run = _desk(tmp_path, "--help")
    assert run.returncode == 0, run.stderr
    assert "--self-test" in run.stdout and "usage:" in run.stdout and " run" in run.stdout
