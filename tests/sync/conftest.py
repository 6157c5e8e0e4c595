"""A hub on the real PostgreSQL (reached through a relay the test can cut) and station replicas."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from kiosk.core.demo import create_demo
from kiosk.core.replica import open_replica
from kiosk.core.store import open_store
from tests.conftest import _truncate_pg
from tests.relay import Relay


@pytest.fixture
def hub_url(pg_database):
    _truncate_pg(pg_database)
    return pg_database


@pytest.fixture
def relay(hub_url):
    url = make_url(hub_url)
    r = Relay(url.host, url.port)
    r.url = url.set(host="127.0.0.1", port=r.port).render_as_string(hide_password=False)
    yield r
    r.close()


@pytest.fixture
def hub(hub_url):
    store = open_store(hub_url)
    yield store
    store.dispose()


@pytest.fixture
def event_id(hub) -> int:
    return create_demo(hub, attendees=40, seed=5)


@pytest.fixture
def make_replica(tmp_path, hub_url):
    opened = []

    def make(name: str = "a"):
        store = open_replica(hub_url, tmp_path / f"replica-{name}.db")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.dispose()
