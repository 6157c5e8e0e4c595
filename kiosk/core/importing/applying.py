"""Applying checked rows to an event: match, compare, then bulk insert and update.

Each row is matched to an existing attendee of the event by its code; else by its external
reference (only when that reference is unique in the file and among the attendees, since
order numbers repeat across tickets); else, for a row with neither code nor reference, by
first name, last name and email (again only when unique on both sides). A matched attendee
is updated only in the fields the file has, and only when something differs; notes, alerts
and check-in status are never touched, and badge privacy and blocking only through a privacy
or status column (see ``merging``). Nothing is ever deleted, and
the check-in log is not read or written here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from operator import itemgetter

from sqlalchemy import select
from sqlmodel import Session

from kiosk.core.attendees import bump_rev
from kiosk.core.codes import generate_code
from kiosk.core.importing.merging import Merger
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
    fields: tuple[str, ...] = ()
    inserts: list[dict] = field(default_factory=list)
    updates: list[dict] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: ids of attendees this import blocks or unblocks, and new tickets that arrive blocked
    blocked: list[int] = field(default_factory=list)
    unblocked: list[int] = field(default_factory=list)
    new_blocked: int = 0

    @property
    def skipped(self) -> int:
        return len({p.line for p in self.problems if not p.warning})


def _identity(first: str, last: str, email: str) -> tuple[str, str, str]:
    return fold(first), fold(last), email.casefold()


def _fetch_raw(session: Session, query) -> list[tuple]:
    """Plain tuples straight from the driver (text and integer columns need no conversion)."""
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    params = compiled.params
    if compiled.positiontup:
        params = tuple(params[name] for name in compiled.positiontup)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()  # tuples on both sqlite3 and psycopg
    finally:
        cursor.close()


class _Existing:
    """The event's attendees, indexed by code, unique reference and (lazily) identity."""

    def __init__(self, session: Session, event_id: int, fields: tuple[str, ...]):
        columns = [Attendee.id, Attendee.code, Attendee.external_ref, Attendee.first_name, Attendee.last_name, Attendee.email]
        columns += [getattr(Attendee, f) for f in fields]
        refs: dict[str, int] = {}
        ref_counts: Counter[str] = Counter()
        found = _fetch_raw(session, select(*columns).where(Attendee.event_id == event_id))
        self.rows = {row[0]: row for row in found}
        self.by_code: dict[str, int] = {row[1]: row[0] for row in found}
        for row in found:
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


def plan_import(
    session: Session,
    event_id: int,
    rows: list[Row],
    present: tuple[str, ...],
    unique_ref: Callable[[str], bool],
) -> Plan:
    """Decide, for every row, add / update / unchanged, without writing anything.

    Inserts hold only the fields the file gives plus the code; ``write_plan`` adds the rest.
    """
    compare = tuple(f for f in present if f != "code")
    file_values = itemgetter(*compare)  # at least first_name and last_name: always a tuple
    existing = _Existing(session, event_id, compare)
    identity_counts = Counter(
        _identity(r.values["first_name"], r.values["last_name"], r.values.get("email", ""))
        for r in rows
        if not r.code and not r.ref
    )
    plan = Plan(fields=compare)
    merger = Merger(compare)
    matched: dict[int, int] = {}
    by_code, by_ref, known = existing.by_code, existing.by_ref, existing.rows
    for row in rows:
        values, code, ref = row.values, row.code, row.ref
        target = by_code.get(code) if code else None
        if target is None and ref and unique_ref(ref):
            target = by_ref.get(ref)
        if target is None and not code and not ref:
            key = _identity(values["first_name"], values["last_name"], values.get("email", ""))
            if identity_counts[key] == 1:
                target = existing.by_identity(key)
        if target is None:
            new = merger.new(values)
            if not code:
                code = generate_code()
                while code in by_code:
                    code = generate_code()
            new["code"] = code
            by_code[code] = -1
            plan.inserts.append(new)
            continue
        if target == -1:
            plan.problems.append(Problem(row.line, "code", "collides with a code generated for another row"))
            continue
        if target in matched:
            plan.problems.append(Problem(row.line, "row", f"is the same attendee as line {matched[target]}"))
            continue
        matched[target] = row.line
        old = known[target]
        values = merger.matched(values, old, target, row.line)
        new_code = code or old[1]
        if new_code == old[1] and file_values(values) == old[6:]:
            plan.unchanged += 1
            continue
        if new_code != old[1]:
            by_code[new_code] = target
        update = {f: values[f] for f in compare}
        update["id"], update["code"] = target, new_code
        plan.updates.append(update)
    plan.blocked, plan.unblocked, plan.new_blocked = merger.blocked, merger.unblocked, merger.new_blocked
    plan.problems.extend(merger.conflicts)
    return plan


