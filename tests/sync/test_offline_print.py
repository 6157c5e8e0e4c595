"""A station that has lost its hub prints the badges it asks for at once, from its replica's
print queue, and the hub learns they were printed: nothing prints twice when the hub is back.
Real PostgreSQL hub behind a relay the test cuts, real SQLite replica, real CUPS queue."""

from __future__ import annotations

import time

import pytest

from kiosk.core import printqueue
from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.pin import set_pin
from kiosk.core.station_service import connect
from kiosk.core.store import open_store
from kiosk.ui.selfservice.assemble import open_self_service
from kiosk.ui.selfservice.controller import PRINT_DONE
from tests.printing.conftest import cups_printer, decode_pdf, find_pdf, pdf_dir  # noqa: F401 (fixtures)
from tests.ui.conftest import OFFSCREEN_NOISE, people, print_jobs, station_settings  # noqa: F401 (fixture)

pytestmark = [OFFSCREEN_NOISE, pytest.mark.postgres]


def pdfs(folder, code: str, since: float) -> list:
    return [p for p in folder.glob(f"kiosk-badge-{code}*.pdf") if p.stat().st_mtime >= since - 1]


def test_a_kiosk_without_its_hub_prints_the_badge_at_once_and_the_hub_learns_it(
    qtbot, relay, hub, event_id, station_settings, cups_printer, pdf_dir, tmp_path
):
    set_pin(hub, event_id, "4711")
    station_settings.set("printing/printer", cups_printer)
    far = open_store(relay.url)
    with far.read() as s:
        event = s.get(Event, event_id)
    service = connect(far, event_id, Actor("Lobby kiosk", "self-service"))
    service.deadline = 0.5
    service.worker.interval = 0.3
    window = open_self_service(far, event, station="Lobby kiosk", settings=station_settings, synchronous=True,
                               sounds=False, printing=True, camera=False, fullscreen=False, service=service)
    qtbot.addWidget(window)
    worker = window.print_worker
    worker.poll_interval = 0.2
    states = []
    window.controller.printState.connect(lambda attendee_id, state: states.append((attendee_id, state)))
    person, later = people(hub, event_id)[6:8]

    relay.stall()
    since = time.time()
    window.controller.scan(person.code)
    assert not service.online
    qtbot.waitUntil(lambda: (person.id, PRINT_DONE) in states, timeout=30_000)
    assert decode_pdf(find_pdf(pdf_dir, f"kiosk-badge-{person.code}", since), tmp_path) == [person.code]
    assert not service.online  # printed while the hub is still away
    assert print_jobs(hub, person.id) == []

    relay.resume()
    service.worker.kick()
    qtbot.waitUntil(lambda: service.online, timeout=20_000)
    (job,) = print_jobs(hub, person.id)
    assert job.state == printqueue.PRINTED and job.printed_at is not None and job.printer == cups_printer
    status = printqueue.badge_status(hub, person.id)
    assert status.printed and status.count == 1 and status.pending == 0
    # Online again, the worker reads the hub's queue oldest first: once a badge asked for now has
    # printed, an older copy of the offline badge would have printed before it. None did.
    window.controller.scan(later.code)
    qtbot.waitUntil(lambda: (later.id, PRINT_DONE) in states, timeout=30_000)
    find_pdf(pdf_dir, f"kiosk-badge-{later.code}", since)  # the CUPS queue prints in order too
    assert len(pdfs(pdf_dir, person.code, since)) == 1
    assert [j.state for j in print_jobs(hub, person.id)] == [printqueue.PRINTED]
    window.may_close = True
    window.close()
    service.close()
    far.dispose()


def test_a_walk_in_registered_offline_gets_its_badge_at_once(qtbot, relay, hub, event_id, cups_printer, pdf_dir, tmp_path):
    """A walk-in made offline has a local id until the hub gives it its own: its badge prints from
    the replica at once, and reaches the hub, printed, under the hub's id."""
    from kiosk.core import attendees
    from kiosk.printing.worker import PrintWorker
    from kiosk.ui.live_settings import StationPrinting

    far = open_store(relay.url)
    service = connect(far, event_id, Actor("Desk 2", "Tove"))
    service.deadline = 0.5
    service.worker.interval = 0.3
    service.use_badges(StationPrinting(printer=cups_printer))
    worker = PrintWorker(far, "Desk 2", printer=cups_printer, queue=service.print_queue())
    worker.poll_interval = 0.2
    relay.stall()
    since = time.time()
    with qtbot.waitSignal(worker.jobPrinted, timeout=30_000) as printed:
        worker.start()
        result = service.walk_in({"first_name": "Walk", "last_name": "Inn"})
        worker.wake()
    code = result.attendee.code
    assert result.attendee.id < 0 and printed.args[1:] == [result.attendee.id, cups_printer]
    assert decode_pdf(find_pdf(pdf_dir, f"kiosk-badge-{code}", since), tmp_path) == [code]
    assert not service.online

    relay.resume()
    service.worker.kick()
    qtbot.waitUntil(lambda: service.online, timeout=20_000)
    on_hub = attendees.by_code(hub, event_id, code)
    assert [j.state for j in print_jobs(hub, on_hub.id)] == [printqueue.PRINTED]
    assert printqueue.badge_status(hub, on_hub.id).count == 1
    qtbot.waitUntil(lambda: printqueue.badge_status(service.replica, on_hub.id).count == 1, timeout=10_000)
    assert len(pdfs(pdf_dir, code, since)) == 1
    worker.stop()
    service.close()
    far.dispose()
