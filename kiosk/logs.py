"""The log: rotating files in the platformdirs log folder (``KIOSK_LOG_DIR`` overrides it),
readable by their owner only. Set up once by the command line, which the windowed app runs
under too. No Qt.

At the default level the log holds codes, ids, counts and tracebacks; the app's own messages
never carry names or emails (they log attendee ids and ticket codes)."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from kiosk.core.files import PRIVATE_FILE, private_dir

ENV_LOG_DIR = "KIOSK_LOG_DIR"
ENV_LOG_LEVEL = "KIOSK_LOG_LEVEL"
FILE_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"


def log_dir() -> Path:
    override = os.environ.get(ENV_LOG_DIR)
    return Path(override) if override else Path(platformdirs.user_log_dir("kiosk", appauthor=False))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Every file it creates, the first and each one after a rotation, is 0600."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        try:
            os.chmod(self.baseFilename, PRIVATE_FILE)
        except OSError:
            pass
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)


class PasswordMaskingFormatter(logging.Formatter):
    """No database password reaches the log, even inside a driver's error or a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        from kiosk.core.urls import mask_in_text

        return mask_in_text(super().format(record))


_handler: PrivateRotatingFileHandler | None = None


def setup(level: str | int | None = None) -> Path | None:
    """Send the ``kiosk`` loggers to the rotating file (once per process). Returns the file, or
    None when the folder cannot be written (logging must never stop the app)."""
    global _handler
    root = logging.getLogger("kiosk")
    level = level or os.environ.get(ENV_LOG_LEVEL) or "INFO"
    root.setLevel(level if isinstance(level, int) else str(level).upper())
    if _handler is not None:
        if Path(_handler.baseFilename).parent == log_dir().resolve():
            return Path(_handler.baseFilename)
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        folder = private_dir(log_dir())
        handler = PrivateRotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(PasswordMaskingFormatter(FORMAT))
    root.addHandler(handler)
    _handler = handler
    return Path(handler.baseFilename)


def log_file() -> Path | None:
    return Path(_handler.baseFilename) if _handler is not None else None


def flush() -> None:
    if _handler is not None:
        _handler.flush()
