"""Small helpers shared by the bench scripts: timing, percentiles, JSON out."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary_ms(samples_s: list[float]) -> dict:
    ms = [s * 1000 for s in samples_s]
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 3) if ms else None,
        "p95_ms": round(percentile(ms, 95), 3),
        "max_ms": round(max(ms), 3) if ms else None,
    }


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.start


def emit(name: str, result: dict) -> None:
    """Print the result as JSON, and also save it under $KIOSK_BENCH_OUT when set."""
    text = json.dumps({"bench": name, **result}, indent=2, ensure_ascii=False)
    print(text)
    out = os.environ.get("KIOSK_BENCH_OUT")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / f"{name}.json").write_text(text + "\n")
