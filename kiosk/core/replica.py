"""A station's local replica of its event: a SQLite file in the data folder that the station
can decide on when the hub cannot be reached.

It has the project's full schema (made by the same migrations), plus the station's outbox and
its sync state (``kiosk.core.sync_tables``). It is filled once from the hub (``first_fill``)
and then kept current by ``pull``, which reads the hub's change log from a watermark.

The watermark never misses a change, even when hub transactions commit in a different order
than they took their change numbers: besides every change numbered above the watermark, a pull
re-reads every change written by a transaction that was still running at the previous pull
(``txid >= xmin`` of that pull's snapshot). A change numbered below the watermark but not yet
visible then belonged to such a transaction. Re-reading is harmless: rows are upserted.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kiosk.core.models import Attendee, AuditEntry, BadgePrint, CheckIn, CheckInList, Event, EventSetting, PrintJob, utcnow
from kiosk.core.store import Store, data_dir, open_store
from kiosk.core.sync_tables import OUTBOX, REPLICA_META, REPLICA_TRIGGERS, STATE, SYNC_CHANGE, SYNC_CONFLICT
from kiosk.core.urls import mask_url

EVENT = Event.__table__
ATTENDEE = Attendee.__table__
CHECKIN = CheckIn.__table__
LIST = CheckInList.__table__
BADGE = BadgePrint.__table__
SETTING = EventSetting.__table__

#: Replicated tables in the order rows must go in (parents first), with their key column.
TABLES = {
    "event": (EVENT, "id"),
    "checkin_list": (LIST, "id"),
    "attendee": (ATTENDEE, "id"),
    "checkin": (CHECKIN, "id"),
    "badge_print": (BADGE, "attendee_id"),
    "event_setting": (SETTING, "key"),
    "sync_conflict": (SYNC_CONFLICT, "id"),
}
CHUNK = 5000


def replica_path(hub_url: str) -> Path:
    """One replica file per hub a station works with, named by the hub (never its password)."""
    digest = hashlib.sha1(mask_url(hub_url).encode()).hexdigest()[:16]
    return data_dir() / f"replica-{digest}.db"


def open_replica(hub_url: str, path: Path | None = None) -> Store:
    """Open (and create or upgrade) the station's replica of ``hub_url``."""
    path = path or replica_path(hub_url)
    store = open_store(f"sqlite:///{path}")
    with store.engine.begin() as conn:
        REPLICA_META.create_all(conn)
        for ddl in REPLICA_TRIGGERS:
            conn.exec_driver_sql(ddl)
    return store


# -- state -----------------------------------------------------------------------------------
def get_state(conn, key: str, default: str = "") -> str:
    value = conn.execute(select(STATE.c.value).where(STATE.c.key == key)).scalar()
    return default if value is None else value


def set_state(conn, **values) -> None:
    for key, value in values.items():
        stmt = sqlite_insert(STATE).values(key=key, value=str(value))
        conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": str(value)}))


def read_state(replica: Store) -> dict[str, str]:
    with replica.engine.connect() as conn:
        return dict(conn.execute(select(STATE.c.key, STATE.c.value)).all())


def waiting(replica: Store) -> int:
    with replica.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(OUTBOX)).scalar() or 0


def event_id_of(replica: Store) -> int | None:
    value = read_state(replica).get("event_id")
    return int(value) if value else None


# -- writing rows from the hub ------------------------------------------------------------------
def _upsert(conn, table, key: str, rows: list[dict]) -> None:
    if not rows:
        return
    stmt = sqlite_insert(table)
    others = [c.name for c in table.columns if c.name != key and not (table is SETTING and c.name == "event_id")
              and not (table is EVENT and c.name == "attendee_rev")]  # the replica counts its own
    keys = ["event_id", "key"] if table is SETTING else [key]
    stmt = stmt.on_conflict_do_update(index_elements=keys, set_={c: stmt.excluded[c] for c in others})
    conn.execute(stmt, rows)


