"""Portable mode: a kiosk-data folder beside the program holds the data, settings and logs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

from kiosk import portable

FOLDERS = {"KIOSK_DATA_DIR": "data", "KIOSK_CONFIG_DIR": "config", "KIOSK_LOG_DIR": "logs"}


def test_flag_puts_every_folder_into_kiosk_data(tmp_path):
    env = {"KIOSK_PORTABLE": "1"}
    root = portable.apply(env, base=tmp_path, frozen=False)
    assert root == tmp_path / "kiosk-data"
    for variable, sub in FOLDERS.items():
        folder = tmp_path / "kiosk-data" / sub
        assert env[variable] == str(folder)
        assert folder.is_dir()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_folder_beside_the_built_program_turns_it_on(tmp_path):
    (tmp_path / "kiosk-data").mkdir()
    env: dict[str, str] = {}
    assert portable.apply(env, base=tmp_path, frozen=True) == tmp_path / "kiosk-data"
    assert env["KIOSK_DATA_DIR"] == str(tmp_path / "kiosk-data" / "data")


def test_folder_alone_does_nothing_outside_a_built_program(tmp_path):
    (tmp_path / "kiosk-data").mkdir()
    env: dict[str, str] = {}
    assert portable.apply(env, base=tmp_path, frozen=False) is None
    assert env == {}


def test_flag_zero_turns_it_off_even_with_the_folder(tmp_path):
    (tmp_path / "kiosk-data").mkdir()
    env = {"KIOSK_PORTABLE": "0"}
    assert portable.apply(env, base=tmp_path, frozen=True) is None
    assert set(env) == {"KIOSK_PORTABLE"}


def test_a_folder_set_explicitly_wins(tmp_path):
    env = {"KIOSK_PORTABLE": "1", "KIOSK_DATA_DIR": str(tmp_path / "elsewhere")}
    portable.apply(env, base=tmp_path, frozen=False)
    assert env["KIOSK_DATA_DIR"] == str(tmp_path / "elsewhere")
    assert env["KIOSK_CONFIG_DIR"] == str(tmp_path / "kiosk-data" / "config")
    assert not (tmp_path / "kiosk-data" / "data").exists()


def test_the_command_line_writes_its_database_into_kiosk_data(tmp_path, isolated_user_dirs):
    env = {k: v for k, v in os.environ.items() if k not in FOLDERS and k != "KIOSK_DB"}
    env["KIOSK_PORTABLE"] = "1"
    run = subprocess.run(
        [sys.executable, "-m", "kiosk", "demo", "--attendees", "3"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    database = tmp_path / "kiosk-data" / "data" / "kiosk.db"
    assert database.is_file()
    assert str(database) in run.stdout
    assert not list(isolated_user_dirs.rglob("kiosk.db"))  # nothing in the usual user folders

    doctor = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--json", "--no-hardware"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    checks = {(c["area"], c["name"]): c for c in json.loads(doctor.stdout)["checks"]}
    assert checks[("folders", "portable")]["detail"] == f"yes: {tmp_path / 'kiosk-data'}"
    assert checks[("folders", "data")]["detail"] == str(tmp_path / "kiosk-data" / "data")
    assert checks[("database", "events")]["detail"] == "1"
