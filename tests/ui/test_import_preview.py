"""The import preview shows, field by field, exactly what will be imported: split names
included, and every column's first value as the file has it."""

from __future__ import annotations

import pytest

from kiosk.core.demo import create_demo
from kiosk.core.store import open_store
from kiosk.ui.firstrun.import_dialog import ImportDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def dialog(qtbot, sqlite_url):
    store = open_store(sqlite_url)
    event_id = create_demo(store, attendees=5, seed=1)
    d = ImportDialog(store, event_id, synchronous=True)
    qtbot.addWidget(d)
    yield d
    store.dispose()


def headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_one_name_column_previews_the_split_names(qtbot, dialog, tmp_path):
    path = tmp_path / "svenska.csv"
    path.write_text("Namn;E-post;Order #\nÅsa Wallin;asa@example.se;7001\nDr. Amara Nwosu;amara@example.org;7002\n",
                    encoding="utf-8")
    dialog.load(str(path))
    cols = headers(dialog.rows)
    assert "first name" in cols and "last name" in cols
    first, last = cols.index("first name"), cols.index("last name")
    assert (dialog.rows.item(0, first).text(), dialog.rows.item(0, last).text()) == ("Åsa", "Wallin")
    assert (dialog.rows.item(1, first).text(), dialog.rows.item(1, last).text()) == ("Amara", "Nwosu")
    firsts = {dialog.mapping.item(r, 0).text(): dialog.mapping.item(r, 2).text() for r in range(dialog.mapping.rowCount())}
    assert firsts == {"Namn": "Åsa Wallin", "E-post": "asa@example.se", "Order #": "7001"}
