"""The schema's migrations, run for real on each engine: `kiosk db upgrade` and `kiosk db current`
as a user types them, and the way back (downgrade to nothing, upgrade again)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from kiosk.core import migrate
from kiosk.core.demo import create_demo
from kiosk.core.store import open_store, safe_url

TABLES = {t.name for t in SQLModel.metadata.sorted_tables}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    """A database with no schema at all, on each engine (PostgreSQL: one made for this test)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    server = request.getfixturevalue("pg_server_url")
    name = f"kiosk_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def kiosk_db(url: str, action: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "db", action],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def schema_differences(url: str) -> list:
    """What autogenerate would change to reach the models: nothing, for a migrated database."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    finally:
        engine.dispose()


@pytest.mark.slow
def test_db_current_and_db_upgrade_from_the_command_line(empty_url):
    head = migrate.head_revision()
    shown = safe_url(empty_url)

    done = kiosk_db(empty_url, "current")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"empty (newest: {head})\n", "")
    assert tables(empty_url) == set()  # looking changes nothing

    done = kiosk_db(empty_url, "upgrade")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{shown}: empty -> {head}\n", "")
    assert tables(empty_url) == TABLES
    assert schema_differences(empty_url) == []

    done = kiosk_db(empty_url, "upgrade")
    assert (done.returncode, done.stdout) == (0, f"{shown}: up to date ({head})\n")
    done = kiosk_db(empty_url, "current")
    assert (done.returncode, done.stdout) == (0, f"{head} (newest: {head})\n")


def test_downgrade_to_nothing_and_upgrade_again(empty_url):
    store = open_store(empty_url)  # opening upgrades
    try:
        create_demo(store, attendees=5, seed=3)
        assert tables(empty_url) == TABLES
        cfg = migrate.alembic_config(store)
        with store.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
            conn.commit()
        assert tables(empty_url) == set()
        assert migrate.current_revision(store) is None

        migrate.upgrade(store)
        assert migrate.current_revision(store) == migrate.head_revision()
        assert tables(empty_url) == TABLES
        assert schema_differences(empty_url) == []
        create_demo(store, attendees=5, seed=3)  # and it works
    finally:
        store.dispose()