def _bound(column, value, dialect):
    """A constant as the driver wants it (e.g. an aware datetime as SQLite's UTC text)."""
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    return processor(value) if processor else value


def _inline(value) -> str | None:
    """A constant as SQL text when that is plainly safe (numbers, NULL, simple text), else None."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and len(value) < 100 and all(ch.isalnum() or ch in " -:._+" for ch in value):
        return f"'{value}'"
    return None


def _executemany(connection, sql: str, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        connection.exec_driver_sql(sql, rows[start : start + BATCH])


def _copy_inserts(connection, rows: list[dict], shared: dict) -> None:
    """PostgreSQL: new rows through COPY, many times faster than INSERTs at this size."""
    varying = list(rows[0])
    constant = [v for k, v in shared.items() if k not in rows[0]]
    names = varying + [k for k in shared if k not in rows[0]]
    quote = connection.dialect.identifier_preparer.quote
    sql = f"COPY {quote(Attendee.__tablename__)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    with connection.connection.driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row([*row.values(), *constant])


def write_plan(session: Session, event_id: int, plan: Plan, source: str) -> int:
    """Insert and update in batches, all stamped with one new attendee revision. Returns it.

    The rows go to the driver's ``executemany`` directly, with the values every new row shares
    written into the statement: at 100k rows, per-row parameter handling would otherwise cost
    more than the database does.
    """
    if not plan.inserts and not plan.updates:
        return 0
    rev = bump_rev(session, event_id)
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    mark = (lambda n: f":{n}") if dialect.name == "sqlite" else (lambda n: f"%({n})s")
    table = quote(Attendee.__tablename__)
    columns = Attendee.__table__.c
    now = utcnow()
    if plan.inserts and dialect.name == "postgresql":
        _copy_inserts(connection, plan.inserts, dict(NEW_DEFAULTS, event_id=event_id, source=source, rev=rev,
                                                     created_at=now, updated_at=now))
    elif plan.inserts:
        varying = list(plan.inserts[0])
        shared = dict(NEW_DEFAULTS, event_id=event_id, source=source, rev=rev, created_at=now, updated_at=now)
        values = {name: mark(name) for name in varying}
        params = {}
        for name, value in shared.items():
            if name in values:
                continue
            value = _bound(columns[name], value, dialect)
            literal = _inline(value)
            values[name] = literal if literal is not None else mark(name)
            if literal is None:
                params[name] = value
        if params:
            for item in plan.inserts:
                item.update(params)
        sql = f"INSERT INTO {table} ({', '.join(quote(n) for n in values)}) VALUES ({', '.join(values.values())})"
        _executemany(connection, sql, plan.inserts)
    if plan.updates:
        stamp = {"rev": rev, "updated_at": _bound(columns["updated_at"], now, dialect)}
        for item in plan.updates:
            item.update(stamp)
        names = [*plan.fields, "code", "rev", "updated_at"]
        sets = ", ".join(f"{quote(n)} = {mark(n)}" for n in names)
        _executemany(connection, f"UPDATE {table} SET {sets} WHERE id = {mark('id')}", plan.updates)
    return rev
