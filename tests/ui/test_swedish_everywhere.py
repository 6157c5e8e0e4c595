"""Swedish on every screen: Qt's own standard buttons, the import dialog's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

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


def _import_dialog(qtbot, store, event, folder, text: str, encoding: str):
    """The import dialog with ``text`` loaded as lista.csv."""
    from kiosk.ui.firstrun.import_dialog import ImportDialog

    sheet = folder / "lista.csv"
    sheet.write_text(text, encoding=encoding)
    dialog = ImportDialog(store, event.id, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.load(str(sheet))
    return dialog


def test_import_dialog_names_fields_and_format_in_swedish(qtbot, swedish, desk_store, desk_event, tmp_path):
    dialog = _import_dialog(qtbot, desk_store, desk_event, tmp_path, "Förnamn;Efternamn;E-post\nElin;Ek;elin@example.org\n",
                            "utf-8-sig")
    assert dialog.format.text() == "lista.csv: CSV (semikolonseparerad, UTF-8 med BOM)"
    combo = dialog.mapping.cellWidget(0, 1)
    assert combo.currentText() == "förnamn"
    assert {"efternamn", "e-post", "biljettkod", "ordernummer"} <= {combo.itemText(i) for i in range(combo.count())}
    headers = [dialog.rows.horizontalHeaderItem(c).text() for c in range(dialog.rows.columnCount())]
    assert headers == ["Rad", "förnamn", "efternamn", "e-post"]
    assert dialog.close_button.text() == "Stäng"  # Qt's own word


def _fits(widget, text: str, font=None) -> bool:
    from PySide6.QtGui import QFontMetrics

    return QFontMetrics(font or widget.font()).horizontalAdvance(text) <= widget.width()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_search_placeholder_fits_at_1366(qtbot, make_desk, qapp, language):
    assert use_language(qapp, language) == language
    try:
        desk = make_desk()
        desk.resize(1366, 740)
        qtbot.wait(50)
        for exit_mode in (False, True):
            desk._show_exit_mode(exit_mode)
            search = desk.search
            room = search.contentsRect().width() - 40 - 2 * 8  # the clear button, the text margins
            from PySide6.QtGui import QFontMetrics

            used = QFontMetrics(search.font()).horizontalAdvance(search.placeholderText())
            assert used <= room, (search.placeholderText(), used, room)
    finally:
        use_language(qapp, "en")


def test_undo_dialog_shows_its_whole_title_in_swedish(qtbot, swedish):
    from PySide6.QtGui import QFontMetrics

    from kiosk.ui.desk.dialogs import AnnulDialog

    dialog = AnnulDialog("Li Wu")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Ångra incheckning"
    title_bar = QFontMetrics(QApplication.font()).horizontalAdvance(dialog.windowTitle()) + 160  # icon and buttons
    assert dialog.width() >= title_bar
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap():
            assert label.sizeHint().width() <= label.width(), label.text()


def test_import_dialog_shows_problems_and_file_errors_in_swedish(qtbot, swedish, desk_store, desk_event, tmp_path):
    dialog = _import_dialog(qtbot, desk_store, desk_event, tmp_path,
                            "Förnamn;Efternamn;E-post\nElin;Ek;fel-adress\n;;x@example.org\n", "utf-8")
    preview_lines = [
        "lista.csv:2: e-post: 'fel-adress' är inte en giltig e-postadress",
        "lista.csv:3: namn: saknas",
    ]
    assert dialog.problems.toPlainText().splitlines() == preview_lines
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.report.refused
    assert dialog.problems.toPlainText().splitlines() == preview_lines
    broken = tmp_path / "trasig.csv"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    dialog.load(str(broken))
    qtbot.waitUntil(lambda: "PDF" in dialog.summary.text())
    assert dialog.summary.text() == ("Kan inte importera: trasig.csv: det här är ett PDF-dokument, inte en deltagarlista "
                                     "i CSV eller XLSX")
