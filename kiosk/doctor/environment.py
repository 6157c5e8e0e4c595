"""This machine: the versions of what the kiosk runs on, and the folders it writes to."""

from __future__ import annotations

import platform
from pathlib import Path

from kiosk.doctor.report import OK, PROBLEM, WARNING, Check
from kiosk.i18n import tr


def _version_of(module: str) -> str:
    mod = __import__(module, fromlist=["_"])
    value = getattr(mod, "__version__", None)
    if module == "PySide6":
        from PySide6 import QtCore

        value = value or getattr(QtCore, "__version__", None)
    if value is None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version({"zxingcpp": "zxing-cpp", "PIL": "Pillow"}.get(module, module))
        except PackageNotFoundError:  # loads, but nothing says which version it is
            value = "version unknown"
    if module == "PySide6":
        value = f"{value} (Qt {QtCore.qVersion()})"
    if module == "psycopg":
        value = f"{value} ({mod.pq.__impl__} implementation)"
    return str(value)


def check_versions() -> list[Check]:
    from kiosk import __version__

    checks = [
        Check("versions", "kiosk", OK, __version__),
        Check("versions", "Python", OK, f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
    ]
    for name, module, needed in (
        ("PySide6", "PySide6", True),
        ("SQLAlchemy", "sqlalchemy", True),
        ("Alembic", "alembic", True),
        ("psycopg", "psycopg", False),
        ("zxing-cpp", "zxingcpp", True),
        ("Pillow", "PIL", True),
    ):
        try:
            detail = _version_of(module)
            checks.append(Check("versions", name, OK, detail))
        except Exception as exc:  # an import error names what is missing
            status = PROBLEM if needed else WARNING
            error = f"{type(exc).__name__}: {exc}"
            detail = tr("cannot load: {error}") if needed else tr("cannot load: {error} (only PostgreSQL needs it)")
            checks.append(Check("versions", name, status, detail.format(error=error)))
    return checks


def check_folders() -> list[Check]:
    from kiosk.core.store import data_dir
    from kiosk.portable import portable_root

    checks = []
    root = portable_root()
    checks.append(Check("folders", "portable", OK, tr("yes: {folder}").format(folder=root) if root else tr("no")))
    folders = [("data", data_dir)]
    try:
        from kiosk.settings import config_dir  # the station settings' folder
    except ImportError:
        config_dir = None
    if config_dir is not None:
        folders.append(("config", config_dir))
    try:
        from kiosk.logs import log_dir
    except ImportError:
        log_dir = None
    if log_dir is not None:
        folders.append(("logs", log_dir))
    for name, where in folders:
        try:
            path = Path(where())
            path.mkdir(parents=True, exist_ok=True)
            probe = path / ".kiosk-doctor"
            probe.write_bytes(b"")
            probe.unlink()
            checks.append(Check("folders", name, OK, str(path)))
        except OSError as exc:
            checks.append(Check("folders", name, PROBLEM, tr("not writable: {error}").format(error=exc)))
    return checks
