"""The dashboard on a 1366x768 projector and a 1920x1080 screen, in both languages and both
modes: no chart text cut to "...", station names whole, presentation mode left with F11 or Esc,
silent stations marked, and the not-arrived list filtered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from kiosk.core import attendees
from kiosk.core.checkin import CheckInService
from kiosk.core.events import Actor
from kiosk.core.models import Attendee, CheckIn, Station, utcnow
from kiosk.ui.dashboard.assemble import open_dashboard
from kiosk.ui.locale_format import use_language
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE
CATEGORIES = ("Law enforcement", "Social services", "Healthcare", "Public sector", "Research", "Business", "NGO", "School")


@pytest.fixture
def busy_event(desk_store, desk_event):
    """A morning: long sector names, check-ins over three hours at five stations, one of them gone quiet."""
    actor = Actor(station="cli")
    people = attendees.list_all(desk_store, desk_event.id)
    for i, person in enumerate(people[:40]):
        attendees.update_attendee(desk_store, person.id, {"category": CATEGORIES[i % len(CATEGORIES)]}, actor)
    now = utcnow()
    stations = ("Desk 1", "Desk 2", "Main entrance desk", "Lobby kiosk", "Balcony kiosk")
    for i, person in enumerate(people[:120]):
        CheckInService(desk_store, desk_event.id, Actor(station=stations[i % len(stations)])).scan(person.code)
    with desk_store.write() as session:
        for i, row in enumerate(session.exec(select(CheckIn).where(CheckIn.event_id == desk_event.id)).all()):
            row.at = now - timedelta(minutes=3 * (i % 60))  # spread over three hours
            session.get(Attendee, row.attendee_id).checked_in_at = row.at
        for name in stations:
            session.merge(Station(name=name, mode="desk", last_seen=now, printer_status="Brother QL-820: ready"))
        session.merge(Station(name="Balcony kiosk", mode="self", last_seen=now - timedelta(minutes=3), printer_status=""))
    return desk_event


def cut_texts(chart_view) -> list[str]:
    """Texts Qt Charts had to shorten to fit ("..."), in the chart as drawn: titles, axis labels,
    legend entries (Qt's text items reach Python through toGraphicsObject)."""
    out = []
    for item in chart_view.scene().items():
        text_item = item.toGraphicsObject() if item.type() == QGraphicsTextItem().type() else None
        if isinstance(text_item, QGraphicsTextItem) and text_item.isVisible():
            text = text_item.toPlainText()
            if "..." in text or "…" in text:
                out.append(text)
    return out


def settle(qtbot, window) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def test_the_check_sees_cut_texts(qtbot, desk_store, busy_event):
    window = open_dashboard(desk_store, busy_event, synchronous=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
    window.resize(900, 500)  # too small for the sector names
    window.show_figures(window.figures)
    settle(qtbot, window)
    assert cut_texts(window.by_category)
    window.close()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "sv"])
def test_nothing_is_cut_at_projector_and_screen_sizes(qtbot, qapp, desk_store, busy_event, size, language):
    assert use_language(qapp, language) == language
    try:
        window = open_dashboard(desk_store, busy_event, synchronous=True)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.figures is not None, timeout=10_000)
        for presentation in (False, True):
            window.set_presentation(presentation)
            window.showNormal()  # the test screen is not the projector: give the window the projector's size
            window.resize(*size)
            window.show_figures(window.figures)
            settle(qtbot, window)
            where = f"{size} {language} presentation={presentation}"
            for chart in (window.arrivals, window.by_category, window.by_ticket):
                assert cut_texts(chart) == [], (where, chart.chart().title())
            assert len([n for n in window.by_category.names.categories()]) == len(CATEGORIES) + 1  # the demo's own too
            names = window.stations
            for row in range(names.rowCount()):
                item = names.item(row, 0)
                width = QFontMetrics(item.font() if item.font() != names.font() else names.font()).horizontalAdvance(item.text())
                assert names.columnWidth(0) >= width, (where, item.text())
        window.set_presentation(False)
        window.close()
    finally:
        use_language(qapp, "en")
