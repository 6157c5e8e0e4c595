"""The new-event form: a time zone found from part of its name, and errors never cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QTime

from kiosk.core.store import open_store
from kiosk.ui.firstrun.event_form import EventForm, find_zone

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def form(qtbot, sqlite_url):
    store = open_store(sqlite_url)
    form = EventForm(store)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.name.setText("Forum")
    form.date.setDate(QDate(2026, 10, 14))
    form.starts.setTime(QTime(9, 0))
    form.ends.setTime(QTime(17, 0))
    yield form
    store.dispose()


def test_a_zone_is_found_from_part_of_its_name():
    assert find_zone("stockholm") == "Europe/Stockholm"
    assert find_zone(" europe/STOCKHOLM ") == "Europe/Stockholm"
    assert find_zone("Helsinki") == "Europe/Helsinki"
    assert find_zone("Europe") is None  # many: the list must narrow it down
    assert find_zone("Mars/Olympus") is None


def test_typing_part_of_a_zone_creates_the_event_in_it(qtbot, form):
    form.tz.setCurrentText("stockholm")
    form.accept()
    assert form.created is not None and form.created.timezone == "Europe/Stockholm"


def test_the_completer_offers_zones_containing_what_is_typed(qtbot, form):
    completer = form.tz.completer()
    completer.setCompletionPrefix("stock")
    offered = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert "Europe/Stockholm" in offered


def test_a_long_error_is_shown_whole(qtbot, form):
    form.tz.setCurrentText("Europe")
    form.accept()
    qtbot.wait(50)
    assert form.error.isVisible() and "Europe/Stockholm" in form.error.text()
    assert form.error.height() >= form.error.heightForWidth(form.error.width())
    assert form.error.width() <= form.width()
