"""A walk-in who is already registered: the form offers the match, in a real desk window."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt
from sqlmodel import select

from kiosk.core.models import Attendee, AuditEntry, CheckInKind, Method
from kiosk.ui.desk.dialogs import WalkInDialog
from kiosk.ui.result_state import ResultState
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, on_modal, people

pytestmark = OFFSCREEN_NOISE
SCREENSHOT = "desk-walkin-twin.png"


def registered(store, event_id):
    return next(p for p in people(store, event_id) if p.organisation and p.email and not p.walk_in and not p.blocked)


def fill_as(dialog: WalkInDialog, person) -> None:
    form = dialog.form
    form.edits["first_name"].setText(person.first_name)
    form.edits["last_name"].setText(person.last_name)
    form.edits["email"].setText(person.email)
    form.edits["organisation"].setText(person.organisation)


def save_screenshot(dialog, tmp_path: Path) -> Path:
    image = dialog.grab()
    assert not image.isNull() and image.width() > 300
    out = Path(os.environ.get("KIOSK_SCREENSHOT_DIR") or tmp_path) / SCREENSHOT
    assert image.save(str(out))
    return out


def test_walk_in_twin_is_offered_and_checked_in_instead(qtbot, desk, desk_store, desk_event, tmp_path):
    twin = registered(desk_store, desk_event.id)
    before = len(people(desk_store, desk_event.id))
    seen = {}

    def act(dialog: WalkInDialog):
        fill_as(dialog, twin)
        dialog.accept()
        assert dialog.isVisible() and dialog.twins.isVisible()  # not registered: the match is offered first
        seen["buttons"] = [b.text() for b in dialog.twin_buttons]
        seen["ok"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).text()
        seen["shot"] = save_screenshot(dialog, tmp_path)
        dialog.twin_buttons[0].click()

    handled = on_modal(WalkInDialog, act)
    qtbot.keyClick(desk.search, Qt.Key.Key_F3)
    assert handled
    assert seen["buttons"] == [f"Check in {twin.display_name} instead"]
    assert seen["ok"] == "Register a new person anyway" and seen["shot"].exists()
    assert len(people(desk_store, desk_event.id)) == before  # nobody new
    assert [(r.kind, r.method) for r in log_rows(desk_store, twin.id)] == [(CheckInKind.ENTRY, Method.SEARCH)]
    assert desk.banner.state is ResultState.SUCCESS and twin.display_name in desk.banner.detail.text()


def test_registering_anyway_stays_possible_and_is_recorded(qtbot, desk, desk_store, desk_event):
    twin = registered(desk_store, desk_event.id)

    def act(dialog: WalkInDialog):
        fill_as(dialog, twin)
        dialog.accept()
        assert dialog.twins.isVisible()
        dialog.accept()  # "Register a new person anyway"

    handled = on_modal(WalkInDialog, act)
    qtbot.keyClick(desk.search, Qt.Key.Key_F3)
    assert handled
    with desk_store.read() as s:
        new = s.exec(select(Attendee).where(Attendee.walk_in == True, Attendee.email == twin.email)).one()  # noqa: E712
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "walk_in", AuditEntry.attendee_id == new.id)).one()
    assert json.loads(entry.details)["despite_matches"] == [twin.id]
    assert log_rows(desk_store, twin.id) == []


def test_a_new_person_is_registered_without_questions(qtbot, desk, desk_store, desk_event):
    def act(dialog: WalkInDialog):
        form = dialog.form
        form.edits["first_name"].setText("Xenia")
        form.edits["last_name"].setText("Quarshie-Ylvén")
        form.edits["organisation"].setText("Nowhere Ltd")
        dialog.accept()
        assert not dialog.twins.isVisible()

    handled = on_modal(WalkInDialog, act)
    qtbot.keyClick(desk.search, Qt.Key.Key_F3)
    assert handled
    with desk_store.read() as s:
        new = s.exec(select(Attendee).where(Attendee.last_name == "Quarshie-Ylvén")).one()
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "walk_in", AuditEntry.attendee_id == new.id)).one()
    assert "despite_matches" not in json.loads(entry.details)
