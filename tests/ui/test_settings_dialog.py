"""The settings dialog: built from the declarations, load/check/save per page, guarded by the
admin PIN, and applied live (a printer change reaches the running print worker)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox
from sqlmodel import select

from kiosk.core.models import AuditEntry
from kiosk.core.pin import set_pin
from kiosk.settings import EVENT_SETTINGS, SETTINGS, EventSettings, StationSettings
from kiosk.ui.settings_dialog import PinDialog, SettingsDialog, open_settings
from tests.ui.conftest import OFFSCREEN_NOISE, on_modal

pytestmark = OFFSCREEN_NOISE
NO_CANDIDATES = {}  # no printer or camera look-ups: plain text fields


def test_candidates_become_editable_choices(qtbot, station_settings):
    dialog = SettingsDialog(station_settings, candidates={"printing/printer": lambda: ["Zebra", "Brother"]})
    qtbot.addWidget(dialog)
    combo = dialog.editor("printing/printer").widget
    assert isinstance(combo, QComboBox) and combo.isEditable() and combo.count() == 3
    combo.setEditText("Typed printer")
    combo.setCurrentIndex(2)
    assert dialog.editor("printing/printer").value() == "Brother"
    combo.setEditText("Typed printer")
    assert dialog.editor("printing/printer").value() == "Typed printer"
    assert "printing/printer" in dialog.save() and station_settings.get("printing/printer") == "Typed printer"
    assert "event/admin_pin" not in [k for p in dialog.pages for k in p.editors]  # no event: no event page


@pytest.fixture
def dialog(qtbot, desk_store, desk_event, desk_actor, station_settings):
    d = SettingsDialog(station_settings, desk_store, desk_event, desk_actor, candidates=NO_CANDIDATES)
    qtbot.addWidget(d)
    return d


def test_one_page_per_group_and_one_editor_per_declaration(dialog):
    assert [p.name for p in dialog.pages] == ["Station", "Printing", "Scanning", "Self-service", "Event"]
    keys = [k for p in dialog.pages for k in p.editors]
    assert sorted(keys) == sorted(list(SETTINGS) + list(EVENT_SETTINGS))
    kinds = {bool: QCheckBox, int: QSpinBox, dict: QLineEdit}
    for key, spec in {**SETTINGS, **EVENT_SETTINGS}.items():
        widget = dialog.editor(key).widget
        assert widget.toolTip() and widget.objectName() == key
        if spec.choices:
            assert isinstance(widget, QComboBox)
        elif spec.type in kinds:
            assert isinstance(widget, kinds[spec.type])
    assert dialog.editor("event/admin_pin").widget.echoMode() == QLineEdit.EchoMode.Password


def test_load_shows_current_values_and_save_writes_only_changes(dialog, station_settings, desk_store, desk_event):
    assert dialog.editor("scanner/gap_ms").widget.value() == 60  # the fixture's value
    dialog.editor("station/name").widget.setText("Desk 9")
    dialog.editor("sound/enabled").widget.setChecked(False)
    dialog.editor("event/badge_colours").widget.setText("Speaker=#112233")
    changed = dialog.save()
    assert sorted(changed) == ["event/badge_colours", "sound/enabled", "station/name"]
    reread = StationSettings(station_settings.path)
    assert reread.get("station/name") == "Desk 9" and reread.get("sound/enabled") is False
    assert EventSettings(desk_store, desk_event.id).get("event/badge_colours") == {"Speaker": "#112233"}
    with desk_store.read() as s:
        keys = [json.loads(a.details)["key"] for a in s.exec(select(AuditEntry).where(AuditEntry.action == "settings"))]
    assert sorted(keys) == sorted(changed)
    assert dialog.save() == [] and dialog.saved.text() == "Nothing changed."


def test_check_refuses_a_bad_value_and_writes_nothing(dialog, station_settings):
    dialog.editor("station/name").widget.setText("Changed")
    dialog.editor("printing/templates").widget.setText("VIP=poster")
    assert dialog.save() == []
    assert not dialog.errors.isHidden() and "no badge template named 'poster'" in dialog.errors.text()
    assert dialog.stack.currentWidget() is dialog.page("Printing")  # the page with the problem is shown
    assert StationSettings(station_settings.path).get("station/name") == ""


def test_dialog_needs_the_pin_once_one_is_set(qtbot, desk_store, desk_event, station_settings):
    assert isinstance(open_settings(None, station_settings, desk_store, desk_event), SettingsDialog)  # no PIN yet
    set_pin(desk_store, desk_event.id, "7391")

    def wrong_then_cancel(pin: PinDialog):
        pin.pin.setText("0000")
        pin.accept()
        assert pin.error.isVisible() and pin.isVisible()
        pin.reject()

    handled = on_modal(PinDialog, wrong_then_cancel)
    assert open_settings(None, station_settings, desk_store, desk_event) is None and handled

    def right(pin: PinDialog):
        pin.pin.setText("7391")
        pin.accept()

    handled = on_modal(PinDialog, right)
    opened = open_settings(None, station_settings, desk_store, desk_event)
    assert handled and isinstance(opened, SettingsDialog)
    qtbot.addWidget(opened)


def test_pin_tries_are_rate_limited(qtbot, desk_store, desk_event):
    set_pin(desk_store, desk_event.id, "7391")
    dialog = PinDialog(desk_store, desk_event.id)
    qtbot.addWidget(dialog)
    dialog.limiter.reset()
    for _ in range(dialog.limiter.free_tries):
        dialog.pin.setText("1111")
        dialog.accept()
    assert "Try again in" in dialog.error.text()
    dialog.pin.setText("7391")  # even the right PIN waits
    dialog.accept()
    assert dialog.result() != PinDialog.DialogCode.Accepted
    dialog.limiter.reset()


def test_printer_and_template_changes_reach_the_running_desk(qtbot, make_desk, station_settings):
    from kiosk.printing.worker import PrintWorker

    window = make_desk()
    worker = PrintWorker(window.controller.store, "Desk 1", printer="Old", fallback_printer="")
    window.live.worker = worker  # a real worker, not started: only its printer choice is looked at
    dialog = SettingsDialog(station_settings, window.controller.store, None, candidates=NO_CANDIDATES)
    qtbot.addWidget(dialog)
    dialog.applied.connect(window.live.apply)
    dialog.editor("printing/printer").widget.setText("New front printer")
    dialog.editor("printing/fallback").widget.setText("Backup")
    dialog.editor("printing/template").widget.setText("cr80")
    dialog.editor("printing/templates").widget.setText("VIP=4x3in")
    window.sounds.enabled = True
    dialog.editor("sound/enabled").widget.setChecked(False)
    dialog.editor("scanner/gap_ms").widget.setValue(75)
    dialog.save()
    assert worker.printers == ("New front printer", "Backup")
    options = window.controller.printing
    assert (options.printer, options.template_for("VIP"), options.template_for("Student")) == ("New front printer", "4x3in", "cr80")
    assert not window.sounds.enabled and window.wedge.gap_ms == 75


def test_desk_has_the_settings_shortcut(qtbot, make_desk):
    window = make_desk()
    assert "Ctrl+," in [s.toString() for s in window.act_settings.shortcuts()]
    window.act_settings.trigger()  # no PIN set: the dialog opens straight away
    qtbot.waitUntil(lambda: window.settings_dialog is not None and window.settings_dialog.isVisible())
    window.settings_dialog.close()


def test_every_label_and_description_is_listed_for_translation():
    from kiosk.ui.settings_dialog.texts import TEXTS

    wanted = set(PAGES_AND_TEXTS())
    assert wanted <= set(TEXTS), f"regenerate kiosk/ui/settings_dialog/texts.py: missing {sorted(wanted - set(TEXTS))}"


def PAGES_AND_TEXTS():  # noqa: N802
    from kiosk.settings import PAGES

    yield from PAGES
    for spec in list(SETTINGS.values()) + list(EVENT_SETTINGS.values()):
        yield spec.label
        yield spec.description


def test_the_database_password_is_masked_and_kept(qtbot, station_settings):
    url = "postgresql+psycopg://kiosk:Sup3r-Secr3t@db.example.org/kiosk"
    station_settings.set("database/url", url)
    dialog = SettingsDialog(station_settings, candidates=NO_CANDIDATES)
    qtbot.addWidget(dialog)
    field = dialog.editor("database/url").widget
    assert field.text() == "postgresql+psycopg://kiosk:***@db.example.org/kiosk"
    dialog.editor("station/name").widget.setText("Desk 9")
    assert dialog.save() == ["station/name"]  # left as shown, the URL is unchanged
    assert StationSettings(station_settings.path).get("database/url") == url
    field.setText("postgresql+psycopg://kiosk@db2.example.org/kiosk")
    assert dialog.save() == ["database/url"]
    assert StationSettings(station_settings.path).get("database/url") == "postgresql+psycopg://kiosk@db2.example.org/kiosk"
