import os
import stat

import pytest
from sqlalchemy import text

from kiosk.core import migrate
from kiosk.core.store import StoreError, default_url, open_store, resolve_url, safe_url


def test_default_database_lives_in_user_data_dir_and_is_private(isolated_user_dirs):
    url = resolve_url(None)
    assert url == default_url()
    assert str(isolated_user_dirs) in url
    store = open_store(None)
    try:
        path = url.removeprefix("sqlite:///")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    finally:
        store.dispose()


def test_env_and_flag_choose_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_DB", f"sqlite:///{tmp_path}/env.db")
    assert resolve_url(None).endswith("env.db")
    assert resolve_url(f"sqlite:///{tmp_path}/flag.db").endswith("flag.db")


def test_sqlite_pragmas(sqlite_url):
    store = open_store(sqlite_url)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    store.dispose()


def test_opens_and_upgrades_itself(store):
    assert migrate.current_revision(store) == migrate.head_revision()


def test_migrations_have_one_head():
    from alembic.script import ScriptDirectory

    assert len(ScriptDirectory.from_config(migrate.alembic_config()).get_heads()) == 1


def test_unreachable_database_says_so_without_password():
    with pytest.raises(StoreError) as err:
        open_store("postgresql+psycopg://kiosk:s3cret@127.0.0.1:9/nowhere")
    message = str(err.value)
    assert "Cannot reach database" in message and "s3cret" not in message and "***" in message


def test_bad_urls():
    with pytest.raises(StoreError, match="Invalid database URL"):
        open_store("not a url")
    with pytest.raises(StoreError, match="Unsupported database"):
        open_store("mysql://x@localhost/db")
    assert safe_url("postgresql://a:b@h/d") == "postgresql://a:***@h/d"


def test_quick_head_agrees_with_alembic():
    assert migrate.quick_head() == migrate.head_revision()
