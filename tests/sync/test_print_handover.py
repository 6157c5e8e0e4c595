"""Who prints a badge asked for offline, in every order of events: printed here then pushed,
pushed before printing, the hub back mid-print, a crash between printing and marking, a push
whose answer is lost, a push cut by the hub. Exactly one of replica and hub prints each job
(counted by claims and by the hub's job and badge_print rows); after a crash, at most twice.
Real PostgreSQL hub (behind a relay the test can cut), real SQLite replica, no Qt."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from kiosk.core import outbox, printqueue, replica as rep, sync
from kiosk.core.models import BadgePrint, PrintJob, Station
from kiosk.core.station_queue import HubSilent, StationQueue
from kiosk.core.store import open_store
from kiosk.core.sync_tables import OUTBOX
from tests.ui.conftest import people

pytestmark = pytest.mark.postgres
STATION = "Door 3"


class Link:
    """The station's online flag, as the StationService keeps it."""

    def __init__(self, online: bool = False):
        self.up = online

    def __call__(self) -> bool:
        return self.up


@pytest.fixture
def station(hub, event_id, make_replica):
    local = make_replica()
    rep.first_fill(local, hub, event_id)
    link = Link()
    return local, link, StationQueue(hub, local, link, deadline=1.0)


def hub_jobs(hub, attendee_id):
    with hub.read() as s:
        return list(s.exec(select(PrintJob).where(PrintJob.attendee_id == attendee_id)).scalars())


def badge_count(store, attendee_id) -> int:
    with store.read() as s:
        record = s.get(BadgePrint, attendee_id)
        return record.count if record is not None else 0


def local_jobs(local) -> list[PrintJob]:
    with local.read() as s:
        return list(s.exec(select(PrintJob)).scalars())


def outbox_rows(local) -> int:
    with local.engine.connect() as c:
        return c.execute(select(func.count()).select_from(OUTBOX)).scalar()


def offline_badge(local, event_id, person) -> None:
    printqueue.enqueue(local, event_id, person.id, STATION, "cr80", "Badges")


def test_printed_offline_then_pushed_the_hub_knows_it_printed_and_prints_nothing(hub, event_id, station):
    local, link, queue = station
    person = people(hub, event_id)[0]
    offline_badge(local, event_id, person)
    claim = queue.claim(STATION)  # offline: from the replica, the hub not asked
    assert claim.store is local and claim.job.attendee_id == person.id
    queue.printed(claim, "Badges")
    assert badge_count(local, person.id) == 1  # the desk's panel says printed while offline
    assert queue.claim(STATION) is None and hub_jobs(hub, person.id) == []

    def lost_answer():
        raise ConnectionError("the answer of the hub was lost")

    with pytest.raises(ConnectionError):  # the hub committed; the replica did not hear it
        outbox.push(local, hub, after_commit=lost_answer)
    sync.sync_once(local, hub)  # sent again
    (job,) = hub_jobs(hub, person.id)
    assert job.state == printqueue.PRINTED and job.printed_at is not None and job.printer == "Badges"
    assert badge_count(hub, person.id) == 1  # counted once, however often the push went
    assert local_jobs(local) == [] and outbox_rows(local) == 0
    assert badge_count(local, person.id) == 1  # the pull brought the hub's count
    link.up = True
    assert queue.claim(STATION) is None and queue.pending(STATION) == 0


def test_pushed_before_printing_the_hub_prints_it_once(hub, event_id, station):
    local, link, queue = station
    person = people(hub, event_id)[1]
    offline_badge(local, event_id, person)
    sync.sync_once(local, hub)  # the hub came back before the worker looked
    (job,) = hub_jobs(hub, person.id)
    assert job.state == printqueue.QUEUED and local_jobs(local) == []
    assert queue.claim(STATION) is None  # nothing left here, and offline the hub is not read
    link.up = True
    assert queue.pending(STATION) == 1 and queue.next_due(STATION) is not None
    claim = queue.claim(STATION)
    assert claim.store is hub and claim.job.id == job.id
    queue.printed(claim, "Badges")
    assert queue.claim(STATION) is None and badge_count(hub, person.id) == 1


def test_the_hub_back_mid_print_waits_for_the_outcome(hub, event_id, station):
    local, link, queue = station
    first, second = people(hub, event_id)[2:4]
    offline_badge(local, event_id, first)
    offline_badge(local, event_id, second)
    claim = queue.claim(STATION)  # being printed when the hub answers again
    assert outbox.push(local, hub) == 0  # held back: neither job leaves
    assert hub_jobs(hub, first.id) == [] and outbox_rows(local) == 2
    queue.printed(claim, "Badges")
    sync.sync_once(local, hub)
    assert [j.state for j in hub_jobs(hub, first.id)] == [printqueue.PRINTED]
    assert [j.state for j in hub_jobs(hub, second.id)] == [printqueue.QUEUED]  # handed to the hub
    link.up = True
    claim = queue.claim(STATION)
    assert claim.store is hub and claim.job.attendee_id == second.id
    queue.failed(claim, "out of paper", "Badges", give_up=False, retry_in=printqueue.backoff(1))
    assert queue.claim(STATION) is None  # waits for its retry, on the hub
    assert badge_count(hub, first.id) == 1 and badge_count(hub, second.id) == 0


def test_a_job_that_failed_here_reaches_the_hub_with_its_retry_and_error(hub, event_id, station):
    local, link, queue = station
    person = people(hub, event_id)[4]
    offline_badge(local, event_id, person)
    claim = queue.claim(STATION)
    queue.failed(claim, "out of paper", "Badges", give_up=False, retry_in=printqueue.backoff(1))
    assert queue.claim(STATION) is None and queue.next_due(STATION) is not None
    link.up = True
    assert queue.claim(STATION) is None  # the hub's queue waits behind the replica's retry
    sync.sync_once(local, hub)
    (job,) = hub_jobs(hub, person.id)
    assert job.state == printqueue.QUEUED and job.attempts == 1 and job.error == "out of paper"


