"""WCAG 2 contrast, computed from Qt style sheets: which text colour sits on which background,
at what size, and whether the pair meets AA (4.5:1, or 3:1 for large text)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor

NORMAL, LARGE = 4.5, 3.0


def luminance(colour: str) -> float:
    c = QColor(colour)
    assert c.isValid(), colour

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def ratio(foreground: str, background: str) -> float:
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def is_large(points: float, bold: bool) -> bool:
    """WCAG's large text: 18 pt, or 14 pt bold."""
    return points >= 18 or (bold and points >= 14)


@dataclass(frozen=True)
class Pair:
    where: str
    foreground: str
    background: str
    large: bool

    @property
    def ratio(self) -> float:
        return ratio(self.foreground, self.background)

    @property
    def passes(self) -> bool:
        return self.ratio >= (LARGE if self.large else NORMAL)

    def __str__(self) -> str:
        need = LARGE if self.large else NORMAL
        return f"{self.where}: {self.foreground} on {self.background} is {self.ratio:.2f}:1, needs {need}:1"


def rules(sheet: str) -> dict[str, dict[str, str]]:
    """Selector -> declarations. A sheet of bare declarations is one rule, selector '*'."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    found = re.findall(r"([^{}]+)\{([^{}]*)\}", sheet)
    if not found and sheet.strip():
        found = [("*", sheet)]
    out: dict[str, dict[str, str]] = {}
    for selectors, body in found:
        declarations = {}
        for part in body.split(";"):
            if ":" in part:
                key, value = part.split(":", 1)
                declarations[key.strip().lower()] = value.strip()
        if "background-color" in declarations:
            declarations.setdefault("background", declarations["background-color"])
        for selector in selectors.split(","):
            out.setdefault(" ".join(selector.split()), {}).update(declarations)
    return out


def _fallbacks(selector: str) -> list[str]:
    """Less specific selectors whose declarations this one inherits or is drawn inside: the
    same widget without its state, then without its name, then the enclosing widget."""
    out = []
    while selector:
        parts = selector.split(" ")
        last = parts[-1]
        if ":" in last:
            last = last.split(":", 1)[0]
        elif "#" in last and not last.startswith("#"):
            last = last.split("#", 1)[0]
        else:
            parts, last = parts[:-1], ""
        selector = " ".join([*parts[:-1], last] if last else parts)
        if selector:
            out.append(selector)
    return out


def pairs(sheet: str, where: str, background: str, foreground: str = "#000000", points: float = 10) -> list[Pair]:
    """Every text colour in ``sheet`` on the background it is drawn on; ``background``,
    ``foreground`` and ``points`` are what the widget has when the sheet does not say."""
    table = rules(sheet)

    def find(selector: str, key: str, default: str) -> str:
        for candidate in (selector, *_fallbacks(selector)):
            value = table.get(candidate, {}).get(key)
            if value and value != "transparent":
                return value
        return default

    out = []
    for selector, declarations in table.items():
        if "color" not in declarations and "background" not in declarations:
            continue
        fg = find(selector, "color", foreground)
        bg = find(selector, "background", background)
        size = find(selector, "font-size", f"{points}pt")
        pt = float(re.match(r"[\d.]+", size).group()) * (0.75 if size.endswith("px") else 1)
        bold = find(selector, "font-weight", "normal") in ("bold", "600", "700", "800", "900")
        out.append(Pair(f"{where} {selector}", fg, bg, is_large(pt, bold)))
    return out
