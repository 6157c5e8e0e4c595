"""What a command needs, opened only when it asks: the store, the event, who is acting."""

from __future__ import annotations

import json
import sys
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the database code is imported by the commands that open it, not by parsing
    from kiosk.core.events import Actor
    from kiosk.core.models import Event
    from kiosk.core.store import Store


def station_database_url() -> str | None:
    """The station's ``database/url`` setting, unless ``KIOSK_DB`` is set (which wins)."""
    import os

    from kiosk.core.store import ENV_DB
    from kiosk.settings import StationSettings

    if os.environ.get(ENV_DB):
        return None
    return StationSettings().get("database/url") or None


def chosen_database_url(cli_url: str | None) -> str | None:
    """``--db``, else the station's setting (``KIOSK_DB`` and the default follow in ``resolve_url``)."""
    return cli_url or station_database_url()


class Context:
    def __init__(self, args):
        self.args = args

    @cached_property
    def url(self) -> str:
        """The database URL this command works on (``--db``, ``KIOSK_DB``, the station's, the default)."""
        from kiosk.core.store import resolve_url

        return resolve_url(chosen_database_url(self.args.db))

    @cached_property
    def store(self) -> Store:
        from kiosk.core.store import open_store

        store = open_store(self.url)
        if not getattr(self.args, "skip_retention_warning", False):
            from kiosk.core.privacy import retention_warning

            warning = retention_warning(store)  # one cheap query; stderr only, never in --json output
            if warning:
                from kiosk.messages import localise

                print(f"kiosk: {localise(warning)}", file=sys.stderr)
        return store

    @cached_property
    def event(self) -> Event:
        from kiosk.core.events import pick_event

        return pick_event(self.store, self.args.event)

    @property
    def actor(self) -> Actor:
        from kiosk.core.events import Actor

        station = getattr(self.args, "station", None) or "cli"
        operator = getattr(self.args, "operator", None) or ""
        return Actor(station=station, operator=operator)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.dispose()

    @staticmethod
    def emit_json(data) -> None:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
