"""Damaging a copy of a SQLite database the way a lost lock does: garbage in an index page."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_an_index(db: Path, table: str = "attendee") -> None:
    """Overwrite part of one of ``table``'s index pages (the database must be closed)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # everything in the main file
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name LIMIT 1", (table,)
        ).fetchone()[0]
    finally:
        conn.close()
    with open(db, "r+b") as f:  # the test's own file, closed by every connection
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xa5" * 200)
