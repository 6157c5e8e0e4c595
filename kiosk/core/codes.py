"""Ticket codes: generating them, and cleaning up what a scanner or camera hands us."""

from __future__ import annotations

import base64
import secrets
import unicodedata
from urllib.parse import parse_qs, unquote, urlsplit

#: Codes longer than this are not codes; they are never looked up.
MAX_CODE_LENGTH = 512
#: 13 random bytes = 104 bits, which base32 turns into 21 characters of A-Z and 2-7:
#: URL-safe, case-insensitive for scanners, and small in a QR code's alphanumeric mode.
CODE_BYTES = 13
URL_CODE_PARAMS = ("code", "c", "secret", "ticket", "t", "barcode")


def generate_code(rng: secrets.SystemRandom | None = None) -> str:
    """A fresh unguessable code. ``rng`` (any ``random.Random``) makes it reproducible for demos."""
    raw = rng.getrandbits(CODE_BYTES * 8).to_bytes(CODE_BYTES, "big") if rng else secrets.token_bytes(CODE_BYTES)
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def clean_scan(raw: str) -> str:
    """Trim whitespace and drop control and format characters (NUL, CR, GS, zero-width, BOM)."""
    if not isinstance(raw, str):
        raw = str(raw)
    if raw.isascii() and raw.isprintable():  # the usual scan: nothing to drop, no walk per character
        return raw.strip()
    kept = "".join(ch for ch in raw if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return kept.strip()


def candidates(raw: str) -> list[str]:
    """The strings a scan may stand for, most literal first.

    A plain code gives itself. A URL also gives its ``?code=`` (or similar) parameter and its
    last path segment; the caller uses the first one that is a known code.
    """
    code = clean_scan(raw)
    if not code or len(code) > MAX_CODE_LENGTH * 4:
        return []
    found: list[str] = []

    def add(value: str) -> None:
        value = clean_scan(value)
        if value and len(value) <= MAX_CODE_LENGTH and value not in found:
            found.append(value)

    add(code)
    if "://" in code or code.lower().startswith("www."):
        try:
            parts = urlsplit(code if "://" in code else "https://" + code)
        except ValueError:
            return found
        params = parse_qs(parts.query, keep_blank_values=False)
        for name in URL_CODE_PARAMS:
            for value in params.get(name, []):
                add(value)
        segments = [s for s in parts.path.split("/") if s]
        if segments:
            add(unquote(segments[-1]))
        if parts.fragment:
            add(unquote(parts.fragment))
    return found
