"""A small TOML writer for the station file: tables of strings, whole numbers, booleans and
one level of nested tables. Reading is tomllib's job."""

from __future__ import annotations

import json
import re

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def key(name: str) -> str:
    return name if _BARE.match(name) else json.dumps(name, ensure_ascii=False)


def value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        # JSON string escapes are valid TOML basic-string escapes (\" \\ \n \uXXXX).
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + " }" if v else "{}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def dumps(tables: dict[str, dict]) -> str:
    """``{"station": {"name": "Desk 1"}}`` -> ``[station]\\nname = "Desk 1"\\n``."""
    out = []
    for table, items in tables.items():
        if not items:
            continue
        out.append(f"[{key(table)}]")
        out.extend(f"{key(k)} = {value(v)}" for k, v in items.items())
        out.append("")
    return "\n".join(out)
