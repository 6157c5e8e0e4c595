"""The desk keeps its SQLite locks while staff browse the data folder in a file dialog.

In a real X server: the desk opens Import…, "Choose file…" and browses the folder that holds
its database; another kiosk process then reads the same file and exits; the desk checks people
in. Every desk check-in must be visible to other processes, the command line must not check the
same person in twice, and the file must stay sound (``PRAGMA integrity_check``)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from kiosk.core import attendees, backup
from kiosk.core.demo import create_demo
from kiosk.core.store import open_store
from tests.ui.xserver import scan_like_a_scanner, start_app, stop_app, window_of, x_environment, xdotool

pytestmark = pytest.mark.slow


def kiosk_cli(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", url, *args], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ, PYTHONIOENCODING="utf-8"))


def deleted_database_files(pid: int, folder: Path) -> list[str]:
    """The desk's descriptors on files of ``folder`` that are gone from it (an orphaned WAL)."""
    fd_dir = Path(f"/proc/{pid}/fd")
    links = []
    for fd in fd_dir.iterdir():
        try:
            links.append(os.readlink(fd))
        except OSError:
            continue
    return [link for link in links if link.startswith(str(folder)) and link.endswith("(deleted)")]


def entries(db: Path, code: str) -> int:
    """Entries logged for ``code``, read by a connection of this process (not the desk's)."""
    conn = sqlite3.connect(db, timeout=15)
    try:
        return conn.execute(
            "SELECT count(*) FROM checkin JOIN attendee ON attendee.id = checkin.attendee_id "
            "WHERE attendee.code = ? AND checkin.kind = 'entry'", (code,)
        ).fetchone()[0]
    finally:
        conn.close()


def wait_until(condition, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def windows(app: subprocess.Popen, env: dict) -> dict[str, str]:
    """The app's visible windows by title (xdotool's --name search also matches other windows)."""
    ids = xdotool("search", "--onlyvisible", "--pid", str(app.pid), "--name", ".*", env=env, check=False).split()
    return {xdotool("getwindowname", w, env=env, check=False).strip(): w for w in ids}


def window_titled(app: subprocess.Popen, title: str, env: dict, seconds: float = 20) -> str:
    found: dict = {}

    def seen() -> bool:
        found.update({name: w for name, w in windows(app, env).items() if name.startswith(title)})
        return bool(found)

    assert wait_until(seen, seconds), f"no window {title!r}: {sorted(windows(app, env))}"
    return next(iter(found.values()))


def close_with_escape(app: subprocess.Popen, title: str, env: dict) -> None:
    """Escape until the window is gone (the first may only close a completer popup)."""
    for _ in range(5):
        if not any(name.startswith(title) for name in windows(app, env)):
            return
        xdotool("windowfocus", "--sync", window_titled(app, title, env), env=env, check=False)
        xdotool("key", "Escape", env=env)
        time.sleep(0.5)
    raise AssertionError(f"{title!r} did not close")


def click_button(window: str, x_from_right: int, y: int, env: dict) -> None:
    width = int(xdotool("getwindowgeometry", window, env=env).split("Geometry: ")[1].split("x")[0])
    xdotool("mousemove", "--window", window, str(width - x_from_right), str(y), env=env)
    xdotool("click", "1", env=env)


def type_slowly(text: str, env: dict) -> None:
    """Type like a person (slower than the scanner detector's gap), so no key counts as a scan."""
    xdotool("type", "--delay", "150", text, env=env)


def test_browsing_the_data_folder_loses_no_checkin(tmp_path):
    env = x_environment(tmp_path / "config")
    folder = Path(tempfile.mkdtemp(prefix="kdb", dir="/tmp"))  # short: typed into the file dialog
    try:
        db = folder / "ev.db"
        url = f"sqlite:///{db}"
        store = open_store(url)
        event_id = create_demo(store, attendees=60, seed=5)
        people = attendees.list_all(store, event_id)
        store.dispose()
        (folder / "guests.csv").write_text("First name,Last name\nAnna,Lind\n")
        desk_codes = [people[3].code, people[8].code, people[21].code]
        cli_code = people[30].code

        app = start_app(url, env, "--station", "Desk 1", "--operator", "Tove", "--mode", "desk")
        try:
            desk = window_of(app, "Check-in desk", env)
            time.sleep(1.0)
            xdotool("windowfocus", "--sync", desk, env=env)
            # Import… (Ctrl+I), then "Choose file…" (the button after the path box), then the folder.
            xdotool("key", "ctrl+i", env=env)
            importer = window_titled(app, "Import attendees", env)
            click_button(importer, 58, 21, env)  # "Choose file…", top right of the import dialog
            chooser = window_titled(app, "Choose an attendee list", env)
            xdotool("windowfocus", "--sync", chooser, env=env)
            type_slowly(str(folder), env)  # into "File name": Return opens the folder
            xdotool("key", "Return", env=env)
            time.sleep(2.5)  # the dialog lists the folder, with each file's icon and type
            close_with_escape(app, "Choose an attendee list", env)
            close_with_escape(app, "Import attendees", env)

            # Another kiosk process reads the same database and exits.
            stats = kiosk_cli(url, "stats", "--json")
            assert stats.returncode == 0, stats.stderr
            assert deleted_database_files(app.pid, folder) == []

            xdotool("windowfocus", "--sync", desk, env=env)
            for code in desk_codes:
                scan_like_a_scanner(code, env)
                assert wait_until(lambda c=code: entries(db, c) == 1), f"{code}: the desk's check-in is not visible"
                time.sleep(0.3)

            # The command line sees the desk's check-ins, and checks nobody in twice.
            for code in desk_codes:
                again = kiosk_cli(url, "checkin", code, "--json")
                assert again.returncode == 3, again.stdout + again.stderr
            first = kiosk_cli(url, "checkin", cli_code, "--json")
            assert first.returncode == 0, first.stderr
            scan_like_a_scanner(cli_code, env)  # amber at the desk: already checked in
            time.sleep(1.5)
            assert entries(db, cli_code) == 1
            assert deleted_database_files(app.pid, folder) == []

            # The desk made a backup at start; a restore is refused while it has the database.
            [at_start] = backup.list_backups(db)
            refused = kiosk_cli(url, "db", "restore", str(at_start))
            assert refused.returncode == 1 and "A station has the database" in refused.stderr, refused.stderr
        finally:
            out = stop_app(app)  # SIGTERM: the desk closes as a user would
        assert app.returncode == 0 and "Traceback" not in out, out
        at_close = backup.list_backups(db)[-1]
        assert at_close != at_start  # and one at close, with every check-in
        assert [entries(at_close, code) for code in [*desk_codes, cli_code]] == [1, 1, 1, 1]

        # After the desk has closed (and checkpointed), everything is still there, and sound.
        assert [entries(db, code) for code in [*desk_codes, cli_code]] == [1, 1, 1, 1]
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
