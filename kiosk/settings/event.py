"""The event's settings, kept as ``EventSetting`` rows in the database: the logo, badge colours
per category and the admin PIN (hashed through ``kiosk.core.pin``). No Qt.

Every change is written to the audit trail (action ``settings``, the key and the new value;
a secret is never written, only that it changed)."""

from __future__ import annotations

import json

from kiosk.core import audit, pin
from kiosk.core.events import Actor
from kiosk.core.models import EventSetting
from kiosk.core.store import Store
from kiosk.settings.declarations import EVENT_SETTINGS, SettingError, lookup


class EventSettings:
    def __init__(self, store: Store, event_id: int):
        self.store = store
        self.event_id = event_id

    def _db_key(self, key: str) -> str:
        return EVENT_SETTINGS[key].extra["db_key"]

    def get(self, key: str):
        spec = EVENT_SETTINGS[key]
        with self.store.read() as session:
            row = session.get(EventSetting, (self.event_id, self._db_key(key)))
            raw = row.value if row else ""
        if spec.secret:
            return bool(raw)  # only whether it is set
        if not raw:
            return spec.default
        if spec.type is dict:
            try:
                return spec.coerce(json.loads(raw))
            except ValueError:
                return spec.default
        return spec.coerce(raw)

    def as_dict(self) -> dict[str, object]:
        return {key: self.get(key) for key in EVENT_SETTINGS}

    def set(self, key: str, value, actor: Actor = Actor()) -> None:
        spec = lookup(key)
        if spec.scope != "event":
            raise SettingError(f"{key} is a station setting; it lives in the station file")
        value = spec.validate(value)
        if spec.secret:
            if not value:
                return  # an empty PIN field means "unchanged"
            pin.set_pin(self.store, self.event_id, value, actor)  # audited as pin_set, never the PIN
            with self.store.write() as session:
                audit.record(session, "settings", actor, self.event_id, None, key=key, value="(changed)")
            return
        stored = json.dumps(value, ensure_ascii=False, sort_keys=True) if spec.type is dict else str(value)
        with self.store.write() as session:
            row = session.get(EventSetting, (self.event_id, self._db_key(key)))
            if row is None:
                row = EventSetting(event_id=self.event_id, key=self._db_key(key), value=stored)
            else:
                row.value = stored
            session.add(row)
            audit.record(session, "settings", actor, self.event_id, None, key=key, value=spec.show(value))


def record_station_change(store: Store, event_id: int | None, key: str, value, actor: Actor = Actor()) -> None:
    """Audit a change of a station setting (the station file has no history of its own)."""
    spec = lookup(key)
    with store.write() as session:
        audit.record(session, "settings", actor, event_id, None, key=key, value=spec.show(value))
