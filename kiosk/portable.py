"""Portable mode: data, settings and logs in a ``kiosk-data`` folder beside the program.

For a kiosk that runs from a USB stick: copy the built folder (``dist/kiosk``) to the stick,
create ``kiosk-data`` next to the ``kiosk`` program, and everything the app writes stays on
the stick. ``KIOSK_PORTABLE=1`` turns portable mode on without the folder (it is created),
``KIOSK_PORTABLE=0`` turns it off. A folder set explicitly (``KIOSK_DATA_DIR``,
``KIOSK_CONFIG_DIR``, ``KIOSK_LOG_DIR``) still wins. Outside a built app only
``KIOSK_PORTABLE=1`` turns it on, with ``kiosk-data`` in the current folder. This must run
before anything reads those folders (see ``__main__``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from kiosk.core.files import private_dir

FOLDER = "kiosk-data"
ENV_PORTABLE = "KIOSK_PORTABLE"
#: The environment variable for each folder, and its sub-folder of ``kiosk-data``.
LAYOUT = {"KIOSK_DATA_DIR": "data", "KIOSK_CONFIG_DIR": "config", "KIOSK_LOG_DIR": "logs"}


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def program_dir() -> Path:
    """Where the program is: the built app's folder, else the current folder."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path.cwd()


def portable_root(
    environ: MutableMapping[str, str] | None = None, base: Path | None = None, frozen: bool | None = None
) -> Path | None:
    """The ``kiosk-data`` folder when portable mode is on, else None."""
    environ = os.environ if environ is None else environ
    folder = (base or program_dir()) / FOLDER
    flag = environ.get(ENV_PORTABLE, "").strip().lower()
    if flag in ("0", "false", "no", "off"):
        return None
    if flag in ("1", "true", "yes", "on"):
        return folder
    if (is_frozen() if frozen is None else frozen) and folder.is_dir():
        return folder
    return None


def apply(
    environ: MutableMapping[str, str] | None = None, base: Path | None = None, frozen: bool | None = None
) -> Path | None:
    """Point the data, settings and log folders into ``kiosk-data``; returns it (None: not portable)."""
    environ = os.environ if environ is None else environ
    root = portable_root(environ, base, frozen)
    if root is None:
        return None
    for variable, sub in LAYOUT.items():
        if not environ.get(variable):
            folder = root / sub
            private_dir(folder)
            environ[variable] = str(folder)
    return root
