"""The attendee list model: Qt's model checks, batching, and in-place row refresh."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from kiosk.core import attendees
from kiosk.core.search import SearchIndex, find
from kiosk.ui.models import ATTENDEE_ID_ROLE, STATUS, AttendeeTableModel
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def test_model_passes_qtmodeltester_with_search_results(qtmodeltester, desk_store, desk_event):
    model = AttendeeTableModel(batch=20)
    index = SearchIndex(desk_store, desk_event.id)
    model.set_attendees([m.attendee for m in find(index, "a", limit=100)])
    assert model.total > 40 and model.rowCount() == 20
    qtmodeltester.check(model, force_py=True)
    model.set_attendees([])
    qtmodeltester.check(model, force_py=True)


def test_rows_arrive_in_batches(desk_store, desk_event):
    people = attendees.list_all(desk_store, desk_event.id)
    model = AttendeeTableModel(batch=50)
    model.set_attendees(people)
    assert model.rowCount() == 50 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == len(people) == 170 and not model.canFetchMore(QModelIndex())
    assert model.data(model.index(0, 0), ATTENDEE_ID_ROLE) == people[0].id
    assert model.data(model.index(0, 0)) == people[0].display_name


def test_replace_refreshes_one_row(qtbot, desk_store, desk_event):
    people = attendees.list_all(desk_store, desk_event.id)[:5]
    model = AttendeeTableModel()
    model.set_attendees(people)
    assert model.data(model.index(2, STATUS)) == "Not arrived"
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.replace(replace(people[2], inside=True))
    assert changed.args[0].row() == 2
    assert model.data(model.index(2, STATUS)) == "Checked in"
    assert model.data(model.index(2, STATUS), Qt.ItemDataRole.ForegroundRole) is not None
