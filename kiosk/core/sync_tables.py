"""The tables of station sync.

On the hub (made by migration 0004_sync): ``sync_change``, one row per write to a replicated
table, noted by a trigger with the writing transaction's id; and ``sync_conflict``, what went
wrong while stations were apart. In a station's replica only (made by ``kiosk.core.replica``):
``sync_outbox``, the station's own work that the hub does not have yet, in order; and
``sync_state``, the replica's watermark and figures.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlmodel import SQLModel

from kiosk.core.models import UTCDateTime

SYNC_CHANGE = Table(
    "sync_change",
    SQLModel.metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("txid", BigInteger, nullable=False, server_default="0"),
    Column("event_id", Integer, nullable=True),
    Column("tbl", String(32), nullable=False),
    Column("ref", String(100), nullable=False),
    Column("op", String(1), nullable=False),
    Index("ix_sync_change_txid", "txid"),
)

SYNC_CONFLICT = Table(
    "sync_conflict",
    SQLModel.metadata,
    Column("id", String(64), primary_key=True),
    Column("event_id", Integer, ForeignKey("event.id"), nullable=False),
    Column("attendee_id", Integer, nullable=True),
    Column("kind", String(16), nullable=False),
    Column("checkin_id", String(64), nullable=False, server_default=""),
    Column("other_id", String(64), nullable=False, server_default=""),
    Column("station", String(100), nullable=False, server_default=""),
    Column("at", UTCDateTime(), nullable=False),
    Column("details", Text, nullable=False, server_default=""),
    Index("ix_sync_conflict_event", "event_id", "at"),
)

#: Tables that live only in a station's replica.
REPLICA_META = MetaData()

OUTBOX = Table(
    "sync_outbox",
    REPLICA_META,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    #: checkin, attendee (a walk-in made offline), edit, audit, print (a badge asked for offline)
    Column("kind", String(16), nullable=False),
    Column("ref", String(100), nullable=False),
    Column("payload", Text, nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=True),
    Column("tries", Integer, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=False, server_default=""),
)

STATE = Table(
    "sync_state",
    REPLICA_META,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False, server_default=""),
)

#: Replica triggers: a row the station writes itself goes to the outbox in the same
#: transaction; rows that come from the hub are written with ``applying`` set and do not.
_APPLYING = "(SELECT value FROM sync_state WHERE key = 'applying') IS NOT '1'"
REPLICA_TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS sync_out_checkin AFTER INSERT ON checkin WHEN {_APPLYING}
    BEGIN INSERT INTO sync_outbox (kind, ref, payload, created_at, tries, last_error)
          VALUES ('checkin', NEW.id, '', CURRENT_TIMESTAMP, 0, ''); END""",
    f"""CREATE TRIGGER IF NOT EXISTS sync_out_walk_in AFTER INSERT ON attendee WHEN {_APPLYING}
    BEGIN INSERT INTO sync_outbox (kind, ref, payload, created_at, tries, last_error)
          VALUES ('attendee', NEW.id, '', CURRENT_TIMESTAMP, 0, ''); END""",
    f"""CREATE TRIGGER IF NOT EXISTS sync_out_print AFTER INSERT ON print_job WHEN {_APPLYING}
    BEGIN INSERT INTO sync_outbox (kind, ref, payload, created_at, tries, last_error)
          VALUES ('print', NEW.id, '', CURRENT_TIMESTAMP, 0, ''); END""",
    f"""CREATE TRIGGER IF NOT EXISTS sync_out_audit AFTER INSERT ON audit_entry WHEN {_APPLYING}
    BEGIN INSERT INTO sync_outbox (kind, ref, payload, created_at, tries, last_error)
          VALUES ('audit', NEW.id, '', CURRENT_TIMESTAMP, 0, ''); END""",
)
