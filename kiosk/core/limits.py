"""Text limits, taken from the tables, checked the same way on every engine before anything is
written. SQLite would store a 100,000-character station name that PostgreSQL refuses; here both
refuse it up front, with one line that names the field."""

from __future__ import annotations

from sqlmodel import SQLModel

from kiosk.core.errors import UsageError


def column_limit(model: type[SQLModel], column: str) -> int | None:
    """The VARCHAR length of ``model.column`` (None for unbounded text)."""
    return getattr(model.__table__.c[column].type, "length", None)


def text_problem(field: str, value: str, limit: int | None) -> str | None:
    """Why ``value`` cannot be stored in ``field``, or None."""
    if "\x00" in value:
        return f"{field} contains a NUL byte"
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        return f"{field} is not valid text (invalid UTF-8)"
    if limit is not None and len(value) > limit:
        return f"{field} is {len(value)} characters long (at most {limit})"
    return None


def check_text(field: str, value: str, limit: int | None) -> str:
    problem = text_problem(field, value, limit)
    if problem:
        raise UsageError(problem)
    return value


def station_limits() -> dict[str, int | None]:
    """The limits on who records a check-in: the station and operator names."""
    from kiosk.core.models import CheckIn

    return {"station": column_limit(CheckIn, "station"), "operator": column_limit(CheckIn, "operator")}


def check_actor(station: str, operator: str) -> None:
    """Refuse a station or operator name no check-in could be written with."""
    limits = station_limits()
    check_text("station name", station, limits["station"])
    check_text("operator name", operator, limits["operator"])
