"""Pushing a station's outbox to the hub.

The outbox holds, in order, what the station wrote while it decided on its replica: check-in
log rows (entries, exits, undos, badge-desk prints), walk-ins, audit entries and edits. A push
sends a batch in one hub transaction, with ``INSERT ... ON CONFLICT DO NOTHING`` on the row's
own id (the check-in's uuid is its nonce). Only after the hub has committed are the rows taken
out of the outbox, so a push cut at any point and run again writes nothing twice and loses
nothing.

A badge asked for offline is printed by the station from its replica (``kiosk.core.station_queue``)
and reaches the hub in the state it has then: printed (the hub's job printed, its ``badge_print``
counted once however often the push is retried), failed, cancelled, or queued for the hub's queue
to print. A queued job is taken out of the replica's queue (``handed``) in the SQLite write that
sees it queued, so the replica's worker cannot print it as well; if the push fails, it goes back.
A job the station is printing right then holds the push back (with what follows it) until its
outcome is written.

Offline scans are facts: the hub never re-decides them. It keeps each with its own time,
station and operator, updates the attendee's status from the log, and flags an entry that the
rule would have refused had the stations been together (a double entry made offline).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from kiosk.core.checkin_lists import LIST, ListInfo
from kiosk.core.models import Attendee, AuditEntry, BadgePrint, CheckIn, CheckInKind, Event, PrintJob
from kiosk.core.printqueue import HANDED, PRINTED, PRINTING, QUEUED
from kiosk.core.rules import AttendeeFacts, Past, ScanKind, Verdict, decide, is_inside, live
from kiosk.core.store import Store
from kiosk.core.sync_tables import OUTBOX, SYNC_CONFLICT

ATTENDEE = Attendee.__table__
CHECKIN = CheckIn.__table__
AUDIT = AuditEntry.__table__
JOB = PrintJob.__table__
BADGE = BadgePrint.__table__
BATCH = 500


def _local_rows(replica_conn, items) -> dict:
    """What each outbox row refers to, read from the replica."""
    out = {}
    ids = {"checkin": [], "attendee": [], "audit": [], "print": []}
    for item in items:
        if item.kind in ids:
            ids[item.kind].append(item.ref)
    codes = dict(replica_conn.execute(select(ATTENDEE.c.id, ATTENDEE.c.code)).all())
    if ids["checkin"]:
        for row in replica_conn.execute(select(CHECKIN).where(CHECKIN.c.id.in_([uuid.UUID(r) for r in ids["checkin"]]))).mappings():
            out[("checkin", row["id"].hex)] = dict(row, code=codes.get(row["attendee_id"]))
    if ids["attendee"]:
        for row in replica_conn.execute(select(ATTENDEE).where(ATTENDEE.c.id.in_([int(r) for r in ids["attendee"]]))).mappings():
            out[("attendee", str(row["id"]))] = dict(row)
    if ids["print"]:
        for row in replica_conn.execute(select(JOB).where(JOB.c.id.in_([uuid.UUID(r) for r in ids["print"]]))).mappings():
            out[("print", row["id"].hex)] = dict(row, code=codes.get(row["attendee_id"]))
    if ids["audit"]:
        for row in replica_conn.execute(select(AUDIT).where(AUDIT.c.id.in_([uuid.UUID(r) for r in ids["audit"]]))).mappings():
            out[("audit", row["id"].hex)] = dict(row, code=codes.get(row["attendee_id"]))
    return out


def _norm(kind: str, ref: str) -> str:
    return uuid.UUID(ref).hex if kind in ("checkin", "audit", "print") else ref


def push(replica: Store, hub: Store, batch: int = BATCH, before_commit=None, after_commit=None) -> int:
    """Send up to ``batch`` outbox rows to the hub, oldest first; returns how many left the outbox.
    ``before_commit`` and ``after_commit`` (for tests) run just before and after the hub commits."""
    with replica.engine.connect() as rconn:
        items = rconn.execute(select(OUTBOX).order_by(OUTBOX.c.seq).limit(batch)).all()
    items, taken = _take_jobs(replica, items)
    if not items:
        return 0
    try:
        with replica.engine.connect() as rconn:
            local = _local_rows(rconn, items)
        _send(hub, items, local, before_commit)
    except BaseException:
        give_back(replica, taken)
        raise
    if after_commit is not None:
        after_commit()
    last = items[-1].seq
    jobs = [uuid.UUID(i.ref) for i in items if i.kind == "print"]
    with replica.engine.connect().execution_options(kiosk_write=True) as rconn:
        rconn.begin()
        rconn.execute(delete(OUTBOX).where(OUTBOX.c.seq <= last))
        if jobs:  # the hub has them now: printed, or in its queue to print
            rconn.execute(delete(JOB).where(JOB.c.id.in_(jobs)))
        rconn.commit()
    return len(items)


def _take_jobs(replica: Store, items: list) -> tuple[list, list]:
    """In one replica write: cut the batch before a job being printed here, and take the queued
    jobs of the batch out of the replica's queue (``handed``). (items to send, jobs taken)."""
    ids = [uuid.UUID(i.ref) for i in items if i.kind == "print"]
    if not ids:
        return items, []
    with replica.engine.connect().execution_options(kiosk_write=True) as conn:
        conn.begin()
        states = dict(conn.execute(select(JOB.c.id, JOB.c.state).where(JOB.c.id.in_(ids))).all())
        for n, item in enumerate(items):
            if item.kind == "print" and states.get(uuid.UUID(item.ref)) == PRINTING:
                items = items[:n]
                break
        kept = {uuid.UUID(i.ref) for i in items if i.kind == "print"}
        taken = [i for i in ids if i in kept and states.get(i) == QUEUED]
        if taken:
            conn.execute(update(JOB).where(JOB.c.id.in_(taken)).values(state=HANDED))
        conn.commit()
    return items, taken


