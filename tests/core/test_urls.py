"""Database URLs are shown with the password masked, whatever shape they are in."""

from __future__ import annotations

import pytest

from kiosk.core.audit import without_passwords
from kiosk.core.store import StoreError, create_db_engine, safe_url
from kiosk.core.urls import ENV_DB_PASSWORD, MASK, mask_url, scrub, with_env_password

SECRET = "Sup3r-Secr3t"


@pytest.mark.parametrize("url", [
    f"postgresql+psycopg://kiosk:{SECRET}@db.example.org/kiosk",
    f"postgresql://kiosk:{SECRET}@db.example.org:5432/kiosk?sslmode=require",
    f"postgresql://kiosk:{SECRET}@db.example.org:notaport/kiosk",  # parse error (port)
    f"postgres ql://kiosk:{SECRET}@host/db",  # not a URL at all
    f"nonsense:{SECRET}@host",
    f"postgresql://kiosk:{SECRET}@@host/db",
    f"postgresql://kiosk:pre@{SECRET}@host/db",  # an unescaped @ in the password
    f"postgresql://kiosk:{SECRET}/x@host/db",
    f"postgresql://kiosk@host/db?password={SECRET}",
    f"postgresql+psycopg://kiosk@host/db?sslmode=require&password={SECRET}&x=1",
])
def test_the_password_never_shows(url):
    shown = mask_url(url)
    assert SECRET not in shown and MASK in shown
    assert "host" in shown or "example" in shown  # still says where
    assert safe_url(url) == shown


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://kiosk@db.example.org/kiosk",
    "postgresql+psycopg:///?service=kiosk",
    "sqlite:////var/lib/kiosk/kiosk.db",
])
def test_a_url_without_password_is_shown_as_it_is(url):
    assert mask_url(url) == url


def test_a_sqlite_path_with_colon_and_at_is_not_mangled():
    assert "kiosk@2026" in mask_url("sqlite:////tmp/a/kiosk@2026.db")


@pytest.mark.parametrize("url", [
    f"postgresql://kiosk:{SECRET}@db.example.org:notaport/kiosk",
    f"nonsense:{SECRET}@host",
])
def test_invalid_url_error_masks_the_password(url):
    with pytest.raises(StoreError) as caught:
        create_db_engine(url)
    assert "Invalid database URL" in str(caught.value) and SECRET not in str(caught.value)


def test_a_driver_message_is_scrubbed(monkeypatch):
    url = f"postgresql://kiosk:{SECRET}@host/db"
    assert SECRET not in scrub(f'missing "=" after "{SECRET}" in connection info string', url)
    monkeypatch.setenv(ENV_DB_PASSWORD, "FromTheEnvironment")
    assert "FromTheEnvironment" not in scrub("password FromTheEnvironment refused", None)


def test_the_audit_trail_never_holds_a_password():
    details = without_passwords({"key": "database/url", "value": f"postgresql://k:{SECRET}@h/d", "n": 3})
    assert SECRET not in str(details) and details["n"] == 3


def test_environment_password_is_merged_only_when_the_url_has_none(monkeypatch):
    from sqlalchemy.engine import make_url

    monkeypatch.setenv(ENV_DB_PASSWORD, "FromTheEnvironment")
    assert with_env_password(make_url("postgresql+psycopg://k@h/d")).password == "FromTheEnvironment"
    assert with_env_password(make_url("postgresql+psycopg://k:own@h/d")).password == "own"
    assert with_env_password(make_url("sqlite:///x.db")).password is None
    engine = create_db_engine("postgresql+psycopg://k@h/d")
    assert engine.url.password == "FromTheEnvironment" and "FromTheEnvironment" not in repr(engine)
    engine.dispose()


def test_the_log_masks_a_password_wherever_it_shows(monkeypatch):
    import logging

    from kiosk import logs

    monkeypatch.setenv(ENV_DB_PASSWORD, "FromTheEnvironment")
    path = logs.setup()
    log = logging.getLogger("kiosk.test")
    try:
        raise RuntimeError(f"connect to postgresql://kiosk:{SECRET}@db/kiosk failed")
    except RuntimeError:
        log.exception("could not open %s (password FromTheEnvironment)", f"postgresql+psycopg://k:{SECRET}@h/d")
    logs.flush()
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "kiosk:***@db" in text
    assert SECRET not in text and "FromTheEnvironment" not in text
