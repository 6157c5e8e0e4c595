"""The desk's admin actions: Settings (Ctrl+,), Events (Ctrl+E) and Import (Ctrl+I). Each asks
for the admin PIN when the event has one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from kiosk.core.events import Actor
from kiosk.core.models import Event
from kiosk.core.pin import has_pin
from kiosk.core.store import Store
from kiosk.i18n import tr
from kiosk.settings import StationSettings
from kiosk.ui.live_settings import LiveParts
from kiosk.ui.settings_dialog import PinDialog, open_settings


def admin_allowed(parent, store: Store, event_id: int) -> bool:
    if not has_pin(store, event_id):
        return True
    return PinDialog(store, event_id, parent).exec() == QDialog.DialogCode.Accepted


def add_admin_actions(window, store: Store, event: Event, actor: Actor, settings: StationSettings, live: LiveParts) -> None:
    def settings_dialog() -> None:
        window.settings_dialog = open_settings(window, settings, store, event, actor, on_applied=live.apply)

    def events_dialog() -> None:
        if not admin_allowed(window, store, event.id):
            return
        from kiosk.ui.firstrun.events_dialog import EventsDialog

        dialog = EventsDialog(store, event.id, actor, window)
        window.events_dialog = dialog

        def chosen(picked: Event) -> None:
            settings.set("station/event", picked.name)
            settings.sync()
            station = getattr(window, "station", None)
            if station is not None and picked.id != event.id:
                station.open_event(picked)

        dialog.eventChosen.connect(chosen)
        dialog.open()

    def import_dialog() -> None:
        if not admin_allowed(window, store, event.id):
            return
        from kiosk.ui.firstrun.import_dialog import ImportDialog

        dialog = ImportDialog(store, event.id, actor, window, tasks=getattr(window, "tasks", None))
        window.import_dialog = dialog
        dialog.open()

    window.act_settings = window._action(tr("Settings… (Ctrl+,)"), ["Ctrl+,"], settings_dialog, window.toolbar)
    window.act_events = window._action(tr("Events… (Ctrl+E)"), ["Ctrl+E"], events_dialog, window.toolbar)
    window.act_import = window._action(tr("Import… (Ctrl+I)"), ["Ctrl+I"], import_dialog, window.toolbar)
