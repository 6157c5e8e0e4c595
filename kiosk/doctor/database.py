"""The database: reachable, sound (SQLite's quick_check), its schema and its events. Nothing
here writes to it."""

from __future__ import annotations

from pathlib import Path

from kiosk.doctor.report import OK, PROBLEM, WARNING, Check
from kiosk.i18n import tr


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
