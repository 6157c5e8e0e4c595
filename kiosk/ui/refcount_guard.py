"""Guard against a reference-count bug in PySide6 6.12 on CPython 3.11.

PySide6 6.12.0 returns ``None`` from every void Qt method without taking a reference to it
(``hide()``, ``setText()``, ``update()`` ... each one drops None's count by one). From CPython
3.12 on, None is immortal and nothing happens; on 3.11 a window that makes some tens of
thousands of such calls (a few hundred scans at the desk) hits zero and the process aborts
with "Fatal Python error: none_dealloc".

The guard gives None (and, to be safe, True and False) a reference count so large that it
cannot run out, which is what CPython 3.12 does for them anyway. It does nothing on 3.12+,
on other Python implementations, or when it has already run.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_MARGIN = 1 << 40  # more calls than a process will ever make
_done = False


def needed() -> bool:
    return platform.python_implementation() == "CPython" and sys.version_info < (3, 12)


def install() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12. Returns True if it did."""
    global _done
    if _done or not needed():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object; id() is its address in CPython.
        ctypes.c_ssize_t.from_address(id(obj)).value += _MARGIN
    _done = True
    return True
