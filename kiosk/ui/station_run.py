"""``kiosk run`` after the station knows its name: crash dialog, the "Opening the event…" window,
the database and the event opened behind it (Get started when the database has none), the
mode's window, and switching to another event without a restart.

The window shows before any database code is imported: opening the store (a migration, the
damage check, a server far away) and importing the mode's screens run on a worker thread.
Whatever goes wrong there ends the station with the same one line as before the window showed.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QApplication

from kiosk.settings import StationSettings

if TYPE_CHECKING:
    from kiosk.core.events import Actor
    from kiosk.core.models import Event
    from kiosk.core.store import Store

log = logging.getLogger(__name__)


def station_event(store: Store, settings: StationSettings, name: str | None = None) -> Event | None:
    """The event named on the command line, else the station's event, else the newest; None
    when the database holds no event at all (a named one that is missing is an error)."""
    from kiosk.core.events import NoEventError, pick_event

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

    def __init__(self, store: Store, mode: str, actor: Actor, settings: StationSettings, build: Callable):
        """``build``: the mode's window maker, ``(store, event, actor, settings) -> window``."""
        self.store, self.mode, self.actor, self.settings = store, mode, actor, settings
        self.build = build
        self.window = None

    def open_event(self, event: Event, retention: str | None | bool = True):
        """``retention``: the retention warning read while the station opened (True: read it now)."""
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

            show_retention_warning(window, self.store, retention)
        window.show()
        window.raise_()
        window.activateWindow()
        return window


    def _station_service(self, event: Event):
        """On a PostgreSQL hub the desk keeps a local replica and goes on offline when the hub
        is lost (kiosk.core.station_service)."""
        if self.mode not in ("desk", "self") or self.store.dialect != "postgresql":
            return None
        from kiosk.core.events import Actor
        from kiosk.core.station_service import connect

        actor = self.actor if self.mode == "desk" else Actor(self.actor.station, "self-service")
        return connect(self.store, event.id, actor, self.settings.get("station/list") or None)


class _Opening:
    """What the worker found, and what the GUI thread made of it."""

    def __init__(self):
        self.database = None  # StationDatabase, once made (closed at the end whatever happens)
        self.station: Station | None = None
        self.error: BaseException | None = None
        self.code: int | None = None
        self.retention: str | None = None  # the retention warning, read on the worker


def open_database(ctx, names: tuple[str, str], settings: StationSettings, load_build: Callable, opening: _Opening,
                  offline_ok: bool = False):
    """On a worker thread: the checks, the store, the event and the mode's screens. With
    ``offline_ok`` (a desk or kiosk), a PostgreSQL hub that does not answer is no end when this
    station has a replica of it."""
    with module_sources_unread():
        from kiosk.core.events import Actor
        from kiosk.core.store import UNREACHABLE
        from kiosk.ui.station_database import StationDatabase

        opening.database = StationDatabase(ctx.url)
        opening.database.check_and_hold()  # a damaged file, or one being restored, ends here with one line
        away = None
        try:
            store = ctx.store  # a missing database ends here with one line
            event = station_event(store, settings, ctx.args.event)
        except UNREACHABLE as exc:
            # A desk or kiosk on a hub that is away starts on its replica, if it has one.
            away = _hub_away(ctx.url, exc, ctx.args.event) if offline_ok else None
            if away is None:
                raise
            store, event = away.hub, away.event
        if event is not None:
            from kiosk.ui.staff_notice import read_retention_warning

            opening.retention = read_retention_warning(store) if away is None else None
        return store, event, Actor(station=names[0], operator=names[1]), load_build()


def _hub_away(url: str, exc: BaseException, name: str | None):
    from kiosk.core.station_service import hub_away

    return hub_away(url, str(exc), name)


