"""Alembic, driven from code: a database opens and upgrades itself.

Opening an up-to-date database is the common case, and it does not import Alembic at all: the
newest revision is read from the version files and compared with ``alembic_version``. Alembic
(and the memory and start-up time it costs) is loaded only when there is something to upgrade.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import inspect, text

from kiosk.core.store import Store

MIGRATIONS = Path(__file__).with_name("migrations")
_PG_LOCK_ID = 0x6B696F736B  # "kiosk": serialises concurrent upgrades on PostgreSQL


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)


@cache
def quick_head() -> str | None:
    """The newest revision, from the version files themselves (one head by construction)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if found := _REVISION.search(source):
            revisions.add(found.group(1))
        parents.update(_DOWN.findall(source))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(store: Store | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if store is not None:
        cfg.set_main_option("sqlalchemy.url", store.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(store: Store) -> str | None:
    return _stored_revision(store)


def upgrade(store: Store, target: str = "head") -> None:
    """Bring the schema to ``target``. Safe when several stations start at once."""
    if target == "head":
        head = quick_head()
        if head is not None and _stored_revision(store) == head:
            return
    from alembic import command

    cfg = alembic_config(store)
    with store.engine.connect().execution_options(kiosk_write=True) as conn:
        if store.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_ID})
            conn.commit()
        sqlite = store.dialect == "sqlite"
        if sqlite:
            # A batch migration copies a table and drops the old one while other tables' rows
            # still point at it: SQLite's own advice is foreign keys off for the rebuild (outside
            # any transaction), then a foreign_key_check before they go back on.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            if sqlite:
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise RuntimeError(f"the upgrade left a row of {broken[0]} pointing at no {broken[2]}")
            conn.commit()
        finally:
            if sqlite:
                conn.rollback()
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
            if store.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_ID})
                conn.commit()
