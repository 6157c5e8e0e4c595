"""The switch that makes a missing test service a failure (CI) or a skip (a developer's laptop)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import flag_on

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("value", [None, "", "0", "false", "No", " off "])
def test_off(value):
    assert not flag_on(value)


@pytest.mark.parametrize("value", ["1", "true", "yes", "on"])
def test_on(value):
    assert flag_on(value)


def _run_postgres_tests_without_a_server(require: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_TEST_PG_URL", "COVERAGE_PROCESS_START")}
    env["KIOSK_REQUIRE_SERVICES"] = require
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "postgres",
         "tests/core/test_pin.py::test_same_pin_hashes_differently_each_time", "tests/core/test_pin.py::test_pin_format"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.slow
def test_a_missing_server_is_a_skip_when_off_and_a_failure_when_on():
    off = _run_postgres_tests_without_a_server("0")
    assert off.returncode == 0, off.stdout
    assert " skipped" in off.stdout and "error" not in off.stdout.lower()
    on = _run_postgres_tests_without_a_server("1")
    assert on.returncode == 1, on.stdout
    assert "no PostgreSQL server for this test run" in on.stdout