def give_back(replica: Store, jobs: list | None = None) -> None:
    """Jobs taken for a push that failed go back to the replica's queue. Without ``jobs`` (a
    station starting): every job a killed process left taken or being printed."""
    if jobs is not None and not jobs:
        return
    with replica.engine.connect().execution_options(kiosk_write=True) as conn:
        conn.begin()
        if jobs is None:
            conn.execute(update(JOB).where(JOB.c.state.in_([HANDED, PRINTING])).values(state=QUEUED))
        else:
            conn.execute(update(JOB).where(JOB.c.id.in_(jobs), JOB.c.state == HANDED).values(state=QUEUED))
        conn.commit()


def _send(hub: Store, items: list, local: dict, before_commit) -> None:
    """The batch in one hub transaction."""
    with hub.engine.connect() as conn:
        with conn.begin():
            checkins: list[dict] = []  # consecutive log rows go to the hub together
            jobs: list[dict] = []  # print jobs need only their attendee: all together, at the end
            for item in items:
                row = local.get((item.kind, _norm(item.kind, item.ref)))
                if item.kind == "checkin":
                    if row is not None:
                        checkins.append(row)
                    continue
                if item.kind == "print":
                    if row is not None:
                        jobs.append(row)
                    continue
                _push_checkins(conn, checkins)
                checkins = []
                if item.kind == "attendee" and row is not None:
                    _push_walk_in(conn, row)
                elif item.kind == "audit" and row is not None:
                    _push_audit(conn, row)
                elif item.kind == "edit":
                    _push_edit(conn, json.loads(item.payload))
            _push_checkins(conn, checkins)
            _push_print_jobs(conn, jobs)
            if before_commit is not None:
                before_commit()


def _hub_attendee(conn, event_id: int, code: str | None):
    if code is None:
        return None
    return conn.execute(
        select(ATTENDEE).where(ATTENDEE.c.event_id == event_id, ATTENDEE.c.code == code).with_for_update()
    ).first()


def _push_walk_in(conn, row: dict) -> None:
    values = {k: v for k, v in row.items() if k != "id"}
    values["rev"] = _bump(conn, row["event_id"])
    conn.execute(pg_insert(ATTENDEE).values(**values).on_conflict_do_nothing(index_elements=["event_id", "code"]))


def _bump(conn, event_id: int) -> int:
    return conn.execute(
        update(Event.__table__).where(Event.__table__.c.id == event_id)
        .values(attendee_rev=Event.__table__.c.attendee_rev + 1).returning(Event.__table__.c.attendee_rev)
    ).scalar_one()


