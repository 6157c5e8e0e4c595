"""Putting the dashboard together."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.core.models import Event
from kiosk.core.store import Store, data_dir
from kiosk.ui.dashboard.controller import POLL_MS, DashboardController
from kiosk.ui.dashboard.window import DashboardWindow
from kiosk.ui.tasks import TaskRunner


def open_dashboard(
    store: Store,
    event: Event,
    synchronous: bool = False,
    presentation: bool = False,
    poll_ms: int = POLL_MS,
    snapshot_dir: Path | None = None,
) -> DashboardWindow:
    """The dashboard window, shown and polling."""
    tasks = TaskRunner(QApplication.instance(), synchronous=synchronous)
    controller = DashboardController(store, event, tasks, poll_ms)
    window = DashboardWindow(controller, snapshot_dir or data_dir() / "snapshots")
    controller.setParent(window)
    window.tasks = tasks

    def close() -> None:
        controller.stop()
        tasks.shutdown(wait=False)

    window.closing.append(close)
    window.resize(1366, 768)
    if presentation:
        window.set_presentation(True)
    else:
        window.show()
    controller.start()
    return window


def build_dashboard(store: Store, event: Event, actor=None, settings=None) -> DashboardWindow:
    """The ``dashboard`` mode of ``kiosk run`` (see ``kiosk.app.MODES``)."""
    return open_dashboard(store, event, presentation=bool(os.environ.get("KIOSK_PRESENTATION")))
