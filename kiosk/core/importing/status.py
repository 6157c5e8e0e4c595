"""Ticket status from an import: active, or blocked with a reason (refunded, cancelled, unpaid).

Eventbrite's "Attendee Status" and "Order Status", pretix's order and position status, and
generic columns ("Status", "Cancelled", "Refunded") are read. Several columns together block a
ticket when any of them does; the reason shown is the strongest (refunded, then cancelled,
then unpaid). A value the kiosk does not know leaves the ticket active, with a warning.
"""

from __future__ import annotations

from functools import lru_cache

from kiosk.core.search import fold

REFUNDED, CANCELLED, UNPAID = "refunded", "cancelled", "unpaid"
#: The reasons an import sets; a block with any other reason was set by staff and stays.
REASONS = (REFUNDED, CANCELLED, UNPAID)
#: The columns that carry a ticket's status: two that name it, two that are yes/no.
STATUS_FIELDS = ("status", "order_status")
FLAG_FIELDS = {"cancelled": CANCELLED, "refunded": REFUNDED}

_ACTIVE = {
    "", "attending", "checkedin", "checked in", "paid", "placed", "completed", "complete", "confirmed", "valid",
    "active", "ok", "free", "free order", "eventbrite completed", "paypal completed", "partially refunded",
    "transferred", "approved", "registered", "booked", "bezahlt", "betald", "betalad", "bokad", "bekraftad",
    "giltig", "aktiv", "deltar",
}
_BLOCKING = {
    REFUNDED: {"refunded", "refund", "fully refunded", "aterbetald", "aterbetalad", "erstattet", "erstattung"},
    CANCELLED: {
        "cancelled", "canceled", "cancel", "not attending", "deleted", "void", "voided", "expired", "declined",
        "storniert", "avbokad", "avbokat", "avbruten", "makulerad", "annullerad", "deltar ej", "deltar inte",
    },
    UNPAID: {
        "pending", "unpaid", "not paid", "awaiting payment", "payment pending", "pending payment", "ausstehend",
        "obetald", "ej betald", "vantar pa betalning",
    },
}
_STATUS = {value: reason for reason, values in _BLOCKING.items() for value in values}
_YES = {"1", "yes", "y", "true", "x", "ja", "j", "sant", "cancelled", "canceled", "refunded", "✓", "✔"}
_NO = {"", "0", "no", "n", "false", "nej", "falskt", "-"}


def _key(value: str) -> str:
    return " ".join(fold(value).replace("_", " ").replace("-", " ").split())


@lru_cache(maxsize=4096)  # a status column holds a handful of values over many rows
def status_reason(value: str) -> str | None:
    """``""`` for an active status, a reason for a blocking one, None for one not known."""
    key = _key(value)
    if key in _ACTIVE:
        return ""
    return _STATUS.get(key)


@lru_cache(maxsize=4096)
def flag_value(value: str) -> bool | None:
    """A yes/no cell (yes, ja, x, 1, true; no, nej, 0, empty); None when it is neither."""
    key = _key(value)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def strongest(reasons: list[str]) -> str:
    for reason in REASONS:
        if reason in reasons:
            return reason
    return ""


def ticket_state(raw: dict[str, str]) -> tuple[bool, str, tuple[tuple[str, str], ...]]:
    """(blocked, reason, [(field, warning)]) from a row's status cells (only those present)."""
    return state_of(tuple(raw.items()))


@lru_cache(maxsize=4096)
def state_of(cells: tuple[tuple[str, str], ...]) -> tuple[bool, str, tuple[tuple[str, str], ...]]:
    raw = dict(cells)
    reasons: list[str] = []
    warnings: list[tuple[str, str]] = []
    for field in STATUS_FIELDS:
        if field in raw:
            reason = status_reason(raw[field])
            if reason is None:
                warnings.append((field, f"{raw[field][:40]!r} is not a status the kiosk knows; the ticket stays active"))
            elif reason:
                reasons.append(reason)
    for field, reason in FLAG_FIELDS.items():
        if field in raw:
            flag = flag_value(raw[field])
            if flag is None:
                warnings.append((field, f"{raw[field][:40]!r} is not yes or no; read as no"))
            elif flag:
                reasons.append(reason)
    reason = strongest(reasons)
    return bool(reason), reason, tuple(warnings)
