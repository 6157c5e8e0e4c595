"""The persistent print queue, on SQLite and PostgreSQL: jobs, outcomes, recovery, auto-print."""

from datetime import timedelta

import pytest
from sqlmodel import select

from kiosk.core import attendees, printqueue
from kiosk.core.checkin import CheckInService, ResultKind, ScanResult
from kiosk.core.models import BadgePrint, PrintJob, Station, utcnow
from kiosk.core.store import open_store


def people(store, event_id, n=3):
    return attendees.list_all(store, event_id)[:n]


def test_enqueue_then_claim_marks_printing_once(store, demo_event):
    a = people(store, demo_event, 1)[0]
    job_id = printqueue.enqueue(store, demo_event, a.id, "Desk 1", template="a6")
    assert printqueue.pending(store, "Desk 1") == 1
    assert printqueue.pending(store, "Desk 2") == 0
    job = printqueue.claim_next(store, "Desk 1")
    assert job.id == job_id and job.state == printqueue.PRINTING and job.attempts == 1
    assert printqueue.claim_next(store, "Desk 1") is None
    assert printqueue.claim_next(store, "Desk 2") is None
    assert printqueue.get_job(store, job_id).state == printqueue.PRINTING


def test_claim_takes_oldest_first(store, demo_event):
    a, b, c = people(store, demo_event)
    ids = [printqueue.enqueue(store, demo_event, p.id, "Desk 1") for p in (a, b, c)]
    claimed = [printqueue.claim_next(store, "Desk 1").id for _ in range(3)]
    assert claimed == ids


def test_printed_is_known_to_every_station_and_reprints_counted(store, demo_event):
    a = people(store, demo_event, 1)[0]
    assert printqueue.badge_status(store, a.id).printed is False
    first = printqueue.enqueue(store, demo_event, a.id, "Desk 1")
    printqueue.claim_next(store, "Desk 1")
    status = printqueue.mark_printed(store, first, "Brother-QL")
    assert status.printed and status.count == 1 and status.reprints == 0 and status.printer == "Brother-QL"

    again = printqueue.enqueue(store, demo_event, a.id, "Desk 2", reprint=True)
    assert printqueue.badge_status(store, a.id).pending == 1
    printqueue.claim_next(store, "Desk 2")
    printqueue.mark_printed(store, again, "Zebra")

    other = open_store(store.url)  # another station's process, same database
    try:
        seen = printqueue.badge_status(other, a.id)
    finally:
        other.dispose()
    assert seen.printed and seen.count == 2 and seen.reprints == 1 and seen.printer == "Zebra"
    assert seen.first_printed_at <= seen.last_printed_at and seen.pending == 0
    job = printqueue.get_job(store, again)
    assert job.state == printqueue.PRINTED and job.printed_at is not None and job.reprint


def test_failure_keeps_job_queued_with_error_and_backoff(store, demo_event):
    a = people(store, demo_event, 1)[0]
    job_id = printqueue.enqueue(store, demo_event, a.id, "Desk 1")
    printqueue.claim_next(store, "Desk 1")
    before = utcnow()
    job = printqueue.mark_failed(store, job_id, "Printer 'QL' not found", printer="QL")
    assert job.state == printqueue.QUEUED and job.error == "Printer 'QL' not found" and job.printer == "QL"
    assert job.next_try_at >= before + timedelta(seconds=2) - timedelta(milliseconds=50)
    assert printqueue.claim_next(store, "Desk 1") is None  # not due yet
    assert printqueue.pending(store, "Desk 1") == 1
    assert printqueue.next_due(store, "Desk 1") == job.next_try_at
    later = printqueue.claim_next(store, "Desk 1", now=utcnow() + timedelta(seconds=5))
    assert later.id == job_id and later.attempts == 2
    assert printqueue.badge_status(store, a.id).printed is False


