"""Tickets before the event: `kiosk tickets` for 2,000 attendees (one vector PDF each, the merged
PDF and the mail-merge CSV). Goals: all of it in <= 20 s, and <= 30 KB a ticket.
Usage: bench_tickets.py [--small] (--small: 200 attendees)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from common import Timer, emit

GOAL_SECONDS_FOR_2000 = 20.0
GOAL_KB_PER_TICKET = 30.0


def measure(attendees: int) -> dict:
    from kiosk.badges.tickets import MERGED_NAME, write_tickets
    from kiosk.core import attendees as attendee_store
    from kiosk.core.demo import create_demo
    from kiosk.core.store import open_store

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-tickets-") as scratch:
        store = open_store(f"sqlite:///{Path(scratch) / 'kiosk.db'}")
        event_id = create_demo(store, attendees=attendees, seed=5)
        people = attendee_store.list_all(store, event_id)
        store.dispose()
        out = Path(scratch) / "tickets"
        with Timer() as t:
            written = write_tickets(people, out, "Forum: Protecting Children Online", "26 November 2026")
        sizes = [p.stat().st_size / 1024 for p in out.glob("*.pdf") if p.name != MERGED_NAME]
        merged_mb = (out / MERGED_NAME).stat().st_size / 2**20
    per_2000 = t.elapsed * 2000 / attendees
    return {
        "tickets": written.count,
        "seconds": round(t.elapsed, 2),
        "ms_per_ticket": round(1000 * t.elapsed / attendees, 2),
        "seconds_for_2000": round(per_2000, 1),
        "kb_per_ticket_median": round(statistics.median(sizes), 1),
        "kb_per_ticket_max": round(max(sizes), 1),
        "merged_pdf_mb": round(merged_mb, 2),
        "goal_seconds_for_2000": GOAL_SECONDS_FOR_2000,
        "goal_kb_per_ticket": GOAL_KB_PER_TICKET,
        "meets_goal": per_2000 <= GOAL_SECONDS_FOR_2000 and max(sizes) <= GOAL_KB_PER_TICKET,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="200 attendees (the test run's size)")
    args = parser.parse_args()
    attendees = 200 if args.small else 2000
    emit("tickets", {"size": "small" if args.small else "full", **measure(attendees)})


if __name__ == "__main__":
    main()
