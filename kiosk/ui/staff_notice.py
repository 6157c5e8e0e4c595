"""Warnings for staff at start-up (never on an attendee screen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.core.privacy import retention_warning
from kiosk.messages import localise

NOTICE_MS = 60_000


def read_retention_warning(store) -> str | None:
    """The retention warning, or None when there is none or the database does not answer (a hub
    that is away: the station starts on its replica and the warning waits for the next start)."""
    from kiosk.core.store import UNREACHABLE

    try:
        return retention_warning(store)
    except UNREACHABLE:
        return None


def show_retention_warning(window, store, warning: str | None | bool = True) -> str | None:
    """Once, at start: the status bar of a staff window says which events are past retention.
    ``warning``: the warning read already (off the GUI thread), or True to read it now."""
    if warning is True:
        warning = read_retention_warning(store)
    if not warning or not hasattr(window, "statusBar"):
        return None
    text = QCoreApplication.translate("Staff", "Privacy: {warning}").format(warning=localise(warning.removeprefix("warning: ")))
    window.statusBar().showMessage(text, NOTICE_MS)
    return text
