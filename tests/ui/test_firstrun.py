"""First run: Get started creates an event, imports a list through the import dialog, or opens
the demo; the events dialog picks, renames and archives; kiosk run without an event shows it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime
from sqlmodel import select

from kiosk.core import attendees
from kiosk.core.events import list_events
from kiosk.core.models import AuditEntry, Event
from kiosk.core.store import open_store
from kiosk.ui.firstrun.event_form import EventForm
from kiosk.ui.firstrun.events_dialog import EventsDialog
from kiosk.ui.firstrun.get_started import GetStarted
from kiosk.ui.firstrun.import_dialog import ImportDialog
from tests.ui.conftest import on_modal

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)", r"This plugin does not support raise\(\)")
SAMPLE = Path(__file__).parents[1] / "data" / "samples" / "eventbrite_style.csv"


@pytest.fixture
def empty_store(sqlite_url):
    store = open_store(sqlite_url)
    yield store
    store.dispose()


def fill_form(form: EventForm, name="Nordic Safety Forum", tz="Europe/Stockholm"):
    form.name.setText(name)
    form.venue.setText("Umeå Folkets Hus")
    form.date.setDate(QDate(2026, 10, 14))
    form.starts.setTime(QTime(9, 0))
    form.ends.setTime(QTime(17, 30))
    form.tz.setCurrentText(tz)


def test_event_form_checks_before_creating(qtbot, empty_store):
    form = EventForm(empty_store)
    qtbot.addWidget(form)
    form.accept()
    assert "needs a name" in form.error.text() and form.created is None
    fill_form(form, tz="Mars/Olympus")
    form.accept()
    assert "Unknown time zone" in form.error.text()
    fill_form(form)
    form.ends.setTime(QTime(8, 0))
    form.accept()
    assert "end after it starts" in form.error.text() and not list_events(empty_store)
    fill_form(form)
    form.accept()
    event = form.created
    assert event.name == "Nordic Safety Forum" and event.timezone == "Europe/Stockholm" and event.venue == "Umeå Folkets Hus"
    assert event.starts_at == datetime.fromisoformat("2026-10-14T07:00:00+00:00")  # 09:00 in Stockholm (CEST)


def test_get_started_creates_an_event(qtbot, empty_store, station_settings):
    dialog = GetStarted(empty_store, settings=station_settings)
    qtbot.addWidget(dialog)
    handled = on_modal(EventForm, lambda form: (fill_form(form), form.accept()))
    dialog.create_button.click()
    assert handled and dialog.chosen.name == "Nordic Safety Forum"
    assert dialog.result() == GetStarted.DialogCode.Accepted
    assert station_settings.get("station/event") == "Nordic Safety Forum"


def test_get_started_imports_the_sample_list(qtbot, empty_store, desk_actor):
    dialog = GetStarted(empty_store, desk_actor, synchronous=True)
    qtbot.addWidget(dialog)

    def do_import(importer: ImportDialog):
        importer.load(str(SAMPLE))
        assert importer.mapping.rowCount() == 12 and importer.rows.rowCount() == 4
        headers = [importer.rows.horizontalHeaderItem(c).text() for c in range(importer.rows.columnCount())]
        assert "first name" in headers and "email" in headers
        assert importer.import_button.isEnabled()
        importer.import_button.click()
        assert "4 added" in importer.summary.text() and importer.progress.value() == 1000
        importer.accept()

    on_modal(EventForm, lambda form: (fill_form(form), form.accept()))
    done = on_modal(ImportDialog, do_import)
    dialog.import_list.click()
    assert done and dialog.chosen is not None
    people = attendees.list_all(empty_store, dialog.chosen.id)
    assert sorted(p.first_name for p in people) == ["Li", "Märta", "Tomás", "Yuki"]
    assert {p.ticket_type for p in people} >= {"Speaker"}
    with empty_store.read() as s:
        trail = s.exec(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert len(trail) == 1 and json.loads(trail[0].details)["added"] == 4


def test_import_dialog_mapping_can_be_changed_and_problems_are_reported(qtbot, empty_store, tmp_path):
    from kiosk.core.demo import create_demo

    event_id = create_demo(empty_store, attendees=5, seed=1)
    path = tmp_path / "list.csv"
    path.write_text("Person,Contact,Notes\nAda Lovelace,ada@example.org,x\n,brita@example.org,y\n", encoding="utf-8")
    dialog = ImportDialog(empty_store, event_id, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.load(str(path))
    assert not dialog.import_button.isEnabled()  # no name column detected
    name_combo = dialog.mapping.cellWidget(0, 1)
    name_combo.setCurrentIndex(name_combo.findData("full_name"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    mail_combo = dialog.mapping.cellWidget(1, 1)
    mail_combo.setCurrentIndex(mail_combo.findData("email"))
    qtbot.waitUntil(lambda: dialog.overrides() == {"1": "full_name", "2": "email"})
    assert "list.csv:3: name" in dialog.problems.toPlainText()
    before = len(attendees.list_all(empty_store, event_id))
    dialog.import_button.click()
    assert "Nothing was imported" in dialog.summary.text()
    assert len(attendees.list_all(empty_store, event_id)) == before  # all or nothing
    dialog.skip_invalid.setChecked(True)
    dialog.import_button.click()
    assert "1 added" in dialog.summary.text() and len(attendees.list_all(empty_store, event_id)) == before + 1


def test_import_runs_off_the_gui_thread(qtbot, empty_store, tmp_path):
    from kiosk.core.demo import create_demo

    event_id = create_demo(empty_store, attendees=5, seed=1)
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("First Name,Last Name,Email\n")
        for i in range(20_000):
            f.write(f"Person{i},Family{i},p{i}@example.org\n")
    dialog = ImportDialog(empty_store, event_id)
    qtbot.addWidget(dialog)
    dialog.load(str(path))
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    dialog.import_button.click()
    assert dialog.tasks.pending == 1  # the click returned while the import runs on the write lane
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert dialog.report.added == 20_000 and dialog.progress.value() == 1000
    dialog.tasks.shutdown()


def test_get_started_opens_the_demo(qtbot, empty_store):
    dialog = GetStarted(empty_store)
    qtbot.addWidget(dialog)
    dialog.demo.click()
    assert dialog.chosen is not None and len(attendees.list_all(empty_store, dialog.chosen.id)) == 170


def test_events_dialog_renames_archives_and_picks(qtbot, desk_store, desk_event, desk_actor):
    from kiosk.core.events import create_event

    other = create_event(desk_store, "Autumn Forum", desk_event.starts_at, desk_event.ends_at, tz="UTC")
    dialog = EventsDialog(desk_store, desk_event.id, desk_actor)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert not dialog.do_rename(other, "  ")
    assert "needs a name" in dialog.error.text()
    assert not dialog.do_rename(other, desk_event.name) and "already exists" in dialog.error.text()
    assert dialog.do_rename(other, "Winter Forum")
    with desk_store.read() as s:
        assert s.get(Event, other.id).name == "Winter Forum"
    # archive: gone from the list and from the default choice, back with "show archived"
    dialog.list.setCurrentRow(next(i for i in range(dialog.list.count()) if "Winter" in dialog.list.item(i).text()))
    dialog.archive.click()
    assert dialog.list.count() == 1 and [e.name for e in list_events(desk_store)] == [desk_event.name]
    dialog.show_archived.setChecked(True)
    assert dialog.list.count() == 2
    # this station's own event cannot be archived from under it
    dialog.list.setCurrentRow(next(i for i in range(dialog.list.count()) if "(this station)" in dialog.list.item(i).text()))
    assert not dialog.archive.isEnabled()
    with desk_store.read() as s:
        actions = [a.action for a in s.exec(select(AuditEntry).where(AuditEntry.event_id == other.id))]
    assert "event_renamed" in actions and "event_archived" in actions
    picked = []
    dialog.eventChosen.connect(picked.append)
    dialog.choose()
    assert picked and picked[0].id == desk_event.id


def test_desk_switches_to_the_picked_event(qtbot, desk_store, desk_event, desk_actor, station_settings, monkeypatch):
    from kiosk.core.events import create_event
    from kiosk.ui import station_run

    other = create_event(desk_store, "Second Day", desk_event.starts_at, desk_event.ends_at, tz="UTC")
    station = station_run.Station(desk_store, "desk", desk_actor, station_settings, quiet_desk)
    first = station.open_event(desk_event)
    qtbot.addWidget(first)
    done = on_modal(EventsDialog, lambda d: (d.list.setCurrentRow(
        next(i for i in range(d.list.count()) if "Second Day" in d.list.item(i).text())), d.choose()))
    first.act_events.trigger()
    qtbot.waitUntil(lambda: station.window is not first, timeout=5000)
    qtbot.addWidget(station.window)
    assert done and station.window.controller.event_id == other.id and not first.isVisible()
    assert station_settings.get("station/event") == "Second Day"
    station.window.close()


def quiet_desk(store, event, actor, settings):
    from kiosk.ui.desk.assemble import build_desk

    return build_desk(store, event, actor, settings, synchronous=True, sounds=False, printing=False, camera=False)


def test_run_without_an_event_shows_get_started_then_the_desk(qtbot, sqlite_url, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QApplication

    from kiosk.cli import main

    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr("kiosk.app.MODES", {"desk": "tests.ui.test_firstrun:quiet_desk"})
    opened = []

    def desk_window():
        return next((w for w in QApplication.topLevelWidgets() if w.objectName() == "deskWindow" and w.isVisible()), None)

    class App:  # the real QApplication, except that the test runs its event loop
        def exec(self):  # the database opens behind the "Opening the event…" window, then Get started
            qtbot.waitUntil(lambda: desk_window() is not None, timeout=20_000)
            window = desk_window()
            opened.append(window.controller.event_name)
            window.close()
            return 0

        def quit(self):
            pass

    monkeypatch.setattr("kiosk.app.ensure_app", lambda language="": App())
    handled = on_modal(GetStarted, lambda d: d.demo.click())
    assert main(["--db", sqlite_url, "run", "--station", "Desk 1"]) == 0
    assert handled and opened and opened[0].startswith("Forum")
    from kiosk.settings import StationSettings

    assert StationSettings().get("station/event") == opened[0]  # remembered for the next start


def _big_list(path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("First name,Last name,Email,Company\n")
        for i in range(rows):
            fh.write(f"Person{i},Surname{i},person{i}@example.org,Company {i % 97}\n")


def _count(store, event_id):
    return len(attendees.list_all(store, event_id))


def test_a_large_import_shows_progress_and_cancelling_writes_nothing(qtbot, desk_store, desk_event, tmp_path):
    sheet = tmp_path / "big.csv"
    _big_list(sheet, 30_000)
    before = _count(desk_store, desk_event.id)
    dialog = ImportDialog(desk_store, desk_event.id, synchronous=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(str(sheet))
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    dialog.import_button.click()
    assert dialog.progress.isVisible() and dialog.cancel_button.isVisible() and not dialog.close_button.isVisible()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: "cancelled" in dialog.summary.text(), timeout=60_000)
    assert dialog.summary.text() == "Import cancelled: nothing was written."
    assert dialog.tasks.wait_idle(60_000)
    assert _count(desk_store, desk_event.id) == before
    with desk_store.read() as s:
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "import")).all() == []
    assert dialog.close_button.isVisible() and dialog.import_button.isEnabled()

    seen = []  # the same file, not cancelled: the bar moves, and everyone arrives
    dialog.timer.timeout.connect(lambda: seen.append(dialog.progress.value()))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Imported:"), timeout=120_000)
    assert _count(desk_store, desk_event.id) == before + 30_000
    assert dialog.progress.value() == 1000 and any(0 < v < 1000 for v in seen)
