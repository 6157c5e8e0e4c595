"""``kiosk doctor``: is this machine ready to check people in? Each check says ok, warning or problem.

A *problem* keeps a station from checking people in (no database, a broken schema, a missing
library, fonts that cannot draw a badge). A *warning* is worth knowing but does not stop the
desk (no camera, no printer: search and scan by keyboard still work, badges stay queued).

Only the printer, camera and Qt checks touch Qt, and they import it when they run; the rest
works without a display. Nothing here writes to the database.
"""

from __future__ import annotations

import platform
import sys
import wave
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.i18n import QT_TRANSLATE_NOOP, translate, tr

OK, WARNING, PROBLEM = "ok", "warning", "problem"
#: The statuses, areas and check names a person reads (``word`` translates them; the JSON keeps them).
WORDS = (
    QT_TRANSLATE_NOOP("doctor", "ok"), QT_TRANSLATE_NOOP("doctor", "warning"), QT_TRANSLATE_NOOP("doctor", "problem"),
    QT_TRANSLATE_NOOP("doctor", "versions"), QT_TRANSLATE_NOOP("doctor", "folders"), QT_TRANSLATE_NOOP("doctor", "database"),
    QT_TRANSLATE_NOOP("doctor", "printers"), QT_TRANSLATE_NOOP("doctor", "cameras"), QT_TRANSLATE_NOOP("doctor", "fonts"),
    QT_TRANSLATE_NOOP("doctor", "resources"), QT_TRANSLATE_NOOP("doctor", "portable"), QT_TRANSLATE_NOOP("doctor", "data"),
    QT_TRANSLATE_NOOP("doctor", "config"), QT_TRANSLATE_NOOP("doctor", "logs"), QT_TRANSLATE_NOOP("doctor", "url"),
    QT_TRANSLATE_NOOP("doctor", "engine"), QT_TRANSLATE_NOOP("doctor", "reachable"), QT_TRANSLATE_NOOP("doctor", "schema"),
    QT_TRANSLATE_NOOP("doctor", "events"), QT_TRANSLATE_NOOP("doctor", "printing"), QT_TRANSLATE_NOOP("doctor", "default"),
    QT_TRANSLATE_NOOP("doctor", "media backend"), QT_TRANSLATE_NOOP("doctor", "badge templates"),
    QT_TRANSLATE_NOOP("doctor", "sounds"), QT_TRANSLATE_NOOP("doctor", "translations"), QT_TRANSLATE_NOOP("doctor", "icon"),
    QT_TRANSLATE_NOOP("doctor", "idle"), QT_TRANSLATE_NOOP("doctor", "stopped or in error"),
    QT_TRANSLATE_NOOP("doctor", "unknown"),
)


def word(text: str) -> str:
    """A status, area or check name in the reader's language (names of printers, fonts ... stay)."""
    return translate("doctor", text) if text in WORDS else text
#: Letters a badge must be able to show: Nordic, Polish, Hungarian, German, Greek, Cyrillic.
COVERAGE = "åäöÅÄÖøæłŁőűßΑαΩωЖжЩщЯя"
SOUNDS = ("success", "warning", "error")


@dataclass(frozen=True)
class Check:
    area: str  # versions, folders, database, printers, cameras, fonts, resources
    name: str
    status: str  # ok, warning, problem
    detail: str


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if c.status == PROBLEM]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "problems": len(self.problems),
            "warnings": sum(c.status == WARNING for c in self.checks),
            "checks": [asdict(c) for c in self.checks],
        }

    def lines(self) -> list[str]:
        """The report for people, in their language (the JSON keeps the English keys)."""
        rows = [(word(c.status), word(c.area), word(c.name), c.detail) for c in self.checks]
        widths = [max((len(r[i]) for r in rows), default=0) for i in range(3)]
        return [f"{s:<{widths[0]}}  {a:<{widths[1]}}  {n:<{widths[2]}}  {d}" for s, a, n, d in rows]


# -- versions ----------------------------------------------------------------------------------


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


# -- folders -----------------------------------------------------------------------------------


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


# -- database ----------------------------------------------------------------------------------


