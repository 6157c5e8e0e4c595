"""One editor widget per declared setting, chosen by its type: a check box for on/off, a spin
box for numbers, a choice list for fixed choices (editable where the station offers candidates,
like printers), a line for text and for NAME=VALUE tables, a hidden line for a secret."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from kiosk.i18n import tr, translate
from kiosk.settings import Setting, SettingError


class Editor:
    """Puts a value into its widget and reads it back (``value()`` raises SettingError)."""

    def __init__(self, spec: Setting, widget: QWidget):
        self.spec, self.widget = spec, widget
        self._shown: tuple[str, object] | None = None  # (masked text, real value) of a URL with a password

    def set_value(self, value) -> None:
        w, spec = self.widget, self.spec
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index < 0 and w.isEditable():
                w.setEditText(str(value))
            else:
                w.setCurrentIndex(max(0, index))
        elif spec.secret:
            w.clear()  # a secret is never shown; empty means "unchanged"
        else:
            shown = spec.show(value)  # a database password is masked; left as shown, it stays unchanged
            self._shown = (shown, value) if shown != spec.text(value) else None
            w.setText(shown)

    def value(self):
        w, spec = self.widget, self.spec
        if isinstance(w, QCheckBox):
            return spec.validate(w.isChecked())
        if isinstance(w, QSpinBox):
            return spec.validate(w.value())
        if isinstance(w, QComboBox):
            text = w.currentText().strip()
            data = w.currentData()
            if w.isEditable() and (data is None or w.itemText(w.currentIndex()) != w.currentText()):
                return spec.parse(text)
            return spec.validate(data if data is not None else text)
        if spec.secret:
            return spec.parse(w.text()) if w.text().strip() else ""
        if self._shown is not None and w.text().strip() == self._shown[0].strip():
            return self._shown[1]
        return spec.parse(w.text())

    def problem(self) -> str | None:
        try:
            self.value()
        except SettingError as exc:
            return str(exc)
        return None


def choice_text(spec: Setting, value) -> str:
    if value == "" and spec.key == "printing/fallback":
        return tr("(none)")
    if value == "":
        return tr("(automatic)") if spec.key in ("station/language", "station/event", "camera/device") else tr("(system default)")
    return str(value)


def make_editor(spec: Setting, parent: QWidget, candidates: Callable[[], list[str]] | None = None) -> Editor:
    if spec.type is bool:
        widget = QCheckBox(parent)
    elif spec.type is int:
        widget = QSpinBox(parent)
        widget.setRange(0, 100_000)
    elif spec.choices or candidates is not None:
        widget = QComboBox(parent)
        values = list(spec.choices) if spec.choices else [""] + [c for c in candidates() if c]
        for value in values:
            widget.addItem(choice_text(spec, value), value)
        widget.setEditable(not spec.choices)
    else:
        widget = QLineEdit(parent)
        if spec.secret:
            widget.setEchoMode(QLineEdit.EchoMode.Password)
            widget.setPlaceholderText(tr("unchanged"))
        elif spec.type is dict:
            widget.setPlaceholderText(tr("NAME=VALUE; NAME=VALUE"))
    widget.setObjectName(spec.key)
    widget.setToolTip(translate("Settings", spec.description))
    widget.setAccessibleName(translate("Settings", spec.label or spec.key))
    return Editor(spec, widget)
