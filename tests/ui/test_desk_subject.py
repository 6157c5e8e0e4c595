"""One person is the subject of every desk action, and it is impossible to miss who."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ui.desk.dialogs import AnnulDialog
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, on_modal, people

pytestmark = OFFSCREEN_NOISE


def _type(qtbot, widget, text):
    qtbot.keyClicks(widget, text, delay=150)
    qtbot.wait(100)


def test_opening_someone_else_clears_the_banner_about_another_person(qtbot, desk, desk_store, desk_event):
    everyone = [p for p in people(desk_store, desk_event.id) if not p.blocked and p.last_name.isalpha()]
    elin, other = everyone[0], next(p for p in everyone[1:] if p.last_name[:3] != everyone[0].last_name[:3])
    desk.controller.scan(elin.code)
    desk.controller.scan(elin.code)
    assert desk.banner.state is ResultState.WARNING  # amber: Elin already checked in
    _type(qtbot, desk.search, other.last_name[:4].lower())
    row = next(i for i in range(desk.model.rowCount()) if desk.model.attendee(i).id == other.id)
    desk.table.selectRow(row)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)  # opens the other person
    qtbot.waitUntil(lambda: desk.controller.current_id == other.id)
    assert desk.banner.state is None  # no amber about Elin over the other person's panel
    assert other.first_name in desk.subject.text()


def test_the_highlighted_row_is_the_panels_person(qtbot, desk, desk_store, desk_event):
    everyone = [p for p in people(desk_store, desk_event.id) if not p.blocked and p.last_name.isalpha()]
    prefix = next(p.last_name[:2].lower() for p in everyone
                  if sum(q.last_name.lower().startswith(p.last_name[:2].lower()) for q in everyone) >= 3)
    _type(qtbot, desk.search, prefix)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)  # opens the top match
    first = desk.controller.current_id
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)  # the highlight moves: so does the subject
    qtbot.waitUntil(lambda: desk.controller.current_id not in (None, first))
    highlighted = desk.model.attendee(desk.table.selectionModel().selectedRows()[0].row())
    assert desk.controller.current_id == highlighted.id
    assert highlighted.first_name in desk.subject.text()
    desk.act_check_in.trigger()  # "Check in (Enter)" acts on the highlighted person
    assert [r.attendee_id for r in log_rows(desk_store, highlighted.id)] == [highlighted.id]
    assert log_rows(desk_store, first) == []


def test_ctrl_e_from_the_search_field_opens_events(qtbot, desk):
    from kiosk.ui.firstrun.events_dialog import EventsDialog

    closed = on_modal(EventsDialog, lambda w: w.reject(), qtbot)
    desk.search.setFocus()
    qtbot.keyClick(desk.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(closed), timeout=3000)


def test_checked_in_here_today_goes_down_after_an_undo(qtbot, desk, desk_store, desk_event):
    a, b = [p for p in people(desk_store, desk_event.id) if not p.blocked][40:42]
    desk.controller.scan(a.code)
    desk.controller.scan(b.code)
    desk.controller.refresh_status()
    qtbot.waitUntil(lambda: desk.status.today.text().endswith(": 2"))
    desk.controller.open_attendee(b.id)
    qtbot.waitUntil(lambda: desk.controller.current_id == b.id)
    on_modal(AnnulDialog, lambda d: (d.reason.setEditText("Wrong person picked"), d.accept()))
    desk.ask_annul()
    desk.controller.refresh_status()
    qtbot.waitUntil(lambda: desk.status.today.text().endswith(": 1"))


def test_exit_mode_stays_visible_while_a_result_shows(qtbot, desk, desk_store, desk_event):
    person = people(desk_store, desk_event.id)[50]
    desk.controller.scan(person.code)
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)
    assert desk.controller.exit_mode
    desk.controller.scan("NOT-A-CODE-1")  # a banner covers the idle text
    assert desk.exit_mode_flag.text().startswith("EXIT MODE") and desk.exit_mode_flag.isVisible()
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)
    assert not desk.exit_mode_flag.isVisible()
