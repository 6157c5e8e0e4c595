"""Warnings for staff at start-up (never on an attendee screen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.core.privacy import retention_warning
from kiosk.messages import localise

NOTICE_MS = 60_000


def show_retention_warning(window, store) -> str | None:
    """Once, at start: the status bar of a staff window says which events are past retention."""
    warning = retention_warning(store)
    if not warning or not hasattr(window, "statusBar"):
        return None
    text = QCoreApplication.translate("Staff", "Privacy: {warning}").format(warning=localise(warning.removeprefix("warning: ")))
    window.statusBar().showMessage(text, NOTICE_MS)
    return text
