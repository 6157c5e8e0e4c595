#!/usr/bin/env python3
"""Keep the modules that decide things at 100% line and branch coverage.

Run after the whole test suite ran under coverage (scripts/test does both). Fails when a module
of PERFECT drops below 100%, and when a module of kiosk/core not on the list reaches 100%: then
add it, so the list only grows. The growth rule watches the Qt-free core only, where the same
tests always run the same lines; a screen's coverage can move with the timing of a window.
Files with no statements are left out.

    python scripts/check_coverage.py            # reads the combined coverage data
    python scripts/check_coverage.py report.json  # or a `coverage json` report
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Decisions a user feels when they go wrong: who is checked in, which code is whose, what an
#: import accepts, what the privacy tools erase, how fast a PIN can be guessed.
PERFECT = [
    "kiosk/core/codes.py",  # code normalisation: what a scan stands for
    "kiosk/core/pin.py",  # the PIN hash and the limiter
    "kiosk/core/dashboard_figures.py",  # badge privacy on the dashboard (shown_name, shown_org)
    "kiosk/core/stats.py",  # kiosk stats
    "kiosk/core/errors.py",
    "kiosk/core/importing/__init__.py",
    "kiosk/core/migrations/versions/0001_initial_schema.py",  # upgraded and downgraded in a test
    "kiosk/cli/db_cmds.py",  # measured in the `kiosk db` subprocesses only
    "kiosk/__main__.py",
    "kiosk/settings/__init__.py",
    "kiosk/core/rules.py",  # the check-in rule: one pure decision, online and offline
    "kiosk/core/results.py",  # what a scan decides: kinds, tones, exit statuses
    "kiosk/core/roster.py",  # who is still expected
    "kiosk/core/importing/status.py",  # refunded, cancelled and unpaid tickets from an import
    "kiosk/core/migrations/versions/0002_checkin_lists.py",
    "kiosk/core/migrations/versions/0003_attendee_import_state.py",
    "kiosk/core/migrations/versions/0004_sync.py",
    "kiosk/core/migrations/versions/0005_list_presence.py",  # who is inside a list with a capacity
    "kiosk/core/sync_tables.py",  # the hub's change log and the replica's outbox
    "kiosk/core/not_arrived.py",  # who has not arrived, as the dashboard may show them
    "kiosk/core/importing/labels.py",
    "kiosk/core/list_stats.py",  # the figures per check-in list
    "kiosk/core/dashboard_lists.py",  # the dashboard's room view and who is inside the building
    "kiosk/core/checkin_fast.py",  # the check-in's hot path: one SELECT, one guarded write
    "kiosk/core/station_queue.py",  # who prints a badge asked for offline: the replica or the hub, once
]


#: Where a module that reaches 100% must join the list.
GROWS_IN = "kiosk/core/"


def load_report(path: Path | None) -> dict:
    if path is not None:
        return json.loads(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "coverage.json"
        done = subprocess.run([sys.executable, "-m", "coverage", "json", "-q", "-o", str(out)], cwd=ROOT,
                              capture_output=True, text=True)
        if done.returncode != 0:
            reason = (done.stdout + done.stderr).strip().splitlines()
            raise SystemExit(f"coverage: no report ({reason[-1] if reason else 'coverage json failed'}): "
                             "run the tests under coverage first (bash scripts/test, no arguments)")
        return json.loads(out.read_text(encoding="utf-8"))


def perfect(summary: dict) -> bool:
    return summary["missing_lines"] == 0 and summary.get("missing_branches", 0) == 0


def check(report: dict, listed: list[str]) -> list[str]:
    problems = []
    files = {Path(name).resolve().relative_to(ROOT).as_posix() if Path(name).is_absolute() else name: data
             for name, data in report["files"].items()}
    for name in listed:
        if name not in files:
            problems.append(f"{name}: listed as 100% but not measured at all (moved or renamed? update PERFECT)")
    for name, data in sorted(files.items()):
        summary = data["summary"]
        if not summary["num_statements"]:
            continue
        if name in listed and not perfect(summary):
            missing = ", ".join(str(n) for n in data["missing_lines"]) or "-"
            branches = ", ".join(f"{a}->{b}" for a, b in data.get("missing_branches", [])) or "-"
            problems.append(
                f"{name}: {summary['percent_covered']:.1f}%, must stay at 100% "
                f"(lines not run: {missing}; branches not taken: {branches})"
            )
        elif name not in listed and name.startswith(GROWS_IN) and perfect(summary):
            problems.append(f"{name}: reached 100%: add it to PERFECT in scripts/check_coverage.py")
    return problems


def main(argv: list[str]) -> int:
    report = load_report(Path(argv[0]) if argv else None)
    problems = check(report, PERFECT)
    for line in problems:
        print(f"coverage: {line}")
    if not problems:
        print(f"coverage: the {len(PERFECT)} listed modules are at 100%, and no other is")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
