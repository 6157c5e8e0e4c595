"""Writing matched rows: bulk inserts and updates, batch by batch, under one new revision.

The rows go to the driver's ``executemany`` directly (``COPY`` on PostgreSQL), with the values
every new row shares written into the statement: at 100k rows, per-row parameter handling
would otherwise cost more than the database does. The caller's transaction holds every batch,
so an import that is refused half-way leaves nothing behind.
"""

from __future__ import annotations

from operator import itemgetter

from sqlmodel import Session

from kiosk.core.attendees import bump_rev
from kiosk.core.models import Attendee, BadgePrivacy, utcnow

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


class Writer:
    """Inserts and updates of one import; the event's revision moves once, at the first write."""

    def __init__(self, session: Session, event_id: int, fields: tuple[str, ...], source: str):
        self.session, self.event_id, self.fields, self.source = session, event_id, fields, source
        self.rev = 0
        self.now = utcnow()

    def write(self, inserts: list[dict], updates: list[dict]) -> None:
        if not inserts and not updates:
            return
        if not self.rev:
            self.rev = bump_rev(self.session, self.event_id)
        connection = self.session.connection()
        if inserts:
            self._insert(connection, inserts)
        if updates:
            self._update(connection, updates)

    def _insert(self, connection, rows: list[dict]) -> None:
        dialect = connection.dialect
        shared = dict(NEW_DEFAULTS, event_id=self.event_id, source=self.source, rev=self.rev,
                      created_at=self.now, updated_at=self.now)
        if dialect.name == "postgresql":
            _copy_inserts(connection, rows, shared)
            return
        quote = dialect.identifier_preparer.quote
        columns = Attendee.__table__.c
        # Positional parameters (sqlite3 binds a tuple faster than a dict): the row's own values,
        # then the constants that cannot be inlined as SQL text.
        names = list(rows[0])
        values = {name: "?" for name in names}
        params = []
        for name, value in shared.items():
            if name in values:
                continue
            value = _bound(columns[name], value, dialect)
            literal = _inline(value)
            values[name] = literal if literal is not None else "?"
            if literal is None:
                params.append(value)
        table = quote(Attendee.__tablename__)
        sql = f"INSERT INTO {table} ({', '.join(quote(n) for n in values)}) VALUES ({', '.join(values.values())})"
        pick, extra = itemgetter(*names), tuple(params)  # every row has first_name and last_name
        _executemany(connection, sql, [(*pick(item), *extra) for item in rows])

    def _update(self, connection, rows: list[dict]) -> None:
        dialect = connection.dialect
        quote = dialect.identifier_preparer.quote
        mark = (lambda n: f":{n}") if dialect.name == "sqlite" else (lambda n: f"%({n})s")
        stamp = {"rev": self.rev, "updated_at": _bound(Attendee.__table__.c["updated_at"], self.now, dialect)}
        for item in rows:
            item.update(stamp)
        names = [*self.fields, "code", "rev", "updated_at"]
        sets = ", ".join(f"{quote(n)} = {mark(n)}" for n in names)
        table = quote(Attendee.__tablename__)
        _executemany(connection, f"UPDATE {table} SET {sets} WHERE id = {mark('id')}", rows)
