"""Managing an event's check-in lists in the Events dialog, as an organiser would."""

from __future__ import annotations

import pytest

from kiosk.core.checkin_lists import all_lists, get_list
from kiosk.ui.firstrun.lists_dialog import ListForm, ListsDialog
from tests.ui.conftest import OFFSCREEN_NOISE, on_modal

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def dialog(qtbot, desk_store, desk_event):
    d = ListsDialog(desk_store, desk_event.id, desk_event.name)
    qtbot.addWidget(d)
    return d


def test_create_edit_archive_and_restore_a_list(qtbot, dialog, desk_store, desk_event):
    assert dialog.list.count() == 1 and dialog.list.item(0).text().startswith("Entrance")
    assert not dialog.archive.isEnabled()  # the entrance stays

    def fill(form: ListForm):
        form.name.setText("Closed session")
        form.types.setText("Delegate, Speaker")
        form.rule.setCurrentIndex(form.rule.findData("daily"))
        form.capacity.setValue(40)
        form.accept()

    on_modal(ListForm, fill)
    dialog.new.click()
    made = get_list(desk_store, desk_event.id, "Closed session")
    assert (made.ticket_types, made.rule.value, made.capacity) == (("Delegate", "Speaker"), "daily", 40)
    assert any("Closed session" in dialog.list.item(i).text() for i in range(dialog.list.count()))

    dialog.list.setCurrentRow(next(i for i in range(dialog.list.count()) if "Closed session" in dialog.list.item(i).text()))

    def rename(form: ListForm):
        form.name.setText("Closed session (police)")
        form.capacity.setValue(0)
        form.accept()

    on_modal(ListForm, rename)
    dialog.edit.click()
    edited = get_list(desk_store, desk_event.id, "Closed session (police)")
    assert edited.capacity is None and edited.id == made.id

    dialog.archive.click()
    assert get_list(desk_store, desk_event.id, "Closed session (police)").archived
    assert [x.name for x in all_lists(desk_store, desk_event.id)] == ["Entrance"]
    dialog.show_archived.setChecked(True)
    dialog.list.setCurrentRow(next(i for i in range(dialog.list.count()) if "police" in dialog.list.item(i).text()))
    assert dialog.archive.text() == "Restore"
    dialog.archive.click()
    assert not get_list(desk_store, desk_event.id, "Closed session (police)").archived


def test_a_duplicate_name_is_refused_in_words(qtbot, dialog, desk_store, desk_event):
    errors = []

    def fill(form: ListForm):
        form.name.setText("entrance")
        form.accept()
        errors.append(form.error.text())
        form.reject()

    on_modal(ListForm, fill)
    dialog.new.click()
    assert errors and "already exists" in errors[0]
    assert len(all_lists(desk_store, desk_event.id)) == 1


def test_the_events_dialog_opens_the_selected_events_lists(qtbot, desk_store, desk_event, desk_actor):
    from kiosk.ui.firstrun.events_dialog import EventsDialog

    events = EventsDialog(desk_store, desk_event.id, desk_actor)
    qtbot.addWidget(events)
    seen = on_modal(ListsDialog, lambda d: (d.windowTitle(), d.list.item(0).text(), d.reject()))
    events.lists.click()
    assert seen and seen[0].windowTitle() == f"Check-in lists — {desk_event.name}"