def _remap_walk_ins(conn, rows: list[dict]) -> None:
    """A walk-in made here offline has a negative id until the hub gives it its own: move the
    local row (and everything pointing at it) to the hub's id before the hub's row lands."""
    by_code = {r["code"]: r["id"] for r in rows}
    if not by_code:
        return
    local = conn.execute(
        select(ATTENDEE.c.id, ATTENDEE.c.code).where(ATTENDEE.c.id < 0, ATTENDEE.c.code.in_(list(by_code)))
    ).all()
    for old, code in local:
        new = by_code[code]
        for table, column in ((CHECKIN, "attendee_id"), (BADGE, "attendee_id"), (PrintJob.__table__, "attendee_id"),
                              (AuditEntry.__table__, "attendee_id"), (SYNC_CONFLICT, "attendee_id")):
            conn.execute(update(table).where(table.c[column] == old).values({column: new}))
        conn.execute(update(ATTENDEE).where(ATTENDEE.c.id == old).values(id=new))


def apply_rows(conn, tbl: str, rows: list[dict]) -> None:
    """Upsert rows from the hub. The replica keeps its own attendee revision (search indexes on
    it fetch rows newer than what they have): every pulled attendee gets the next one."""
    table, key = TABLES[tbl]
    if tbl == "attendee" and rows:
        _remap_walk_ins(conn, rows)
        rev = _next_rev(conn, rows[0]["event_id"])
        rows = [{**r, "rev": rev} for r in rows]
    _upsert(conn, table, key, rows)


def _next_rev(conn, event_id: int) -> int:
    conn.execute(update(EVENT).where(EVENT.c.id == event_id).values(attendee_rev=EVENT.c.attendee_rev + 1))
    return conn.execute(select(EVENT.c.attendee_rev).where(EVENT.c.id == event_id)).scalar() or 0


class _Applying:
    """One replica write transaction in which rows from the hub do not go to the outbox."""

    def __init__(self, replica: Store):
        self.replica = replica

    def __enter__(self):
        self.cm = self.replica.engine.connect().execution_options(kiosk_write=True)
        self.conn = self.cm.__enter__()
        self.conn.begin()
        self.conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        set_state(self.conn, applying="1")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                set_state(self.conn, applying="0")
                self.conn.commit()
            else:
                self.conn.rollback()
        finally:
            self.cm.__exit__(exc_type, exc, tb)
        return False


def applying(replica: Store) -> _Applying:
    return _Applying(replica)


