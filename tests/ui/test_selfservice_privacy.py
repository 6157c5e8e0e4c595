"""The lobby kiosk's lookup, as a passer-by would try it: two letters, then a stream of guesses."""

from __future__ import annotations

from kiosk.core.attendees import update_attendee
from kiosk.core.events import Actor
from tests.ui.conftest import OFFSCREEN_NOISE, people

pytestmark = OFFSCREEN_NOISE


def shown(kiosk) -> list[str]:
    return [b.text() for b in kiosk.lookup.match_buttons if b.isVisible()]


def test_two_letters_list_nobody_and_say_three_are_needed(qtbot, kiosk, desk_store, desk_event):
    police = people(desk_store, desk_event.id)[5]
    update_attendee(desk_store, police.id, {"last_name": "Holmberg", "organisation": "Swedish Police Authority"}, Actor("Desk 1"))
    kiosk.controller.index.refresh(force=True)
    kiosk.welcome.lookup.click()
    kiosk.lookup.query.setText("Ho")
    assert shown(kiosk) == []
    assert kiosk.lookup.message.text() == "Type at least three letters of your surname."
    kiosk.lookup.query.setText("Holmb")
    assert any(label.startswith(police.first_name) for label in shown(kiosk))


def test_a_stream_of_lookups_is_slowed_down(qtbot, kiosk, desk_store, desk_event):
    surnames = list(dict.fromkeys(p.last_name for p in people(desk_store, desk_event.id) if len(p.last_name) >= 3))
    assert len(surnames) > kiosk.controller.lookup_limiter.per_minute
    kiosk.welcome.lookup.click()
    for surname in surnames[: kiosk.controller.lookup_limiter.per_minute]:
        kiosk.lookup.query.setText(surname)
    assert shown(kiosk)  # within the limit: answered
    kiosk.lookup.query.setText(surnames[-1])
    assert shown(kiosk) == []
    assert kiosk.lookup.message.text() == "Too many searches just now. Please wait a moment, or see the desk."
