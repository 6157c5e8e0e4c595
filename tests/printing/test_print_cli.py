"""The printing and badge commands, run as a user would, against the real CUPS queue."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import zxingcpp
from PIL import Image
from sqlmodel import select

from kiosk.core import attendees, printqueue
from kiosk.core.models import PrintJob
from tests.printing.conftest import decode_pdf, find_pdf

ROOT = Path(__file__).resolve().parents[2]


def kiosk(db_url: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--db", db_url, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_print_goes_through_the_queue_and_says_printed(store, demo_event, cups_printer, pdf_dir, tmp_path):
    target = attendees.list_all(store, demo_event)[2]
    since = time.time()
    done = kiosk(store.url, "print", target.code, "--printer", cups_printer, "--template", "brother-62x100")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"on {cups_printer}") and target.display_name in done.stdout
    with store.read() as s:
        jobs = list(s.exec(select(PrintJob).where(PrintJob.attendee_id == target.id)))
    assert [(j.station, j.state, j.template) for j in jobs] == [("cli", printqueue.PRINTED, "brother-62x100")]
    assert decode_pdf(find_pdf(pdf_dir, f"kiosk-badge-{target.code}", since), tmp_path) == [target.code]
    again = kiosk(store.url, "print", target.code, "--printer", cups_printer)
    assert again.returncode == 0 and "(a reprint)" in again.stdout
    assert printqueue.badge_status(store, target.id).count == 2


def test_print_to_a_missing_printer_says_failed_and_why(sqlite_url, cups_printer):
    from kiosk.core.demo import create_demo
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    event = create_demo(store, attendees=3, seed=5)
    target = attendees.list_all(store, event)[0]
    done = kiosk(sqlite_url, "print", target.code, "--printer", "kiosk-no-such-printer", "--retries", "1")
    assert done.returncode == 8
    assert done.stderr.strip().splitlines()[-1] == (
        "kiosk: Not printed: Printer 'kiosk-no-such-printer' not found (is it switched on and installed?) (the job was cancelled)"
    )
    assert "Traceback" not in done.stderr
    assert printqueue.pending(store, "cli") == 0 and not printqueue.badge_status(store, target.id).printed
    store.dispose()


def test_printers_lists_the_cups_queue(sqlite_url, cups_printer):
    done = kiosk(sqlite_url, "printers")
    assert done.returncode == 0
    assert any(line.split("\t")[0] == cups_printer for line in done.stdout.splitlines())


def test_print_all_sheets_with_filter_records_every_badge(sqlite_url, cups_printer, pdf_dir, tmp_path):
    from kiosk.core.demo import create_demo
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    event = create_demo(store, attendees=40, seed=3)
    vips = [a for a in attendees.list_all(store, event) if a.ticket_type == "VIP"]
    assert vips
    since = time.time()
    done = kiosk(sqlite_url, "print", "--all", "--filter", "ticket_type=VIP", "--template", "cr80", "--printer", cups_printer)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"Printed {len(vips)} badges")
    assert all(printqueue.badge_status(store, a.id).count == 1 for a in vips)
    pdf = find_pdf(pdf_dir, "kiosk-badges-", since)
    assert sorted(decode_pdf(pdf, tmp_path)) == sorted(a.code for a in vips)
    unprinted = kiosk(sqlite_url, "print", "--all", "--filter", "ticket_type=VIP", "--unprinted", "--printer", cups_printer)
    assert unprinted.returncode == 0 and "nothing printed" in unprinted.stdout
    bad = kiosk(sqlite_url, "print", "--all", "--filter", "salary=1")
    assert bad.returncode == 2 and "--filter 'salary=1'" in bad.stderr
    store.dispose()


def test_badge_preview_files_and_template_list(sqlite_url, tmp_path):
    from kiosk.core.demo import create_demo
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    event = create_demo(store, attendees=3, seed=5)
    target = attendees.list_all(store, event)[0]
    store.dispose()
    listed = kiosk(sqlite_url, "badge", "--list-templates")
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == ["4x3in", "a6", "brother-62x100", "cr80", "dymo-54x101"]
    png = tmp_path / "b.png"
    done = kiosk(sqlite_url, "badge", target.code, "--out", str(png), "--template", "dymo-54x101")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(png.stat().st_mode) == 0o600
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(png))] == [target.code]
    pdf = tmp_path / "b.pdf"
    assert kiosk(sqlite_url, "badge", target.code, "--out", str(pdf)).returncode == 0
    assert decode_pdf(pdf, tmp_path) == [target.code]
    unknown = kiosk(sqlite_url, "badge", "NOSUCHCODE", "--out", str(png))
    assert unknown.returncode == 4 and unknown.stderr.startswith("kiosk: No attendee with code 'NOSUCHCODE'")
    wrong = kiosk(sqlite_url, "badge", target.code, "--out", str(png), "--template", "a7")
    assert wrong.returncode == 2 and "No badge template named 'a7'" in wrong.stderr


def test_tickets_command(sqlite_url, tmp_path):
    from kiosk.core.demo import create_demo
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    create_demo(store, attendees=4, seed=5)
    store.dispose()
    out = tmp_path / "tickets"
    done = kiosk(sqlite_url, "tickets", "--out", str(out), "--format", "png")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote 4 tickets")
    assert len(list(out.glob("*.png"))) == 4 and (out / "tickets-all.pdf").exists() and (out / "tickets.csv").exists()