def _push_print_jobs(conn, rows: list[dict]) -> None:
    """Badges asked for offline, as the station left them, in one statement: printed (the hub
    counts each badge in ``badge_print``, once however often the push is retried), failed,
    cancelled, or queued in the hub's queue. A queued copy the hub kept from a push whose answer
    was lost takes the outcome; any other row the hub has stays as it is."""
    if not rows:
        return
    people = {}
    for event_id in {r["event_id"] for r in rows}:
        codes = sorted({r["code"] for r in rows if r["event_id"] == event_id and r["code"] is not None})
        for person_id, code in conn.execute(
            select(ATTENDEE.c.id, ATTENDEE.c.code).where(ATTENDEE.c.event_id == event_id, ATTENDEE.c.code.in_(codes))
        ):
            people[(event_id, code)] = person_id
    values = []
    for row in rows:
        person_id = people.get((row["event_id"], row["code"]))
        if person_id is None:
            continue  # the attendee was purged on the hub meanwhile
        value = {**{k: v for k, v in row.items() if k != "code"}, "attendee_id": person_id}
        if value["state"] in (HANDED, PRINTING):
            value["state"] = QUEUED
        values.append(value)
    if not values:
        return
    stmt = pg_insert(JOB).values(values)
    outcome = ("state", "printer", "attempts", "error", "next_try_at", "printed_at")
    stmt = stmt.on_conflict_do_update(
        index_elements=["id"], set_={c: stmt.excluded[c] for c in outcome},
        where=(JOB.c.state == QUEUED) & (stmt.excluded.state != QUEUED),
    )
    changed = set(conn.execute(stmt.returning(JOB.c.id)).scalars())
    printed: dict[int, list[dict]] = {}
    for value in values:
        if value["id"] in changed and value["state"] == PRINTED:
            printed.setdefault(value["attendee_id"], []).append(value)
    if not printed:
        return
    counts = []
    for person_id, done in printed.items():
        done.sort(key=lambda v: v["printed_at"])
        counts.append({"attendee_id": person_id, "first_printed_at": done[0]["printed_at"],
                       "last_printed_at": done[-1]["printed_at"], "printer": done[-1]["printer"], "count": len(done)})
    badge = pg_insert(BADGE).values(counts)
    conn.execute(badge.on_conflict_do_update(index_elements=["attendee_id"], set_={
        "count": BADGE.c.count + badge.excluded.count,
        "first_printed_at": func.least(BADGE.c.first_printed_at, badge.excluded.first_printed_at),
        "last_printed_at": func.greatest(BADGE.c.last_printed_at, badge.excluded.last_printed_at),
        "printer": badge.excluded.printer,
    }))


def _push_audit(conn, row: dict) -> None:
    values = {k: v for k, v in row.items() if k != "code"}
    if row.get("attendee_id") is not None and row.get("event_id") is not None:
        person = _hub_attendee(conn, row["event_id"], row["code"])
        values["attendee_id"] = person.id if person is not None else row["attendee_id"]
    conn.execute(pg_insert(AUDIT).values(**values).on_conflict_do_nothing(index_elements=["id"]))


def _push_checkins(conn, rows: list[dict]) -> None:
    """Log rows in one ``INSERT ... ON CONFLICT (id) DO NOTHING``; then, once per attendee and
    list that got new rows, the status cache and the double-entry check."""
    if not rows:
        return
    people = {}
    for event_id in {r["event_id"] for r in rows}:
        codes = sorted({r["code"] for r in rows if r["event_id"] == event_id and r["code"] is not None})
        for person in conn.execute(
            select(ATTENDEE).where(ATTENDEE.c.event_id == event_id, ATTENDEE.c.code.in_(codes))
            .order_by(ATTENDEE.c.id).with_for_update()
        ):
            people[(event_id, person.code)] = person
    values = []
    for row in rows:
        person = people.get((row["event_id"], row["code"]))
        if person is None:
            continue  # the attendee was purged on the hub meanwhile: nothing to attach the row to
        values.append({**{k: v for k, v in row.items() if k != "code"}, "attendee_id": person.id})
    if not values:
        return
    inserted = set(conn.execute(
        pg_insert(CHECKIN).values(values).on_conflict_do_nothing(index_elements=["id"]).returning(CHECKIN.c.id)
    ).scalars())
    if not inserted:
        return  # the hub had them all already (a retried push)
    touched: dict[tuple[int, int], list[dict]] = {}
    for value in values:
        if value["id"] in inserted:
            touched.setdefault((value["attendee_id"], value["list_id"]), []).append(value)
    lists = {r.id: ListInfo.of(r) for r in conn.execute(select(LIST).where(LIST.c.id.in_({k[1] for k in touched})))}
    zones: dict[int, object] = {}
    by_id = {p.id: p for p in people.values()}
    logs = _logs(conn, touched)
    statuses = []
    for (attendee_id, list_id), new in touched.items():
        clist = lists[list_id]
        log = logs.get((attendee_id, list_id), [])
        if clist.is_default:
            statuses.append(_status(attendee_id, log))
        entries = [v for v in new if v["kind"] == CheckInKind.ENTRY.value]
        if entries:
            person = by_id[attendee_id]
            if person.event_id not in zones:
                zones[person.event_id] = _event_tz(conn, person.event_id)
            _flag_double_entries(conn, person, clist, log, min(v["at"] for v in entries), zones[person.event_id])
    if statuses:  # the status caches, in one round trip
        conn.execute(
            update(ATTENDEE).where(ATTENDEE.c.id == bindparam("aid"))
            .values(checked_in_at=bindparam("cin"), inside=bindparam("ins")),
            statuses,
        )


