"""Import speed: an Eventbrite-style CSV of 100k rows into SQLite (goal: at most 3 s).

Times are wall-clock ("s") and this process's CPU time ("cpu_s"; it leaves out waiting
for the disk and for other processes, so it is the steadier figure on a busy machine).
Three runs on one event: the first import (all rows added), the same file again (all
unchanged), and a newer export where a tenth of the rows changed and 1% are new. Also times
an export of the attendee list. ``--small`` uses 5k rows for CI. ``--pg URL`` also runs the
imports against that PostgreSQL database (its tables must be empty or belong to the bench).

Memory: a first import of ``--rss-rows`` rows (default 1M, 5k with ``--small``) runs in a
fresh process, which reports its peak resident set size ("peak_rss_mb", goal: at most
300 MB for 1M rows) and the interpreter's own size once the kiosk is loaded ("base_rss_mb").
Then a second fresh process imports the same file again into the same event, where every row
matches an existing attendee ("reimport").
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import Timer, emit

from kiosk.core.events import create_event, list_events
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


_REFERENCE_COLUMNS = ("event_id", "first_name", "last_name", "full_name_source", "email", "organisation", "job_title",
                      "category", "ticket_type", "code", "external_ref", "source", "notes", "alerts",
                      "badge_privacy", "privacy_own", "blocked", "block_reason", "answers", "imported", "walk_in",
                      "rev", "inside", "created_at", "updated_at")


def reference_import(store, event_id: int, path: Path) -> None:
    """The hand-written reference: csv.reader over the same file and one executemany of the
    same columns into the attendee table, in one transaction on the same database."""
    now = datetime.now(timezone.utc)
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        at = {name: i for i, name in enumerate(header)}
        first, last, email, org, title, ticket, code, ref = (
            at["First Name"], at["Last Name"], at["Email"], at["Company"], at["Job Title"], at["Ticket Type"],
            at["Barcode #"], at["Attendee #"])
        values = [
            (event_id, r[first], r[last], "", r[email], r[org], r[title], "", r[ticket], r[code], r[ref],
             "bench", "", "", "full", False, False, "", "", "", False, 1, False, now, now)
            for r in rows
        ]
    names = ", ".join(_REFERENCE_COLUMNS)
    raw = store.engine.raw_connection()
    try:
        marks = ", ".join(["?" if store.engine.dialect.name == "sqlite" else "%s"] * len(_REFERENCE_COLUMNS))
        cursor = raw.cursor()
        if store.engine.dialect.name == "sqlite":
            cursor.execute("BEGIN")  # the kiosk's SQLite connections run in autocommit between transactions
        cursor.executemany(f"INSERT INTO attendee ({names}) VALUES ({marks})", values)
        raw.commit()
    finally:
        raw.close()


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
    # The reference, into a second event of the same database, right after the first import.
    reference_event = create_event(store, f"Import reference {now.timestamp()}", now, now + timedelta(hours=8)).id
    cpu = time.process_time()
    with Timer() as t:
        reference_import(store, reference_event, first)
    cpu = time.process_time() - cpu
    figures["reference_csv_executemany"] = {"s": round(t.elapsed, 3), "cpu_s": round(cpu, 3)}
    figures["ratio_first_import_to_reference"] = {
        "wall": round(figures["first_import"]["s"] / t.elapsed, 2),
        "cpu": round(figures["first_import"]["cpu_s"] / cpu, 2) if cpu else None,
        "goal": 2.0,
    }
    with Timer() as t:
        result = export(store, event_id, "attendees", folder / "export.csv")
    figures["export_attendees_csv"] = {"s": round(t.elapsed, 3), "rows": result.rows}
    store.dispose()
    return figures


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def rss_child(path: str, url: str) -> int:
    """In a fresh process: import ``path`` once and print the peak RSS as JSON.

    The first time into a new event; when the bench event exists, into it again."""
    store = open_store(url)
    now = datetime.now(timezone.utc)
    events = list_events(store)
    event_id = events[0].id if events else create_event(store, "RSS bench", now, now + timedelta(hours=8)).id
    base = _rss_mb()
    with Timer() as t:
        report = run_import(store, event_id, path)
    store.dispose()
    print(json.dumps({"base_rss_mb": base, "peak_rss_mb": _rss_mb(), "s": round(t.elapsed, 2),
                      "added": report.added, "unchanged": report.unchanged, "errors": len(report.errors)}))
    return 0


def measure_rss(n: int, folder: Path) -> dict:
    path = folder / "rss.csv"
    write_csv(path, n, seed=3)
    url = f"sqlite:///{folder / 'rss.db'}"
    runs = []
    for _ in range(2):
        out = subprocess.run([sys.executable, __file__, "--rss-child", str(path), url],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    path.unlink()
    first, again = runs
    return {"rows": n, **first, "reimport": again, "goal_mb_per_1m_rows": 300}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="5k rows (CI)")
    parser.add_argument("--rows", type=int, help="number of rows (default 100000)")
    parser.add_argument("--pg", metavar="URL", help="also run against this PostgreSQL database")
    parser.add_argument("--rss-rows", type=int, help="rows of the memory run (default 1000000; 5000 with --small)")
    parser.add_argument("--rss-only", action="store_true", help="only the memory run")
    parser.add_argument("--rss-child", nargs=2, metavar=("FILE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        return rss_child(*args.rss_child)
    rss_rows = args.rss_rows or (5_000 if args.small else 1_000_000)
    n = args.rows or (5_000 if args.small else 100_000)
    result: dict = {"goal_s": 3.0}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.rss_only:
            result["sqlite"] = run(f"sqlite:///{folder / 'bench.db'}", n, folder)
            if args.pg:
                result["postgresql"] = run(args.pg, n, folder)
            result["first_import_within_goal"] = result["sqlite"]["first_import"]["s"] <= result["goal_s"]
        result["memory"] = memory = measure_rss(rss_rows, folder)
        goal = 300 * max(1.0, rss_rows / 1_000_000)
        memory["within_goal"] = max(memory["peak_rss_mb"], memory["reimport"]["peak_rss_mb"]) <= goal
    result["load_average_1m"] = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    result["cpus"] = os.cpu_count()
    emit("import", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
