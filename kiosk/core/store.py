"""Opening the database: URL resolution, engine set-up, pragmas, self-upgrade, sessions.

One ``Store`` per process. ``read()`` gives a short session for queries; ``write()`` gives a
session whose transaction already holds the write lock (``BEGIN IMMEDIATE`` on SQLite), so
read-then-write units such as a check-in cannot interleave with another station's.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session, create_engine

from kiosk.core.deadline import deadline
from kiosk.core.errors import KioskError
from kiosk.core.files import private_dir
from kiosk.core.urls import mask_url, parse_url, scrub, with_env_password

log = logging.getLogger(__name__)

APP_NAME = "kiosk"
ENV_DB = "KIOSK_DB"
ENV_DATA_DIR = "KIOSK_DATA_DIR"

#: A check-in succeeds or fails within this many seconds, whatever the server does.
UNIT_DEADLINE = 2.5
#: A retry on a fresh connection is only worth it with this much of the deadline left.
RETRY_MIN = 1.0
#: SQLite: how long a writer waits for another one before giving up (milliseconds).
SQLITE_BUSY_MS = 3000
#: PostgreSQL: fail a new connection, a silent link and a stuck statement or lock in seconds,
#: not when the operating system gives up (minutes). Keepalives find a dead idle link;
#: tcp_user_timeout a link that stops acknowledging what we sent.
PG_CONNECT_ARGS = {
    "connect_timeout": 2,
    "application_name": "kiosk",
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 3000,
    "options": "-c statement_timeout=15000 -c lock_timeout=2000",
}


class StoreError(KioskError):
    """The database can't be opened or reached."""

    exit_code = 7


