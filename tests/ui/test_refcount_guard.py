"""PySide6 6.12 drops a reference to None on each void call (CPython 3.11); the guard keeps
the process alive through far more calls than a day at the desk makes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.ui import refcount_guard

CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
calls = sys.getrefcount(None) + 10_000  # more void calls than None had references
{guard}
app = QApplication(["x", "-platform", "offscreen"])
label = QLabel()
for _ in range(calls):
    label.hide()
print("alive")
"""


@pytest.mark.skipif(not refcount_guard.needed(), reason="None is immortal on this Python")
def test_many_void_calls_do_not_kill_the_process_with_the_guard():
    guarded = subprocess.run([sys.executable, "-c", CHILD.format(guard="from kiosk.ui import refcount_guard")],
                             capture_output=True, text=True, timeout=120)
    assert guarded.returncode == 0 and "alive" in guarded.stdout, guarded.stderr[-500:]
