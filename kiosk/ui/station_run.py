"""``kiosk run`` after the station knows its name: crash dialog, the event (Get started when the
database has none), the mode's window, and switching to another event without a restart."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from kiosk.core.events import Actor, NoEventError, list_events, pick_event
from kiosk.core.models import Event
from kiosk.core.store import Store
from kiosk.settings import StationSettings

log = logging.getLogger(__name__)


def station_event(store: Store, settings: StationSettings, name: str | None = None) -> Event | None:
    """The event named on the command line, else the station's event, else the newest; None
    when the database holds no event at all (a named one that is missing is an error)."""
    if name:
        return pick_event(store, name)
    chosen = settings.get("station/event")
    if chosen:
        try:
            event = pick_event(store, chosen)
            if not event.archived:
                return event
        except NoEventError:
            log.warning("the station's event is gone; using the newest")
    try:
        return pick_event(store)
    except NoEventError:
        return None


class Station:
    """The open window of this station; ``open_event`` replaces it by one for another event."""

    def __init__(self, store: Store, mode: str, actor: Actor, settings: StationSettings):
        from kiosk.app import factory

        self.store, self.mode, self.actor, self.settings = store, mode, actor, settings
        self.build = factory(mode)
        self.window = None

    def open_event(self, event: Event):
        old = self.window
        service = self._station_service(event)
        window = self.build(self.store, event, self.actor, self.settings, **({"service": service} if service else {}))
        if service is not None:
            window.closing.append(service.close)
        window.station = self
        self.window = window
        if old is not None:
            old.close()
        from kiosk.ui import crash

        crash.watch(window)
        if self.mode != "self":  # attendees never see staff warnings
            from kiosk.ui.staff_notice import show_retention_warning

            show_retention_warning(window, self.store)
        window.show()
        window.raise_()
        window.activateWindow()
        return window


    def _station_service(self, event: Event):
        """On a PostgreSQL hub the desk keeps a local replica and goes on offline when the hub
        is lost (kiosk.core.station_service)."""
        if self.mode not in ("desk", "self") or self.store.dialect != "postgresql":
            return None
        from kiosk.core.station_service import connect

        actor = self.actor if self.mode == "desk" else Actor(self.actor.station, "self-service")
        return connect(self.store, event.id, actor, self.settings.get("station/list") or None)


def run_station(app: QApplication, ctx, mode: str, actor: Actor, settings: StationSettings) -> int:
    from kiosk.ui import crash

    crash.install()
    try:
        store = ctx.store  # a missing database ends here with one line
        event = station_event(store, settings, ctx.args.event)
        if event is None:
            from kiosk.ui.firstrun.get_started import get_started

            event = get_started(store, actor, settings)
            if event is None:
                return 1
        station = Station(store, mode, actor, settings)
        station.open_event(event)
        return app.exec()
    finally:
        crash.uninstall()


def events_exist(store: Store) -> bool:
    return bool(list_events(store, include_archived=True))