def _logs(conn, touched) -> dict:
    """The log rows of every (attendee, list) pair, oldest first, read at once."""
    out: dict = {}
    rows = conn.execute(
        select(CHECKIN).where(CHECKIN.c.attendee_id.in_({k[0] for k in touched}),
                              CHECKIN.c.list_id.in_({k[1] for k in touched}))
        .order_by(CHECKIN.c.at)
    )
    for r in rows:
        key = (r.attendee_id, r.list_id)
        if key in touched:
            out.setdefault(key, []).append(Past(CheckInKind(r.kind), r.at, r.station, r.operator, r))
    return out


def _status(attendee_id: int, log) -> dict:
    """The attendee's status cache from its log on the default list."""
    rows = live(log)
    entries = [p for p in rows if p.kind is CheckInKind.ENTRY]
    return {"aid": attendee_id, "cin": entries[0].at if entries else None, "ins": is_inside(rows)}


def _event_tz(conn, event_id: int):
    from zoneinfo import ZoneInfo

    return ZoneInfo(conn.execute(select(Event.__table__.c.timezone).where(Event.__table__.c.id == event_id)).scalar() or "UTC")


def _flag_double_entries(conn, person, clist: ListInfo, log, since, tz) -> None:
    """Judge each entry at or after the new one against the log before it, with the list's own
    rule (``rules.decide``): an entry the rule calls "already checked in" is a double entry."""
    facts = AttendeeFacts(person.event_id)
    rule_only = replace(clist.facts, ticket_types=frozenset(), categories=frozenset(), valid_from=None,
                        valid_until=None, capacity=None, print_only=False)
    ordered = sorted(log, key=lambda p: p.at)
    for i, past in enumerate(ordered):
        if past.kind is not CheckInKind.ENTRY or past.at < since:
            continue
        decision = decide(facts, rule_only, ordered[:i], 0, ScanKind.ENTRY, past.at, tz)
        if decision.verdict is Verdict.ALREADY:
            later, earlier = past.ref, decision.earlier.ref
            conn.execute(
                pg_insert(SYNC_CONFLICT).values(
                    id=f"double:{later.id.hex}", event_id=person.event_id, attendee_id=person.id, kind="double_entry",
                    checkin_id=later.id.hex, other_id=earlier.id.hex, station=later.station, at=later.at,
                    details=json.dumps({"code": person.code, "list": clist.name, "other_station": earlier.station,
                                        "other_at": earlier.at.isoformat()}),
                ).on_conflict_do_nothing(index_elements=["id"])
            )


def _push_edit(conn, edit: dict) -> None:
    """An edit made offline: the last writer of each field wins; the loser is listed."""
    person = _hub_attendee(conn, edit["event_id"], edit["code"])
    if person is None:
        return
    from datetime import datetime

    at = datetime.fromisoformat(edit["at"])
    changes = {}
    for field, (old, new) in edit["fields"].items():
        current = getattr(person, field)
        if current == old or current == new:
            changes[field] = new
            continue
        mine_wins = person.updated_at is None or at >= person.updated_at
        if mine_wins:
            changes[field] = new
        conn.execute(
            pg_insert(SYNC_CONFLICT).values(
                id=f"edit:{edit['id']}:{field}", event_id=person.event_id, attendee_id=person.id, kind="edit",
                checkin_id="", other_id="", station=edit["station"], at=at,
                details=json.dumps({"code": person.code, "field": field, "kept": new if mine_wins else current,
                                    "lost": current if mine_wins else new}, default=str),
            ).on_conflict_do_nothing(index_elements=["id"])
        )
    if changes:
        changes["rev"] = _bump(conn, person.event_id)
        changes["updated_at"] = max(at, person.updated_at) if person.updated_at else at
        conn.execute(update(ATTENDEE).where(ATTENDEE.c.id == person.id).values(**changes))
