"""What a re-import may change beyond plain fields: ticket status and badge privacy.

- A status column blocks or unblocks a ticket with a reason (refunded, cancelled, unpaid). A
  block staff set by hand (any other reason) stays. A blocked person who is already checked in
  keeps the check-in; ``Merger.blocked`` lets the report flag them.
- A privacy cell is the person's own setting; an empty one leaves what they have.
"""

from __future__ import annotations

from kiosk.core.importing.status import REASONS
from kiosk.core.models import BadgePrivacy

#: The columns ``_Existing`` reads before the compared fields (id, code, ref, names, email).
OFFSET = 6


class Merger:
    def __init__(self, compare: tuple[str, ...]):
        at = {f: OFFSET + i for i, f in enumerate(compare)}
        self.block_at = at.get("blocked")
        self.privacy_at = at.get("badge_privacy")
        self.active = self.block_at is not None or self.privacy_at is not None
        #: attendee ids an import blocks or unblocks, and how many new tickets arrive blocked
        self.blocked: list[int] = []
        self.unblocked: list[int] = []
        self.new_blocked = 0

    def new(self, values: dict) -> dict:
        values = dict(values)
        if self.privacy_at is not None and not values["badge_privacy"]:
            values["badge_privacy"], values["privacy_own"] = BadgePrivacy.FULL.value, False
        if self.block_at is not None and values["blocked"]:
            self.new_blocked += 1
        return values

    def matched(self, values: dict, old: tuple, target: int) -> dict:
        if not self.active:
            return values
        values = dict(values)
        if self.privacy_at is not None and not values["badge_privacy"]:
            values["badge_privacy"], values["privacy_own"] = old[self.privacy_at], bool(old[self.privacy_at + 1])
        if self.block_at is not None:
            was_blocked, was_reason = bool(old[self.block_at]), old[self.block_at + 1]
            if was_blocked and was_reason not in REASONS:
                values["blocked"], values["block_reason"] = True, was_reason  # staff's own block
            elif values["blocked"] != was_blocked:
                (self.blocked if values["blocked"] else self.unblocked).append(target)
        return values
