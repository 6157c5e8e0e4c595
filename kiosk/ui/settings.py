"""Station settings, declared once (key, type, default, description), kept in an INI file in the
user config folder (platformdirs; ``KIOSK_CONFIG_DIR`` overrides it, e.g. for a portable kiosk)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

ENV_CONFIG_DIR = "KIOSK_CONFIG_DIR"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    description: str


SETTINGS = {
    s.key: s
    for s in (
        Setting("station/name", str, "", "This station's name, shown on every check-in it records"),
        Setting("station/operator", str, "", "Who staffs this station"),
        Setting("scanner/gap_ms", int, 40, "Keys closer together than this (ms) are a scanner, not a person"),
        Setting("scanner/min_length", int, 4, "Shortest key burst taken as a scan"),
        Setting("printing/enabled", bool, True, "Run the badge printer worker at this station"),
        Setting("printing/printer", str, "", "Printer name (empty: the system default)"),
        Setting("printing/fallback", str, "", "Printer to use when the main one keeps failing"),
        Setting("printing/template", str, "a6", "Badge template; 'none' turns badge printing off"),
        Setting("printing/auto_print", bool, True, "Print a badge after each first check-in"),
        Setting("sound/enabled", bool, True, "Play a sound for each result"),
        Setting("camera/enabled", bool, False, "Show the camera at start-up"),
    )
}


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    path = Path(override) if override else Path(platformdirs.user_config_dir("kiosk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


class StationSettings:
    def __init__(self, path: Path | None = None):
        self.path = path or config_dir() / "station.ini"
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str):
        spec = SETTINGS[key]
        value = self.qsettings.value(key, spec.default)
        if spec.type is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
        try:
            return spec.type(value)
        except (TypeError, ValueError):
            return spec.default

    def set(self, key: str, value) -> None:
        SETTINGS[key]  # noqa: B018 (unknown keys fail loudly)
        self.qsettings.setValue(key, value)

    def geometry(self, name: str) -> QByteArray | None:
        value = self.qsettings.value(f"geometry/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"geometry/{name}", value)

    def sync(self) -> None:
        self.qsettings.sync()
        try:
            os.chmod(self.path, 0o600)
        except OSError:
            pass
