"""What ``kiosk doctor`` reports: each check's area, name, status (ok, warning, problem) and
detail, and the report for people (in their language) or as JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kiosk.i18n import QT_TRANSLATE_NOOP, translate

OK, WARNING, PROBLEM = "ok", "warning", "problem"
#: The statuses, areas and check names a person reads (``word`` translates them; the JSON keeps them).
WORDS = (
    QT_TRANSLATE_NOOP("doctor", "ok"), QT_TRANSLATE_NOOP("doctor", "warning"), QT_TRANSLATE_NOOP("doctor", "problem"),
    QT_TRANSLATE_NOOP("doctor", "versions"), QT_TRANSLATE_NOOP("doctor", "folders"), QT_TRANSLATE_NOOP("doctor", "database"),
    QT_TRANSLATE_NOOP("doctor", "printers"), QT_TRANSLATE_NOOP("doctor", "cameras"), QT_TRANSLATE_NOOP("doctor", "fonts"),
    QT_TRANSLATE_NOOP("doctor", "resources"), QT_TRANSLATE_NOOP("doctor", "portable"), QT_TRANSLATE_NOOP("doctor", "data"),
    QT_TRANSLATE_NOOP("doctor", "config"), QT_TRANSLATE_NOOP("doctor", "logs"), QT_TRANSLATE_NOOP("doctor", "url"),
    QT_TRANSLATE_NOOP("doctor", "engine"), QT_TRANSLATE_NOOP("doctor", "reachable"), QT_TRANSLATE_NOOP("doctor", "schema"),
    QT_TRANSLATE_NOOP("doctor", "events"), QT_TRANSLATE_NOOP("doctor", "printing"), QT_TRANSLATE_NOOP("doctor", "default"),
    QT_TRANSLATE_NOOP("doctor", "media backend"), QT_TRANSLATE_NOOP("doctor", "badge templates"),
    QT_TRANSLATE_NOOP("doctor", "sounds"), QT_TRANSLATE_NOOP("doctor", "translations"), QT_TRANSLATE_NOOP("doctor", "icon"),
    QT_TRANSLATE_NOOP("doctor", "idle"), QT_TRANSLATE_NOOP("doctor", "stopped or in error"),
    QT_TRANSLATE_NOOP("doctor", "unknown"),
)


def word(text: str) -> str:
    """A status, area or check name in the reader's language (names of printers, fonts ... stay)."""
    return translate("doctor", text) if text in WORDS else text


@dataclass(frozen=True)
class Check:
    area: str  # versions, folders, database, printers, cameras, fonts, resources
    name: str
    status: str  # ok, warning, problem
    detail: str


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if c.status == PROBLEM]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "problems": len(self.problems),
            "warnings": sum(c.status == WARNING for c in self.checks),
            "checks": [asdict(c) for c in self.checks],
        }

    def lines(self) -> list[str]:
        """The report for people, in their language (the JSON keeps the English keys)."""
        rows = [(word(c.status), word(c.area), word(c.name), c.detail) for c in self.checks]
        widths = [max((len(r[i]) for r in rows), default=0) for i in range(3)]
        return [f"{s:<{widths[0]}}  {a:<{widths[1]}}  {n:<{widths[2]}}  {d}" for s, a, n, d in rows]
