"""Shared fixtures: redirected user folders, a real database on each engine, the demo event.

The PostgreSQL tests use the server named by KIOSK_TEST_PG_URL (scripts/test starts one).
Without it they are skipped, unless KIOSK_REQUIRE_SERVICES is on (1, true, yes; as in CI), where
a missing server is a failure. 0, false, no, off or empty leave it off.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from kiosk.core.demo import create_demo
from kiosk.core.events import Actor
from kiosk.core.store import open_store


def flag_on(value: str | None) -> bool:
    """An environment switch: off when unset, empty, 0, false, no or off (any case)."""
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


REQUIRE_SERVICES = flag_on(os.environ.get("KIOSK_REQUIRE_SERVICES"))


def need_service(name: str, hint: str):
    message = f"no {name} for this test run ({hint})"
    if REQUIRE_SERVICES:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets empty data, config, cache and log folders, and no KIOSK_DB."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("KIOSK_DB", raising=False)
    monkeypatch.delenv("KIOSK_DATA_DIR", raising=False)
    monkeypatch.setenv("KIOSK_LANG", "en")  # English screens and CLI whatever the machine's locale
    return home


@pytest.fixture(scope="session")
def pg_server_url():
    admin = os.environ.get("KIOSK_TEST_PG_URL")
    if not admin:
        need_service("PostgreSQL server", "set KIOSK_TEST_PG_URL, or run scripts/test")
    return admin


@pytest.fixture(scope="session")
def pg_database(pg_server_url):
    """A fresh database for this test session, dropped at the end."""
    name = f"kiosk_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    store = open_store(url)  # migrate once
    store.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_pg(url: str) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A database URL with the current schema and no rows, on each engine in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kiosk.db'}"
    url = request.getfixturevalue("pg_database")
    _truncate_pg(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'kiosk.db'}"


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.dispose()


@pytest.fixture
def demo_event(store) -> int:
    return create_demo(store, attendees=170, seed=7)


@pytest.fixture
def actor() -> Actor:
    return Actor(station="Desk 1", operator="Tove")