# -- reading from the hub ----------------------------------------------------------------------
def _snapshot(hub_conn) -> int:
    """The oldest transaction still running on the hub, as seen by this transaction."""
    return int(hub_conn.execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")).scalar())


def _max_seq(hub_conn) -> int:
    return int(hub_conn.execute(select(func.coalesce(func.max(SYNC_CHANGE.c.seq), 0))).scalar())


def _event_rows(hub_conn, tbl: str, event_id: int, refs: list[str] | None = None):
    table, key = TABLES[tbl]
    if tbl == "event":
        query = select(table).where(table.c.id == event_id)
    elif tbl == "badge_print":
        query = select(table).join(ATTENDEE, ATTENDEE.c.id == table.c.attendee_id).where(ATTENDEE.c.event_id == event_id)
    else:
        query = select(table).where(table.c.event_id == event_id)
    if refs is not None:
        column = table.c[key]
        values = [int(r) for r in refs] if tbl in ("event", "attendee", "checkin_list", "badge_print") else refs
        if tbl == "checkin":
            import uuid

            values = [uuid.UUID(r) for r in refs]
        query = query.where(column.in_(values))
    return hub_conn.execute(query)


def first_fill(replica: Store, hub: Store, event_id: int) -> dict:
    """Copy the event from the hub and set the watermark, in one hub snapshot."""
    counts = {}
    with hub.engine.connect().execution_options(isolation_level="REPEATABLE READ") as hub_conn:
        xmin = _snapshot(hub_conn)
        seq = _max_seq(hub_conn)
        with applying(replica) as conn:
            for tbl in reversed(list(TABLES)):  # children first
                table, _ = TABLES[tbl]
                if tbl == "badge_print":
                    conn.execute(delete(table))
                elif tbl == "event":
                    conn.execute(delete(table).where(table.c.id != -1))
                else:
                    conn.execute(delete(table))
            for extra in (PrintJob.__table__, AuditEntry.__table__):
                conn.execute(delete(extra))
            conn.execute(delete(OUTBOX))
            for tbl in TABLES:
                result = _event_rows(hub_conn, tbl, event_id).mappings()
                total = 0
                table = TABLES[tbl][0]
                while batch := result.fetchmany(CHUNK):
                    conn.execute(table.insert(), [dict(r) for r in batch])  # the tables were emptied above
                    total += len(batch)
                counts[tbl] = total
            set_state(conn, event_id=event_id, watermark=seq, xmin=xmin, last_sync=utcnow().isoformat(), filled="1")
        hub_conn.rollback()
    return counts


#: A pull that brought nothing still records its watermark this often (seconds).
IDLE_WRITE = 10.0


_CHANGES = text("""
SELECT s.xmin, c.seq, c.tbl, c.ref, c.op
FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin) AS s
LEFT JOIN (
    SELECT seq, tbl, ref, op, event_id FROM sync_change WHERE seq > :mark
    UNION
    SELECT seq, tbl, ref, op, event_id FROM sync_change WHERE txid >= :xmin_prev
) AS c ON (c.event_id = :event_id OR c.event_id IS NULL)
""")


def read_changes(hub_conn, event_id: int, mark: int, xmin_prev: int):
    """The hub's side of a pull, in one statement: its oldest running transaction now, and every
    change numbered above ``mark`` or written by a transaction not finished at the last pull
    (two index range scans, so an idle pull stays cheap however long the log grows)."""
    # Range scans on the two indexes whatever the planner guesses: a generic plan (prepared after
    # a few pulls) or a log without statistics yet would otherwise read the whole log.
    hub_conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    rows = hub_conn.execute(_CHANGES, {"mark": mark, "xmin_prev": xmin_prev, "event_id": event_id}).all()
    return int(rows[0].xmin), [r for r in rows if r.seq is not None]


def pull(replica: Store, hub: Store) -> int:
    """Bring in what changed on the hub since the watermark; returns how many rows came."""
    with replica.engine.connect() as conn:
        state = dict(conn.execute(select(STATE.c.key, STATE.c.value)).all())
    event_id, mark, xmin_prev = int(state["event_id"]), int(state.get("watermark", 0)), int(state.get("xmin", 0))
    with hub.engine.connect() as hub_conn:
        xmin, changes = read_changes(hub_conn, event_id, mark, xmin_prev)
        new_mark = max([mark, *(c.seq for c in changes)])
        refs: dict[str, set[str]] = defaultdict(set)
        deleted: dict[str, set[str]] = defaultdict(set)
        for change in changes:
            if change.tbl in TABLES:
                refs[change.tbl].add(change.ref)
                if change.op == "D":
                    deleted[change.tbl].add(change.ref)
        fetched: dict[str, list[dict]] = {}
        for tbl in TABLES:
            wanted = sorted(refs.get(tbl, ()))
            rows: list[dict] = []
            for i in range(0, len(wanted), CHUNK):
                rows.extend(dict(r) for r in _event_rows(hub_conn, tbl, event_id, wanted[i:i + CHUNK]).mappings())
            fetched[tbl] = rows
        hub_conn.rollback()
    now = utcnow()
    if not changes and state.get("last_sync"):
        last = datetime.fromisoformat(state["last_sync"])
        if (now - last).total_seconds() < IDLE_WRITE:
            return 0  # nothing came: the older xmin kept is the safe one
    count = 0
    with applying(replica) as conn:
        for tbl in TABLES:
            apply_rows(conn, tbl, fetched[tbl])
            count += len(fetched[tbl])
        _apply_deletes(conn, deleted, fetched)
        set_state(conn, watermark=new_mark, xmin=xmin, last_sync=now.isoformat())
    return count


def _apply_deletes(conn, deleted: dict[str, set[str]], fetched: dict[str, list[dict]]) -> None:
    """Rows deleted on the hub (and not written again since) go here too. The check-in log is
    append-only, so its rows are never deleted."""
    for tbl in ("badge_print", "event_setting", "attendee"):
        table, key = TABLES[tbl]
        present = {str(r[key]) for r in fetched.get(tbl, ())}
        gone = [r for r in deleted.get(tbl, ()) if r not in present]
        if not gone:
            continue
        values = [int(g) for g in gone] if tbl != "event_setting" else gone
        if tbl == "attendee":
            conn.execute(delete(BADGE).where(BADGE.c.attendee_id.in_(values)))
            conn.execute(delete(CHECKIN).where(CHECKIN.c.attendee_id.in_(values)))
        conn.execute(delete(table).where(table.c[key].in_(values)))


def last_sync(replica: Store) -> datetime | None:
    value = read_state(replica).get("last_sync")
    return datetime.fromisoformat(value) if value else None
