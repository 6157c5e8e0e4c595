"""WCAG AA contrast of every text colour the screens set, computed from their style sheets:
4.5:1, or 3:1 for large text (18 pt, or 14 pt bold); chart bars 3:1 against the chart."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.core.pin import set_pin
from kiosk.ui import banner
from kiosk.ui.dashboard import charts
from kiosk.ui.dashboard.assemble import open_dashboard
from kiosk.ui.models import CHECKED_IN_BRUSH
from kiosk.ui.result_state import ResultState
from kiosk.ui.selfservice import style
from kiosk.ui.selfservice.assemble import open_self_service
from tests.ui.contrast import LARGE, Pair, pairs, ratio, rules
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def failures(found: list[Pair]) -> list[str]:
    return [str(p) for p in found if not p.passes]


def inline_sheets(root: QWidget, where: str) -> list[Pair]:
    """The style sheets set on single widgets (a warning label, a status field, the banner):
    what the sheet leaves open comes from the widget's own font and its parent's palette."""
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        sheet = widget.styleSheet()
        if not sheet or widget is root:
            continue
        parent = widget.parentWidget() or widget
        background = parent.palette().color(QPalette.ColorRole.Window).name()
        foreground = widget.palette().color(QPalette.ColorRole.WindowText).name()
        font = widget.font()
        out += pairs(sheet, f"{where} {type(widget).__name__}#{widget.objectName()}", background, foreground, font.pointSizeF())
    return out


def test_the_check_catches_a_pale_colour():
    found = pairs("#w { background: #ffffff; } #w QLabel { color: #9aa9b8; font-size: 11pt; }", "probe", "#ffffff")
    assert [p.where for p in found if not p.passes] == ["probe #w QLabel"]
    big = pairs("#w QLabel { color: #767676; font-size: 20pt; }", "probe", "#ffffff")
    assert all(p.passes and p.large for p in big)  # 4.5:1 is only needed below 18 pt
    assert round(ratio("#000000", "#ffffff"), 1) == 21.0


@pytest.mark.parametrize("scale", [80, 100, 200])
def test_kiosk_style_sheet(scale):
    found = pairs(style.sheet(scale), "kiosk", style.BACKGROUND)
    assert len(found) > 10
    assert failures(found) == []


def test_result_banners_and_idle_banner():
    found = [Pair(f"banner {state.name}", state.foreground, state.background, False) for state in ResultState]
    found.append(Pair("banner idle", banner.IDLE_FOREGROUND, banner.IDLE_BACKGROUND, False))
    assert failures(found) == []


def test_tables_and_chart_bars():
    assert ratio(CHECKED_IN_BRUSH.color().name(), "#ffffff") >= 4.5  # "checked in" rows in the desk's table
    for colour in (charts.EXPECTED_COLOUR, charts.CHECKED_COLOUR, charts.LINE_COLOUR):
        assert ratio(colour.name(), "#ffffff") >= LARGE, colour.name()  # WCAG 1.4.11: graphics 3:1


def test_dashboard_in_both_modes(qtbot, desk_store, desk_event):
    window = open_dashboard(desk_store, desk_event, synchronous=True)
    qtbot.addWidget(window)
    window.controller.poll()
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
    window._unreachable("")  # the red "database unreachable" line
    found = []
    for on in (False, True):
        window.set_presentation(on)
        sheet = window.styleSheet()
        table = rules(sheet)
        found += pairs(sheet, f"dashboard presentation={on}", table["#dashboardWindow"]["background"],
                       table["#dashboardWindow QLabel"]["color"])
    found += inline_sheets(window, "dashboard")
    window.set_presentation(False)
    assert failures(found) == []


def test_desk_and_kiosk_widgets(qtbot, make_desk, desk_store, desk_event, station_settings):
    desk = make_desk()
    people = attendees.list_all(desk_store, desk_event.id)
    CheckInService(desk_store, desk_event.id, Actor(station="Desk 1")).scan(people[0].code)
    found = []
    for person in people[:2]:  # a checked-in person and one still expected: the panel colours both
        desk.controller.open_attendee(person.id)
        found += inline_sheets(desk, "desk")
    desk.status.set_printer("Printer problem", False, 0)
    found += inline_sheets(desk, "desk")
    set_pin(desk_store, desk_event.id, "4711")
    kiosk = open_self_service(desk_store, desk_event, station="Lobby", settings=station_settings, synchronous=True,
                              sounds=False, printing=False, camera=False, fullscreen=False)
    qtbot.addWidget(kiosk)
    found += inline_sheets(kiosk, "kiosk")
    kiosk.may_close = True
    kiosk.close()
    assert len(found) > 3
    assert failures(found) == []
