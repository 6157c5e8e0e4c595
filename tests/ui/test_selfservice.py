"""The self-service kiosk driven as an attendee (and a staff member) would, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk.core.attendees import update_attendee
from kiosk.core.events import Actor
from kiosk.core.models import BadgePrivacy, CheckInKind, Method
from kiosk.core.pin import PinRateLimiter
from kiosk.settings import StationSettings
from kiosk.ui.result_state import ResultState
from kiosk.ui.selfservice.assemble import NoPinError, open_self_service
from kiosk.ui.selfservice.options import touch_px
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, people, print_jobs

pytestmark = OFFSCREEN_NOISE
PIN = "4711"


def scan(qtbot, window, code):
    qtbot.keyClicks(window.focusWidget() or window, code, delay=2)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)


def texts(root: QWidget, skip: tuple = ()) -> str:
    """Every word a person could read off (or a screen reader announce from) the window."""
    out = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if w in skip:
            continue
        out += [w.accessibleName(), w.accessibleDescription(), w.toolTip()]
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
    return "\n".join(t for t in out if t)


def test_scan_green_then_amber_then_red(qtbot, kiosk, desk_store, desk_event):
    person = next(p for p in people(desk_store, desk_event.id) if p.organisation and p.badge_privacy is BadgePrivacy.FULL)
    scan(qtbot, kiosk, person.code)
    banner = kiosk.result.banner
    assert kiosk.page is kiosk.result and banner.state is ResultState.SUCCESS
    assert banner.title.text() == f"Welcome, {person.first_name}!"
    assert banner.detail.text() == person.organisation
    assert banner.hint.text() == "Your badge is printing…"
    rows = log_rows(desk_store, person.id)
    assert [(r.kind, r.method, r.station) for r in rows] == [(CheckInKind.ENTRY, Method.SELF_SERVICE, "Lobby kiosk")]
    assert [j.station for j in print_jobs(desk_store, person.id)] == ["Lobby kiosk"]

    kiosk.controller.job_printed("job", person.id, "printer")  # what the print worker reports
    assert banner.hint.text() == "Your badge is ready: please take it from the printer."

    qtbot.wait(2100)  # the same code within 2 s is one scan
    scan(qtbot, kiosk, person.code)
    assert banner.state is ResultState.WARNING
    assert banner.title.text() == "You are already checked in."
    assert banner.detail.text() == "Need a new badge? Please see the desk."
    assert not kiosk.result.reprint.isVisible()  # no reprint unless the setting allows it
    assert len(log_rows(desk_store, person.id)) == 1

    scan(qtbot, kiosk, "NOT-A-TICKET-123")
    assert banner.state is ResultState.ERROR
    assert (banner.title.text(), banner.detail.text()) == ("We couldn't find this ticket.", "Please see the desk.")
    assert person.first_name not in texts(kiosk)

    kiosk.result.ok.click()
    assert kiosk.page is kiosk.welcome


def test_green_goes_back_to_the_welcome_page_by_itself(qtbot, kiosk, desk_store, desk_event):
    person = people(desk_store, desk_event.id)[3]
    kiosk.scan(person.code)
    assert kiosk.page is kiosk.result
    qtbot.waitUntil(lambda: kiosk.page is kiosk.welcome, timeout=7000)
    assert person.first_name not in texts(kiosk)


def _type_on_screen(keyboard, text):
    keys = {k.text(): k for k in keyboard.keys}
    for ch in text:
        keys[ch].click()


def test_lookup_wrong_email_does_not_check_in_right_email_does(qtbot, kiosk, desk_store, desk_event):
    everyone = people(desk_store, desk_event.id)
    person = next(p for p in everyone if p.badge_privacy is BadgePrivacy.FULL and p.organisation and p.last_name.isalpha())
    kiosk.welcome.lookup.click()
    assert kiosk.page is kiosk.lookup
    _type_on_screen(kiosk.lookup.keyboard, person.last_name.upper())
    assert kiosk.lookup.query.text().lower() == person.last_name.lower()
    labels = [b.text() for b in kiosk.lookup.match_buttons if b.isVisible()]
    mine = f"{person.first_name} {person.last_name[0]}. — {person.organisation}"
    assert mine in labels
    # Redacted: no surname, no email of anyone, on this page.
    shown = texts(kiosk)
    for p in everyone:
        assert p.email not in shown
        assert p.display_name not in shown or p.display_name == p.first_name

    kiosk.lookup.match_buttons[labels.index(mine)].click()
    assert kiosk.page is kiosk.email and kiosk.email.who.text() == mine
    kiosk.email.email.setText("someone.else@example.org")  # (typed fast, it would be a scan)
    qtbot.keyClick(kiosk.email.email, Qt.Key.Key_Return)
    assert log_rows(desk_store, person.id) == []
    assert kiosk.page is kiosk.email and "Tries left: 2" in kiosk.email.message.text()

    kiosk.email.email.setText(f"  {person.email.upper()} ")  # spaces and case do not matter
    kiosk.email.ok.click()
    rows = log_rows(desk_store, person.id)
    assert [(r.kind, r.method, r.station) for r in rows] == [(CheckInKind.ENTRY, Method.SELF_SERVICE, "Lobby kiosk")]
    assert kiosk.result.banner.title.text() == f"Welcome, {person.first_name}!"
    assert kiosk.email.email.text() == ""  # the address typed is gone from the widgets


def test_three_wrong_emails_send_to_the_desk(qtbot, kiosk, desk_store, desk_event):
    person = next(p for p in people(desk_store, desk_event.id) if p.last_name.isalpha())
    kiosk.welcome.lookup.click()
    kiosk.lookup.query.setText(f"{person.first_name} {person.last_name}")
    button = next(b for b in kiosk.lookup.match_buttons if b.text().startswith(f"{person.first_name} {person.last_name[0]}."))
    button.click()
    for n in range(3):
        kiosk.email.email.setText(f"wrong{n}@example.org")
        kiosk.email.ok.click()
    assert kiosk.page is kiosk.result and kiosk.result.banner.state is ResultState.ERROR
    assert kiosk.result.banner.title.text() == "We couldn't confirm your registration."
    assert log_rows(desk_store, person.id) == []


def test_privacy_flags_shape_the_lookup_list(qtbot, kiosk, desk_store, desk_event):
    everyone = people(desk_store, desk_event.id)
    secret, no_org = everyone[10], everyone[11]
    actor = Actor("Desk 1")
    update_attendee(desk_store, secret.id, {"last_name": "Zetterqvist", "organisation": "Polismyndigheten", "badge_privacy": "first_name_only"}, actor)
    update_attendee(desk_store, no_org.id, {"last_name": "Zetterlund", "organisation": "Europol", "badge_privacy": "no_organisation"}, actor)
    kiosk.controller.index.refresh(force=True)  # (the kiosk itself looks again within a second)
    kiosk.welcome.lookup.click()
    kiosk.lookup.query.setText("Zetter")
    labels = sorted(b.text() for b in kiosk.lookup.match_buttons if b.isVisible())
    assert labels == sorted([secret.first_name, f"{no_org.first_name} Z."])
    shown = texts(kiosk)
    assert "Polismyndigheten" not in shown and "Europol" not in shown
    # An organisation or an email typed into the lookup finds nobody.
    for query in ("Polismyndigheten", everyone[20].email):
        kiosk.lookup.query.setText(query)
        assert not any(b.isVisible() for b in kiosk.lookup.match_buttons)


def test_nothing_private_on_any_page(qtbot, kiosk, desk_store, desk_event):
    everyone = people(desk_store, desk_event.id)
    noted = next(p for p in everyone if p.notes and p.last_name.isalpha())
    kiosk.welcome.lookup.click()
    kiosk.lookup.query.setText(f"{noted.first_name} {noted.last_name}")
    next(b for b in kiosk.lookup.match_buttons if b.text().startswith(noted.first_name)).click()
    on_email_page = texts(kiosk, skip=(kiosk.lookup.query,))  # less what the person typed in
    kiosk.scan(noted.code)
    on_result = texts(kiosk)
    for shown in (on_email_page, on_result):
        for p in everyone:
            assert p.email not in shown
            if p.notes:
                assert p.notes not in shown
            if p.last_name and len(p.last_name) > 3:
                assert f"{p.first_name} {p.last_name}" not in shown
        assert noted.code not in shown


def test_idle_reset_clears_everything(qtbot, kiosk, desk_store, desk_event):
    person = next(p for p in people(desk_store, desk_event.id) if p.last_name.isalpha())
    kiosk.idle.setInterval(300)
    kiosk.welcome.lookup.click()
    kiosk.lookup.query.setText(f"{person.first_name} {person.last_name}")
    next(b for b in kiosk.lookup.match_buttons if b.text().startswith(person.first_name)).click()
    kiosk.email.email.setText("typed@example.org")
    qtbot.waitUntil(lambda: kiosk.page is kiosk.welcome, timeout=3000)
    assert kiosk.lookup.query.text() == "" and kiosk.email.email.text() == "" and kiosk.email.who.text() == ""
    assert all(b.text() == "" and b.isHidden() for b in kiosk.lookup.match_buttons)
    assert person.last_name not in texts(kiosk) and "typed@example.org" not in texts(kiosk)


def test_idle_setting_is_kept_between_20_and_30_seconds(qtbot, desk_store, desk_event, station_settings):
    from kiosk.ui.selfservice.options import idle_seconds

    for value, expected in ((5, 20), (25, 25), (300, 30)):
        station_settings.set("selfservice/idle_seconds", value, check=False)
        assert idle_seconds(station_settings) == expected


def test_close_alt_f4_and_escape_are_refused(qtbot, kiosk):
    kiosk.welcome.lookup.click()
    assert not kiosk.close()
    assert kiosk.isVisible() and kiosk.refused_closes == 1
    event = QCloseEvent()
    kiosk.closeEvent(event)  # what a window manager's close (Alt+F4) delivers
    assert not event.isAccepted()
    qtbot.keyClick(kiosk.lookup.query, Qt.Key.Key_Escape)
    qtbot.keyClick(kiosk.lookup.query, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert kiosk.isVisible() and kiosk.page is kiosk.lookup
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_pin_exit_works_and_wrong_pins_are_rate_limited(qtbot, kiosk):
    now = [1000.0]
    kiosk.controller.limiter = PinRateLimiter(clock=lambda: now[0])
    qtbot.keyClick(kiosk, Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.page is kiosk.pin
    qtbot.keyClicks(kiosk.pin.pin, "0000", delay=130)  # typed by a person
    qtbot.keyClick(kiosk.pin.pin, Qt.Key.Key_Return)
    assert kiosk.pin.message.text() == "Wrong PIN."
    for _ in range(4):
        kiosk.pin.pin.setText("0000")
        qtbot.keyClick(kiosk.pin.pin, Qt.Key.Key_Return)
    assert kiosk.page is kiosk.pin
    assert "Try again in 5 s" in kiosk.pin.message.text()
    _type_on_screen(kiosk.pin.keypad, PIN)  # the right PIN, during the wait: refused unchecked
    kiosk.pin.ok.click()
    assert kiosk.page is kiosk.pin and kiosk.isVisible()
    now[0] += 6
    _type_on_screen(kiosk.pin.keypad, PIN)
    kiosk.pin.ok.click()
    assert kiosk.page is kiosk.staff
    kiosk.staff.larger.click()
    assert kiosk.text_scale == 110
    kiosk.staff.exit.click()
    assert not kiosk.isVisible()


def test_the_kiosks_own_limiter_delays_wrong_pins(qtbot, kiosk):
    """The limiter the kiosk builds for itself, on the real clock: five wrong PINs, then even the
    right one waits. (The test above swaps in a limiter; this one keeps the kiosk's own.)"""
    limiter = kiosk.controller.limiter
    qtbot.keyClick(kiosk, Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.page is kiosk.pin
    for n in range(5):
        _type_on_screen(kiosk.pin.keypad, "0000")
        kiosk.pin.ok.click()
        assert kiosk.page is kiosk.pin
    assert "Try again in 5 s" in kiosk.pin.message.text()
    _type_on_screen(kiosk.pin.keypad, PIN)  # the right PIN, a moment later: refused unchecked
    kiosk.pin.ok.click()
    assert kiosk.page is kiosk.pin and "Try again in" in kiosk.pin.message.text()
    _type_on_screen(kiosk.pin.keypad, "0000")  # and a wrong one does not count while waiting
    kiosk.pin.ok.click()
    assert limiter.failures == 5

    # Six seconds on (the same monotonic clock, moved on rather than slept through).
    real_clock = limiter._clock
    limiter._clock = lambda: real_clock() + 6
    _type_on_screen(kiosk.pin.keypad, "0000")  # the sixth wrong try now waits twice as long
    kiosk.pin.ok.click()
    assert "Try again in 10 s" in kiosk.pin.message.text()
    limiter._clock = lambda: real_clock() + 6 + 11
    _type_on_screen(kiosk.pin.keypad, PIN)
    kiosk.pin.ok.click()
    assert kiosk.page is kiosk.staff
    assert limiter.failures == 0


def test_long_press_in_the_corner_asks_for_the_pin(qtbot, kiosk):
    kiosk.corner._timer.setInterval(200)
    qtbot.mousePress(kiosk.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.page is kiosk.pin, timeout=2000)
    kiosk.pin.cancel.click()
    assert kiosk.page is kiosk.welcome


def test_no_pin_no_kiosk(qtbot, desk_store, desk_event, station_settings):
    with pytest.raises(NoPinError, match="admin set-pin"):
        open_self_service(desk_store, desk_event, settings=station_settings, synchronous=True, camera=False, fullscreen=False)


def test_targets_are_big_named_and_reachable(qtbot, kiosk):
    side = touch_px()
    for page in (kiosk.welcome, kiosk.lookup, kiosk.email, kiosk.pin, kiosk.staff):
        kiosk.stack.setCurrentWidget(page)
        qtbot.wait(10)
        for control in page.findChildren(QAbstractButton) + page.findChildren(QLineEdit):
            if not control.isVisible():
                continue
            assert control.accessibleName(), control.text()
            assert control.height() >= side and control.width() >= side, (control.text(), control.size(), side)
    kiosk.stack.setCurrentWidget(kiosk.welcome)
    kiosk.welcome.lookup.setFocus()
    qtbot.keyClick(kiosk.welcome.lookup, Qt.Key.Key_Return)  # keyboard alone reaches the lookup
    assert kiosk.page is kiosk.lookup


def test_swedish_applies_at_once_and_resets(qtbot, kiosk):
    # the shipped translation (resources/translations/kiosk_sv.qm, built by scripts/translations)
    kiosk.idle.setInterval(400)
    assert kiosk.welcome.language.text() == "Svenska"
    kiosk.welcome.language.click()
    assert kiosk.welcome.prompt.text() == "Skanna QR-koden på din biljett"
    assert kiosk.welcome.language.text() == "English"
    kiosk.scan("NOPE-NOPE-NOPE")
    assert kiosk.result.banner.title.text() == "Vi hittade inte biljetten."
    qtbot.waitUntil(lambda: kiosk.language.current == "en", timeout=3000)  # the next person starts in English
    assert kiosk.welcome.prompt.text() == "Scan the QR code on your ticket"


def test_staff_settings_open_behind_the_pin_and_apply_live(qtbot, kiosk, station_settings):
    assert not hasattr(kiosk, "settings_dialog")
    qtbot.keyClick(kiosk, Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _type_on_screen(kiosk.pin.keypad, PIN)
    kiosk.pin.ok.click()
    assert kiosk.page is kiosk.staff
    kiosk.staff.settings.click()  # the PIN was just given: no second PIN dialog
    dialog = kiosk.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.editor("scanner/gap_ms").widget.setValue(70)
    dialog.editor("sound/enabled").widget.setChecked(False)
    dialog.save()
    assert kiosk.wedge.gap_ms == 70 and not kiosk.sounds.enabled  # applied to the running kiosk
    assert StationSettings(station_settings.path).get("scanner/gap_ms") == 70
    dialog.close()


def test_after_a_wrong_email_the_keyboard_types_on_and_the_same_address_uses_no_try(qtbot, kiosk, desk_store, desk_event):
    person = next(p for p in people(desk_store, desk_event.id) if p.last_name.isalpha() and not p.blocked)
    kiosk.welcome.lookup.click()
    kiosk.lookup.query.setText(f"{person.first_name} {person.last_name}")
    next(b for b in kiosk.lookup.match_buttons if b.text().startswith(f"{person.first_name} {person.last_name[0]}.")).click()
    tries = []
    kiosk.controller.emailRejected.connect(tries.append)
    kiosk.email.email.setText("wrong@example.org")
    kiosk.email.ok.click()  # the mouse (or a tap) on the button: the button takes the focus
    assert tries == [2]
    assert QApplication.focusWidget() is kiosk.email.email  # a physical keyboard reaches the field
    kiosk.email.ok.click()  # the same address again: said again, no try used
    assert tries == [2] and "Tries left: 2" in kiosk.email.message.text()
    qtbot.keyClicks(QApplication.focusWidget(), person.email, delay=150)
    assert kiosk.email.email.text() == person.email  # typed over the selected wrong address
    kiosk.email.ok.click()
    assert [r.kind for r in log_rows(desk_store, person.id)] == [CheckInKind.ENTRY]
