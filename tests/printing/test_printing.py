"""Printing through Qt to a real CUPS queue, and the print worker over the persistent queue."""

from __future__ import annotations

import base64
import os
import secrets
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinterInfo

from kiosk.badges.render import render_badge
from kiosk.badges.templates import get_template
from kiosk.core import attendees, printqueue
from kiosk.core.checkin import CheckInService
from kiosk.core.models import BadgePrint
from kiosk.printing.printers import PrintError, check_printer, list_printers, print_image
from kiosk.printing.worker import PrintWorker
from tests.badges.test_render import BUILT_IN, person
from tests.conftest import need_service
from tests.printing.conftest import decode_pdf, find_pdf

ROOT = Path(__file__).resolve().parents[2]


def fresh_code() -> str:
    return "KT" + base64.b32encode(secrets.token_bytes(10)).decode().rstrip("=")


def make_worker(store, station, **kw) -> PrintWorker:
    worker = PrintWorker(store, station, **kw)
    worker.retry_delay = lambda attempts: timedelta(milliseconds=200)
    worker.poll_interval = 0.2
    return worker


@pytest.fixture
def workers():
    made = []
    yield made
    for w in made:
        w.stop()


def test_printers_are_listed(qapp, cups_printer):
    names = [p.name for p in list_printers()]
    assert cups_printer in names
    assert check_printer(cups_printer) == cups_printer
    with pytest.raises(PrintError, match="'kiosk-no-such-printer' not found"):
        check_printer("kiosk-no-such-printer")


@pytest.mark.parametrize("name", BUILT_IN)
def test_each_template_prints_through_cups_and_the_qr_decodes(qapp, cups_printer, pdf_dir, tmp_path, name):
    template = get_template(name)
    attendee = person("Maria Fernanda", "Álvarez de la Torre-Håkansson", code=fresh_code())
    image = render_badge(attendee, name, "Forum", "26 November 2026")
    since = time.time()
    used = print_image(image, cups_printer, template.width_mm, template.height_mm, template.dpi, title=f"kiosk-badge-{attendee.code}")
    assert used == cups_printer
    pdf = find_pdf(pdf_dir, f"kiosk-badge-{attendee.code}", since)
    assert decode_pdf(pdf, tmp_path) == [attendee.code]
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "jpeg" not in listing  # lossless image in the spooled PDF


def test_checkin_enqueues_and_the_worker_prints_it(qtbot, store, demo_event, actor, cups_printer, pdf_dir, tmp_path, workers):
    person_ = attendees.list_all(store, demo_event)[5]
    result = CheckInService(store, demo_event, actor).scan(person_.code)
    assert printqueue.should_auto_print(result, printqueue.badge_status(store, person_.id).printed, "cr80")
    since = time.time()
    job_id = printqueue.enqueue(store, demo_event, person_.id, actor.station, template="cr80")
    worker = make_worker(store, actor.station, printer=cups_printer)
    workers.append(worker)
    with qtbot.waitSignal(worker.jobPrinted, timeout=30000) as printed:
        worker.start()
        worker.wake()
    assert printed.args == [str(job_id), person_.id, cups_printer]
    status = printqueue.badge_status(store, person_.id)
    assert status.printed and status.count == 1 and status.printer == cups_printer and status.pending == 0
    assert decode_pdf(find_pdf(pdf_dir, f"kiosk-badge-{person_.code}", since), tmp_path) == [person_.code]


def _cups(command: str, printer: str) -> None:
    done = subprocess.run([command, printer], capture_output=True, text=True)
    if done.returncode != 0:
        need_service(f"permission to run {command}", done.stderr.strip() or "run as a CUPS admin")


