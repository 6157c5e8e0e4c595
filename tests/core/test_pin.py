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
    assert not early.ok and early.too_soon and early.wait_seconds == 5.0
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
