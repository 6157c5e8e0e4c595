"""The station's own settings: a TOML file in the user config folder (platformdirs;
``KIOSK_CONFIG_DIR`` overrides it, e.g. for a portable kiosk). No Qt.

``[station] name = "Desk 1"`` holds ``station/name``; window geometry is kept in ``[geometry]``
as base64. A station that still has the old ``station.ini`` has it read once and converted.
"""

from __future__ import annotations

import base64
import binascii
import configparser
import logging
import os
import tomllib
from pathlib import Path

import platformdirs

from kiosk.core.files import open_private, private_dir
from kiosk.settings import toml_text
from kiosk.settings.declarations import SETTINGS, SettingError, lookup

log = logging.getLogger(__name__)

ENV_CONFIG_DIR = "KIOSK_CONFIG_DIR"
FILE_NAME = "station.toml"
OLD_FILE_NAME = "station.ini"


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    path = Path(override) if override else Path(platformdirs.user_config_dir("kiosk", appauthor=False))
    return private_dir(path)


class StationSettings:
    """Typed access to the station file. ``set`` checks through the declarations; ``sync``
    writes the file (0600, replaced atomically)."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else config_dir() / FILE_NAME
        self.values: dict[str, object] = {}
        self.geometries: dict[str, str] = {}
        self.problems: list[str] = []
        if self.path.exists():
            self._read()
        else:
            old = self.path.with_name(OLD_FILE_NAME)
            if old.exists():
                self._convert(old)

    # -- values ----------------------------------------------------------------------------
    def get(self, key: str):
        spec = SETTINGS[key]
        if key not in self.values:
            return spec.default
        return spec.coerce(self.values[key])

    def set(self, key: str, value, check: bool = True) -> None:
        """Set ``key`` (SettingError for an unknown key or a bad value). ``check=False`` only
        checks the type, so out-of-range values can be stored (they are clamped where used)."""
        spec = lookup(key)
        if spec.scope != "station":
            raise SettingError(f"{key} is an event setting; it lives in the database")
        if check:
            value = spec.validate(value)
        elif not isinstance(value, spec.type) or (spec.type is int and isinstance(value, bool)):
            raise SettingError(f"{key}: expected {spec.type.__name__}, got {value!r}")
        self.values[spec.key] = value

    def is_default(self, key: str) -> bool:
        return self.get(key) == SETTINGS[key].default

    def as_dict(self) -> dict[str, object]:
        return {key: self.get(key) for key in SETTINGS}

    # -- window geometry (opaque bytes) -----------------------------------------------------
    def geometry(self, name: str) -> bytes | None:
        text = self.geometries.get(name)
        if not text:
            return None
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return None

    def set_geometry(self, name: str, value) -> None:
        data = bytes(value.data()) if hasattr(value, "data") else bytes(value)
        self.geometries[name] = base64.b64encode(data).decode("ascii")

    # -- the file -----------------------------------------------------------------------------
    def sync(self) -> None:
        tables: dict[str, dict] = {}
        for key in SETTINGS:
            if key in self.values:
                group, _, name = key.partition("/")
                tables.setdefault(group, {})[name] = self.values[key]
        if self.geometries:
            tables["geometry"] = dict(self.geometries)
        private_dir(self.path.parent)
        temporary = self.path.with_name(self.path.name + ".new")
        with open_private(temporary, "w", encoding="utf-8") as f:
            f.write("# Station settings of the check-in app; 'kiosk config show' lists them all.\n\n")
            f.write(toml_text.dumps(tables))
        os.replace(temporary, self.path)

    def _read(self) -> None:
        try:
            with self.path.open("rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            # A broken file must not keep the station from starting: defaults, and say so.
            self.problems.append(f"{self.path}: {exc}; using the defaults")
            log.warning("station settings unreadable (%s); using the defaults", type(exc).__name__)
            return
        for group, items in data.items():
            if not isinstance(items, dict):
                continue
            if group == "geometry":
                self.geometries = {k: v for k, v in items.items() if isinstance(v, str)}
                continue
            for name, value in items.items():
                key = f"{group}/{name}"
                if key in SETTINGS:
                    self.values[key] = value
                else:
                    self.problems.append(f"{self.path}: unknown setting {key!r} ignored")

    def _convert(self, old: Path) -> None:
        """Read the INI file of earlier versions once, write the TOML file, keep the old one aside."""
        parser = configparser.RawConfigParser(strict=False, interpolation=None)
        try:
            parser.read(old, encoding="utf-8")
        except (OSError, configparser.Error) as exc:
            log.warning("old station settings unreadable (%s); not converted", type(exc).__name__)
            return
        for section in parser.sections():
            for name, raw in parser.items(section):
                key = f"{section}/{name}" if section != "General" else name
                spec = SETTINGS.get(key)
                if spec is None:
                    continue  # geometry and unknown keys: not worth carrying over
                text = raw.strip()
                if len(text) >= 2 and text[0] == text[-1] == '"':
                    text = text[1:-1]
                try:
                    self.values[key] = spec.parse(text) if spec.type is not str else text
                except SettingError:
                    self.problems.append(f"{old}: {key} = {raw!r} not converted")
        self.sync()
        os.replace(old, old.with_name(OLD_FILE_NAME + ".converted"))
        log.info("converted %s to %s", old.name, self.path.name)
