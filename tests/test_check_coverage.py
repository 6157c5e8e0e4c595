"""scripts/check_coverage.py: the 100% list only grows."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("check_coverage", ROOT / "scripts" / "check_coverage.py")
check_coverage = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_coverage)


def entry(statements: int, missing: list[int] = (), branches: list[list[int]] = ()) -> dict:
    missing, branches = list(missing), list(branches)
    covered = 100.0 if not (missing or branches) else 80.0
    return {
        "missing_lines": missing,
        "missing_branches": branches,
        "summary": {"num_statements": statements, "missing_lines": len(missing), "missing_branches": len(branches),
                    "percent_covered": covered},
    }


def test_listed_at_100_and_others_below_pass():
    report = {"files": {"kiosk/a.py": entry(10), "kiosk/b.py": entry(10, [3]), "kiosk/__init__.py": entry(0)}}
    assert check_coverage.check(report, ["kiosk/a.py"]) == []


def test_a_listed_module_that_drops_fails_with_its_lines_and_branches():
    report = {"files": {"kiosk/a.py": entry(10, [4, 5], [[7, 9]])}}
    assert check_coverage.check(report, ["kiosk/a.py"]) == [
        "kiosk/a.py: 80.0%, must stay at 100% (lines not run: 4, 5; branches not taken: 7->9)"
    ]
    # a branch alone is enough
    assert check_coverage.check({"files": {"kiosk/a.py": entry(10, [], [[7, 9]])}}, ["kiosk/a.py"])


def test_an_unlisted_core_module_at_100_must_join_the_list():
    report = {"files": {"kiosk/core/a.py": entry(10), "kiosk/core/c.py": entry(3), "kiosk/ui/screen.py": entry(5)}}
    assert check_coverage.check(report, ["kiosk/core/a.py"]) == [
        "kiosk/core/c.py: reached 100%: add it to PERFECT in scripts/check_coverage.py"
    ]


def test_a_listed_module_that_is_gone_fails():
    assert check_coverage.check({"files": {}}, ["kiosk/gone.py"]) == [
        "kiosk/gone.py: listed as 100% but not measured at all (moved or renamed? update PERFECT)"
    ]


def test_every_listed_module_exists():
    for name in check_coverage.PERFECT:
        assert (ROOT / name).is_file(), name