def test_retry_in_overrides_backoff_and_give_up_fails_for_good(store, demo_event):
    a, b = people(store, demo_event, 2)
    j1 = printqueue.enqueue(store, demo_event, a.id, "Desk 1")
    j2 = printqueue.enqueue(store, demo_event, b.id, "Desk 1")
    printqueue.claim_next(store, "Desk 1")
    printqueue.mark_failed(store, j1, "paper jam", retry_in=timedelta(0))
    assert printqueue.claim_next(store, "Desk 1").id == j1
    printqueue.mark_failed(store, j1, "no template 'x'", give_up=True)
    assert printqueue.get_job(store, j1).state == printqueue.FAILED
    assert printqueue.claim_next(store, "Desk 1").id == j2
    assert printqueue.claim_next(store, "Desk 1") is None


def test_backoff_grows_and_is_capped():
    assert [printqueue.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert printqueue.backoff(30) == timedelta(seconds=60)


def test_recover_puts_interrupted_jobs_back_for_that_station_only(store, demo_event):
    a, b = people(store, demo_event, 2)
    mine = printqueue.enqueue(store, demo_event, a.id, "Desk 1")
    theirs = printqueue.enqueue(store, demo_event, b.id, "Desk 2")
    printqueue.claim_next(store, "Desk 1")
    printqueue.claim_next(store, "Desk 2")
    assert printqueue.recover(store, "Desk 1") == 1
    assert printqueue.get_job(store, mine).state == printqueue.QUEUED
    assert printqueue.get_job(store, theirs).state == printqueue.PRINTING
    assert printqueue.claim_next(store, "Desk 1").id == mine
    assert printqueue.recover(store, "Desk 3") == 0


def test_cancel_only_touches_waiting_jobs(store, demo_event):
    a, b = people(store, demo_event, 2)
    waiting = printqueue.enqueue(store, demo_event, a.id, "Desk 1")
    printqueue.cancel(store, waiting)
    assert printqueue.get_job(store, waiting).state == printqueue.CANCELLED
    done = printqueue.enqueue(store, demo_event, b.id, "Desk 1")
    printqueue.claim_next(store, "Desk 1")
    printqueue.mark_printed(store, done, "P")
    printqueue.cancel(store, done)
    assert printqueue.get_job(store, done).state == printqueue.PRINTED


def test_record_batch_counts_as_printed(store, demo_event):
    a, b = people(store, demo_event, 2)
    printqueue.record_batch(store, demo_event, [a.id, b.id], "cli", "Office A4", "a6")
    printqueue.record_batch(store, demo_event, [a.id], "cli", "Office A4", "a6")
    assert printqueue.badge_status(store, a.id).count == 2
    assert printqueue.badge_status(store, b.id).count == 1
    with store.read() as s:
        jobs = list(s.exec(select(PrintJob).where(PrintJob.attendee_id == a.id).order_by(PrintJob.created_at)))
        assert [j.state for j in jobs] == [printqueue.PRINTED] * 2
        assert [j.reprint for j in jobs] == [False, True]
        assert s.get(BadgePrint, b.id).printer == "Office A4"


def test_report_status_upserts_station(store):
    printqueue.report_status(store, "Desk 9", "QL-820: ready")
    printqueue.report_status(store, "Desk 9", "Printer 'QL-820' not found (2 waiting)")
    with store.read() as s:
        assert s.get(Station, "Desk 9").printer_status == "Printer 'QL-820' not found (2 waiting)"


def test_checkin_then_enqueue_never_waits_for_a_printer(store, demo_event, actor):
    a = people(store, demo_event, 1)[0]
    result = CheckInService(store, demo_event, actor).scan(a.code)
    status = printqueue.badge_status(store, a.id)
    assert printqueue.should_auto_print(result, status.printed, "a6")
    printqueue.enqueue(store, demo_event, a.id, actor.station, template="a6")
    assert printqueue.badge_status(store, a.id).pending == 1


# -- the pure auto-print decision ---------------------------------------------------------
FIRST = ScanResult(ResultKind.CHECKED_IN)
BACK_IN = ScanResult(ResultKind.CHECKED_IN, reentry=True)


@pytest.mark.parametrize(
    "result, printed, template, auto, expected",
    [
        (FIRST, False, "a6", True, True),
        (FIRST, True, "a6", True, False),  # already has a badge: a reprint is explicit
        (BACK_IN, False, "a6", True, False),  # coming back after an exit
        (ScanResult(ResultKind.ALREADY_CHECKED_IN), False, "a6", True, False),
        (ScanResult(ResultKind.UNKNOWN_CODE), False, "a6", True, False),
        (ScanResult(ResultKind.BLOCKED), False, "a6", True, False),
        (ScanResult(ResultKind.CHECKED_OUT), False, "a6", True, False),
        (FIRST, False, "none", True, False),  # this ticket type gets no badge
        (FIRST, False, "", True, False),
        (FIRST, False, "a6", False, False),  # station does not print automatically
    ],
)
def test_should_auto_print(result, printed, template, auto, expected):
    assert printqueue.should_auto_print(result, printed, template, auto) is expected


class Policy:
    auto_print = True
    printer = "label-printer"

    def template_for(self, ticket_type):
        return "none" if ticket_type == "Staff" else "a6"


def test_a_first_check_in_queues_its_badge_in_its_own_transaction(store, demo_event, actor):
    a, b = people(store, demo_event, 2)
    desk = CheckInService(store, demo_event, actor, badges=Policy())
    first = desk.scan(a.code)
    jobs = printqueue.jobs_for(store, a.id)
    assert first.badge_job is not None and [(j.id, j.state, j.printer, j.template) for j in jobs] == [
        (first.badge_job, printqueue.QUEUED, "label-printer", "a6")
    ]
    desk.check_out(a.id)
    assert desk.scan(a.code).badge_job is None  # back in: no second badge
    job = printqueue.enqueue(store, demo_event, b.id, "Desk 2")
    printqueue.claim_next(store, "Desk 2")
    printqueue.mark_printed(store, job, "p")
    assert desk.scan(b.code).badge_job is None  # printed elsewhere already
    assert len(printqueue.jobs_for(store, a.id)) == 1 and len(printqueue.jobs_for(store, b.id)) == 1


def test_a_walk_in_is_registered_checked_in_and_queued_in_one_transaction_or_not_at_all(store, demo_event, actor):
    from sqlalchemy import event as sa_event
    from sqlalchemy.exc import DBAPIError

    from kiosk.core.models import Attendee

    desk = CheckInService(store, demo_event, actor, badges=Policy())

    def drop(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO CHECKIN"):
            conn.connection.dbapi_connection.close()

    sa_event.listen(store.engine, "before_cursor_execute", drop)
    try:
        with pytest.raises(DBAPIError):
            desk.walk_in({"first_name": "Nils", "last_name": "Dropp"})
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", drop)
    with store.read() as s:
        assert s.exec(select(Attendee).where(Attendee.last_name == "Dropp")).all() == []
    result = desk.walk_in({"first_name": "Nils", "last_name": "Dropp"})
    assert result.kind is ResultKind.CHECKED_IN and result.attendee.walk_in and result.badge_job is not None
    assert [j.id for j in printqueue.jobs_for(store, result.attendee.id)] == [result.badge_job]


def test_after_a_printer_outage_the_backlog_prints_in_arrival_order(store, demo_event):
    a, b, c, d = people(store, demo_event, 4)
    queued = [printqueue.enqueue(store, demo_event, p.id, "Desk 1") for p in (a, b, c)]
    for _ in range(3):  # the printer is out of paper: the oldest job fails, again and again
        job = printqueue.claim_next(store, "Desk 1", now=utcnow() + timedelta(minutes=5))
        assert job.id == queued[0]
        printqueue.mark_failed(store, job.id, "Printer kiosk is stopped (out of paper)", retry_in=timedelta(seconds=30))
        assert printqueue.claim_next(store, "Desk 1") is None  # the jobs behind it wait their turn
    queued.append(printqueue.enqueue(store, demo_event, d.id, "Desk 1"))  # a guest arrives meanwhile
    assert printqueue.claim_next(store, "Desk 1") is None
    assert printqueue.next_due(store, "Desk 1") == printqueue.get_job(store, queued[0]).next_try_at

    printed = []  # paper is back
    while (job := printqueue.claim_next(store, "Desk 1", now=utcnow() + timedelta(minutes=1))) is not None:
        printqueue.mark_printed(store, job.id, "kiosk")
        printed.append(job.id)
    assert printed == queued
