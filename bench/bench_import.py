"""Import speed: an Eventbrite-style CSV of 100k rows into SQLite (goal: at most 3 s).

Times are wall-clock ("s") and this process's CPU time ("cpu_s"; it leaves out waiting
for the disk and for other processes, so it is the steadier figure on a busy machine).
Three runs on one event: the first import (all rows added), the same file again (all
unchanged), and a newer export where a tenth of the rows changed and 1% are new. Also times
an export of the attendee list. ``--small`` uses 5k rows for CI. ``--pg URL`` also runs the
imports against that PostgreSQL database (its tables must be empty or belong to the bench).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import Timer, emit

from kiosk.core.events import create_event
from kiosk.core.exporting import export
from kiosk.core.importing import run_import
from kiosk.core.store import open_store

HEADER = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
          "Attendee #", "Barcode #", "Job Title", "Company", "Attendee Status"]
FIRST = ["Åsa", "Märta", "Jörgen", "Anna", "Tomás", "Yuki", "Amara", "Sven-Erik", "Li", "Ines"]
LAST = ["Nordin", "Ek", "Björk", "O'Neill", "Tanaka", "Nwosu", "Ödmark", "Ferreira da Silva", "Lund"]
ORGS = ["Socialtjänsten Umeå", "Rädda Barnen", "Polismyndigheten", "Child Safety Institute, Dublin", ""]


def write_csv(path: Path, n: int, seed: int, changed: float = 0.0, extra: int = 0) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(n + extra):
            org = ORGS[i % len(ORGS)]
            if i < n and rng.random() < changed:
                org = "Updated AB"
            out.writerow([
                f"{1_000_000 + i // 2}", "2026-09-01 10:02", FIRST[i % len(FIRST)], LAST[i % len(LAST)],
                f"person{i // 2}@example.se", "1", "General Admission" if i % 7 else "Speaker",
                f"{2_000_000_000 + i}", f"{111_111_111_100_000_000 + i:024d}", "Social worker", org, "Attending",
            ])


def run(url: str, n: int, folder: Path) -> dict:
    store = open_store(url)
    now = datetime.now(timezone.utc)
    event_id = create_event(store, f"Import bench {now.timestamp()}", now, now + timedelta(hours=8)).id
    first, newer = folder / "attendees.csv", folder / "attendees-newer.csv"
    write_csv(first, n, seed=1)
    write_csv(newer, n, seed=2, changed=0.1, extra=n // 100)
    figures: dict = {"rows": n, "file_mb": round(first.stat().st_size / 1e6, 2)}
    for label, path in (("first_import", first), ("same_again", first), ("newer_export", newer)):
        cpu = time.process_time()
        with Timer() as t:
            report = run_import(store, event_id, path)
        cpu = time.process_time() - cpu
        assert not report.errors, report.errors[:3]
        figures[label] = {
            "s": round(t.elapsed, 3),
            "cpu_s": round(cpu, 3),
            "rows_per_s": round((report.rows) / t.elapsed),
            "added": report.added,
            "updated": report.updated,
            "unchanged": report.unchanged,
        }
    with Timer() as t:
        result = export(store, event_id, "attendees", folder / "export.csv")
    figures["export_attendees_csv"] = {"s": round(t.elapsed, 3), "rows": result.rows}
    store.dispose()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="5k rows (CI)")
    parser.add_argument("--rows", type=int, help="number of rows (default 100000)")
    parser.add_argument("--pg", metavar="URL", help="also run against this PostgreSQL database")
    args = parser.parse_args()
    n = args.rows or (5_000 if args.small else 100_000)
    result: dict = {"goal_s": 3.0}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result["sqlite"] = run(f"sqlite:///{folder / 'bench.db'}", n, folder)
        if args.pg:
            result["postgresql"] = run(args.pg, n, folder)
    result["first_import_within_goal"] = result["sqlite"]["first_import"]["s"] <= result["goal_s"]
    result["load_average_1m"] = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    result["cpus"] = os.cpu_count()
    emit("import", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
