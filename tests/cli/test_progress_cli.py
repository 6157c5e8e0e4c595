"""Long commands say how far they are: a bar on a terminal, a quiet line every tenth otherwise."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest


def run(*args: str, db: str, terminal: bool = False, input: str | None = None) -> tuple[int, str, str]:
    cmd = [sys.executable, "-m", "kiosk", "--db", db, *args]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen", COLUMNS="100")
    if not terminal:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, input=input)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()  # stderr is a terminal, as in a person's shell
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=follower, env=env, text=True)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    out, _ = proc.communicate(timeout=300)
    os.close(leader)
    return proc.returncode, out, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def demo(tmp_path):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "demo", "--attendees", "30"], check=True, capture_output=True)
    return url


def test_tickets_write_quiet_lines_when_not_on_a_terminal(demo, tmp_path):
    code, out, err = run("tickets", "--out", str(tmp_path / "t"), db=demo)
    assert code == 0, err
    lines = err.splitlines()
    assert lines == [f"tickets: {p}%" for p in range(10, 101, 10)]
    assert "\r" not in err and "Wrote 30 tickets" in out


def test_tickets_show_a_bar_on_a_terminal(demo, tmp_path):
    code, out, err = run("tickets", "--out", str(tmp_path / "t"), db=demo, terminal=True)
    assert code == 0, err
    assert "\r" in err and "tickets: 100%|" in err and "30/30" in err  # tqdm redraws one line


def test_print_all_import_and_purge_report_progress(demo, tmp_path):
    code, out, err = run("print", "--all", "--out", str(tmp_path / "badges.pdf"), db=demo)
    assert code == 0, err
    assert err.splitlines()[-1] == "badges: 100%"
    sheet = tmp_path / "list.csv"
    sheet.write_text("Name,Email\n" + "".join(f"Person {i},p{i}@example.org\n" for i in range(5000)), encoding="utf-8")
    code, out, err = run("import", str(sheet), db=demo)
    assert code == 0, err
    assert err.splitlines()[-1] == "import: 100%"
    code, out, err = run("purge", "--yes", db=demo)
    assert code == 0, err
    assert err.splitlines()[-2:] == ["purge Forum: Protecting Children Online: 50%", "purge Forum: Protecting Children Online: 100%"]
