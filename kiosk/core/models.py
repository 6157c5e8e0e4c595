"""The tables. Plain SQLModel classes; no behaviour beyond small conveniences.

Times are stored in UTC and always come back timezone-aware (see ``UTCDateTime``).
The check-in log (``CheckIn``) is append-only: a row is never updated or deleted,
except by a privacy purge, which anonymises rather than deletes.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timezone

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator, UniqueConstraint, false, select
from sqlalchemy import event as sa_event
from sqlmodel import Field, SQLModel

UTC = timezone.utc


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timestamp stored as UTC and returned timezone-aware on every engine.

    SQLite has no time zones, so naive values read back are UTC by construction.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _ts(nullable: bool = False, **kw) -> object:
    return Field(sa_column=Column(UTCDateTime(), nullable=nullable, **kw))


class BadgePrivacy(str, enum.Enum):
    FULL = "full"
    FIRST_NAME_ONLY = "first_name_only"
    NO_ORGANISATION = "no_organisation"


class CheckInKind(str, enum.Enum):
    ENTRY = "entry"
    EXIT = "exit"
    ANNUL = "annul"
    #: A badge printed at a print-only station: logged, never an entry.
    PRINT = "print"


class Method(str, enum.Enum):
    SCAN = "scan"
    SEARCH = "search"
    SELF_SERVICE = "self-service"
    WALK_IN = "walk-in"
    CLI = "cli"


class Event(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String(200), nullable=False, unique=True))
    venue: str = Field(default="", max_length=200)
    starts_at: datetime = _ts()
    ends_at: datetime = _ts()
    timezone: str = Field(default="UTC", max_length=64)
    retention_days: int = Field(default=30)
    archived: bool = Field(default=False)
    #: Bumped whenever an attendee is added or edited; search indexes poll it.
    attendee_rev: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    created_at: datetime = _ts(default=utcnow)


class Attendee(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("event_id", "code", name="uq_attendee_event_code"),
        Index("ix_attendee_event_rev", "event_id", "rev"),
        Index("ix_attendee_event_external_ref", "event_id", "external_ref"),
        Index("ix_attendee_code", "code"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", nullable=False)
    first_name: str = Field(default="", max_length=200)
    last_name: str = Field(default="", max_length=200)
    #: The name exactly as the source gave it, when it came as one field.
    full_name_source: str = Field(default="", max_length=400)
    email: str = Field(default="", max_length=320)
    organisation: str = Field(default="", max_length=200)
    job_title: str = Field(default="", max_length=200)
    category: str = Field(default="", max_length=100)
    ticket_type: str = Field(default="", max_length=100)
    code: str = Field(max_length=512)
    external_ref: str = Field(default="", max_length=200)
    source: str = Field(default="", max_length=200)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    #: Comma-separated flags: vip, speaker, press, accessibility, ...
    alerts: str = Field(default="", max_length=200)
    badge_privacy: BadgePrivacy = Field(
        default=BadgePrivacy.FULL, sa_column=Column(String(32), nullable=False, server_default="full")
    )
    #: True when badge_privacy is the person's own choice (from the desk or the file), so the
    #: event's privacy rules for categories and ticket types do not apply to them.
    privacy_own: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))
    blocked: bool = Field(default=False)
    #: refunded, cancelled or unpaid when an import blocked the ticket; staff's own words otherwise.
    block_reason: str = Field(default="", max_length=200)
    #: Registration answers from columns no field took: a JSON object {column: value}.
    answers: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    #: The values the last import gave ("field=value" pairs, see importing.merging): a field edited at a station
    #: is kept on re-import unless the file changed it since then.
    imported: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    walk_in: bool = Field(default=False)
    #: Value of Event.attendee_rev when this row was last written.
    rev: int = Field(default=0)
    # Status cache, written in the same transaction as the CheckIn row it reflects.
    checked_in_at: datetime | None = _ts(nullable=True)
    inside: bool = Field(default=False)
    created_at: datetime = _ts(default=utcnow)
    updated_at: datetime = _ts(default=utcnow)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def alert_list(self) -> list[str]:
        return [a.strip() for a in self.alerts.split(",") if a.strip()]


class CheckInList(SQLModel, table=True):
    """Where a scan counts: the entrance, a room, a day. Every event has a default list
    ("Entrance"); the attendee row's status cache reflects that one."""

    __tablename__ = "checkin_list"
    __table_args__ = (UniqueConstraint("event_id", "name", name="uq_checkin_list_event_name"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", nullable=False)
    name: str = Field(max_length=100)
    #: Admitted ticket types and categories, one a line; empty admits all.
    ticket_types: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    categories: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    valid_from: datetime | None = _ts(nullable=True)
    valid_until: datetime | None = _ts(nullable=True)
    #: once, daily, multiple or exit (see kiosk.core.rules.EntryRule)
    rule: str = Field(default="exit", sa_column=Column(String(16), nullable=False, server_default="exit"))
    capacity: int | None = Field(default=None)
    counts_inside: bool = Field(default=True)
    #: A badge desk: scans print and are logged, never entries.
    print_only: bool = Field(default=False)
    is_default: bool = Field(default=False)
    archived: bool = Field(default=False)
    created_at: datetime = _ts(default=utcnow)


class ListPresence(SQLModel, table=True):
    """Who is inside a check-in list that has a capacity: their latest move on it is an entry.
    Kept by the database's triggers (migration 0005_list_presence), whoever writes the log."""

    __tablename__ = "list_presence"

    list_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    attendee_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))


