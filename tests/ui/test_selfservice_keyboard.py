"""The lobby kiosk without a mouse: Tab reaches every control of every page, Enter presses it,
and the text-size setting reaches the words on every page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk.core.models import BadgePrivacy
from kiosk.core.pin import set_pin
from kiosk.ui.selfservice.assemble import open_self_service
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, people

pytestmark = OFFSCREEN_NOISE
PIN = "4711"
PERSON = 130  # ms between keys: a person typing, not a scanner


@pytest.fixture
def kiosk(qtbot, desk_store, desk_event, station_settings):
    set_pin(desk_store, desk_event.id, PIN)
    window = open_self_service(desk_store, desk_event, station="Lobby kiosk", settings=station_settings,
                               synchronous=True, sounds=False, printing=False, camera=False, fullscreen=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    yield window
    window.may_close = True
    window.close()


def controls(page: QWidget) -> set:
    """What a person operates on this page: visible buttons and fields that take focus."""
    return {w for w in page.findChildren(QAbstractButton) + page.findChildren(QLineEdit)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus}


def tab_ring(qtbot) -> set:
    reached = set()
    for _ in range(40):
        reached.add(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return reached


def press_enter_on(qtbot, control: QWidget) -> None:
    """Tab to ``control`` and press Enter there."""
    for _ in range(40):
        if QApplication.focusWidget() is control:
            qtbot.keyClick(control, Qt.Key.Key_Return)
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {control.accessibleName()!r}")


def check_page(qtbot, kiosk, page: QWidget) -> None:
    assert kiosk.page is page
    wanted = controls(page)
    assert wanted, page
    missing = wanted - tab_ring(qtbot)
    assert not missing, [w.accessibleName() for w in missing]


def test_a_whole_check_in_and_the_staff_menu_by_keyboard_alone(qtbot, kiosk, desk_store, desk_event):
    person = next(p for p in people(desk_store, desk_event.id)
                  if p.badge_privacy is BadgePrivacy.FULL and p.last_name.isalpha() and len(p.last_name) >= 4)
    check_page(qtbot, kiosk, kiosk.welcome)
    assert all(not key.focusPolicy() & Qt.FocusPolicy.TabFocus for key in kiosk.lookup.keyboard.keys)  # Tab skips the keys
    press_enter_on(qtbot, kiosk.welcome.lookup)

    assert kiosk.page is kiosk.lookup and QApplication.focusWidget() is kiosk.lookup.query
    qtbot.keyClicks(kiosk.lookup.query, person.last_name, delay=PERSON)
    assert any(b.isVisible() for b in kiosk.lookup.match_buttons)
    check_page(qtbot, kiosk, kiosk.lookup)
    mine = next(b for b in kiosk.lookup.match_buttons if b.isVisible() and b.text().startswith(person.first_name + " "))
    press_enter_on(qtbot, mine)

    assert kiosk.page is kiosk.email and QApplication.focusWidget() is kiosk.email.email
    qtbot.keyClicks(kiosk.email.email, person.email, delay=PERSON)
    check_page(qtbot, kiosk, kiosk.email)
    press_enter_on(qtbot, kiosk.email.ok)
    assert [r.station for r in log_rows(desk_store, person.id)] == ["Lobby kiosk"]

    check_page(qtbot, kiosk, kiosk.result)
    press_enter_on(qtbot, kiosk.result.ok)
    assert kiosk.page is kiosk.welcome

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F12, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.page is kiosk.pin
    check_page(qtbot, kiosk, kiosk.pin)
    qtbot.keyClicks(kiosk.pin.pin, PIN, delay=PERSON)
    press_enter_on(qtbot, kiosk.pin.ok)
    check_page(qtbot, kiosk, kiosk.staff)
    press_enter_on(qtbot, kiosk.staff.larger)
    assert kiosk.text_scale == 110
    press_enter_on(qtbot, kiosk.staff.resume)
    assert kiosk.page is kiosk.welcome


def words_and_sizes(page: QWidget) -> dict:
    """Point size of each piece of text on a page (labels, buttons, fields)."""
    out = {}
    for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton) + page.findChildren(QLineEdit):
        text = w.text() if not isinstance(w, QLineEdit) else (w.text() or w.placeholderText())
        if text:
            w.ensurePolished()
            out[w] = w.font().pointSizeF()
    return out


def test_the_text_size_setting_reaches_every_page(qtbot, kiosk, desk_store, desk_event):
    kiosk.scan(people(desk_store, desk_event.id)[0].code)  # the result page has words
    kiosk.lookup.query.setText("Ber")
    pages = (kiosk.welcome, kiosk.result, kiosk.lookup, kiosk.email, kiosk.pin, kiosk.staff)
    kiosk.email.who.setText("Someone S.")
    kiosk.pin.message.setText("Wrong PIN.")
    kiosk.set_text_scale(100)
    before = {page: words_and_sizes(page) for page in pages}
    kiosk.set_text_scale(150)
    for page in pages:
        after = words_and_sizes(page)
        assert before[page], page
        same = [w.text() for w, size in before[page].items() if after.get(w, 0) < size * 1.4]
        assert same == [], (type(page).__name__, same)
