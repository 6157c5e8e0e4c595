"""Search p95 at 100k attendees for prefix, accent-blind and fuzzy queries, on SQLite and (when
a server is given) PostgreSQL, with a raw SQLite FTS5 prefix query on the same data as reference.

Goal: p95 <= 10 ms per query, fuzzy included, on both engines. Times are for the whole
`find()`: index lookup plus fetching the current rows (status) of the hits from the database.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from common import Timer, emit, summary_ms

from kiosk.core import attendees
from kiosk.core.demo import create_demo
from kiosk.core.search import SearchIndex, find, fold
from kiosk.core.store import open_store


def queries(people, rng, k):
    surnames = [p.last_name for p in people if p.last_name]
    firsts = [p.first_name for p in people]
    prefix = [rng.choice(surnames)[: rng.randint(2, 4)] for _ in range(k)]
    accent = [fold(rng.choice([n for n in surnames + firsts if fold(n) != n.lower()])) for _ in range(k)]

    def typo(word):
        w = fold(word.split()[0])
        if len(w) < 5:
            w = w + "son"
        i = rng.randrange(1, len(w) - 1)
        return w[:i] + rng.choice("aeiknrst") + w[i + 1 :]

    fuzzy = [typo(rng.choice(surnames)) for _ in range(k)]
    return {"prefix": prefix, "accent_blind": accent, "fuzzy": fuzzy}


def time_queries(index, qs):
    out = {}
    for kind, items in qs.items():
        samples = []
        for q in items:
            start = time.perf_counter()
            find(index, q, limit=20)
            samples.append(time.perf_counter() - start)
        out[kind] = summary_ms(samples)
    return out


def fts_reference(path, qs):
    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(first_name, last_name, email, organisation, code,"
                " tokenize='unicode61 remove_diacritics 2')")
    con.execute("INSERT INTO fts(rowid, first_name, last_name, email, organisation, code)"
                " SELECT id, first_name, last_name, email, organisation, code FROM attendee")
    con.commit()
    samples = []
    for q in qs["prefix"]:
        start = time.perf_counter()
        con.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 20", (f'"{q}"*',)).fetchall()
        samples.append(time.perf_counter() - start)
    con.close()
    return summary_ms(samples)


def bench_engine(url, n, k, label, fts_path=None):
    store = open_store(url)
    with Timer() as t_demo:
        event_id = create_demo(store, attendees=n, seed=1, reset=True, name=f"Search bench {n}")
    people = attendees.list_all(store, event_id)
    rng = random.Random(3)
    qs = queries(people, rng, k)
    index = SearchIndex(store, event_id, refresh_interval=3600)
    with Timer() as t_build:
        index.refresh(force=True)
    result = {"engine": label, "demo_create_s": round(t_demo.elapsed, 2), "index_build_s": round(t_build.elapsed, 2),
              **index.sizes()}
    result.update(time_queries(index, qs))
    index.refresh_interval = 0  # every query also polls for changes, as a busy desk would after 1 s
    result["prefix_with_change_poll"] = time_queries(index, {"p": qs["prefix"]})["p"]
    if fts_path:
        result["fts5_prefix_reference"] = fts_reference(fts_path, qs)
    store.dispose()
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--attendees", type=int)
    ap.add_argument("--queries", type=int)
    ap.add_argument("--pg", default=os.environ.get("KIOSK_TEST_PG_URL"), help="PostgreSQL URL (a scratch database)")
    args = ap.parse_args()
    n = args.attendees or (2_000 if args.small else 100_000)
    k = args.queries or (50 if args.small else 300)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        runs.append(bench_engine(f"sqlite:///{path}", n, k, "sqlite", fts_path=path))
    if args.pg:
        runs.append(bench_engine(args.pg, n, k, "postgresql"))
    emit("search", {"attendees": n, "queries_per_kind": k, "goal": "p95 <= 10 ms", "runs": runs})


if __name__ == "__main__":
    main()