@contextmanager
def module_sources_unread():
    """Once PySide6 is loaded it reads the source of every module imported after it, to see
    whether the module uses PySide6's optional ``__feature__`` switches (this app uses none),
    and Python's ``linecache`` keeps every line: some 20 MB of the station's memory for the
    database and screen modules it imports behind its window, scattered so that most of it is
    never given back. While they load, source lines are not read; a traceback formatted
    meanwhile shows no source lines, and reads them again afterwards."""
    import linecache

    read = linecache.getlines
    linecache.getlines = lambda filename, module_globals=None: []
    try:
        yield
    finally:
        linecache.getlines = read


def run_station(app: QApplication, ctx, mode: str, names: tuple[str, str], settings: StationSettings,
                load_build: Callable) -> int:
    """``names``: (station, operator); ``load_build()`` imports and returns the mode's window maker."""
    from kiosk.ui import crash
    from kiosk.ui.station_opening import show_opening
    from kiosk.ui.tasks import TaskRunner

    crash.install()
    window = show_opening(mode, settings)
    opening = _Opening()
    tasks = TaskRunner()

    def failed(exc: BaseException) -> None:
        opening.error = exc
        window.give_up()
        if opening.station is not None and opening.station.window is not None:
            opening.station.window.close()
        app.quit()

    def opened(found) -> None:
        try:
            show_station(app, found, mode, settings, opening, window)
        except Exception as exc:  # the same one line as when it failed on the worker
            failed(exc)

    tasks.run(open_database, ctx, names, settings, load_build, opening, mode in ("desk", "self"), lane="write",
              on_done=opened, on_error=failed)
    restore_signal = quit_on_sigterm(app)
    try:
        code = app.exec()
    finally:
        restore_signal()
        tasks.shutdown(wait=True)  # a migration under way is finished, never cut off
        if opening.database is not None:
            opening.database.close()  # the last backup
        crash.uninstall()
    if opening.error is not None:
        raise opening.error
    return code if opening.code is None else opening.code


def show_station(app: QApplication, found, mode: str, settings: StationSettings, opening: _Opening, window) -> None:
    """On the GUI thread: backups, Get started when there is no event, then the mode's window."""
    store, event, actor, build = found
    database = opening.database
    if mode != "dashboard":  # the stations that check people in keep the backups
        database.start_backups()
    if event is None:
        from kiosk.ui.firstrun.get_started import get_started

        event = get_started(store, actor, settings)
        if event is None:
            opening.code = 1
            window.give_up()
            app.quit()
            return
    station = opening.station = Station(store, mode, actor, settings, build)
    window.hand_over(station.open_event(event, opening.retention))
    if database.backups is not None and mode == "desk":  # staff see it; attendees never do
        database.backups.failed.connect(lambda error: show_backup_failure(station, error))


def show_backup_failure(station: Station, error: str) -> None:
    from kiosk.i18n import tr
    from kiosk.messages import localise

    window = station.window
    if window is not None and window.statusBar() is not None:
        window.statusBar().showMessage(tr("Backup failed: {error}").format(error=localise(error)))


def quit_on_sigterm(app):
    """A logout or shutdown (SIGTERM) closes the windows as a user would: the last backup is
    made and SQLite checkpoints its WAL. A timer lets Python see the signal while Qt runs.
    Returns the function that puts the previous handler back."""
    import signal

    from PySide6.QtCore import QTimer

    def close_all(*_args) -> None:
        QTimer.singleShot(0, QApplication.closeAllWindows)
        QTimer.singleShot(0, QApplication.quit)

    try:
        previous = signal.signal(signal.SIGTERM, close_all)
    except ValueError:  # not the main thread
        return lambda: None
    heartbeat = QTimer()
    heartbeat.setInterval(250)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()

    def restore() -> None:
        heartbeat.stop()
        signal.signal(signal.SIGTERM, previous)

    return restore


def events_exist(store: Store) -> bool:
    from kiosk.core.events import list_events

    return bool(list_events(store, include_archived=True))