def test_stopped_queue_keeps_the_job_waiting_until_enabled(qtbot, sqlite_url, cups_printer, pdf_dir, tmp_path, workers):
    from kiosk.core.demo import create_demo
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    event = create_demo(store, attendees=5, seed=11)
    target = attendees.list_all(store, event)[0]
    _cups("cupsdisable", cups_printer)
    try:
        assert QPrinterInfo.printerInfo(cups_printer).state() == QPrinterInfo.printerInfo(cups_printer).state().Error
        since = time.time()
        job_id = printqueue.enqueue(store, event, target.id, "Desk S")
        worker = make_worker(store, "Desk S", printer=cups_printer)
        workers.append(worker)
        with qtbot.waitSignal(worker.jobFailed, timeout=20000) as failed:
            worker.start()
        assert "stopped" in failed.args[2]
        job = printqueue.get_job(store, job_id)
        assert job.state in (printqueue.QUEUED, printqueue.PRINTING) and "stopped" in job.error
        assert printqueue.pending(store, "Desk S") == 1
        assert not printqueue.badge_status(store, target.id).printed
        assert not [p for p in pdf_dir.glob(f"kiosk-badge-{target.code}*.pdf") if p.stat().st_mtime >= since - 1]
    finally:
        _cups("cupsenable", cups_printer)
    with qtbot.waitSignal(worker.jobPrinted, timeout=30000):
        worker.wake()
    assert printqueue.get_job(store, job_id).state == printqueue.PRINTED
    assert decode_pdf(find_pdf(pdf_dir, f"kiosk-badge-{target.code}", since), tmp_path) == [target.code]
    worker.stop()
    store.dispose()


def test_missing_printer_retries_with_readable_error_then_uses_the_fallback(qtbot, store, demo_event, cups_printer, pdf_dir, tmp_path, workers):
    target = attendees.list_all(store, demo_event)[9]
    job_id = printqueue.enqueue(store, demo_event, target.id, "Desk F")
    worker = make_worker(store, "Desk F", printer="kiosk-no-such-printer", fallback_printer=cups_printer, max_failures=2)
    workers.append(worker)
    failures, statuses = [], []
    worker.jobFailed.connect(lambda *args: failures.append(args))
    worker.statusChanged.connect(lambda *args: statuses.append(args))
    since = time.time()
    with qtbot.waitSignal(worker.jobPrinted, timeout=30000) as printed:
        worker.start()
    assert printed.args[2] == cups_printer
    assert len(failures) == 2 and all("'kiosk-no-such-printer' not found" in f[2] for f in failures)
    assert any(not ok and "not found" in text for text, _n, ok in statuses)
    job = printqueue.get_job(store, job_id)
    assert job.state == printqueue.PRINTED and job.attempts == 3 and job.printer == cups_printer
    assert decode_pdf(find_pdf(pdf_dir, f"kiosk-badge-{target.code}", since), tmp_path) == [target.code]


def test_missing_printer_without_fallback_keeps_retrying(qtbot, store, demo_event, workers):
    target = attendees.list_all(store, demo_event)[3]
    job_id = printqueue.enqueue(store, demo_event, target.id, "Desk M")
    worker = make_worker(store, "Desk M", printer="kiosk-no-such-printer", max_failures=2)
    workers.append(worker)
    failures = []
    worker.jobFailed.connect(lambda *args: failures.append(args))
    worker.start()
    qtbot.waitUntil(lambda: len(failures) >= 4, timeout=20000)
    worker.stop()
    job = printqueue.get_job(store, job_id)
    assert job.state == printqueue.QUEUED and job.attempts >= 4
    assert job.error == "Printer 'kiosk-no-such-printer' not found (is it switched on and installed?)"
    assert not printqueue.badge_status(store, target.id).printed


KILLED_PROCESS = """
import sys, time
from kiosk.core import attendees, printqueue
from kiosk.core.store import open_store
store = open_store(sys.argv[1])
event_id = int(sys.argv[2])
for a in attendees.list_all(store, event_id)[:3]:
    printqueue.enqueue(store, event_id, a.id, "Desk K")
printqueue.claim_next(store, "Desk K")  # caught mid-print
print("queued", flush=True)
time.sleep(120)
"""


def test_killing_the_app_with_jobs_queued_loses_none(qtbot, store, demo_event, cups_printer, pdf_dir, tmp_path, workers):
    since = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_PROCESS, store.url, str(demo_event)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    try:
        assert proc.stdout.readline().strip() == "queued"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert printqueue.pending(store, "Desk K") == 3
    worker = make_worker(store, "Desk K", printer=cups_printer)
    workers.append(worker)
    printed = []
    worker.jobPrinted.connect(lambda *args: printed.append(args))
    worker.start()
    qtbot.waitUntil(lambda: len(printed) == 3, timeout=60000)
    assert printqueue.pending(store, "Desk K") == 0
    people = attendees.list_all(store, demo_event)[:3]
    with store.read() as s:
        assert all(s.get(BadgePrint, p.id).count == 1 for p in people)
    for p in people:
        assert decode_pdf(find_pdf(pdf_dir, f"kiosk-badge-{p.code}", since), tmp_path) == [p.code]
