"""The staff PIN of an event: stored as an scrypt hash, checked with a rate limit. No Qt.

The self-service screen asks for the PIN to leave kiosk mode. Five wrong tries are free; after
that each further try waits longer (5 s, 10 s, 20 s ... up to 5 minutes), so a PIN cannot be
guessed at the screen. The PIN itself is never stored, logged or written to the audit trail.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.core import audit
from kiosk.core.errors import UsageError
from kiosk.core.events import Actor
from kiosk.core.models import EventSetting
from kiosk.core.store import Store

PIN_KEY = "admin_pin_hash"
MIN_LENGTH, MAX_LENGTH = 4, 12
# scrypt cost: 16 MiB of memory and ~50 ms per check.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32


def check_pin_format(pin: str) -> str:
    """The PIN, if it is 4 to 12 digits; else a UsageError."""
    pin = pin.strip()
    if not (pin.isascii() and pin.isdigit()):
        raise UsageError("A PIN is made of digits only")
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise UsageError(f"A PIN has {MIN_LENGTH} to {MAX_LENGTH} digits")
    return pin


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64 salt and hash)."""
    salt = salt or secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=HASH_BYTES)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` hashes to ``stored`` (constant-time compare; False for a malformed hash)."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        salt_bytes, expected_bytes = base64.b64decode(salt), base64.b64decode(expected)
        digest = hashlib.scrypt(
            pin.encode("utf-8"), salt=salt_bytes, n=int(n), r=int(r), p=int(p), dklen=len(expected_bytes), maxmem=64 * 2**20
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected_bytes)


def set_pin(store: Store, event_id: int, pin: str, actor: Actor = Actor()) -> None:
    """Store the event's PIN (hashed) and audit that it changed."""
    pin = check_pin_format(pin)
    hashed = hash_pin(pin)
    with store.write() as session:
        row = session.get(EventSetting, (event_id, PIN_KEY))
        replaced = row is not None
        if row is None:
            row = EventSetting(event_id=event_id, key=PIN_KEY, value=hashed)
        else:
            row.value = hashed
        session.add(row)
        audit.record(session, "pin_set", actor, event_id, None, replaced=replaced)


def has_pin(store: Store, event_id: int) -> bool:
    with store.read() as session:
        row = session.get(EventSetting, (event_id, PIN_KEY))
        return bool(row and row.value)


def verify_pin(store: Store, event_id: int, pin: str) -> bool:
    """Whether ``pin`` is the event's PIN. False when no PIN is set."""
    with store.read() as session:
        row = session.get(EventSetting, (event_id, PIN_KEY))
        stored = row.value if row else ""
    return bool(stored) and matches(pin.strip(), stored)


@dataclass(frozen=True)
class Attempt:
    """The outcome of one PIN try: accepted, or not, and how long until the next try is taken."""

    ok: bool
    wait_seconds: float = 0.0
    #: True when the try was refused without checking, because the wait was not over.
    too_soon: bool = False


class PinRateLimiter:
    """Free tries, then a growing delay between tries. One per screen; not shared between threads.

    ``clock`` is a monotonic time source in seconds (tests pass their own).
    """

    def __init__(
        self,
        free_tries: int = 5,
        base_delay: float = 5.0,
        max_delay: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.free_tries = free_tries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._clock = clock
        self.failures = 0
        self._next_allowed = 0.0

    def delay_after(self, failures: int) -> float:
        """The wait imposed after ``failures`` wrong tries in a row."""
        if failures < self.free_tries:
            return 0.0
        return min(self.max_delay, self.base_delay * 2 ** (failures - self.free_tries))

    def wait_seconds(self) -> float:
        """Seconds until the next try is taken (0 when it may be taken now)."""
        return max(0.0, self._next_allowed - self._clock())

    def record_failure(self) -> float:
        self.failures += 1
        delay = self.delay_after(self.failures)
        self._next_allowed = self._clock() + delay
        return delay

    def reset(self) -> None:
        self.failures = 0
        self._next_allowed = 0.0

    def attempt(self, check: Callable[[str], bool], pin: str) -> Attempt:
        """Check ``pin`` with ``check`` unless a wait is running; update the count either way."""
        waiting = self.wait_seconds()
        if waiting > 0:
            return Attempt(False, waiting, too_soon=True)
        if check(pin):
            self.reset()
            return Attempt(True)
        return Attempt(False, self.record_failure())

    def try_pin(self, store: Store, event_id: int, pin: str) -> Attempt:
        return self.attempt(lambda p: verify_pin(store, event_id, p), pin)
