"""Applying checked rows to an event: match, compare, then bulk insert and update.

Each row is matched to an existing attendee of the event by its code; else by its external
reference (only when that reference is unique in the file and among the attendees, since
order numbers repeat across tickets); else, for a row with neither code nor reference, by
first name, last name and email (again only when unique on both sides). A matched attendee
is updated only in the fields the file has, and only when something differs; notes, alerts,
badge privacy, blocking and check-in status are never touched. Nothing is ever deleted, and
the check-in log is not read or written here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import insert, select, update
from sqlmodel import Session

from kiosk.core.attendees import bump_rev
from kiosk.core.codes import generate_code
from kiosk.core.importing.validation import Problem, Row
from kiosk.core.models import Attendee, BadgePrivacy, utcnow
from kiosk.core.search import fold

BATCH = 5000
#: What a new attendee has when the file does not say.
NEW_DEFAULTS = dict(
    first_name="",
    last_name="",
    full_name_source="",
    email="",
    organisation="",
    job_title="",
    category="",
    ticket_type="",
    external_ref="",
    notes="",
    alerts="",
    badge_privacy=BadgePrivacy.FULL.value,
    blocked=False,
    block_reason="",
    walk_in=False,
    inside=False,
    checked_in_at=None,
)


@dataclass
class Plan:
    inserts: list[dict] = field(default_factory=list)
    updates: list[dict] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len({p.line for p in self.problems if not p.warning})


def _identity(first: str, last: str, email: str) -> tuple[str, str, str]:
    return fold(first), fold(last), email.casefold()


class _Existing:
    """The event's attendees, indexed by code, unique reference and (lazily) identity."""

    def __init__(self, session: Session, event_id: int, fields: tuple[str, ...]):
        columns = [Attendee.id, Attendee.code, Attendee.external_ref, Attendee.first_name, Attendee.last_name, Attendee.email]
        columns += [getattr(Attendee, f) for f in fields]
        self.fields = fields
        self.rows: dict[int, tuple] = {}
        self.by_code: dict[str, int] = {}
        refs: dict[str, int] = {}
        ref_counts: Counter[str] = Counter()
        for row in session.execute(select(*columns).where(Attendee.event_id == event_id)):
            self.rows[row[0]] = tuple(row)
            self.by_code[row[1]] = row[0]
            if row[2]:
                refs[row[2]] = row[0]
                ref_counts[row[2]] += 1
        self.by_ref = {ref: i for ref, i in refs.items() if ref_counts[ref] == 1}
        self._by_identity: dict | None = None

    def by_identity(self, key: tuple[str, str, str]) -> int | None:
        if self._by_identity is None:
            counts: Counter = Counter()
            index = {}
            for row in self.rows.values():
                k = _identity(row[3], row[4], row[5])
                counts[k] += 1
                index[k] = row[0]
            self._by_identity = {k: i for k, i in index.items() if counts[k] == 1}
        return self._by_identity.get(key)

    def values(self, attendee_id: int) -> dict:
        row = self.rows[attendee_id]
        return dict(zip(self.fields, row[6:]))


def plan_import(
    session: Session,
    event_id: int,
    rows: list[Row],
    present: tuple[str, ...],
    unique_ref: Callable[[str], bool],
    source: str,
) -> Plan:
    """Decide, for every row, add / update / unchanged, without writing anything."""
    compare = tuple(f for f in present if f != "code")
    existing = _Existing(session, event_id, compare)
    identity_counts = Counter(
        _identity(r.values["first_name"], r.values["last_name"], r.values.get("email", ""))
        for r in rows
        if not r.code and not r.ref
    )
    plan = Plan()
    matched: dict[int, int] = {}
    now = utcnow()
    for row in rows:
        values, code, ref = row.values, row.code, row.ref
        target = existing.by_code.get(code) if code else None
        if target is None and ref and unique_ref(ref):
            target = existing.by_ref.get(ref)
        if target is None and not code and not ref:
            key = _identity(values["first_name"], values["last_name"], values.get("email", ""))
            if identity_counts[key] == 1:
                target = existing.by_identity(key)
        if target is None:
            new = dict(NEW_DEFAULTS, **values)
            if not code:
                code = generate_code()
                while code in existing.by_code:
                    code = generate_code()
            new.update(event_id=event_id, code=code, source=source, created_at=now, updated_at=now)
            existing.by_code[code] = -1
            plan.inserts.append(new)
            continue
        if target == -1:
            plan.problems.append(Problem(row.line, "code", "collides with a code generated for another row"))
            continue
        if target in matched:
            plan.problems.append(Problem(row.line, "row", f"is the same attendee as line {matched[target]}"))
            continue
        matched[target] = row.line
        old = existing.values(target)
        old_code = existing.rows[target][1]
        new_code = code or old_code
        changed = new_code != old_code or any(values[f] != old[f] for f in compare)
        if not changed:
            plan.unchanged += 1
            continue
        if new_code != old_code:
            existing.by_code[new_code] = target
        plan.updates.append(dict({f: values[f] for f in compare}, id=target, code=new_code, updated_at=now))
    return plan


def write_plan(session: Session, event_id: int, plan: Plan) -> int:
    """Insert and update in batches, all stamped with one new attendee revision. Returns it."""
    if not plan.inserts and not plan.updates:
        return 0
    rev = bump_rev(session, event_id)
    for start in range(0, len(plan.inserts), BATCH):
        batch = plan.inserts[start : start + BATCH]
        for item in batch:
            item["rev"] = rev
        session.execute(insert(Attendee), batch)
    for start in range(0, len(plan.updates), BATCH):
        batch = plan.updates[start : start + BATCH]
        for item in batch:
            item["rev"] = rev
        session.execute(update(Attendee), batch)
    return rev
