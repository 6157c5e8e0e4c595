"""What a check-in decides: the result kinds, their tone and exit status, the log entry and
the ``ScanResult`` a screen shows. ``kiosk.core.checkin`` holds the rule that makes them."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.attendees import AttendeeInfo
from kiosk.core.models import CheckIn, CheckInKind, Method


class Tone(str, enum.Enum):
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


class ResultKind(str, enum.Enum):
    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN_CODE = "unknown_code"
    OTHER_EVENT = "other_event"
    BLOCKED = "blocked"
    CHECKED_OUT = "checked_out"
    NOT_INSIDE = "not_inside"
    ANNULLED = "annulled"
    NOT_CHECKED_IN = "not_checked_in"
    NOT_ADMITTED = "not_admitted"
    OUTSIDE_WINDOW = "outside_window"
    CAPACITY_FULL = "capacity_full"
    #: A print-only station: the badge is printed and the scan logged, but it is not an entry.
    PRINTED = "printed"

    @property
    def tone(self) -> Tone:
        if self in (ResultKind.CHECKED_IN, ResultKind.CHECKED_OUT, ResultKind.ANNULLED, ResultKind.PRINTED):
            return Tone.SUCCESS
        if self in (ResultKind.ALREADY_CHECKED_IN, ResultKind.NOT_INSIDE, ResultKind.NOT_CHECKED_IN,
                    ResultKind.OUTSIDE_WINDOW, ResultKind.CAPACITY_FULL):
            return Tone.WARNING
        return Tone.ERROR

    @property
    def exit_code(self) -> int:
        """The command line's exit status for this result."""
        return {
            ResultKind.CHECKED_IN: 0,
            ResultKind.CHECKED_OUT: 0,
            ResultKind.ANNULLED: 0,
            ResultKind.ALREADY_CHECKED_IN: 3,
            ResultKind.NOT_INSIDE: 3,
            ResultKind.NOT_CHECKED_IN: 3,
            ResultKind.UNKNOWN_CODE: 4,
            ResultKind.OTHER_EVENT: 4,
            ResultKind.BLOCKED: 5,
            ResultKind.NOT_ADMITTED: 5,
            ResultKind.OUTSIDE_WINDOW: 5,
            ResultKind.CAPACITY_FULL: 5,
            ResultKind.PRINTED: 0,
        }[self]


@dataclass(frozen=True)
class LogEntry:
    id: uuid.UUID
    kind: CheckInKind
    at: datetime
    station: str
    operator: str
    method: Method
    reason: str

    @classmethod
    def of(cls, row: CheckIn) -> LogEntry:
        return cls(row.id, CheckInKind(row.kind), row.at, row.station, row.operator, Method(row.method), row.reason)

    def to_json(self) -> dict:
        return {
            "id": str(self.id),
            "kind": self.kind.value,
            "at": self.at.isoformat(),
            "station": self.station,
            "operator": self.operator,
            "method": self.method.value,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ScanResult:
    kind: ResultKind
    code: str = ""
    attendee: AttendeeInfo | None = None
    #: For ALREADY_CHECKED_IN: the entry that checked the person in.
    first_checkin: LogEntry | None = None
    #: The log row this action wrote, if any.
    entry: LogEntry | None = None
    #: CHECKED_IN after an exit: the person is coming back in.
    reentry: bool = False
    #: For OTHER_EVENT: the name of the event the code belongs to.
    other_event: str = ""
    #: The check-in list the scan was decided on, and why it was refused (rules.Decision.reason).
    list_name: str = ""
    reason: str = ""
    #: The badge job queued with this check-in, if any.
    badge_job: uuid.UUID | None = None

    @property
    def tone(self) -> Tone:
        return self.kind.tone

    def to_json(self) -> dict:
        data = {
            "result": self.kind.value,
            "code": self.code,
            "attendee": self.attendee.to_json() if self.attendee else None,
            "first_checkin": self.first_checkin.to_json() if self.first_checkin else None,
            "entry": self.entry.to_json() if self.entry else None,
            "reentry": self.reentry,
        }
        if self.list_name:  # decided on a check-in list (every result about a known attendee)
            data.update(list=self.list_name, reason=self.reason)
        return data
