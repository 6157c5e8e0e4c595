"""Alembic, driven from code: a database opens and upgrades itself."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from kiosk.core.store import Store

MIGRATIONS = Path(__file__).with_name("migrations")
_PG_LOCK_ID = 0x6B696F736B  # "kiosk": serialises concurrent upgrades on PostgreSQL


def alembic_config(store: Store | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if store is not None:
        cfg.set_main_option("sqlalchemy.url", store.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store, target: str = "head") -> None:
    """Bring the schema to ``target``. Safe when several stations start at once."""
    head = head_revision()
    if target == "head" and current_revision(store) == head:
        return
    cfg = alembic_config(store)
    with store.engine.connect().execution_options(kiosk_write=True) as conn:
        if store.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_ID})
            conn.commit()
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            conn.commit()
        finally:
            if store.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_ID})
                conn.commit()
