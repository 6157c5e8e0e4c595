"""What a result looks, sounds and behaves like, for every screen that shows scan results.

The desk and the self-service kiosk word their messages differently, but a green is a green:
same colour, same sound, closes itself the same way, and a new scan always replaces it.
"""

from __future__ import annotations

import enum

from kiosk.core.checkin import ResultKind, Tone


class ResultState(enum.Enum):
    SUCCESS = "success"  # checked in
    INFO = "info"  # done, nothing to worry about: exit recorded, annulled, saved, printing
    WARNING = "warning"  # already checked in, not inside, ...: look, maybe act
    ERROR = "error"  # unknown code, other event, blocked: send to the desk
    OFFLINE = "offline"  # the database is unreachable: nothing was recorded

    @classmethod
    def of(cls, kind: ResultKind) -> ResultState:
        if kind in (ResultKind.CHECKED_OUT, ResultKind.ANNULLED):
            return cls.INFO
        return {Tone.SUCCESS: cls.SUCCESS, Tone.WARNING: cls.WARNING, Tone.ERROR: cls.ERROR}[kind.tone]

    @property
    def background(self) -> str:
        return _STYLE[self][0]

    @property
    def foreground(self) -> str:
        return _STYLE[self][1]

    @property
    def sound(self) -> str:
        """The WAV under resources/sounds/ (without .wav)."""
        return _STYLE[self][2]

    @property
    def dismiss_ms(self) -> int | None:
        """Closes itself after this long; None: stays until something replaces it."""
        return _STYLE[self][3]

    @property
    def interruptible(self) -> bool:
        """A new scan may replace it at once (always: the queue must keep moving)."""
        return True


# background, text colour (contrast >= 4.5:1), sound, dismiss after
_STYLE = {
    ResultState.SUCCESS: ("#1e7b34", "#ffffff", "success", 4000),
    ResultState.INFO: ("#1f5f99", "#ffffff", "success", 4000),
    ResultState.WARNING: ("#f2b705", "#1a1a1a", "warning", 8000),
    ResultState.ERROR: ("#b3261e", "#ffffff", "error", 8000),
    ResultState.OFFLINE: ("#4a4a4a", "#ffffff", "error", None),
}
