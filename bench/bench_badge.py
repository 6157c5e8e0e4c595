"""Badge figures: render time at 300 dpi per template, and check-in committed -> job spooled.

The second figure runs the real path: a check-in commits, a job is queued, the print worker
(on its own thread) renders the badge and hands it to the printer. The printer is the CUPS
queue in $KIOSK_TEST_PRINTER when set, else Qt's PDF output to a temporary folder.
Usage: bench_badge.py [--small]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from common import Timer, emit, summary_ms

GOAL_RENDER_MS = 30.0


def bench_render(n: int) -> dict:
    from kiosk.badges.render import list_templates, render_with_layout
    from kiosk.core.attendees import AttendeeInfo
    from kiosk.core.models import BadgePrivacy

    names = [("Maria Fernanda", "Álvarez de la Torre-Håkansson"), ("Åsa", "Öberg"), ("Nguyễn", "Thị Minh Khai"), ("X", "")]
    people = [
        AttendeeInfo(i, 1, f"CODE{i:05d}ABCDEFGHIJKLMN"[:21], f, l, "", "Myndigheten för digital förvaltning", "Policy Advisor",
                     "NGO", "Speaker", "", (), BadgePrivacy.FULL, False, False, None, False)
        for i, (f, l) in enumerate(names * 4)
    ]
    out: dict = {}
    everything: list[float] = []
    for template in list_templates():
        render_with_layout(people[0], template, "Forum: Protecting Children Online", "26 November 2026")  # warm caches
        samples = []
        for i in range(n):
            with Timer() as t:
                render_with_layout(people[i % len(people)], template, "Forum: Protecting Children Online", "26 November 2026")
            samples.append(t.elapsed)
        out[template.name] = summary_ms(samples)
        everything += samples
    overall = summary_ms(everything)
    return {"per_template": out, "all": overall, "goal_p95_ms": GOAL_RENDER_MS, "meets_goal": overall["p95_ms"] <= GOAL_RENDER_MS}


def bench_spool(n: int) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.core import attendees, printqueue
    from kiosk.core.checkin import CheckInService
    from kiosk.core.demo import create_demo
    from kiosk.core.events import Actor
    from kiosk.core.store import open_store
    from kiosk.printing.printers import ensure_app
    from kiosk.printing.worker import PrintWorker

    ensure_app()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    printer = os.environ.get("KIOSK_TEST_PRINTER") or f"pdf:{folder}"
    store = open_store(f"sqlite:///{folder / 'bench.db'}")
    event = create_demo(store, attendees=n, seed=1)
    people = attendees.list_all(store, event)
    desk = CheckInService(store, event, Actor("Bench", "bench"))
    worker = PrintWorker(store, "Bench", printer=printer)
    worker.start()
    enqueue_s, spooled_s = [], []
    loop = QEventLoop()
    done: dict = {}
    worker.jobPrinted.connect(lambda job, _a, _p: (done.__setitem__(job, time.perf_counter()), loop.quit()))
    worker.jobFailed.connect(lambda job, _a, err: (done.__setitem__(job, None), print(f"bench: print failed: {err}"), loop.quit()))
    try:
        for person in people:
            desk.check_in(person.id)
            committed = time.perf_counter()
            job = str(printqueue.enqueue(store, event, person.id, "Bench", template="a6"))
            enqueue_s.append(time.perf_counter() - committed)
            worker.wake()
            QTimer.singleShot(30000, loop.quit)
            while job not in done:
                loop.exec()
            if done[job] is not None:
                spooled_s.append(done[job] - committed)
    finally:
        worker.stop()
        store.dispose()
    return {
        "printer": "CUPS queue" if not printer.startswith("pdf:") else "Qt PDF file",
        "enqueue": summary_ms(enqueue_s),
        "checkin_committed_to_spooled": summary_ms(spooled_s),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="quick CI size")
    args = parser.parse_args()
    renders, jobs = (30, 10) if args.small else (200, 60)
    emit("badge", {"size": "small" if args.small else "full", "render_300dpi": bench_render(renders), "spool": bench_spool(jobs)})


if __name__ == "__main__":
    main()
