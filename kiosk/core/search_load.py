"""The first load of a search index, column by column: a million attendees in a few seconds.

Names come in id order and are stored as three text ids per attendee (a name seen once is
folded once); emails and codes come lower-cased and mostly sorted from the database. Rows are
read through the driver's own cursor: building a million SQLAlchemy rows would cost more than
the index. No list of all emails or codes is ever made: each batch goes straight into the
packed blob. Later refreshes go row by row (``SearchIndex._put``).
"""

from __future__ import annotations

import bisect
from array import array
from itertools import accumulate, repeat
from operator import sub
from typing import TYPE_CHECKING

from sqlalchemy import func, literal_column, select

from kiosk.core.models import Attendee

if TYPE_CHECKING:
    from kiosk.core.search import SearchIndex

BATCH = 5_000


def _rows(conn, stmt):
    """Batches of plain tuples for a SELECT whose only parameters are integers and literals."""
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(BATCH):
            yield batch
    finally:
        cursor.close()


def load_all(index: SearchIndex, conn) -> int:
    """Load every attendee of the index's (empty) event; returns how many."""
    where = Attendee.event_id == index.event_id
    texts, postings = index._texts, index._names.postings
    names = select(Attendee.id, Attendee.first_name, Attendee.last_name, Attendee.organisation).where(where)
    for batch in _rows(conn, names.order_by(Attendee.id)):
        ids, firsts, lasts, orgs = zip(*batch)
        with index._lock:  # a search meanwhile sees the attendees loaded so far
            firsts, lasts, orgs = (array("i", map(texts.__getitem__, column)) for column in (firsts, lasts, orgs))
            start = len(index._att)
            index._att.extend(ids)
            index._n_sorted = len(index._att)
            index._first.extend(firsts)
            index._last.extend(lasts)
            index._org.extend(orgs)
            wids = texts.wids
            for slot, f, l, o in zip(range(start, start + len(ids)), firsts, lasts, orgs):
                for wid in wids[f] + wids[l] + wids[o]:
                    postings[wid].append(slot)
    count = len(index._att)
    for column, target in ((Attendee.email, index._emails), (Attendee.code, index._codes)):
        _load_identifiers(index, conn, column, where, target)
    return count


def _load_identifiers(index: SearchIndex, conn, column, where, target) -> None:
    from kiosk.core.search import fold

    folded = func.lower(func.trim(column))
    # codes come in the order of their index (lower case keeps it); emails sorted by the database
    order = column if column is Attendee.code else literal_column("1")
    blob, offsets, owners = bytearray(), array("I", (0,)), array("i")
    tokens: list[str] | None = None  # only when the database's order is not ours (then sorted here)
    for batch in _rows(conn, select(folded, Attendee.id).where(where, column != "").order_by(order)):
        values, ids = zip(*batch)
        slots = _slots(index, ids)
        if not "".join(values).isascii():  # the database lower-cases ASCII only
            values = tuple(value if value.isascii() else fold(value).strip() for value in values)
        if None in slots or "" in values:
            pairs = [(v, s) for v, s in zip(values, slots) if v and s is not None]
            values, slots = tuple(v for v, _s in pairs), [s for _v, s in pairs]
        if tokens is None and list(values) == sorted(values) and (len(offsets) == 1 or not values or values[0].encode() >= last):
            text = "".join(values)
            lengths = map(len, values) if text.isascii() else (len(v.encode()) for v in values)
            offsets.extend(accumulate(lengths, initial=offsets[-1]))
            offsets.pop(len(offsets) - len(values) - 1)  # the initial value was there already
            blob += text.encode()
            if values:
                last = values[-1].encode()
        else:
            if tokens is None:
                tokens = [bytes(blob[offsets[i] : offsets[i + 1]]).decode() for i in range(len(offsets) - 1)]
            tokens.extend(values)
        owners.extend(slots)
    with index._lock:
        if tokens is None:
            target.load_packed(bytes(blob), offsets, owners, len(index._att))
        else:
            target.load(tokens, owners, len(index._att))


def _slots(index: SearchIndex, ids) -> list[int | None]:
    """The slots of these attendee ids (None for one that arrived after the names were read)."""
    att = index._att
    n = len(att)
    if not n:
        return [None] * len(ids)
    first = att[0]
    if att[-1] - first + 1 == n and first <= min(ids) and max(ids) < first + n:  # no gaps: an offset
        return list(map(sub, ids, repeat(first)))
    found = map(bisect.bisect_left, repeat(att), ids)
    return [p if p < n and att[p] == i else None for p, i in zip(found, ids)]
