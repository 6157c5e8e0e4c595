"""Files the app writes (exports, tickets, logs, person exports): readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: str | os.PathLike) -> Path:
    """The folder, created if missing, and every missing folder above it, 0700 (``mkdir
    parents=True`` would make those with the umask). A folder that exists is left as it is."""
    path = Path(path)
    missing: list[Path] = []
    folder = path
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:  # made meanwhile (another station starting, say)
            continue
        os.chmod(folder, PRIVATE_DIR)
    path.mkdir(exist_ok=True, mode=PRIVATE_DIR)  # a file in the way raises here
    return path


def private_file(path: str | os.PathLike) -> Path:
    """Create (or narrow) the file 0600 before another writer, such as Qt, fills it."""
    with open_private(path, "ab"):
        pass
    return Path(path)


def open_private(path: str | os.PathLike, mode: str = "w", **kwargs):
    """Like ``open`` for writing, but a new file is created 0600 (an existing one is narrowed)."""
    from kiosk.core.sqlite_files import refuse_database_file

    path = Path(path)
    refuse_database_file(path)  # never a descriptor on the database's own files
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        os.chmod(path, PRIVATE_FILE)
    except OSError:
        pass
    return os.fdopen(fd, mode, **kwargs)
