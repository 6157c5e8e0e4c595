import base64
import hashlib

import pytest

from kiosk.core import audit, pin
from kiosk.core.errors import UsageError
from kiosk.core.events import Actor
from kiosk.core.models import EventSetting


def test_set_and_verify_store_only_an_scrypt_hash(store, demo_event):
    assert not pin.has_pin(store, demo_event)
    assert not pin.verify_pin(store, demo_event, "1234")  # no PIN set: nothing opens
    pin.set_pin(store, demo_event, "482916", Actor("Office", "Ann"))
    with store.read() as s:
        stored = s.get(EventSetting, (demo_event, "admin_pin_hash")).value
    assert stored.startswith("scrypt$16384$8$1$") and "482916" not in stored
    assert pin.has_pin(store, demo_event)
    assert pin.verify_pin(store, demo_event, "482916")
    assert pin.verify_pin(store, demo_event, " 482916\n")
    assert not pin.verify_pin(store, demo_event, "482917")
    assert not pin.verify_pin(store, demo_event, "")

    pin.set_pin(store, demo_event, "1111")
    assert pin.verify_pin(store, demo_event, "1111") and not pin.verify_pin(store, demo_event, "482916")
    entries = audit.list_entries(store, actions=["pin_set"])
    assert [e.details for e in entries] == [{"replaced": False}, {"replaced": True}]
    assert (entries[0].station, entries[0].operator, entries[0].event_id) == ("Office", "Ann", demo_event)


def test_same_pin_hashes_differently_each_time():
    a, b = pin.hash_pin("2468"), pin.hash_pin("2468")
    assert a != b and pin.matches("2468", a) and pin.matches("2468", b)
    assert not pin.matches("2468", "bcrypt$whatever") and not pin.matches("2468", "garbage")
    other_scheme = "bcrypt" + a[len("scrypt"):]  # well formed, right hash, another scheme: refused
    assert not pin.matches("2468", other_scheme)


@pytest.mark.parametrize("bad", ["123", "1234567890123", "12a4", "１２３４", "", "12 34"])
def test_pin_format(store, demo_event, bad):
    with pytest.raises(UsageError):
        pin.set_pin(store, demo_event, bad)
    assert not pin.has_pin(store, demo_event)


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_rate_limiter_five_free_tries_then_growing_delay():
    clock = FakeClock()
    limiter = pin.PinRateLimiter(clock=clock)
    right = lambda p: p == "2468"  # noqa: E731
    for _ in range(4):
        assert limiter.attempt(right, "0000") == pin.Attempt(False, 0.0)
    fifth = limiter.attempt(right, "0000")
    assert not fifth.ok and fifth.wait_seconds == 5.0
    # while waiting even the right PIN is refused, unchecked
    early = limiter.attempt(right, "2468")
    assert early == pin.Attempt(False, 5.0, too_soon=True)
    clock.now += 4.5  # the last half second of the wait still waits
    assert limiter.attempt(right, "2468") == pin.Attempt(False, 0.5, too_soon=True)
    clock.now -= 4.5
    clock.now += 5
    assert limiter.attempt(right, "0000").wait_seconds == 10.0
    clock.now += 10
    assert limiter.attempt(right, "0000").wait_seconds == 20.0
    assert limiter.delay_after(30) == 300.0
    clock.now += 20
    assert limiter.attempt(right, "2468") == pin.Attempt(True)
    assert limiter.failures == 0 and limiter.wait_seconds() == 0.0


def test_rate_limiter_against_the_stored_pin(store, demo_event):
    pin.set_pin(store, demo_event, "9753")
    limiter = pin.PinRateLimiter(free_tries=2, base_delay=1.0, clock=FakeClock())
    assert not limiter.try_pin(store, demo_event, "1").ok
    assert limiter.try_pin(store, demo_event, "9753").ok


def test_pin_format_messages_and_the_longest_pin():
    with pytest.raises(UsageError, match=r"^A PIN is made of digits only$"):
        pin.check_pin_format("12a4")
    with pytest.raises(UsageError, match=r"^A PIN has 4 to 12 digits$"):
        pin.check_pin_format("123")
    assert pin.check_pin_format(" 123456789012 ") == "123456789012"  # 12 digits: the longest allowed


def test_hash_layout_and_a_costlier_stored_hash_still_checks():
    scheme, n, r, p, salt, digest = pin.hash_pin("2468").split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    # A hash made with twice the memory cost (32 MiB, more than hashlib allows by default) checks.
    stronger = pin.hash_pin("2468").replace("scrypt$16384$", "scrypt$32768$")
    salt_bytes = base64.b64decode(stronger.split("$")[4])
    real = hashlib.scrypt(b"2468", salt=salt_bytes, n=2**15, r=8, p=1, dklen=32, maxmem=64 * 2**20)
    stronger = "$".join(stronger.split("$")[:5] + [base64.b64encode(real).decode()])
    assert pin.matches("2468", stronger) and not pin.matches("2467", stronger)


def test_a_clock_that_starts_at_zero_lets_the_first_try_through():
    clock = FakeClock()
    clock.now = 0.0  # a monotonic clock may start anywhere, zero included
    limiter = pin.PinRateLimiter(clock=clock)
    assert limiter.wait_seconds() == 0.0
    assert limiter.attempt(lambda p: True, "1234") == pin.Attempt(True)
    assert limiter.wait_seconds() == 0.0
