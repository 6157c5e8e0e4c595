"""Faults that used to end in a traceback or "internal error": each is one clear line with the
documented exit status, and nothing is written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

from tests.cli.conftest import Run


def run_bytes(db: str, *args, env_extra=None) -> Run:
    cmd = [sys.executable, "-m", "kiosk", "--db", db, *args]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", **(env_extra or {}))
    proc = subprocess.run(cmd, capture_output=True, env=env, timeout=120)
    return Run(proc.returncode, proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace"))


def one_line(run: Run) -> str:
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.err and "internal error" not in run.err, run.err
    return lines[0]


def test_a_sqlite_file_locked_by_another_writer_is_exit_7_in_one_line(sqlite_url, kiosk):
    kiosk("demo", "--attendees", "3", db=sqlite_url)
    code = kiosk("search", "a", "--json", db=sqlite_url).json()[0]["code"]
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than anyone waits
    try:
        started = time.monotonic()
        run = kiosk("checkin", code, db=sqlite_url)
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run.code == 7, run.err
    assert "database is locked" in one_line(run) and "SQL" not in run.err
    assert waited < 15  # the busy timeout is a few seconds, plus the interpreter's start-up
    assert kiosk("checkin", code, db=sqlite_url).code == 0  # nothing half-written: it works now


def test_a_long_station_name_is_refused_on_every_engine_before_writing(kiosk):
    kiosk("demo", "--attendees", "3")
    code = kiosk("search", "a", "--json").json()[0]["code"]
    run = kiosk("checkin", "--station", "S" * 150, code)
    assert run.code == 2 and "station name is 150 characters long (at most 100)" in one_line(run)
    assert kiosk("checkin", code).code == 0  # the refused scan wrote nothing


def test_bad_arguments_are_one_line(sqlite_url, kiosk, tmp_path):
    kiosk("demo", "--attendees", "3", db=sqlite_url)
    run = kiosk("export", "checkins", str(tmp_path / ("x" * 300 + ".csv")), db=sqlite_url)
    assert run.code == 2 and "File name too long" in one_line(run)
    run = run_bytes(sqlite_url, "config", "set", "station/name", os.fsdecode(b"Desk \xff\xfe"))
    assert run.code == 2 and "invalid UTF-8" in one_line(run)
    run = kiosk("config", "set", "station/operator", "O" * 101, db=sqlite_url)
    assert run.code == 2 and "at most 100" in one_line(run)
    run = kiosk("stats", db="postgresql+psycopg://kiosk:hunter2@localhost:abc/kiosk")
    assert run.code == 7 and "port is not a number" in one_line(run) and "hunter2" not in run.err
