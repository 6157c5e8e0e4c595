"""What a station does for its SQLite database: refuse a damaged file at start, hold the station
lock (so ``kiosk db restore`` is refused meanwhile), and back it up with SQLite's online backup
API at start, every few minutes while something changes, and at close. Backups run on their own
worker thread, so they never hold up a scan. PostgreSQL stations do none of this (pg_dump)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core import backup
from kiosk.core.sqlite_files import StationLock, sqlite_file
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class StationBackups(QObject):
    """``start()`` backs up now and then every ``interval_s`` when the database changed;
    ``stop()`` waits for a running backup and makes the last one."""

    #: A backup failed (a damaged database, a full disk): the message, for staff to see.
    failed = Signal(str)

    def __init__(self, db: Path, interval_s: float = backup.EVERY_SECONDS, keep: int = backup.KEEP,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.auto = backup.AutoBackup(db, keep)
        self.tasks = TaskRunner(self)  # its own thread: a backup never waits in front of a check-in
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_s * 1000))
        self.timer.timeout.connect(self.tick)
        self.last: Path | None = None
        self.error = ""

    def start(self) -> None:
        self._run(force=True)
        self.timer.start()

    def tick(self) -> None:
        if self.tasks.pending:  # the previous backup is still running
            return
        self._run(force=False)

    def _run(self, force: bool) -> None:
        self.tasks.run(self.auto.run, force, lane="write", on_done=self._done, on_error=self._failed)

    def _done(self, path: Path | None) -> None:
        if path is not None:
            self.last, self.error = path, ""

    def _failed(self, exc: BaseException) -> None:
        self.error = str(exc)
        log.warning("backup failed: %s", exc)
        self.failed.emit(self.error)

    def stop(self) -> None:
        self.timer.stop()
        self.tasks.shutdown(wait=True)
        try:
            self._done(self.auto.run())
        except Exception as exc:  # closing must never fail on a backup
            self._failed(exc)
        self.auto.close()


class StationDatabase:
    """The station's hold on its SQLite database, from start to close."""

    def __init__(self, url: str):
        self.db = sqlite_file(url)
        self.lock = StationLock(self.db) if self.db is not None else None
        self.backups: StationBackups | None = None

    def check_and_hold(self) -> None:
        """Before the station opens the database: refuse a damaged file or one being restored."""
        if self.db is None:
            return
        backup.require_sound(self.db)
        self.lock.hold_shared()

    def start_backups(self, parent: QObject | None = None, interval_s: float = backup.EVERY_SECONDS) -> None:
        if self.db is None or not self.db.exists():
            return
        self.backups = StationBackups(self.db, interval_s, parent=parent)
        self.backups.start()

    def close(self) -> None:
        if self.backups is not None:
            self.backups.stop()
            self.backups = None
        if self.lock is not None:
            self.lock.release()