def check_database(url: str | None = None) -> list[Check]:
    from sqlalchemy import func, select
    from sqlalchemy.engine import make_url

    from kiosk.core import migrate
    from kiosk.core.errors import KioskError
    from kiosk.core.models import Event
    from kiosk.core.store import open_store, resolve_url, safe_url

    resolved = resolve_url(url)
    checks = [Check("database", "url", OK, safe_url(resolved))]
    try:
        parsed = make_url(resolved)
    except Exception:
        return [*checks, Check("database", "engine", PROBLEM, tr("not a database URL"))]
    if parsed.get_backend_name() == "sqlite" and parsed.database and not parsed.database.startswith("file:"):
        if parsed.database != ":memory:" and not Path(parsed.database).exists():
            return [*checks, Check("database", "reachable", WARNING, tr("no database file yet: it is created at the first start"))]
    try:
        store = open_store(resolved, upgrade=False)
    except KioskError as exc:
        return [*checks, Check("database", "reachable", PROBLEM, str(exc))]
    try:
        with store.engine.connect() as conn:
            server = ".".join(str(p) for p in (conn.dialect.server_version_info or ()))
        checks.append(Check("database", "engine", OK, f"{store.dialect} {server}".strip()))
        checks.append(Check("database", "reachable", OK, tr("connected")))
        integrity = check_integrity(resolved)
        checks.extend(integrity)
        if any(c.status == PROBLEM for c in integrity):
            return checks
        current, head = migrate.current_revision(store), migrate.head_revision()
        if current == head:
            checks.append(Check("database", "schema", OK, tr("current ({revision})").format(revision=head)))
        elif current is None:
            checks.append(Check("database", "schema", WARNING, tr("empty: it is set up at the first start (newest {revision})").format(revision=head)))
            return checks
        elif current in _known_revisions():
            checks.append(Check("database", "schema", WARNING, tr("{current}, upgraded to {revision} at the next start").format(current=current, revision=head)))
        else:
            checks.append(Check("database", "schema", PROBLEM, tr("{current} is unknown to this version (newest {revision}): a newer kiosk made it").format(
                current=current, revision=head)))
            return checks
        with store.read() as session:
            events = session.exec(select(func.count()).select_from(Event)).one()[0]
        if events:
            checks.append(Check("database", "events", OK, str(events)))
        else:
            checks.append(Check("database", "events", WARNING, tr("none yet: create one (or `kiosk demo`)")))
    except Exception as exc:
        checks.append(Check("database", "reachable", PROBLEM, f"{type(exc).__name__}: {exc}"))
    finally:
        store.dispose()
    return checks


def check_integrity(url: str) -> list[Check]:
    """``PRAGMA quick_check`` on a SQLite file (read-only); PostgreSQL checks its own pages."""
    from kiosk.core import backup
    from kiosk.core.sqlite_files import sqlite_file

    db = sqlite_file(url)
    if db is None or not db.exists():
        return []
    try:
        found = backup.check_file(db)
    except backup.BackupError as exc:
        return [Check("database", "integrity", PROBLEM, str(exc))]
    if found:
        return [Check("database", "integrity", PROBLEM, backup.damaged_message(db, found))]
    return [Check("database", "integrity", OK, "quick_check ok")]


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from kiosk.core.migrate import alembic_config

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


# -- Qt: printers and cameras ---------------------------------------------------------------------


def _qt_app() -> None:
    from kiosk.printing.printers import ensure_app
    from kiosk.qt_logging import quiet_qt_logs

    quiet_qt_logs()
    ensure_app()


def check_printers() -> list[Check]:
    try:
        from kiosk.printing.printers import default_printer, list_printers

        _qt_app()
        printers, default = list_printers(), default_printer()
    except Exception as exc:
        return [Check("printers", "printing", WARNING, tr("cannot list printers: {error}").format(error=f"{type(exc).__name__}: {exc}"))]
    if not printers:
        return [Check("printers", "printers", WARNING, tr("none installed: badges stay queued (or print to pdf:FILE)"))]
    checks = [
        Check("printers", p.name, OK if p.ok else WARNING, tr("{state}, default").format(state=word(p.state)) if p.is_default else word(p.state))
        for p in printers
    ]
    if not default:
        checks.append(Check("printers", "default", WARNING, tr("no system default: choose a printer in the settings")))
    return checks


def check_cameras() -> list[Check]:
    try:
        _qt_app()
        from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

        # Without a media backend (Qt's FFmpeg plugin) no format decodes and no camera runs.
        backend = bool(QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode))
        cameras = list(QMediaDevices.videoInputs())
        default = QMediaDevices.defaultVideoInput()
    except Exception as exc:
        return [Check("cameras", "cameras", WARNING, tr("cannot list cameras: {error}").format(error=f"{type(exc).__name__}: {exc}"))]
    checks = [
        Check("cameras", "media backend", OK, tr("Qt multimedia (FFmpeg)"))
        if backend
        else Check("cameras", "media backend", WARNING, tr("Qt has no multimedia backend: cameras cannot scan"))
    ]
    if not cameras:
        return [*checks, Check("cameras", "cameras", WARNING, tr("none found: scan with a USB scanner or search by name"))]
    return checks + [
        Check("cameras", c.description(), OK, tr("default") if c.id() == default.id() else tr("available"))
        for c in cameras
    ]


