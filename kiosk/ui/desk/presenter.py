"""Words for results at the desk: what a ScanResult (or a failure) says to the staff member."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from kiosk.core.attendees import AttendeeInfo
from kiosk.core.checkin import ResultKind, ScanResult
from kiosk.i18n import tr
from kiosk.messages import block_reason_text, localise
from kiosk.ui.locale_format import time_text
from kiosk.ui.result_state import ResultState


@dataclass(frozen=True)
class ResultView:
    state: ResultState
    title: str
    detail: str = ""
    hint: str = ""
    attendee_id: int | None = None
    offer_reprint: bool = False


def who(person: AttendeeInfo | None) -> str:
    if person is None:
        return ""
    name = person.display_name or tr("(no name)")
    return f"{name} — {person.organisation}" if person.organisation else name


def alerts_line(person: AttendeeInfo | None) -> str:
    return "  ·  ".join(a.upper() for a in person.alerts) if person and person.alerts else ""


def hhmm(at: datetime | None, tz: tzinfo) -> str:
    return time_text(at, tz)


def describe(result: ScanResult, tz: tzinfo) -> ResultView:
    person = result.attendee
    aid = person.id if person else None
    kind = result.kind
    state = ResultState.of(kind)
    lines = [line for line in (who(person), alerts_line(person)) if line]
    if kind is ResultKind.CHECKED_IN:
        title = tr("Welcome back") if result.reentry else tr("Checked in", "the result of a scan: this person")
        return ResultView(state, title, "\n".join(lines), attendee_id=aid)
    if kind is ResultKind.ALREADY_CHECKED_IN:
        first = result.first_checkin
        if first:
            when = tr("at {time} at station {station} by {operator}").format(
                time=hhmm(first.at, tz), station=first.station or "?", operator=first.operator or "?"
            )
            if result.list_name:
                when += " · " + tr("list: {list}").format(list=result.list_name)
        else:
            when = ""
        title = tr("Already checked in")
        return ResultView(
            state, title, "\n".join([*lines, when] if when else lines), tr("Reprint the badge? Press F5"), aid, offer_reprint=True
        )
    if kind is ResultKind.UNKNOWN_CODE:
        detail = tr("“{code}” is not a ticket for this event.").format(code=result.code) if result.code else tr("Nothing readable was scanned.")
        return ResultView(state, tr("Unknown code"), detail, tr("Search by name, or register a walk-in (F3)"))
    if kind is ResultKind.OTHER_EVENT:
        detail = tr("This ticket is for “{event}”.").format(event=result.other_event)
        return ResultView(state, tr("Ticket for another event"), detail, tr("Send the person to the organisers' desk"))
    if kind is ResultKind.BLOCKED:
        reason = block_reason_text(person.block_reason) if person and person.block_reason else ""
        title = tr("Do not admit: {reason}").format(reason=reason) if reason else tr("Do not admit")
        return ResultView(state, title, "\n".join(lines), tr("This attendee is blocked: call the organiser"), aid)
    if kind is ResultKind.NOT_ADMITTED:
        if result.reason == "category":
            why = tr("Their category ({category}) is not admitted here.").format(category=person.category if person else "?")
        else:
            why = tr("Their ticket type ({type}) is not admitted here.").format(type=person.ticket_type if person else "?")
        return ResultView(state, tr("Not admitted on {list}").format(list=result.list_name), "\n".join([*lines, why]),
                          tr("Send the person to the right room, or to the organisers' desk"), aid)
    if kind is ResultKind.OUTSIDE_WINDOW:
        why = tr("Check-in here opens later.") if result.reason == "not_open" else tr("Check-in here has closed.")
        return ResultView(state, tr("{list} is not open").format(list=result.list_name), "\n".join([*lines, why]), attendee_id=aid)
    if kind is ResultKind.CAPACITY_FULL:
        why = tr("All {n} places are taken; an exit frees a place.").format(n=result.reason or "?")
        return ResultView(state, tr("{list} is full").format(list=result.list_name), "\n".join([*lines, why]), attendee_id=aid)
    if kind is ResultKind.PRINTED:
        return ResultView(state, tr("Badge printed (not an entry)"), "\n".join(lines), attendee_id=aid)
    if kind is ResultKind.CHECKED_OUT:
        return ResultView(state, tr("Exit recorded"), "\n".join(lines), attendee_id=aid)
    if kind is ResultKind.NOT_INSIDE:
        return ResultView(state, tr("Not inside"), "\n".join(lines), tr("No entry to leave from; nothing recorded"), aid)
    if kind is ResultKind.ANNULLED:
        return ResultView(state, tr("Check-in annulled"), "\n".join(lines), attendee_id=aid)
    return ResultView(state, tr("Not checked in"), "\n".join(lines), tr("Nothing to undo"), aid)


def unreachable(action: str) -> ResultView:
    return ResultView(
        ResultState.OFFLINE,
        tr("Database unreachable: {action} NOT recorded").format(action=action),
        tr("Nothing was saved. Check the network cable or Wi-Fi, then try again."),
        tr("The window keeps working; the status bar shows when the database is back"),
    )


def failed(action: str, message: str) -> ResultView:
    return ResultView(ResultState.ERROR, tr("{action} failed").format(action=action), localise(message))


def info(title: str, detail: str = "", attendee_id: int | None = None) -> ResultView:
    return ResultView(ResultState.INFO, title, detail, attendee_id=attendee_id)
