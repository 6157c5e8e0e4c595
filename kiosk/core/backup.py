"""Checking, backing up and restoring a SQLite database, always through SQLite itself.

- ``problems``: ``PRAGMA quick_check`` (or ``integrity_check``); an empty list means sound.
- ``backup``: SQLite's online backup API copies a consistent snapshot while stations keep
  checking people in (in WAL mode a reader never blocks a writer). Copies are owner-only.
- ``backup_to_folder``: a timestamped copy in ``backups/`` beside the database, keeping the
  newest ``KEEP``.
- ``restore``: validates the copy, keeps a safety copy of the current database, and writes the
  copy's pages into the live file with the backup API (never a file copy over a live database),
  while holding the station lock exclusively, so no station has it open.
- ``AutoBackup``: a backup when something changed since the last one (``PRAGMA data_version``).

Nothing here opens the database's files any other way than through SQLite.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from kiosk.core.errors import KioskError
from kiosk.core.files import PRIVATE_DIR, PRIVATE_FILE
from kiosk.core.sqlite_files import StationLock, database_files, is_database_file

log = logging.getLogger(__name__)

KEEP = 10
#: How often a station backs up while check-ins happen.
EVERY_SECONDS = 5 * 60
BUSY_TIMEOUT_S = 15


class DatabaseDamaged(KioskError):
    exit_code = 1


class BackupError(KioskError):
    exit_code = 1


def connect(db: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection to an existing database file (never creates one)."""
    mode = "ro" if readonly else "rw"
    try:
        return sqlite3.connect(f"file:{quote(str(db))}?mode={mode}", uri=True, timeout=BUSY_TIMEOUT_S,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise BackupError(f"Cannot open {db}: {exc}") from None


def problems(conn: sqlite3.Connection, full: bool = False, limit: int = 20) -> list[str]:
    """What ``PRAGMA quick_check`` (``integrity_check`` with ``full``) finds; [] when sound."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()]
    except sqlite3.DatabaseError as exc:  # so damaged that the check itself cannot read it
        return [str(exc)]
    if rows == ["ok"]:
        return []
    lines = [line.strip() for row in rows for line in str(row).splitlines()]
    return [line for line in lines if line and not line.startswith("***")]


def check_file(db: Path, full: bool = False) -> list[str]:
    conn = connect(db)
    try:
        return problems(conn, full)
    finally:
        conn.close()


def damaged_message(db: Path, found: list[str]) -> str:
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"The database {db} is damaged ({found[0]}{more}): restore a backup with 'kiosk db restore FILE'"


def require_sound(db: Path) -> None:
    """Raise ``DatabaseDamaged`` (one line) unless ``quick_check`` passes."""
    if not db.exists():
        return
    found = check_file(db)
    if found:
        raise DatabaseDamaged(damaged_message(db, found))


def _private_new_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)


def backup(source: sqlite3.Connection, dest: Path, check: bool = True) -> Path:
    """Copy the database behind ``source`` into the new file ``dest`` (owner-only), atomically:
    the copy appears under its name only once it is complete and (with ``check``) passes
    ``quick_check``. A damaged database is copied as it is only without ``check``."""
    dest = Path(dest)
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    _private_new_file(partial)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            found = problems(target) if check else []
        finally:
            target.close()
        if found:
            raise BackupError(f"The copy of the database is damaged: {found[0]}")
        os.replace(partial, dest)
    except sqlite3.Error as exc:
        raise BackupError(f"Backup to {dest} failed: {exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return dest


def backups_folder(db: Path) -> Path:
    folder = db.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    os.chmod(folder, PRIVATE_DIR)
    return folder


def list_backups(db: Path) -> list[Path]:
    """This database's backups in ``backups/``, oldest first (safety copies made before a
    restore end in ``-before-restore`` and are never rotated away)."""
    folder = db.parent / "backups"
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db.stem}-*.db"))


def _stamped(db: Path, label: str = "") -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%fZ")  # UTC: sorts by time, all year
    return backups_folder(db) / f"{db.stem}-{stamp}{'-' + label if label else ''}.db"


def backup_to_folder(source: sqlite3.Connection, db: Path, keep: int = KEEP, label: str = "",
                     check: bool = True) -> Path:
    """A timestamped backup in ``backups/`` beside ``db``; only the newest ``keep`` stay."""
    dest = backup(source, _stamped(db, label), check)
    rotating = [p for p in list_backups(db) if not p.stem.endswith("-before-restore")]
    for old in rotating[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return dest


def backup_file(db: Path, dest: Path) -> Path:
    """``kiosk db backup FILE``: an online backup of ``db`` into the new file ``dest``."""
    if is_database_file(db, dest):
        raise BackupError(f"{dest} is the database itself: choose another file")
    if Path(dest).exists():
        raise BackupError(f"{dest} already exists: choose a new file name")
    source = connect(db)
    try:
        return backup(source, Path(dest))
    finally:
        source.close()


def _kiosk_schema(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def restore(db: Path, source_file: Path) -> Path | None:
    """Replace the content of ``db`` by the backup ``source_file``; returns the safety copy of
    the database as it was (None when there was none). Refused while a station has it open."""
    source_file = Path(source_file)
    if is_database_file(db, source_file):
        raise BackupError(f"{source_file} is the database itself: choose a backup file")
    if not source_file.is_file():
        raise BackupError(f"No backup file {source_file}")
    source = connect(source_file, readonly=True)
    try:
        found = problems(source, full=True)
        if found:
            raise BackupError(f"{source_file} is damaged ({found[0]}): choose another backup")
        if _kiosk_schema(source) is None:
            raise BackupError(f"{source_file} is not a kiosk database")
        with StationLock(db) as lock:
            lock.hold_exclusive()
            safety = _safety_copy(db) if db.exists() else None
            try:
                _write_into(source, db)
            except sqlite3.DatabaseError as exc:
                if "not a database" not in str(exc):
                    raise BackupError(f"Restoring {source_file} into {db} failed: {exc}") from None
                _replace_unreadable(source, db)  # SQLite cannot open it at all: nothing live to respect
            found = check_file(db)
            if found:
                raise BackupError(f"The restored database is damaged: {found[0]}")
            os.chmod(db, PRIVATE_FILE)
            return safety
    finally:
        source.close()


def _safety_copy(db: Path) -> Path:
    """The database as it is, damaged or not, in ``backups/`` (``…-before-restore.db``)."""
    try:
        current = connect(db)
        try:
            return backup_to_folder(current, db, keep=0, label="before-restore", check=False)
        finally:
            current.close()
    except (BackupError, sqlite3.DatabaseError):
        # SQLite cannot read it: keep its bytes. No station has it open (the exclusive station
        # lock) and this process holds no SQLite lock on it, so reading it drops no one's locks.
        dest = _stamped(db, "before-restore")
        _private_new_file(dest)
        with open(db, "rb") as raw, open(dest, "wb") as out:
            while chunk := raw.read(1 << 20):
                out.write(chunk)
        return dest


def _write_into(source: sqlite3.Connection, db: Path) -> None:
    target = sqlite3.connect(db, timeout=BUSY_TIMEOUT_S)
    try:
        source.backup(target)
    finally:
        target.close()


def _replace_unreadable(source: sqlite3.Connection, db: Path) -> None:
    """Put a fresh copy in place of a file SQLite cannot open (with its stale -wal and -shm)."""
    fresh = db.with_name(f".{db.name}.restoring")
    fresh.unlink(missing_ok=True)
    backup(source, fresh)
    for companion in database_files(db)[1:]:
        companion.unlink(missing_ok=True)
    os.replace(fresh, db)


class AutoBackup:
    """A station's backups: ``run()`` copies the database when another connection has committed
    since the last copy (or always with ``force``). Thread-safe; meant for a background thread."""

    def __init__(self, db: Path, keep: int = KEEP):
        self.db, self.keep = db, keep
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None

    def run(self, force: bool = False) -> Path | None:
        with self._lock:
            if self._conn is None:
                self._conn = connect(self.db)
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if not force and version == self._version:
                return None
            path = backup_to_folder(self._conn, self.db, self.keep)
            self._version = version
            log.info("backup %s", path.name)
            return path

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


__all__ = [
    "AutoBackup", "BackupError", "DatabaseDamaged", "EVERY_SECONDS", "KEEP", "backup", "backup_file",
    "backup_to_folder", "backups_folder", "check_file", "damaged_message", "database_files", "list_backups",
    "problems", "require_sound", "restore",
]
