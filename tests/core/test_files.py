"""Everything the kiosk creates is readable by its owner only: folders 0700, files 0600, even
under a permissive umask, and whether the process or Qt creates them."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core import attendees
from kiosk.core.demo import create_demo
from kiosk.core.files import private_dir
from kiosk.core.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The usual desktop umask, under which new files would be 0644 and folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_private_dir_makes_every_missing_folder_private(tmp_path, open_umask):
    (tmp_path / "there").mkdir(mode=0o755)
    made = private_dir(tmp_path / "there" / "a" / "b" / "c")
    assert made.is_dir()
    assert [mode(tmp_path / "there" / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3
    assert mode(tmp_path / "there") == 0o755  # a folder that was already there is left alone


def test_a_db_path_in_new_folders(tmp_path, open_umask):
    path = tmp_path / "new" / "deeper" / "kiosk.db"
    store = open_store(f"sqlite:///{path}")
    create_demo(store, attendees=3)
    store.dispose()
    assert mode(tmp_path / "new") == 0o700 and mode(tmp_path / "new" / "deeper") == 0o700
    assert {p.name: mode(p) for p in path.parent.iterdir()} == {p.name: 0o600 for p in path.parent.iterdir()}


def test_cli_outputs_are_private(tmp_path):
    """As a user runs it, under umask 022: the --db folder, a badge printed to pdf:FILE, a
    badge preview, tickets, exports."""
    db = tmp_path / "data" / "kiosk.db"
    url = f"sqlite:///{db}"

    def kiosk(*args: str) -> subprocess.CompletedProcess:
        env = os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "-m", "kiosk", "--db", url, *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.umask(0o022))
        assert done.returncode == 0, done.stderr
        return done

    kiosk("demo", "--attendees", "3")
    store = open_store(url)
    code = attendees.list_all(store, 1)[0].code
    store.dispose()
    out = tmp_path / "out"
    out.mkdir()
    kiosk("print", code, "--printer", f"pdf:{out / 'badge.pdf'}")
    kiosk("badge", code, "--out", str(out / "preview.png"))
    kiosk("export", "attendees", str(out / "list.csv"))
    kiosk("tickets", "--out", str(out / "tickets" / "new"), "--format", "png")
    assert mode(db.parent) == 0o700 and mode(db) == 0o600
    made = [p for p in out.rglob("*")]
    assert {"badge.pdf", "preview.png", "list.csv", "tickets", "new"} <= {p.name for p in made}
    wrong = {str(p.relative_to(out)): oct(mode(p)) for p in made if mode(p) != (0o700 if p.is_dir() else 0o600)}
    assert wrong == {}
