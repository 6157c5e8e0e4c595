"""The files of a SQLite database, and the lock that says a station has it open.

SQLite's locks are POSIX advisory locks, which a process loses on a file as soon as it closes
*any* descriptor on that file. So nothing in the app may open the database, its -wal, -shm or
-journal file except SQLite itself (``os.stat`` is fine; ``open`` is not):
``is_database_file`` tells whether a path someone chose is one of them.

``StationLock`` is a separate file beside the database (``ev.db.station-lock``), locked with
``flock``: shared by every station window that has the database open, exclusive while a restore
replaces its content. It never touches the database's own files, so it cannot disturb SQLite's
locks.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from kiosk.core.errors import KioskError

try:
    import fcntl
except ImportError:  # Windows: SQLite's locks there are mandatory ones and survive other opens
    fcntl = None

SUFFIXES = ("", "-wal", "-shm", "-journal")


def sqlite_file(url: str) -> Path | None:
    """The database file of a ``sqlite:///`` URL; None for other engines and in-memory databases."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    db = parsed.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db).absolute()


def database_files(db: Path) -> list[Path]:
    """The database and the files SQLite keeps beside it."""
    return [db.with_name(db.name + suffix) for suffix in SUFFIXES]


def is_database_file(db: Path | None, path: str | os.PathLike) -> bool:
    """True when ``path`` is the database ``db`` or one of its -wal, -shm, -journal files (by
    name, or the same file under another name). Only ``stat``: never opens anything."""
    if db is None:
        return False
    chosen = Path(path).absolute()
    for candidate in database_files(db):
        if chosen == candidate.absolute():
            return True
        try:
            if os.path.samefile(chosen, candidate):
                return True
        except OSError:  # one of them does not exist
            continue
    return False


#: The SQLite databases this process has opened (``store.create_db_engine`` adds each).
_OPENED: set[Path] = set()


def remember_open(db: Path) -> None:
    _OPENED.add(Path(db).absolute())


class DatabaseFileChosen(KioskError):
    """A file the user chose to read or write is a file of the database in use."""

    exit_code = 2


def is_open_database_file(path: str | os.PathLike) -> bool:
    """True when ``path`` is a file of a database this process has open (by name or identity)."""
    return any(is_database_file(db, path) for db in tuple(_OPENED))


def refuse_database_file(path: str | os.PathLike) -> None:
    """Raise (one line) when ``path`` is a file of a database this process has open: reading
    it would drop SQLite's locks, writing it would destroy the database."""
    if is_open_database_file(path):
        raise DatabaseFileChosen(f"{path} is a file of the database in use: choose another file")


class DatabaseInUse(KioskError):
    """A station has the database open (or a restore is replacing it)."""

    exit_code = 1


class StationLock:
    """``ev.db.station-lock``: shared while a station has ``ev.db`` open, exclusive during a restore."""

    def __init__(self, db: Path):
        self.db = db
        self.path = db.with_name(db.name + ".station-lock")
        self._fd: int | None = None

    def _lock(self, exclusive: bool) -> bool:
        if fcntl is None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def hold_shared(self) -> None:
        """For a station: refused while a restore is replacing the database."""
        if not self._lock(exclusive=False):
            raise DatabaseInUse(f"The database {self.db} is being restored from a backup: start the station again when it is done")

    def hold_exclusive(self) -> None:
        """For a restore: refused while any station has the database open."""
        if not self._lock(exclusive=True):
            raise DatabaseInUse(
                f"A station has the database {self.db} open: close every station window using it, then restore"
            )

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None

    def __enter__(self) -> StationLock:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()
