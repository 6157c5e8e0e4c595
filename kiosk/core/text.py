"""Text for messages: values from files are shortened before they are shown anywhere."""

from __future__ import annotations

ELLIPSIS = "…"
#: A value quoted back in a message; a whole message or preview line.
VALUE_LIMIT = 40
LINE_LIMIT = 300


def clip(value: str, limit: int = VALUE_LIMIT) -> str:
    """``value`` cut to at most ``limit`` characters, ending in "…" when it was cut.

    Line breaks and tabs become spaces, so one message stays one line.
    """
    value = str(value)
    if len(value) > limit:
        value = value[: max(0, limit - 1)] + ELLIPSIS
    if any(ch in value for ch in "\r\n\t"):
        value = value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return value


def shorten(value: str, limit: int = VALUE_LIMIT) -> str:
    """A value as quoted in a message: clipped, then in quotes (``'Anna Ek'``)."""
    return repr(clip(value, limit))
