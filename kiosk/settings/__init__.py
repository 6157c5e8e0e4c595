"""Settings, declared once (``declarations``), kept in two places: the station's TOML file in the
user config folder (``station``) and the event's rows in the database (``event``). No Qt."""

from kiosk.settings.declarations import EVENT_SETTINGS, SETTINGS, PAGES, Setting, SettingError, lookup
from kiosk.settings.station import StationSettings, config_dir


def __getattr__(name: str):
    """``EventSettings`` lives in the database: imported when first asked for, so that reading the
    station's own file (which every start does before its window shows) loads no database code."""
    if name == "EventSettings":
        from kiosk.settings.event import EventSettings

        return EventSettings
    raise AttributeError(f"module 'kiosk.settings' has no attribute {name!r}")

__all__ = [
    "EVENT_SETTINGS", "PAGES", "SETTINGS", "EventSettings", "Setting", "SettingError", "StationSettings",
    "config_dir", "lookup",
]
