"""Settings, declared once (``declarations``), kept in two places: the station's TOML file in the
user config folder (``station``) and the event's rows in the database (``event``). No Qt."""

from kiosk.settings.declarations import EVENT_SETTINGS, SETTINGS, PAGES, Setting, SettingError, lookup
from kiosk.settings.event import EventSettings
from kiosk.settings.station import StationSettings, config_dir

__all__ = [
    "EVENT_SETTINGS", "PAGES", "SETTINGS", "EventSettings", "Setting", "SettingError", "StationSettings",
    "config_dir", "lookup",
]
