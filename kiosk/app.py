"""Starting the windowed app: QApplication, station settings, the first-start questions, the mode.

Modes are looked up by name, so another screen (self-service, dashboard) plugs in by adding
one line to ``MODES``: ``name -> "module:function"``, where the function takes
``(store, event, actor, settings)`` and returns the window to show.

Nothing here imports the database code or a mode's screens: the station's "Opening the event…"
window shows first, and they load behind it (``kiosk.ui.station_run``).
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from kiosk.qt_logging import quiet_qt_logs
from kiosk.core.errors import UsageError
from kiosk.i18n import tr
from kiosk.settings import StationSettings
from kiosk.ui.app_icon import apply_app_icon

if TYPE_CHECKING:
    from kiosk.core.events import Actor

MODES = {
    "desk": "kiosk.ui.desk.assemble:build_desk",
    "self": "kiosk.ui.selfservice.assemble:build_self_service",
    "dashboard": "kiosk.ui.dashboard.assemble:build_dashboard",
}

# Optional hardware-acceleration libraries QtMultimedia looks for; their absence is harmless.


def ensure_app(argv: list[str] | None = None, language: str = "") -> QApplication:
    quiet_qt_logs()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("kiosk")
        apply_app_icon(app)
        _install_translation(app, language)
        app.setApplicationDisplayName(tr("Check-in"))
    return app


def _install_translation(app: QApplication, language: str = "") -> None:
    """$KIOSK_LANG, else the station's language, else the computer's; dates and times follow it."""
    from kiosk.ui.locale_format import install_language

    install_language(app, language)


class StationDialog(QDialog):
    """Asked once, at the first start: which station is this, and who is working it."""

    def __init__(self, station: str = "", operator: str = ""):
        super().__init__()
        self.setWindowTitle(tr("Set up this station"))
        self.station = QLineEdit(station, self)
        self.station.setPlaceholderText(tr("e.g. Desk 1"))
        self.operator = QLineEdit(operator, self)
        self.operator.setPlaceholderText(tr("your name"))
        self.error = QLabel(tr("The station needs a name."), self)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("This is asked once; it is remembered on this computer."), self))
        form.addRow(tr("Station name"), self.station)
        form.addRow(tr("Operator"), self.operator)
        form.addRow(self.error)
        form.addRow(buttons)

    def accept(self) -> None:
        if not self.station.text().strip():
            self.error.show()
            return
        super().accept()


def station_identity(settings: StationSettings, station: str | None, operator: str | None, ask: bool = True) -> Actor | None:
    """The preset (flags) or remembered station and operator; asks at the first start."""
    names = station_names(settings, station, operator, ask)
    if names is None:
        return None
    from kiosk.core.events import Actor

    return Actor(station=names[0], operator=names[1])


def station_names(settings: StationSettings, station: str | None, operator: str | None,
                  ask: bool = True) -> tuple[str, str] | None:
    """``station_identity`` as (station, operator), without loading the database code."""
    # Checked and stored when they change; the same names again need no check (which loads the
    # database's column limits) on every start of a station started with its flags.
    changed = False
    if station and station.strip() != settings.get("station/name"):
        settings.set("station/name", station.strip())
        changed = True
    if operator and operator.strip() != settings.get("station/operator"):
        settings.set("station/operator", operator.strip())
        changed = True
    name, who = settings.get("station/name"), settings.get("station/operator")
    if not name:
        if not ask:
            return None
        dialog = StationDialog(name, who)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        name, who = dialog.station.text().strip(), dialog.operator.text().strip()
        settings.set("station/name", name)
        settings.set("station/operator", who)
        changed = True
    if changed:
        settings.sync()
    return name, who


def check_mode(mode: str) -> str:
    """The module and function of ``mode``; an unknown mode is one clear line (nothing imported)."""
    target = MODES.get(mode)
    if target is None:
        raise UsageError(f"Unknown mode {mode!r} (choose from: {', '.join(sorted(MODES))})")
    return target


def factory(mode: str):
    module, _, func = check_mode(mode).partition(":")
    return getattr(importlib.import_module(module), func)


def run(ctx, mode: str | None = None, station: str | None = None, operator: str | None = None) -> int:
    """Open the station: its settings, logging and crash dialog, identity, event (the Get started
    screen when the database has none), then the mode's window. ``mode`` None: the station's."""
    from kiosk.ui import station_run

    settings = StationSettings()
    mode = mode or settings.get("station/mode")
    check_mode(mode)  # an unknown mode fails before any window opens
    app = ensure_app(language=settings.get("station/language"))
    names = station_names(settings, station, operator)
    if names is None:
        return 1
    return station_run.run_station(app, ctx, mode, names, settings, lambda: factory(mode))
