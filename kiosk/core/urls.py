"""Database URLs and their password: shown masked everywhere, and kept out of files if wished.

``mask_url`` renders a URL with its password as ``***`` for messages, logs, the audit trail and
screens. It never fails and never leaks: a URL that cannot be parsed is masked as text (whatever
stands between the first ``:`` after the scheme and the ``@`` is hidden).

The password need not be written in the URL at all (see the README): libpq reads it from
``~/.pgpass`` (or ``PGPASSFILE``) or a service file (``postgresql+psycopg:///?service=NAME``), and
``KIOSK_DB_PASSWORD`` is merged into a PostgreSQL URL that has none when the engine is made.
"""

from __future__ import annotations

import os
import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

MASK = "***"
ENV_DB_PASSWORD = "KIOSK_DB_PASSWORD"
_QUERY_PASSWORD = re.compile(r"(?i)(\bpassword=)[^&\s]*")
_USERINFO = re.compile(r"(://[^:/?#@\s]*:)[^@\s]+@")


def parse_url(url: str | URL) -> URL | None:
    """The parsed URL, or None when it is not one (any parse error, not only SQLAlchemy's)."""
    if isinstance(url, URL):
        return url
    try:
        return make_url(url)
    except (ArgumentError, ValueError, TypeError):
        return None


def _text(url: str | URL) -> str:
    return url.render_as_string(hide_password=False) if isinstance(url, URL) else str(url)


def _mask_text(text: str) -> str:
    """Hide the user-info password and any ``password=`` query value in a URL-like text."""
    scheme = text.find("://")
    start = scheme + 3 if scheme >= 0 else 0
    head = text.split("?", 1)[0]
    at = head.rfind("@")
    if at < start:
        at = text.rfind("@")
    colon = text.find(":", start)
    if 0 <= colon < at:
        text = f"{text[:colon + 1]}{MASK}{text[at:]}"
    return _QUERY_PASSWORD.sub(rf"\g<1>{MASK}", text)


def mask_url(url: str | URL | None) -> str:
    """The URL with its password shown as ``***``, fit for any message, log or screen."""
    if url is None or url == "":
        return ""
    parsed = parse_url(url)
    if parsed is not None and parsed.get_backend_name() == "sqlite":  # a file path: ':' and '@' are no credentials
        return parsed.render_as_string(hide_password=True) if parsed.password or not isinstance(url, str) else url
    return _mask_text(_text(url))


def scrub(message: str, url: str | URL | None) -> str:
    """``message`` (a driver's error text, say) with the password of ``url`` in it replaced."""
    secrets: list[str] = []
    parsed = parse_url(url) if url else None
    if parsed is not None:
        secrets += [str(parsed.password or "")] + [str(v) for k, v in parsed.query.items() if k.lower() == "password"]
    secrets.append(os.environ.get(ENV_DB_PASSWORD, ""))
    for secret in filter(None, secrets):
        if len(secret) >= 2:
            message = message.replace(secret, MASK)
    return message


def mask_in_text(text: str, url: str | URL | None = None) -> str:
    """Any free text (a log line, a traceback, an error) with every URL password in it masked,
    and ``url``'s password and ``$KIOSK_DB_PASSWORD`` wherever else they show."""
    text = _QUERY_PASSWORD.sub(rf"\g<1>{MASK}", _USERINFO.sub(rf"\g<1>{MASK}@", text))
    return scrub(text, url)


def with_env_password(url: URL) -> URL:
    """A PostgreSQL URL without a password gets ``$KIOSK_DB_PASSWORD`` (when set), at connect time only."""
    password = os.environ.get(ENV_DB_PASSWORD)
    if password and url.get_backend_name() == "postgresql" and not url.password:
        return url.set(password=password)
    return url