def data_dir() -> Path:
    """The user data folder (``KIOSK_DATA_DIR`` overrides it, e.g. for a portable kiosk)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return private_dir(path)


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'kiosk.db'}"


def resolve_url(cli_url: str | None = None) -> str:
    """``--db`` wins, then ``KIOSK_DB``, then a SQLite file in the user data folder."""
    return cli_url or os.environ.get(ENV_DB) or default_url()


def safe_url(url: str | URL) -> str:
    """The URL with its password hidden, fit for messages and logs (``kiosk.core.urls.mask_url``)."""
    return mask_url(url)


def _sqlite_path(url: URL) -> Path | None:
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def _prepare_sqlite_file(path: Path) -> None:
    """Create the file readable by its owner only before SQLite does it with the umask."""
    private_dir(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def _install_sqlite_pragmas(engine: Engine) -> None:
    @sa_event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let us issue BEGIN ourselves (pysqlite's own transaction handling defers it).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # durable commits, also in WAL mode
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @sa_event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("kiosk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_db_engine(url: str) -> Engine:
    parsed = parse_url(url)
    if parsed is None:
        try:
            make_url(url)
        except ValueError:  # SQLAlchemy reads the port with int()
            raise StoreError(f"Invalid database URL: {mask_url(url)!r} (the port is not a number)") from None
        except Exception:
            pass
        raise StoreError(f"Invalid database URL: {mask_url(url)!r}")
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_path(parsed)
        if path is not None:
            _prepare_sqlite_file(path)
            from kiosk.core.sqlite_files import remember_open

            remember_open(path)  # files the user picks are checked against it
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
        _install_sqlite_pragmas(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        parsed = with_env_password(parsed)
        # No pool_pre_ping (a round trip before every scan): a dropped connection is
        # retried once instead (Store.retrying), and a frozen one cut at the deadline.
        return create_engine(parsed, pool_size=4, max_overflow=4, connect_args=dict(PG_CONNECT_ARGS))
    raise StoreError(f"Unsupported database {safe_url(parsed)}: use sqlite:/// or postgresql+psycopg://")


class _HeldConnection:
    """SQLite: one connection kept out of the pool for the check-in's hot path.

    A scan on SQLite costs a fifth of a millisecond, and taking a connection from the pool and
    giving it back (its checkout, reset and bookkeeping) was a tenth of that. The held
    connection is opened like any other (the engine's pragmas), used by one scan at a time (a
    scan that finds it busy takes a pooled one), and closed when the engine is disposed, so a
    restore or a closing store leaves no connection behind."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.lock = threading.Lock()
        self.conn = None
        sa_event.listen(engine, "engine_disposed", self._on_disposed)

    def open(self):
        pooled = self.engine.raw_connection()
        conn = pooled.driver_connection
        pooled.detach()  # ours until closed; the pool neither resets nor counts it
        self.conn = conn
        return conn

    def drop(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken: nothing left to close
                pass

    def _on_disposed(self, _engine) -> None:
        with self.lock:
            self.drop()


class Store:
    """The engine and its session factories for one database."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self._write_engine = engine.execution_options(kiosk_write=True)
        self._held = _HeldConnection(engine) if engine.dialect.name == "sqlite" else None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return safe_url(self.url)

    @contextmanager
    def read(self, seconds: float | None = None) -> Iterator[Session]:
        """A session for queries; with ``seconds``, cut off if the server has not answered by then."""
        with Session(self.engine, expire_on_commit=False) as session:
            if seconds is None:
                yield session
            else:
                with deadline(session.connection().connection.dbapi_connection, seconds):
                    yield session

    @contextmanager
    def write(self, seconds: float | None = None) -> Iterator[Session]:
        """A session for one unit of work; commits on success, rolls back on error. With
        ``seconds``, the unit (commit included) is cut off if the server has not answered by then."""
        with Session(self._write_engine, expire_on_commit=False) as session:
            if seconds is None:
                with session.begin():
                    yield session
                return
            session.begin()
            with deadline(session.connection().connection.dbapi_connection, seconds):
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise

    @contextmanager
    def write_connection(self, seconds: float | None = None):
        """A bare Core connection holding the write lock, for the check-in's hot path; the caller
        commits. With ``seconds``, cut off if the server has not answered by then."""
        with self.engine.connect().execution_options(kiosk_write=True) as conn:
            with deadline(conn.connection.dbapi_connection, seconds):
                yield conn

    @contextmanager
    def write_cursor(self, seconds: float | None = None):
        """A bare DBAPI cursor for the check-in's hot path (``kiosk.core.checkin_fast``) in a
        transaction: on SQLite it already holds the write lock (``BEGIN IMMEDIATE``) and comes
        from the store's held connection when that is free (``_HeldConnection``); on PostgreSQL
        it comes from the pool, the driver begins the transaction and the caller's first
        statement locks its row. The caller commits; whatever it leaves open is rolled back.
        Driver errors come out as SQLAlchemy's ``DBAPIError``, a dropped connection invalidated
        and flagged, as on a Connection, so ``retrying`` and the screens see the same errors.
        With ``seconds``, cut off if the server has not answered by then (PostgreSQL: SQLite
        has no server to wait for; its busy timeout bounds the wait for another writer)."""
        held = self._held
        if held is not None and held.lock.acquire(blocking=False):
            try:
                conn = held.conn or held.open()
                try:
                    cur = conn.cursor()
                    cur.execute("BEGIN IMMEDIATE")
                    try:
                        yield cur
                    finally:
                        conn.rollback()  # nothing to do after the caller's commit
                except self.engine.dialect.loaded_dbapi.Error as exc:
                    error = self._driver_error(exc, conn, None)
                    if error.connection_invalidated:
                        held.drop()
                    raise error from exc
            finally:
                held.lock.release()
            return
        with self._pooled_cursor(seconds) as cur:
            yield cur

    def _driver_error(self, exc, dbapi, cur) -> DBAPIError:
        """A driver error as SQLAlchemy raises it, flagged when the connection is gone."""
        dialect = self.engine.dialect
        return DBAPIError.instance(None, None, exc, dialect.loaded_dbapi.Error,
                                   connection_invalidated=dialect.is_disconnect(exc, dbapi, cur), dialect=dialect)

    @contextmanager
    def _pooled_cursor(self, seconds: float | None):
        dialect = self.engine.dialect
        error = dialect.loaded_dbapi.Error
        pooled = dbapi = cur = None
        try:
            pooled = self.engine.raw_connection()
            dbapi = pooled.driver_connection
            with deadline(dbapi, seconds):
                cur = dbapi.cursor()
                if dialect.name == "sqlite":
                    cur.execute("BEGIN IMMEDIATE")
                try:
                    yield cur
                finally:
                    dbapi.rollback()  # nothing to do (no round trip) after the caller's commit
        except error as exc:
            wrapped = self._driver_error(exc, dbapi, cur)
            if wrapped.connection_invalidated and pooled is not None:
                pooled.invalidate(exc)
            raise wrapped from exc
        finally:
            if pooled is not None:
                pooled.close()

    def retrying(self, unit: Callable[[float], object], seconds: float = UNIT_DEADLINE):
        """Run ``unit(seconds_left)``; if its connection turned out to be dropped (the server
        restarted, a firewall ended an idle link), run it once more on a fresh connection while
        enough time is left. Only for units that are safe to repeat."""
        started = time.monotonic()
        try:
            return unit(seconds)
        except DBAPIError as exc:
            left = seconds - (time.monotonic() - started)
            if not exc.connection_invalidated or left < RETRY_MIN:
                raise
            log.info("database connection dropped (%s); retrying once", str(exc.orig).strip().splitlines()[0] if exc.orig else exc)
            return unit(left)

    def ping(self, seconds: float = UNIT_DEADLINE) -> bool:
        try:
            with self.engine.connect() as conn:
                with deadline(conn.connection.dbapi_connection, seconds):
                    conn.execute(text("SELECT 1"))
            return True
        except (OperationalError, DBAPIError):
            return False

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None, upgrade: bool = True) -> Store:
    """Open (and by default upgrade) the database chosen by ``--db``/``KIOSK_DB``/default."""
    from kiosk.core import migrate

    resolved = resolve_url(url)
    engine = create_db_engine(resolved)
    store = Store(resolved, engine)
    try:
        if upgrade:
            migrate.upgrade(store)
        else:
            store.engine.connect().close()
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if getattr(exc, "orig", None) else str(exc)
        raise StoreError(f"Cannot reach database {safe_url(resolved)}: {scrub(reason, resolved)}") from None
    return store


#: The errors that mean "the database cannot be reached (now)", as the screens tell staff.
UNREACHABLE = (OperationalError, DBAPIError, StoreError, ConnectionError, TimeoutError)
