"""``kiosk doctor``: is this machine ready to check people in? Each check says ok, warning or problem.

A *problem* keeps a station from checking people in (no database, a broken schema, a missing
library, fonts that cannot draw a badge). A *warning* is worth knowing but does not stop the
desk (no camera, no printer: search and scan by keyboard still work, badges stay queued).

Only the printer, camera and Qt checks touch Qt, and they import it when they run; the rest
works without a display. Nothing here writes to the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kiosk.doctor.database import check_database, check_integrity
from kiosk.doctor.devices import check_cameras, check_printers
from kiosk.doctor.environment import check_folders, check_versions
from kiosk.doctor.report import OK, PROBLEM, WARNING, Check, Report, word
from kiosk.doctor.resources import (
    check_fonts,
    check_icons,
    check_sounds,
    check_templates,
    check_translations,
    missing_glyphs,
)

__all__ = [
    "OK", "PROBLEM", "WARNING", "Check", "Report", "check_cameras", "check_database", "check_folders", "check_fonts",
    "check_icons", "check_integrity", "check_printers", "check_sounds", "check_templates", "check_translations",
    "check_versions", "missing_glyphs", "run_checks", "word",
]


def run_checks(url: str | None = None, hardware: bool = True) -> Report:
    """Every check, in order; ``hardware=False`` skips the printers and cameras."""
    steps: list[Callable[[], Iterable[Check]]] = [
        check_versions,
        check_folders,
        lambda: check_database(url),
    ]
    if hardware:
        steps += [check_printers, check_cameras]
    steps += [check_fonts, check_templates, check_sounds, check_translations, check_icons]
    checks: list[Check] = []
    for step in steps:
        try:
            checks.extend(step())
        except Exception as exc:  # a check that breaks is itself a finding, never a traceback
            checks.append(Check("doctor", getattr(step, "__name__", "check"), PROBLEM, f"{type(exc).__name__}: {exc}"))
    return Report(tuple(checks))