# -- bundled resources -------------------------------------------------------------------------


def missing_glyphs(font_path: Path, letters: str = COVERAGE) -> str:
    """The letters the font has no glyph for (it would draw its 'missing' box instead)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), 48)

    def pixels(ch: str) -> bytes:
        image = Image.new("L", (96, 96))
        ImageDraw.Draw(image).text((16, 8), ch, font=font, fill=255)
        return image.tobytes()

    notdef = pixels("\U0010fffd")  # a private-use code point: no font draws it
    return "".join(ch for ch in letters if pixels(ch) == notdef)


def check_fonts() -> list[Check]:
    from kiosk.paths import resource

    fonts = sorted(resource("fonts").glob("*.ttf")) + sorted(resource("fonts").glob("*.otf"))
    if not fonts:
        return [Check("fonts", "fonts", PROBLEM, tr("no fonts in {folder}: badges cannot be drawn").format(folder=resource("fonts")))]
    checks = []
    for path in fonts:
        try:
            missing = missing_glyphs(path)
        except Exception as exc:
            checks.append(Check("fonts", path.name, PROBLEM, tr("does not load: {error}").format(error=exc)))
            continue
        if missing:
            checks.append(Check("fonts", path.name, WARNING, tr("cannot draw {letters}").format(letters=missing)))
        else:
            checks.append(Check("fonts", path.name, OK, tr("loads; covers å ł ő ß, Greek and Cyrillic")))
    return checks


def check_templates() -> list[Check]:
    try:
        from kiosk.badges.render import list_templates

        names = [t.name for t in list_templates()]
    except Exception as exc:  # a template with a mistake names its file and element
        return [Check("resources", "badge templates", PROBLEM, str(exc))]
    from kiosk.badges.templates import template_problems

    skipped = [Check("resources", p.split(":", 1)[0], WARNING, tr("{problem} (skipped)").format(problem=p)) for p in template_problems()]
    if not names:
        return [Check("resources", "badge templates", PROBLEM, tr("none found")), *skipped]
    return [Check("resources", "badge templates", OK, ", ".join(names)), *skipped]


def check_sounds() -> list[Check]:
    from kiosk.paths import resource

    bad = []
    for name in SOUNDS:
        try:
            with wave.open(str(resource("sounds", f"{name}.wav"))) as w:
                if w.getnframes() == 0:
                    bad.append(tr("{sound} (empty)").format(sound=name))
        except (OSError, EOFError, wave.Error):
            bad.append(name)
    if bad:
        return [Check("resources", "sounds", WARNING, tr("missing or unreadable: {sounds} (results stay silent)").format(sounds=", ".join(bad)))]
    return [Check("resources", "sounds", OK, ", ".join(SOUNDS))]


def check_translations() -> list[Check]:
    from kiosk.paths import resource

    found = sorted(p.stem.removeprefix("kiosk_") for p in resource("translations").glob("kiosk_*.qm"))
    if not found:
        return [Check("resources", "translations", WARNING, tr("none found: the app speaks English only"))]
    return [Check("resources", "translations", OK, ", ".join(found))]


def check_icons() -> list[Check]:
    from kiosk.paths import resource

    icon = resource("icons", "kiosk-256.png")
    return [Check("resources", "icon", OK if icon.is_file() else WARNING, str(icon) if icon.is_file() else tr("missing"))]


def run_checks(url: str | None = None, hardware: bool = True) -> Report:
    """Every check, in order; ``hardware=False`` skips the printers and cameras."""
    steps: list[Callable[[], Iterable[Check]]] = [
        check_versions,
        check_folders,
        lambda: check_database(url),
    ]
    if hardware:
        steps += [check_printers, check_cameras]
    steps += [check_fonts, check_templates, check_sounds, check_translations, check_icons]
    checks: list[Check] = []
    for step in steps:
        try:
            checks.extend(step())
        except Exception as exc:  # a check that breaks is itself a finding, never a traceback
            checks.append(Check("doctor", getattr(step, "__name__", "check"), PROBLEM, f"{type(exc).__name__}: {exc}"))
    return Report(tuple(checks))


if __name__ == "__main__":  # pragma: no cover
    report = run_checks()
    print("\n".join(report.lines()))
    sys.exit(report.exit_code)
