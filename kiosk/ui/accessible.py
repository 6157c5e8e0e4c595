"""Accessible names for the parts of compound Qt widgets a screen reader sees on their own:
a line edit's clear button, a combo box's pop-up list, a tool bar's overflow button."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QToolBar, QToolButton, QWidget

from kiosk.i18n import tr


def name(widget: QWidget, text: str, description: str = "") -> None:
    """Name a control, and the parts Qt adds to it, for screen readers."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    if isinstance(widget, QLineEdit):
        for button in widget.findChildren(QToolButton):  # the clear button (setClearButtonEnabled)
            button.setAccessibleName(tr("Clear: {name}").format(name=text))
    elif isinstance(widget, QComboBox):
        widget.view().setAccessibleName(tr("Choices: {name}").format(name=text))
    elif isinstance(widget, QToolBar):
        for button in widget.findChildren(QToolButton, "qt_toolbar_ext_button"):
            button.setAccessibleName(tr("More: {name}").format(name=text))