def test_a_crash_between_printing_and_marking_prints_again_at_most_once_more(hub, event_id, station):
    local, link, queue = station
    person = people(hub, event_id)[5]
    offline_badge(local, event_id, person)
    queue.claim(STATION)  # printed, and the station died before writing it down
    outbox.give_back(local)  # the station starts again (``connect`` does this)
    claim = queue.claim(STATION)
    assert claim.job.attempts == 2  # the second and last print of this badge
    queue.printed(claim, "Badges")
    sync.sync_once(local, hub)
    assert [j.state for j in hub_jobs(hub, person.id)] == [printqueue.PRINTED]
    link.up = True
    assert queue.claim(STATION) is None and badge_count(hub, person.id) == 1


def test_a_handed_job_whose_push_answer_was_lost_prints_once(hub, event_id, station):
    local, link, queue = station
    person = people(hub, event_id)[6]
    offline_badge(local, event_id, person)

    def crash():
        raise KeyboardInterrupt  # the process dies between the hub's commit and the replica's

    with pytest.raises(KeyboardInterrupt):
        outbox.push(local, hub, after_commit=crash)
    assert [j.state for j in hub_jobs(hub, person.id)] == [printqueue.QUEUED]
    assert [j.state for j in local_jobs(local)] == [printqueue.HANDED]
    assert queue.claim(STATION) is None  # handed: not printed here
    outbox.give_back(local)  # the station starts again, still offline
    claim = queue.claim(STATION)
    queue.printed(claim, "Badges")  # printed here after all
    link.up = True  # the hub answers, and still holds its queued copy: not read before the push
    assert queue.claim(STATION) is None
    assert [j.state for j in hub_jobs(hub, person.id)] == [printqueue.QUEUED]
    sync.sync_once(local, hub)
    (job,) = hub_jobs(hub, person.id)
    assert job.state == printqueue.PRINTED and badge_count(hub, person.id) == 1  # the hub's copy took it
    assert queue.claim(STATION) is None


def test_a_push_cut_by_the_hub_gives_the_job_back_to_the_replica(relay, hub, event_id, station):
    local, link, queue = station
    person = people(hub, event_id)[7]
    offline_badge(local, event_id, person)
    far = open_store(relay.url)
    relay.stall()
    with pytest.raises(Exception):
        outbox.push(local, far)
    assert [j.state for j in local_jobs(local)] == [printqueue.QUEUED]
    assert queue.claim(STATION).store is local  # the replica prints it
    far.dispose()


def test_a_frozen_hub_costs_the_deadline_and_a_late_claim_is_put_back(relay, hub, event_id, make_replica):
    local = make_replica("frozen")
    rep.first_fill(local, hub, event_id)
    far = open_store(relay.url)
    queue = StationQueue(far, local, Link(True), deadline=0.5)
    person = people(hub, event_id)[8]
    job_id = printqueue.enqueue(hub, event_id, person.id, STATION)
    assert queue.recover(STATION) == 0 and queue.pending(STATION) == 1
    queue.report_status(STATION, "Badges: ready")
    with hub.read() as s:
        assert s.get(Station, STATION).printer_status == "Badges: ready"
    relay.freeze()
    started = time.monotonic()
    assert queue.claim(STATION) is None
    assert time.monotonic() - started < 3
    assert queue.pending(STATION) == 0 and queue.next_due(STATION) is None
    queue.report_status(STATION, "never heard")
    assert queue.recover(STATION) == 0
    offline_badge(local, event_id, person)
    here = queue.claim(STATION)
    assert here.store is local  # the replica's badge does not wait for the hub
    queue.printed(here, "Badges")
    relay.resume()
    settled()
    job = printqueue.get_job(hub, job_id)
    assert job.state == printqueue.QUEUED  # not left "printing"
    printqueue.cancel(hub, job_id)
    sync.sync_once(local, far)  # the badge printed here reaches the hub
    assert queue.claim(STATION) is None  # the hub answers again (its leftovers were put back)
    relay.freeze()  # a late answer with nothing claimed puts nothing back
    assert queue.claim(STATION) is None
    relay.resume()
    settled()
    assert printqueue.get_job(hub, job_id).state == printqueue.CANCELLED
    far.dispose()


def settled() -> None:
    """Wait until every hub call the queue stopped waiting for has finished."""
    deadline = time.monotonic() + 20
    while any(t.name == "kiosk-print-hub" and t.is_alive() for t in threading.enumerate()):
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_a_hub_error_that_is_not_a_lost_link_is_raised(hub, event_id, station):
    local, link, queue = station
    link.up = True

    def broken(_hub, _station):
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        queue._hub(broken, STATION)
    with pytest.raises(HubSilent):
        StationQueue(hub, local, Link(False), 1.0)._hub(broken, STATION)


def test_a_badge_and_its_reprint_printed_offline_count_twice_on_the_hub(hub, event_id, station):
    local, link, queue = station
    person = people(hub, event_id)[9]
    offline_badge(local, event_id, person)
    printqueue.enqueue(local, event_id, person.id, STATION, "cr80", "Badges", reprint=True)
    for _ in range(2):
        queue.printed(queue.claim(STATION), "Badges")
    first, last = sorted(j.printed_at for j in local_jobs(local))
    sync.sync_once(local, hub)
    assert [j.state for j in hub_jobs(hub, person.id)] == [printqueue.PRINTED] * 2
    status = printqueue.badge_status(hub, person.id)
    assert status.count == 2 and status.reprints == 1
    assert status.first_printed_at == first and status.last_printed_at == last