def _default_list_id(context) -> int | None:
    """A check-in row written without a list goes on its event's default list."""
    event_id = context.get_current_parameters().get("event_id")
    table = CheckInList.__table__
    return context.connection.execute(
        select(table.c.id).where(table.c.event_id == event_id, table.c.is_default == True)  # noqa: E712
    ).scalar()


class CheckIn(SQLModel, table=True):
    """The append-only log of entries, exits, annulments and badge-desk prints, per list."""

    __tablename__ = "checkin"
    __table_args__ = (
        Index("ix_checkin_attendee_at", "attendee_id", "at"),
        Index("ix_checkin_event_at", "event_id", "at"),
        Index("ix_checkin_list_attendee_at", "list_id", "attendee_id", "at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    event_id: int = Field(foreign_key="event.id", nullable=False)
    attendee_id: int = Field(foreign_key="attendee.id", nullable=False)
    kind: CheckInKind = Field(sa_column=Column(String(16), nullable=False))
    at: datetime = _ts(default=utcnow)
    station: str = Field(default="", max_length=100)
    operator: str = Field(default="", max_length=100)
    method: Method = Field(sa_column=Column(String(16), nullable=False))
    reason: str = Field(default="", max_length=500)
    list_id: int = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("checkin_list.id"), nullable=False, default=_default_list_id),
    )


class Station(SQLModel, table=True):
    name: str = Field(primary_key=True, max_length=100)
    last_seen: datetime = _ts(default=utcnow)
    mode: str = Field(default="", max_length=32)
    #: Printer state reported by the station: "ready", "error: ...", queue length.
    printer_status: str = Field(default="", max_length=300)
    #: A station with a replica: "online" or "sending" (its offline work), and how much of it
    #: still waits, as it last told the hub (kiosk.core.sync).
    sync_state: str = Field(default="", sa_column=Column(String(16), nullable=False, server_default=""))
    sync_waiting: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))


class PrintJob(SQLModel, table=True):
    """The persistent print queue. A row per badge to print; the worker updates it."""

    __tablename__ = "print_job"
    __table_args__ = (
        Index("ix_print_job_state_due", "state", "next_try_at"),
        Index("ix_print_job_attendee", "attendee_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    event_id: int = Field(foreign_key="event.id", nullable=False)
    attendee_id: int = Field(foreign_key="attendee.id", nullable=False)
    station: str = Field(default="", max_length=100)
    template: str = Field(default="", max_length=100)
    printer: str = Field(default="", max_length=200)
    #: queued, printing, printed, failed, cancelled
    state: str = Field(default="queued", max_length=16)
    reprint: bool = Field(default=False)
    attempts: int = Field(default=0)
    error: str = Field(default="", max_length=500)
    created_at: datetime = _ts(default=utcnow)
    next_try_at: datetime = _ts(default=utcnow)
    printed_at: datetime | None = _ts(nullable=True)


class BadgePrint(SQLModel, table=True):
    """What every station needs to know about an attendee's badge: printed, when, how often."""

    __tablename__ = "badge_print"

    attendee_id: int = Field(foreign_key="attendee.id", primary_key=True)
    first_printed_at: datetime = _ts()
    last_printed_at: datetime = _ts()
    printer: str = Field(default="", max_length=200)
    count: int = Field(default=1)


class AuditEntry(SQLModel, table=True):
    """Append-only record of sensitive actions (imports, exports, edits, purges, ...)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_at", "at"), Index("ix_audit_attendee", "attendee_id"))

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = _ts(default=utcnow)
    event_id: int | None = Field(default=None, foreign_key="event.id")
    attendee_id: int | None = Field(default=None)
    station: str = Field(default="", max_length=100)
    operator: str = Field(default="", max_length=100)
    action: str = Field(max_length=50)
    details: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


class EventSetting(SQLModel, table=True):
    """Per-event settings kept in the database (logo, colours, admin PIN hash)."""

    __tablename__ = "event_setting"

    event_id: int = Field(foreign_key="event.id", primary_key=True)
    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


DEFAULT_LIST_NAME = "Entrance"


def _give_default_list(mapper, connection, target: Event) -> None:
    """Every event gets its default list in the transaction that creates it."""
    connection.execute(
        CheckInList.__table__.insert().values(
            event_id=target.id, name=DEFAULT_LIST_NAME, ticket_types="", categories="", rule="exit",
            counts_inside=True, print_only=False, is_default=True, archived=False, created_at=utcnow(),
        )
    )


sa_event.listen(Event, "after_insert", _give_default_list)


from kiosk.core import sync_tables as _sync_tables  # noqa: E402,F401  (the sync tables share this metadata)
