"""The database password never shows (config, audit, doctor, errors, logs), it can stay out of
the station file altogether, and doctor checks the database the station really uses."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy.engine import make_url
from sqlmodel import select

from kiosk.cli import main
from kiosk.core.demo import create_demo
from kiosk.core.models import AuditEntry
from kiosk.core.store import open_store
from kiosk.core.urls import ENV_DB_PASSWORD
from kiosk.logs import log_dir
from tests.conftest import _truncate_pg

SECRET = "Sup3r-Secr3t"


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


@pytest.fixture
def pg_demo(pg_database):
    """The test PostgreSQL database with a small demo event (the server trusts local users, so
    any password in the URL is accepted and can be looked for in what the kiosk shows)."""
    _truncate_pg(pg_database)
    store = open_store(pg_database)
    create_demo(store, attendees=5)
    store.dispose()
    return pg_database


def with_password(url: str, password: str = SECRET) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.postgres
def test_config_audit_and_doctor_never_show_the_database_password(pg_demo, config_home, capsys):
    url = with_password(pg_demo)
    shown: list[str] = []

    def ok(*args: str) -> str:
        code, out = run(capsys, *args)
        assert code == 0, out
        shown.append(out)
        return out

    assert "***" in ok("config", "set", "database/url", url)
    assert SECRET in (config_home / "station.toml").read_text()  # kept where the user put it
    plain = ok("config", "show")
    assert "database/url" in plain and "***" in plain
    assert "***" in ok("config", "show", "-v")
    settings = {s["key"]: s["value"] for s in json.loads(ok("config", "show", "--json"))["settings"]}
    assert settings["database/url"] == url.replace(SECRET, "***")
    assert "database/url" in ok("audit") and "database/url" in ok("audit", "--json")
    ok("doctor", "--no-hardware")
    for out in shown:
        assert SECRET not in out
    store = open_store(pg_demo)
    with store.read() as session:
        details = [e.details for e in session.exec(select(AuditEntry)).all()]
    store.dispose()
    assert any("database/url" in d for d in details) and not any(SECRET in d for d in details)
    for log in log_dir().glob("kiosk.log*"):
        assert SECRET not in log.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("url", [
    f"postgresql+psycopg://kiosk:{SECRET}@127.0.0.1:1/kiosk",  # nobody listens there
    f"postgresql+psycopg://kiosk:{SECRET}@127.0.0.1:notaport/kiosk",
    f"postgres ql://kiosk:{SECRET}@127.0.0.1/kiosk",
])
def test_database_errors_never_show_the_password(url, capsys, config_home):
    code, out = run(capsys, "--db", url, "stats")
    assert code == 7 and out.startswith("kiosk: ") and out.count("\n") == 1, out
    assert SECRET not in out and "***" in out
    code, out = run(capsys, "--db", url, "doctor", "--no-hardware")
    assert code == 1 and SECRET not in out and "***" in out


@pytest.mark.postgres
def test_password_from_the_environment_never_in_a_file(pg_demo, config_home, capsys, monkeypatch):
    monkeypatch.setenv(ENV_DB_PASSWORD, SECRET)
    assert run(capsys, "config", "set", "database/url", pg_demo)[0] == 0
    assert SECRET not in (config_home / "station.toml").read_text()
    store = open_store(pg_demo)
    try:
        with store.engine.connect() as conn:
            assert conn.connection.driver_connection.info.password == SECRET
    finally:
        store.dispose()
    code, out = run(capsys, "stats")
    assert code == 0 and SECRET not in out


@pytest.mark.postgres
def test_password_from_a_pgpass_file(pg_demo, tmp_path, monkeypatch):
    parsed = make_url(pg_demo)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{parsed.host}:{parsed.port}:*:{parsed.username}:FromPassFile\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    store = open_store(pg_demo)
    try:
        with store.engine.connect() as conn:
            assert conn.connection.driver_connection.info.password == "FromPassFile"
    finally:
        store.dispose()


@pytest.mark.postgres
def test_a_service_file_names_the_server(pg_demo, tmp_path, monkeypatch, capsys, config_home):
    parsed = make_url(pg_demo)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[kiosk]\nhost={parsed.host}\nport={parsed.port}\nuser={parsed.username}\ndbname={parsed.database}\n"
        f"password={SECRET}\n"
    )
    services.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    assert run(capsys, "config", "set", "database/url", "postgresql+psycopg:///?service=kiosk")[0] == 0
    code, out = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["expected"] == 5
    code, out = run(capsys, "doctor", "--no-hardware")
    assert "service=kiosk" in out and SECRET not in out


def test_doctor_checks_the_station_database(tmp_path, config_home, capsys, monkeypatch):
    station_url = f"sqlite:///{tmp_path / 'station.db'}"
    store = open_store(station_url)
    create_demo(store, attendees=5)
    store.dispose()
    assert run(capsys, "config", "set", "database/url", station_url)[0] == 0

    def doctor(*args: str) -> dict:
        code, out = run(capsys, *args, "doctor", "--json", "--no-hardware")
        return {(c["area"], c["name"]): c["detail"] for c in json.loads(out)["checks"]}

    checks = doctor()
    assert checks[("database", "url")] == station_url and checks[("database", "events")] == "1"
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert doctor("--db", other)[("database", "url")] == other  # --db still wins
    monkeypatch.setenv("KIOSK_DB", other)
    assert doctor()[("database", "url")] == other  # and so does KIOSK_DB
    assert not os.path.exists(tmp_path / "other.db")  # doctor creates no database
