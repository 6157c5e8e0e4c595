"""The wedge detector on a plain line edit: bursts become scans, typing stays typing."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.scanning.wedge import WedgeDetector
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

GAP = 60


@pytest.fixture
def field(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = QLineEdit(window)
    other = QLineEdit(window)
    layout.addWidget(edit)
    layout.addWidget(other)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    edit.other = other
    yield edit
    window.close()


@pytest.fixture
def wedge(qtbot):
    detector = WedgeDetector(gap_ms=GAP, min_length=4).install()
    codes: list[str] = []
    detector.scanned.connect(codes.append)
    detector.codes = codes
    yield detector
    detector.uninstall()


def burst(qtbot, widget, text, end=Qt.Key.Key_Return):
    qtbot.keyClicks(widget, text, delay=2)
    if end is None:
        qtbot.wait(GAP * 3)
    else:
        qtbot.keyClick(widget, end)


def test_burst_with_enter_is_a_scan_and_leaves_the_search_text_alone(qtbot, field, wedge):
    qtbot.keyClicks(field, "lind", delay=GAP * 2)
    qtbot.wait(GAP * 2)
    assert field.text() == "lind"
    burst(qtbot, field, "ABC123XYZ")
    assert wedge.codes == ["ABC123XYZ"]
    assert field.text() == "lind"
    assert field.cursorPosition() == 4


def test_capitals_with_shift_presses_are_still_one_burst(qtbot, field, wedge):
    for ch in "AB12CD":  # a scanner (or xdotool) presses Shift around each capital
        if ch.isalpha():
            qtbot.keyPress(field, Qt.Key.Key_Shift)
        qtbot.keyClick(field, ch, modifier=Qt.KeyboardModifier.ShiftModifier if ch.isalpha() else Qt.KeyboardModifier.NoModifier)
        if ch.isalpha():
            qtbot.keyRelease(field, Qt.Key.Key_Shift)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert wedge.codes == ["AB12CD"]
    assert field.text() == ""


def test_burst_without_enter_ends_with_a_pause(qtbot, field, wedge):
    burst(qtbot, field, "NOENTER99", end=None)
    assert wedge.codes == ["NOENTER99"]
    assert field.text() == ""


def test_burst_ending_in_tab_is_a_scan_and_focus_stays(qtbot, field, wedge):
    burst(qtbot, field, "TABBED42", end=Qt.Key.Key_Tab)
    assert wedge.codes == ["TABBED42"]
    assert field.hasFocus()


def test_human_typing_stays_typing(qtbot, field, wedge):
    qtbot.keyClicks(field, "Åsa Lindqvist", delay=GAP * 2)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.wait(GAP * 2)
    assert field.text() == "Åsa Lindqvist"
    assert wedge.codes == []


def test_a_short_fast_pair_is_typing_and_arrives_in_order(qtbot, field, wedge):
    qtbot.keyClicks(field, "ab", delay=2)  # two keys close together (rollover)
    qtbot.wait(GAP * 2)
    qtbot.keyClicks(field, "c", delay=2)
    qtbot.wait(GAP * 2)
    assert field.text() == "abc"
    assert wedge.codes == []


def test_same_code_within_two_seconds_counts_once(qtbot, field, wedge):
    burst(qtbot, field, "SAMECODE1")
    burst(qtbot, field, "SAMECODE1")
    burst(qtbot, field, "OTHERCODE")
    assert wedge.codes == ["SAMECODE1", "OTHERCODE"]
    assert field.text() == ""


def test_same_code_after_the_window_counts_again(qtbot, field):
    detector = WedgeDetector(gap_ms=GAP, dedupe_ms=300).install()
    codes: list[str] = []
    detector.scanned.connect(codes.append)
    try:
        burst(qtbot, field, "AGAIN123")
        qtbot.wait(400)
        burst(qtbot, field, "AGAIN123")
    finally:
        detector.uninstall()
    assert codes == ["AGAIN123", "AGAIN123"]


def test_scans_work_wherever_the_focus_is(qtbot, field, wedge):
    other = field.other
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    qtbot.keyClicks(other, "note", delay=GAP * 2)
    qtbot.wait(GAP * 2)
    burst(qtbot, other, "ELSEWHERE7")
    assert wedge.codes == ["ELSEWHERE7"]
    assert other.text() == "note" and field.text() == ""


def test_shortcut_chords_are_not_bursts(qtbot, field, wedge):
    qtbot.keyClicks(field, "aaaaaa", delay=2, modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(GAP * 2)
    assert wedge.codes == []


def test_disabled_detector_lets_everything_through(qtbot, field, wedge):
    wedge.enabled = False
    burst(qtbot, field, "PLAINTEXT")
    assert wedge.codes == [] and field.text() == "PLAINTEXT"


def _key(ch: str, stamp_ms: int, autorepeat: bool = False) -> QKeyEvent:
    key = Qt.Key.Key_Return if ch == "\n" else ord(ch.upper())
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "\r" if ch == "\n" else ch, autorepeat)
    event.setTimestamp(stamp_ms)
    return event


def test_a_doubled_character_sent_with_no_gap_stays_in_its_code(qtbot, field, wedge):
    """The window system marks the second of two identical keys with the same time as
    auto-repeat; inside a burst it is still the scanner's key ("GG66" is one code)."""
    for i, ch in enumerate("GG66XY\n"):  # a busy machine stretches the gaps to 30 ms
        QCoreApplication.sendEvent(field, _key(ch, 10_000 + 30 * i, autorepeat=i in (1, 3)))
    assert wedge.codes == ["GG66XY"]
    assert field.text() == ""


def test_a_held_key_repeating_is_typing(qtbot, field, wedge):
    QCoreApplication.sendEvent(field, _key("a", 20_000))
    for i in range(1, 8):  # a person holding "a": the system repeats it every 33 ms
        QCoreApplication.sendEvent(field, _key("a", 20_000 + 500 + 33 * i, autorepeat=True))
    qtbot.wait(GAP * 2)
    assert wedge.codes == []
    assert field.text() == "a" * 8  # the field repeats the key as it always does: never a scan


def test_codes_sent_back_to_back_are_split_on_the_terminator(qtbot, field, wedge):
    seen: list[str] = []
    field.textChanged.connect(seen.append)
    stream = "FIRST111\nSECOND22\nTHIRD333\n"
    for i, ch in enumerate(stream):
        QCoreApplication.sendEvent(field, _key(ch, 30_000 + i))
    assert wedge.codes == ["FIRST111", "SECOND22", "THIRD333"]
    # Only the very first key reached the field (and was taken back): no later code's did.
    assert seen == ["F", ""] and field.text() == ""



def test_a_burst_still_queued_when_the_pause_timer_fires_stays_whole(qtbot, field, wedge):
    """A window busy with the previous result (a sound starting, a repaint) lets the pause timer
    run out while the rest of the burst still waits in its queue: the burst must stay whole."""
    for i, ch in enumerate("QUEUED"):
        QCoreApplication.sendEvent(field, _key(ch, 40_000 + i))
    for i, ch in enumerate("789\n"):
        QCoreApplication.postEvent(field, _key(ch, 40_006 + i))  # waiting in the queue
    wedge._pause.timeout.emit()  # the timer runs out before the queue is looked at
    qtbot.wait(GAP * 3)
    assert wedge.codes == ["QUEUED789"]
    assert field.text() == ""
