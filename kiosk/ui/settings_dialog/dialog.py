"""The settings dialog: a list of pages on the left, the page on the right, Save and Close."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QStackedWidget, QVBoxLayout, QWidget,
)

from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.pin import has_pin
from kiosk.core.store import Store
from kiosk.i18n import tr, translate
from kiosk.settings import EVENT_SETTINGS, PAGES, SETTINGS, EventSettings, SettingError, StationSettings
from kiosk.ui.settings_dialog.pages import SettingsPage
from kiosk.ui.settings_dialog.pin_dialog import PinDialog


def default_candidates(store: Store | None) -> dict:
    """Suggestions for editable choices: printers, templates, events, cameras (looked up once)."""

    def printers() -> list[str]:
        try:
            from kiosk.printing.printers import list_printers

            return [p.name for p in list_printers()]
        except Exception:  # noqa: BLE001 - no print support: type a name
            return []

    def templates() -> list[str]:
        from kiosk.badges.templates import all_templates

        return sorted(all_templates()) + ["none"]

    def events() -> list[str]:
        from kiosk.core.events import list_events

        return [e.name for e in list_events(store)] if store is not None else []

    def cameras() -> list[str]:
        from kiosk.scanning.camera import CameraScanner

        return [c.description() for c in CameraScanner.cameras()]

    return {
        "printing/printer": printers, "printing/fallback": printers, "printing/template": templates,
        "station/event": events, "camera/device": cameras,
    }


class SettingsDialog(QDialog):
    #: The keys that changed on Save, for whoever applies them live.
    applied = Signal(list)

    def __init__(
        self,
        station: StationSettings,
        store: Store | None = None,
        event: Event | None = None,
        actor: Actor = Actor(),
        candidates: dict | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Settings"))
        self.station, self.actor = station, actor
        self.event_id = event.id if event is not None else None
        event_settings = EventSettings(store, event.id) if store is not None and event is not None else None
        candidates = default_candidates(store) if candidates is None else candidates
        self.list = QListWidget(self)
        self.list.setObjectName("pages")
        self.stack = QStackedWidget(self)
        self.pages: list[SettingsPage] = []
        specs = list(SETTINGS.values()) + (list(EVENT_SETTINGS.values()) if event_settings else [])
        for name in PAGES:
            mine = [s for s in specs if s.page == name]
            if not mine:
                continue
            page = SettingsPage(name, mine, station, event_settings, candidates, self.stack)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.list.addItem(translate("Settings", name))
        self.list.setFixedWidth(160)
        self.list.setSpacing(3)
        font = self.list.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.list.setFont(font)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.errors = QLabel(self)
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.errors.hide()
        self.saved = QLabel(self)
        self.saved.setObjectName("saved")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.errors)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.list.setCurrentRow(0)
        self.load()
        self.resize(760, 560)

    def page(self, name: str) -> SettingsPage:
        return next(p for p in self.pages if p.name == name)

    def editor(self, key: str):
        for page in self.pages:
            if key in page.editors:
                return page.editors[key]
        raise KeyError(key)

    def load(self) -> None:
        for page in self.pages:
            page.load()

    def check(self) -> list[str]:
        problems = []
        for index, page in enumerate(self.pages):
            found = page.check()
            if found and not problems:
                self.list.setCurrentRow(index)
            problems += found
        return problems

    def save(self) -> list[str]:
        """Check every page, then save them all; nothing is written while a value is wrong."""
        problems = self.check()
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            self.saved.clear()
            return []
        self.errors.hide()
        changed: list[str] = []
        try:
            for page in self.pages:
                changed += page.save(self.actor, self.event_id)
        except SettingError as exc:
            self.errors.setText(str(exc))
            self.errors.show()
        self.saved.setText(tr("Saved; changes apply now.") if changed else tr("Nothing changed."))
        if changed:
            self.applied.emit(changed)
        return changed


def open_settings(
    parent: QWidget | None,
    station: StationSettings,
    store: Store | None,
    event: Event | None,
    actor: Actor = Actor(),
    verified: bool = False,
    on_applied=None,
) -> SettingsDialog | None:
    """Ask for the admin PIN when the event has one (unless the caller already did), then open
    the dialog (window-modal, not blocking). None when the PIN was not given."""
    if not verified and store is not None and event is not None and has_pin(store, event.id):
        pin = PinDialog(store, event.id, parent)
        if pin.exec() != QDialog.DialogCode.Accepted:
            return None
    dialog = SettingsDialog(station, store, event, actor, parent=parent)
    if on_applied is not None:
        dialog.applied.connect(on_applied)
    dialog.open()
    return dialog
