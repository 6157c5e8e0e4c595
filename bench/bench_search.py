"""Search per keystroke at 100k (and 1M with --attendees 1000000), for every query shape, side
by side with a raw SQLite FTS5 prefix query on the same names in the same run.

Each query is typed letter by letter and every keystroke is timed ("a", "ag", ... "agnes nykv").
Shapes: a surname, "first last", a hyphenated name, an apostrophe (O'Brien), a name typed
without its accents, and a name with a typo (found only by the typo fallback).

Times: ``find`` = the index lookup plus fetching the hits' current rows from the database (what
the desk does); ``search`` = the index lookup alone. References: FTS5 returning the same 20
rows joined to their attendee rows (for ``find``), and FTS5 rowids alone (for ``search``).
Goals: p95 per keystroke <= 10 ms at 100k and <= 25 ms at 1M for every shape, <= 2x FTS5. The
index is built in a fresh process to measure its memory: <= 300 MB and <= 8 s at 1M.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Timer, emit, summary_ms

from kiosk.core.demo import create_demo
from kiosk.core.search import SearchIndex, find, fold
from kiosk.core.store import open_store

SHAPES = ("surname", "first_last", "hyphen", "apostrophe", "accent_blind", "typo")


def _typo(rng, word):
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two letters swapped


def queries(path: Path, rng: random.Random, k: int) -> dict[str, list[str]]:
    """k full queries per shape, drawn from the attendees in the database."""
    con = sqlite3.connect(path)
    rows = con.execute("SELECT first_name, last_name FROM attendee ORDER BY random() LIMIT 20000").fetchall()
    con.close()
    pick = lambda pred: [r for r in rows if pred(*r)]  # noqa: E731
    hyphen = pick(lambda f, l: "-" in f or "-" in l)
    apostrophe = pick(lambda f, l: "'" in l)
    accented = pick(lambda f, l: fold(l) != l.lower() and len(fold(l)) >= 5)
    long_last = pick(lambda f, l: len(fold(l)) >= 6 and fold(l).isalpha())
    out = {shape: [] for shape in SHAPES}
    for _ in range(k):
        f, l = rng.choice(rows)
        out["surname"].append(l)
        out["first_last"].append(f"{f} {l}")
        f, l = rng.choice(hyphen)
        out["hyphen"].append(l if "-" in l else f"{f} {l}")
        out["apostrophe"].append(rng.choice(apostrophe)[1])
        f, l = rng.choice(accented)
        out["accent_blind"].append(f"{fold(f)} {fold(l)}" if rng.random() < 0.5 else fold(l))
        out["typo"].append(_typo(rng, fold(rng.choice(long_last)[1])))
    return out


def keystrokes(query: str) -> list[str]:
    return [query[:i] for i in range(1, len(query) + 1) if not query[:i].endswith(" ")]


def fts_query(text: str) -> str:
    pieces = [p for p in re.split(r"[^0-9a-z]+", fold(text)) if p]
    return " ".join(f'"{p}"*' for p in pieces)


def build_fts(path: Path) -> float:
    con = sqlite3.connect(path)
    start = time.perf_counter()
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(first_name, last_name, organisation,"
                " tokenize='unicode61 remove_diacritics 2', content='attendee', content_rowid='id')")
    con.execute("INSERT INTO fts(fts) VALUES('rebuild')")
    con.commit()
    con.close()
    return time.perf_counter() - start


def time_shapes(path: Path, index: SearchIndex, qs: dict[str, list[str]]) -> dict:
    con = sqlite3.connect(path)
    out = {}
    for shape, items in qs.items():
        t_find, t_search, t_fts_rows, t_fts_ids, worst = [], [], [], [], ("", 0.0)
        for query in items:
            for typed in keystrokes(query):
                start = time.perf_counter()
                find(index, typed, limit=20)
                elapsed = time.perf_counter() - start
                t_find.append(elapsed)
                worst = max(worst, (typed, elapsed), key=lambda w: w[1])
                start = time.perf_counter()
                index.search(typed, limit=20)
                t_search.append(time.perf_counter() - start)
                match = fts_query(typed)
                if not match:
                    continue
                start = time.perf_counter()
                con.execute("SELECT a.* FROM attendee a WHERE a.id IN (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 20)",
                            (match,)).fetchall()
                t_fts_rows.append(time.perf_counter() - start)
                start = time.perf_counter()
                con.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 20", (match,)).fetchall()
                t_fts_ids.append(time.perf_counter() - start)
        f, s, fr, fi = (summary_ms(t) for t in (t_find, t_search, t_fts_rows, t_fts_ids))
        out[shape] = {
            "find": f, "search": s, "fts5_rows": fr, "fts5_rowids": fi,
            "ratio_find_to_fts5_rows_p95": round(f["p95_ms"] / fr["p95_ms"], 2),
            "ratio_search_to_fts5_rowids_p95": round(s["p95_ms"] / fi["p95_ms"], 2),
            "slowest_keystroke": {"typed": worst[0], "ms": round(worst[1] * 1000, 2)},
            "candidates_looked_at_last": index.candidates,
        }
    con.close()
    return out


def index_child(url: str) -> None:
    """In a fresh process: build the index once and report time and memory."""
    import gc

    def rss():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    store = open_store(url)
    event_id = int(os.environ["BENCH_EVENT"])
    index = SearchIndex(store, event_id, refresh_interval=3600)
    with store.engine.connect():
        pass
    gc.collect()
    before = rss()
    with Timer() as t:
        index.refresh(force=True)
    gc.collect()
    print(json.dumps({"index_build_s": round(t.elapsed, 2), "index_rss_mb": round(rss() - before, 1), **index.sizes()}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--attendees", type=int)
    ap.add_argument("--queries", type=int, help="full queries per shape (each typed letter by letter)")
    ap.add_argument("--index-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.index_child:
        return index_child(args.index_child)
    n = args.attendees or (2_000 if args.small else 100_000)
    k = args.queries or (5 if args.small else 30)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        url = f"sqlite:///{path}"
        store = open_store(url)
        with Timer() as t_demo:
            event_id = create_demo(store, attendees=n, seed=1, reset=True, name=f"Search bench {n}")
        child = subprocess.run([sys.executable, __file__, "--index-child", url], capture_output=True, text=True,
                               env={**os.environ, "BENCH_EVENT": str(event_id)}, check=True)
        built = json.loads(child.stdout)
        fts_s = build_fts(path)
        index = SearchIndex(store, event_id, refresh_interval=3600)
        index.refresh(force=True)
        qs = queries(path, random.Random(3), k)
        result = {"attendees": n, "queries_per_shape": k, "demo_create_s": round(t_demo.elapsed, 2), **built,
                  "fts5_build_s": round(fts_s, 2), "shapes": time_shapes(path, index, qs)}
        store.dispose()
    goal = 10 if n <= 100_000 else 25
    result["goal"] = f"p95 per keystroke <= {goal} ms and <= 2x FTS5; index <= 300 MB and <= 8 s at 1M"
    result["worst_find_p95_ms"] = max(s["find"]["p95_ms"] for s in result["shapes"].values())
    emit("search" if n <= 100_000 else f"search_{n}", result)


if __name__ == "__main__":
    main()
