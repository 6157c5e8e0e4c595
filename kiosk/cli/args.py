"""Argument types shared by the command modules.

An empty string is a usage error, never "not given": ``--export ""`` must not fall through to
erasing, ``--event ""`` to the newest event, ``--db ""`` to the default database, or
``--out ""`` to the current folder.
"""

from __future__ import annotations

import argparse

from kiosk.i18n import tr


def nonempty_path(value: str) -> str:
    """A file or folder path: not empty, not only blanks."""
    if not value.strip():
        raise argparse.ArgumentTypeError(tr("the path is empty"))
    return value


def nonempty_name(value: str) -> str:
    """A name (event, database URL, ...): not empty, not only blanks."""
    if not value.strip():
        raise argparse.ArgumentTypeError(tr("the value is empty"))
    return value
