"""Swedish on every screen: Qt's own standard buttons, the import dialog's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from kiosk.ui.locale_format import qt_translations_dirs, use_language
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE
B = QDialogButtonBox.StandardButton


@pytest.fixture
def swedish(qapp):
    assert use_language(qapp, "sv") == "sv"
    yield qapp
    use_language(qapp, "en")


def test_qt_ships_its_swedish_with_pyside6():
    assert any((Path(folder) / "qtbase_sv.qm").is_file() for folder in qt_translations_dirs())


def test_standard_buttons_are_swedish_and_back(qtbot, swedish):
    box = QDialogButtonBox(B.Cancel | B.Close | B.Save | B.Ok)
    qtbot.addWidget(box)
    assert [box.button(b).text() for b in (B.Cancel, B.Close, B.Save)] == ["Avbryt", "Stäng", "Spara"]
    message = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"Ja", "Nej"}
    use_language(swedish, "en")
    later = QDialogButtonBox(B.Cancel)
    qtbot.addWidget(later)
    assert later.button(B.Cancel).text() == "Cancel"
