"""The desk driven as staff would: keys and dialogs in, rows in the database out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlmodel import select

from kiosk.core import printqueue
from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, AuditEntry, CheckInKind, Method
from kiosk.ui.desk.dialogs import AnnulDialog, EditDialog, WalkInDialog
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, on_modal, people, print_jobs

pytestmark = OFFSCREEN_NOISE

HUMAN_MS = 130  # a fast typist, well above the scanner gap (60 ms here, 40 by default)
SCANNER_MS = 2


def find_person(store, event_id, last_name_prefix):
    return next(p for p in people(store, event_id) if p.last_name.startswith(last_name_prefix))


def type_human(qtbot, widget, text):
    qtbot.keyClicks(widget, text, delay=HUMAN_MS)
    qtbot.wait(100)  # the wedge gives a held key back within its gap


def scan(qtbot, widget, code, enter=True):
    qtbot.keyClicks(widget, code, delay=SCANNER_MS)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    else:
        qtbot.wait(150)  # a pause ends the burst


def test_type_a_name_pick_the_match_and_check_in(qtbot, desk, desk_store, desk_event):
    target = people(desk_store, desk_event.id)[0]
    query = f"{target.first_name[:3]} {target.last_name[:4]}"
    type_human(qtbot, desk.search, query)
    assert desk.search.text() == query
    ids = [desk.model.attendee(r).id for r in range(desk.model.rowCount())]
    assert target.id in ids
    desk.table.selectRow(ids.index(target.id))

    qtbot.keyClick(desk.search, Qt.Key.Key_Return)  # open the selected match
    assert desk.controller.current_id == target.id
    assert desk.panel.name.text() == target.display_name
    assert log_rows(desk_store, target.id) == []

    qtbot.keyClick(desk.search, Qt.Key.Key_Return)  # Enter again: check in
    rows = log_rows(desk_store, target.id)
    assert [(r.kind, r.method, r.station, r.operator) for r in rows] == [(CheckInKind.ENTRY, Method.SEARCH, "Desk 1", "Tove")]
    assert desk.banner.state is ResultState.SUCCESS
    assert desk.banner.title.text() == "Checked in"
    assert target.display_name in desk.banner.detail.text()
    jobs = print_jobs(desk_store, target.id)
    assert [(j.state, j.reprint, j.station, j.template) for j in jobs] == [("queued", False, "Desk 1", "a6")]
    assert "Checked in since" in desk.panel.status.text()
    assert "1 waiting" in desk.panel.badge.text()


def test_undo_with_a_typed_reason(qtbot, desk, desk_store, desk_event):
    target = people(desk_store, desk_event.id)[3]
    scan(qtbot, desk.search, target.code)
    assert desk.controller.current_id == target.id

    def answer(dialog: AnnulDialog):
        dialog.accept()  # no reason yet: refused, the dialog stays
        assert dialog.isVisible() and dialog.error.isVisible()
        dialog.reason.setEditText("Wrong person picked at the desk")
        dialog.accept()

    handled = on_modal(AnnulDialog, answer)
    qtbot.keyClick(desk.search, Qt.Key.Key_F8)
    assert handled
    rows = log_rows(desk_store, target.id)
    assert [r.kind for r in rows] == [CheckInKind.ENTRY, CheckInKind.ANNUL]
    assert rows[1].reason == "Wrong person picked at the desk"
    with desk_store.read() as s:
        assert s.get(Attendee, target.id).checked_in_at is None
        audit = s.exec(select(AuditEntry).where(AuditEntry.attendee_id == target.id, AuditEntry.action == "annul")).all()
    assert len(audit) == 1 and audit[0].station == "Desk 1"
    assert desk.banner.title.text() == "Check-in annulled"
    assert "Annulled" in desk.panel.history.item(0).text()


def test_undo_with_a_picked_reason(qtbot, desk, desk_store, desk_event):
    target = people(desk_store, desk_event.id)[4]
    scan(qtbot, desk.search, target.code)
    on_modal(AnnulDialog, lambda d: (d.reason.setCurrentIndex(1), d.accept()))
    qtbot.keyClick(desk.search, Qt.Key.Key_F8)
    assert log_rows(desk_store, target.id)[-1].reason == "Checked in by mistake"


def test_second_scan_is_amber_with_when_where_who_and_reprint_is_one_key(qtbot, desk, desk_store, desk_event):
    target = people(desk_store, desk_event.id)[5]
    first = CheckInService(desk_store, desk_event.id, Actor("Desk 2", "Omar")).scan(target.code)
    job = printqueue.enqueue(desk_store, desk_event.id, target.id, "Desk 2", "a6")
    printqueue.claim_next(desk_store, "Desk 2")
    printqueue.mark_printed(desk_store, job, "label-printer")

    scan(qtbot, desk.search, target.code)
    assert desk.banner.state is ResultState.WARNING
    hhmm = first.entry.at.astimezone(desk.controller.tz).strftime("%H:%M")
    assert f"at {hhmm} at station Desk 2 by Omar" in desk.banner.detail.text()
    assert "F5" in desk.banner.hint.text()
    assert "printed" in desk.panel.badge.text() and "1 time" in desk.panel.badge.text()
    assert print_jobs(desk_store, target.id)[-1].state == "printed"  # no automatic second badge

    qtbot.keyClick(desk.search, Qt.Key.Key_F5)
    jobs = print_jobs(desk_store, target.id)
    assert [(j.state, j.reprint, j.station) for j in jobs] == [("printed", False, "Desk 2"), ("queued", True, "Desk 1")]
    assert desk.banner.title.text() == "Reprint queued"
    assert len(log_rows(desk_store, target.id)) == 1  # amber wrote nothing


def test_walk_in_is_validated_then_registered_checked_in_and_queued(qtbot, desk, desk_store, desk_event):
    def fill(dialog: WalkInDialog):
        form = dialog.form
        form.edits["email"].setText("not-an-email")
        dialog.accept()  # no name, bad email: refused with the reasons shown
        assert dialog.isVisible()
        assert "Name" in form.errors.text() and "Email" in form.errors.text()
        form.edits["first_name"].setText("Märta")
        form.edits["last_name"].setText("Öberg")
        form.edits["email"].setText("marta@example.org")
        form.edits["organisation"].setText("BRIS")
        form.category.setCurrentText("NGO")
        form.privacy.setCurrentIndex(form.privacy.findData("first_name_only"))
        dialog.accept()

    handled = on_modal(WalkInDialog, fill)
    qtbot.keyClick(desk.search, Qt.Key.Key_F3)
    assert handled
    with desk_store.read() as s:
        person = s.exec(select(Attendee).where(Attendee.last_name == "Öberg", Attendee.walk_in == True)).one()  # noqa: E712
    assert person.first_name == "Märta" and person.badge_privacy == "first_name_only" and person.ticket_type == "Walk-in"
    assert len(person.code) >= 20
    assert [(r.kind, r.method) for r in log_rows(desk_store, person.id)] == [(CheckInKind.ENTRY, Method.WALK_IN)]
    assert [j.state for j in print_jobs(desk_store, person.id)] == ["queued"]
    assert desk.banner.state is ResultState.SUCCESS and "Märta Öberg" in desk.banner.detail.text()


def test_walk_in_cancelled_writes_nothing(qtbot, desk, desk_store, desk_event):
    before = len(people(desk_store, desk_event.id))
    on_modal(WalkInDialog, lambda d: (d.form.edits["first_name"].setText("Nobody"), d.reject()))
    qtbot.keyClick(desk.search, Qt.Key.Key_F3)
    assert len(people(desk_store, desk_event.id)) == before


def test_edit_fixes_a_misspelt_name_and_is_audited(qtbot, desk, desk_store, desk_event):
    target = people(desk_store, desk_event.id)[8]
    type_human(qtbot, desk.search, target.code[:6].lower())
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert desk.controller.current_id == target.id

    on_modal(EditDialog, lambda d: (d.form.edits["last_name"].setText("Lindqvist-Berg"), d.accept()))
    qtbot.keyClick(desk.search, Qt.Key.Key_F2)
    with desk_store.read() as s:
        assert s.get(Attendee, target.id).last_name == "Lindqvist-Berg"
        audit = s.exec(select(AuditEntry).where(AuditEntry.attendee_id == target.id, AuditEntry.action == "edit")).all()
    assert len(audit) == 1 and "Lindqvist-Berg" in audit[0].details
    assert desk.panel.name.text().endswith("Lindqvist-Berg")
    assert log_rows(desk_store, target.id) == []  # editing is not checking in


def test_exit_key_and_exit_mode_record_exits(qtbot, desk, desk_store, desk_event):
    a, b = people(desk_store, desk_event.id)[10:12]
    scan(qtbot, desk.search, a.code)
    qtbot.keyClick(desk.search, Qt.Key.Key_F6)  # exit for the open attendee
    assert [r.kind for r in log_rows(desk_store, a.id)] == [CheckInKind.ENTRY, CheckInKind.EXIT]
    assert desk.banner.title.text() == "Exit recorded"

    scan(qtbot, desk.search, b.code)
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)  # scans now record exits
    assert desk.controller.exit_mode and "EXIT MODE" in desk.search.placeholderText()
    qtbot.wait(2100)  # the same code within 2 s would be one scan
    scan(qtbot, desk.search, b.code)
    assert [r.kind for r in log_rows(desk_store, b.id)] == [CheckInKind.ENTRY, CheckInKind.EXIT]
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)
    assert not desk.controller.exit_mode


def test_status_bar_shows_station_operator_database_and_todays_count(qtbot, desk, desk_store, desk_event):
    for person in people(desk_store, desk_event.id)[20:23]:
        scan(qtbot, desk.search, person.code)
    bar = desk.status
    assert "Desk 1" in bar.station.text() and "Tove" in bar.operator.text()
    assert "SQLite" in bar.database.text() and "UNREACHABLE" not in bar.database.text()
    assert bar.today.text().endswith(": 3")
    assert "3 in queue" in bar.printer.text()


def test_escape_clears_search_and_banner(qtbot, desk, desk_store, desk_event):
    type_human(qtbot, desk.search, "ann")
    scan(qtbot, desk.search, "NO-SUCH-CODE-42")
    assert desk.banner.state is ResultState.ERROR
    qtbot.keyClick(desk.search, Qt.Key.Key_Escape)
    assert desk.search.text() == "" and desk.banner.state is None


def test_result_closes_itself_and_a_new_scan_replaces_it(qtbot, desk, desk_store, desk_event, monkeypatch):
    a, b = people(desk_store, desk_event.id)[30:32]
    scan(qtbot, desk.search, "UNKNOWN-THING-1")
    assert desk.banner.state is ResultState.ERROR
    scan(qtbot, desk.search, a.code)  # replaces the red at once
    assert desk.banner.state is ResultState.SUCCESS and a.display_name in desk.banner.detail.text()
    desk.banner._timer.setInterval(50)
    desk.banner._timer.start()
    qtbot.waitUntil(lambda: desk.banner.state is None, timeout=2000)
    assert desk.banner.title.text() == "Ready to scan"


def test_a_stray_enter_after_a_scan_does_not_turn_green_into_amber(qtbot, desk, desk_store, desk_event):
    person = people(desk_store, desk_event.id)[33]
    scan(qtbot, desk.search, person.code, enter=False)
    assert desk.banner.state is ResultState.SUCCESS
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert desk.banner.state is ResultState.SUCCESS
    assert len(log_rows(desk_store, person.id)) == 1
    qtbot.keyClick(desk.search, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    assert desk.banner.state is ResultState.WARNING  # Ctrl+Enter asks again, on purpose


def test_an_unknown_code_clears_the_last_person_from_the_panel(qtbot, desk, desk_store, desk_event):
    person = people(desk_store, desk_event.id)[3]
    scan(qtbot, desk.search, person.code)
    assert desk.banner.state is ResultState.SUCCESS and desk.controller.current_id == person.id
    scan(qtbot, desk.search, "NOT-A-TICKET-123")
    assert desk.banner.state is ResultState.ERROR
    assert desk.controller.current_id is None  # Enter, F8 or F5 now act on nobody
    assert desk.panel.empty.isVisible() and not desk.panel.name.isVisible()
    qtbot.keyClick(desk.search, Qt.Key.Key_F8)  # undo has nothing to undo
    assert [r.kind for r in log_rows(desk_store, person.id)] == [CheckInKind.ENTRY]
