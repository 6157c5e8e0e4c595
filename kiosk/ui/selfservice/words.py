"""What the kiosk says, in the attendee's language. Worded at display time, so switching the
language re-words the result that is on screen."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.ui.selfservice.controller import PRINT_AT_DESK, PRINT_DONE, PRINT_FAILED, PRINT_QUEUED, KioskResult


def result_lines(result: KioskResult) -> tuple[str, str]:
    """(title, detail) for a result."""
    if result.outcome == "welcome":
        return tr("Welcome, {name}!").format(name=result.first_name), result.organisation
    if result.outcome == "already":
        if result.can_reprint:
            return tr("You are already checked in."), tr("Need a new badge? Press “Print a new badge”, or see the desk.")
        return tr("You are already checked in."), tr("Need a new badge? Please see the desk.")
    if result.outcome == "not_confirmed":
        return tr("We couldn't confirm your registration."), tr("Please see the desk.")
    if result.outcome == "see_desk":
        return tr("Please check in at the desk."), tr("The staff there will help you.")
    if result.outcome == "offline":
        return tr("Check-in is not working right now."), tr("Please see the desk.")
    return tr("We couldn't find this ticket."), tr("Please see the desk.")


def print_line(state: str) -> str:
    return {
        PRINT_QUEUED: tr("Your badge is printing…"),
        PRINT_DONE: tr("Your badge is ready: please take it from the printer."),
        PRINT_FAILED: tr("Your badge is delayed. Please see the desk."),
        PRINT_AT_DESK: tr("Your badge is waiting for you at the desk."),
    }.get(state, "")
