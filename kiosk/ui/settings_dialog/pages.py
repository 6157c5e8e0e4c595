"""A settings page: the declared settings of one group, with load, check and save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from kiosk.core.events import Actor
from kiosk.i18n import translate
from kiosk.settings import EventSettings, Setting, SettingError, StationSettings
from kiosk.settings.event import record_station_change
from kiosk.ui.settings_dialog.editors import Editor, make_editor


class SettingsPage(QWidget):
    def __init__(
        self,
        name: str,
        specs: list[Setting],
        station: StationSettings,
        event: EventSettings | None,
        candidates: dict,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.name, self.station, self.event_settings = name, station, event
        self.setObjectName(f"page-{name}")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, Editor] = {}
        self.loaded: dict[str, object] = {}
        for spec in specs:
            editor = make_editor(spec, self, candidates.get(spec.key))
            self.editors[spec.key] = editor
            label = QLabel(translate("Settings", spec.label or spec.key), self)
            label.setToolTip(translate("Settings", spec.description))
            label.setBuddy(editor.widget)
            form.addRow(label, editor.widget)
            hint = QLabel(translate("Settings", spec.description), self)
            hint.setWordWrap(True)
            hint.setObjectName("hint")
            hint.setStyleSheet("color: #5f6368;")
            form.addRow("", hint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

    def _current(self, spec: Setting):
        if spec.scope == "event":
            return self.event_settings.get(spec.key) if self.event_settings is not None else spec.default
        return self.station.get(spec.key)

    def load(self) -> None:
        for key, editor in self.editors.items():
            value = self._current(editor.spec)
            self.loaded[key] = value
            editor.set_value(value)

    def check(self) -> list[str]:
        """One line per bad value (empty: the page can be saved)."""
        return [p for p in (e.problem() for e in self.editors.values()) if p]

    def changes(self) -> dict[str, object]:
        out = {}
        for key, editor in self.editors.items():
            value = editor.value()
            if editor.spec.secret:
                if value:
                    out[key] = value
            elif value != self.loaded.get(key):
                out[key] = value
        return out

    def save(self, actor: Actor, event_id: int | None) -> list[str]:
        """Write what changed (station file, event rows); audited. Returns the changed keys."""
        changed = self.changes()
        station_keys = [k for k in changed if self.editors[k].spec.scope == "station"]
        for key in station_keys:
            self.station.set(key, changed[key])
        if station_keys:
            self.station.sync()
        for key, value in changed.items():
            spec = self.editors[key].spec
            if spec.scope == "event":
                if self.event_settings is None:
                    raise SettingError(f"{key}: no event to keep it in")
                self.event_settings.set(key, value, actor)
            elif self.event_settings is not None:
                record_station_change(self.event_settings.store, event_id, key, value, actor)
        self.load()
        return list(changed)
