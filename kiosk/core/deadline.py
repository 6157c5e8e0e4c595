"""A client-side deadline for a unit of work on PostgreSQL.

A server that freezes (stopped, swapped out, behind a switch that dropped the link) keeps the
TCP connection open and answers nothing: server-side timeouts never fire, and TCP keepalives
only notice when nothing at all answers. So a check-in also carries its own deadline: one
watchdog thread per process cuts the socket of a unit of work that overran it. The driver then
fails at once with a broken connection, SQLAlchemy drops it from the pool, and the caller sees
an ordinary "database unreachable" error. Arming and disarming cost a lock and a dict entry;
nothing travels to the server.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


class Watchdog:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._armed: dict[int, int] = {}  # token -> socket fd
        self._heap: list[tuple[float, int]] = []
        self._tokens = itertools.count(1)
        self._thread: threading.Thread | None = None

    def arm(self, fd: int, seconds: float) -> int:
        with self._cond:
            token = next(self._tokens)
            self._armed[token] = fd
            heapq.heappush(self._heap, (time.monotonic() + seconds, token))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="kiosk-db-deadline", daemon=True)
                self._thread.start()
            self._cond.notify()
            return token

    def disarm(self, token: int) -> None:
        with self._cond:
            self._armed.pop(token, None)

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._heap and self._heap[0][1] not in self._armed:
                    heapq.heappop(self._heap)  # finished in time
                if not self._heap:
                    self._cond.wait()
                    continue
                due, token = self._heap[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
                _cut(self._armed.pop(token))  # under the lock: the fd cannot be closed meanwhile


def _cut(fd: int) -> None:
    """Shut the connection's socket down; the driver's blocked read returns at once."""
    try:
        sock = socket.socket(fileno=os.dup(fd))
    except OSError:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
        log.warning("database did not answer in time; connection cut")
    except OSError:
        pass
    finally:
        sock.close()


WATCHDOG = Watchdog()


@contextmanager
def deadline(dbapi_connection, seconds: float | None) -> Iterator[None]:
    """Cut ``dbapi_connection`` (a psycopg connection) if the block runs longer than ``seconds``."""
    fd = _socket_of(dbapi_connection) if seconds else None
    if fd is None:
        yield
        return
    token = WATCHDOG.arm(fd, seconds)
    try:
        yield
    finally:
        WATCHDOG.disarm(token)


def _socket_of(dbapi_connection) -> int | None:
    pgconn = getattr(dbapi_connection, "pgconn", None)  # psycopg 3; SQLite has no socket
    try:
        return pgconn.socket if pgconn is not None else None
    except Exception:  # already broken
        return None


class HubTimeout(TimeoutError):
    """The hub did not answer within the deadline."""


def within(seconds: float, fn: Callable, *args, undo: Callable | None = None, name: str = "kiosk-hub-call"):
    """Run ``fn(*args)`` on a helper thread and give up waiting after ``seconds``
    (``HubTimeout``). A result that comes after that goes to ``undo`` (say, a print job claimed
    too late goes back to the queue). ``name`` names the helper thread."""
    lock, box = threading.Lock(), {}

    def run() -> None:
        try:
            value = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller
            with lock:
                box["error"] = exc
            return
        with lock:
            box["value"] = value
            late = "abandoned" in box
        if late and undo is not None:
            undo(value)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    thread.join(seconds)
    with lock:
        if not box:
            box["abandoned"] = True
            raise HubTimeout(f"the hub did not answer within {seconds:.1f} s")
    if "error" in box:
        raise box["error"]
    return box["value"]
