"""File dialogs never open the database files: opening and closing any descriptor on a SQLite
file drops every POSIX lock this process holds on it, which lets another process check the
same person in twice and, later, corrupt the file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QListView

from kiosk.ui.firstrun.import_dialog import ImportDialog
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

TAKE_EXCLUSIVE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
try:
    conn.execute("BEGIN EXCLUSIVE")
except sqlite3.OperationalError as exc:
    print("locked:", exc)
else:
    print("got the lock")
"""


def other_process_takes_exclusive_lock(db: Path) -> str:
    return subprocess.run([sys.executable, "-c", TAKE_EXCLUSIVE, str(db)], capture_output=True, text=True,
                          timeout=30, check=True).stdout.strip()


@pytest.fixture
def holding_a_read_lock(tmp_path):
    """A database in its own folder (beside other database, -wal, -shm and -journal names) and
    this process's SHARED lock on it, as a station holds while it reads."""
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "kiosk.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    for name in ("old.db", "old.db-wal", "old.db-shm", "old.db-journal", "x.sqlite3"):
        (folder / name).write_bytes(b"\0" * 64)  # names with no glob match: a dialog sniffs them
    (folder / "guests.csv").write_text("First name,Last name\nAnna,Lind\n")
    conn.execute("BEGIN")
    conn.execute("SELECT * FROM t").fetchall()  # SHARED lock held until COMMIT
    assert other_process_takes_exclusive_lock(db).startswith("locked")
    yield db
    conn.execute("COMMIT")
    conn.close()


def browse(dialog: ImportDialog, qtbot, folder: Path, name_filter: str) -> dict:
    """Press "Choose file…", note where the file dialog starts, go to ``folder`` with
    ``name_filter`` and list what it shows; then cancel."""
    seen: dict = {}

    def in_the_dialog():
        files = QApplication.activeModalWidget()
        if not isinstance(files, QFileDialog):
            QTimer.singleShot(50, in_the_dialog)
            return
        seen["start"] = files.directory().absolutePath()
        seen["filters"] = files.nameFilters()
        files.selectNameFilter(name_filter)
        files.setDirectory(str(folder))
        view = files.findChild(QListView, "listView")
        qtbot.wait(1500)  # the file system model gathers the folder's files, types and icons
        root = view.rootIndex()
        seen["names"] = sorted(view.model().index(r, 0, root).data() for r in range(view.model().rowCount(root)))
        seen["native"] = not files.testOption(QFileDialog.Option.DontUseNativeDialog)
        files.reject()

    QTimer.singleShot(0, in_the_dialog)
    dialog.choose()
    return seen


@pytest.fixture
def documents(tmp_path, isolated_user_dirs):
    """The user's documents folder, as the desktop names it (user-dirs.dirs)."""
    folder = tmp_path / "My documents"
    folder.mkdir()
    config = isolated_user_dirs / "xdg_config_home"
    config.mkdir(parents=True, exist_ok=True)
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{folder}"\n')
    return folder


@pytest.mark.parametrize("name_filter", ["Attendee lists (*.csv *.tsv *.txt *.xlsx)", "All files (*)"])
def test_browsing_the_data_folder_keeps_this_process_locks(qtbot, desk_store, desk_event, holding_a_read_lock, documents, name_filter):
    db = holding_a_read_lock
    dialog = ImportDialog(desk_store, desk_event.id, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()

    seen = browse(dialog, qtbot, db.parent, name_filter)

    assert other_process_takes_exclusive_lock(db).startswith("locked"), "the file dialog dropped this process's lock"
    assert seen["names"] == ["guests.csv"]  # the database files are not even listed
    assert seen["native"] is False
    assert seen["filters"] == ["Attendee lists (*.csv *.tsv *.txt *.xlsx)", "All files (*)"]
    assert seen["start"] == str(documents)  # never the data folder
    assert dialog.path.text() == ""  # cancelled: nothing chosen


def test_typing_the_database_path_is_refused_without_opening_it(qtbot, tmp_path):
    from kiosk.core.demo import create_demo
    from kiosk.core.store import open_store

    db = tmp_path / "ev.db"
    store = open_store(f"sqlite:///{db}")
    try:
        event_id = create_demo(store, attendees=10)
        dialog = ImportDialog(store, event_id, synchronous=True)
        qtbot.addWidget(dialog)
        for name in ("ev.db", "ev.db-wal", "ev.db-shm"):
            dialog.load(str(tmp_path / name))
            assert dialog.summary.text() == f"Cannot import: {tmp_path / name} is a file of the database in use: choose another file"
            assert not dialog.import_button.isEnabled()
            dialog.start_import()
            assert dialog.summary.text().startswith("Cannot import: ")
    finally:
        store.dispose()
