"""Fitting text into a box without ever clipping it.

The order is fixed: one line at the largest size that fits (down to the template's minimum);
otherwise two lines (then more, up to ``max_lines``), broken at spaces and after hyphens,
balanced so the longest line is as short as possible, again as large as fits; only when even
that fails at the minimum size is the text shortened with an ellipsis (the caller logs it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from PIL import ImageFont

from kiosk.paths import resource

ELLIPSIS = "…"
REF_PX = 100


@lru_cache(maxsize=256)
def font(name: str, size_px: int) -> ImageFont.FreeTypeFont:
    """A bundled font (resources/fonts) at a pixel size; never a system font."""
    return ImageFont.truetype(str(resource("fonts", name)), size_px)


@lru_cache(maxsize=32)
def _line_ratio(name: str) -> float:
    ascent, descent = font(name, REF_PX).getmetrics()
    return (ascent + descent) / REF_PX


def line_height(name: str, size_px: int) -> int:
    ascent, descent = font(name, size_px).getmetrics()
    return ascent + descent


def text_width(name: str, size_px: int, text: str) -> float:
    return font(name, size_px).getlength(text)


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    size_px: int
    ellipsized: bool = False


def _breaks(text: str) -> list[int]:
    """Indices where a line may end: before a space, or just after a hyphen inside a word."""
    out = []
    for i, ch in enumerate(text):
        if ch == " " and i > 0:
            out.append(i)
        elif ch in "-\u2010" and 0 < i < len(text) - 1 and text[i + 1] != " " and text[i - 1] != " ":
            out.append(i + 1)
    return sorted(set(out))


def _split(text: str, cuts: tuple[int, ...]) -> list[str]:
    bounds = (0, *cuts, len(text))
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


def _largest(name: str, lines: list[str], box_w: int, box_h: int, lo: int, hi: int) -> int:
    """The largest pixel size in [lo, hi] at which these lines fit the box, or lo - 1."""
    ref = max(text_width(name, REF_PX, line) for line in lines) or 1.0
    guess = min(hi, int(box_w * REF_PX / ref), int(box_h / (len(lines) * _line_ratio(name))))
    size = max(guess, lo - 1)
    while size >= lo:
        widest = max(text_width(name, size, line) for line in lines)
        if widest <= box_w and len(lines) * line_height(name, size) <= box_h:
            return size
        size -= 1
    return lo - 1


def _best_split(name: str, text: str, n: int) -> list[str] | None:
    cuts = _breaks(text)
    if len(cuts) < n - 1:
        return None
    options = combinations(cuts, n - 1)
    best, best_width = None, float("inf")
    for count, choice in enumerate(options):
        if count > 4000:
            break
        lines = _split(text, choice)
        if not all(lines):
            continue
        widest = max(text_width(name, REF_PX, line) for line in lines)
        if widest < best_width:
            best, best_width = lines, widest
    return best


def _ellipsize(name: str, text: str, size: int, box_w: int, max_lines: int) -> list[str]:
    words = text.split(" ")
    lines: list[str] = []
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and text_width(name, size, f"{line} {words[0]}") <= box_w:
            line = f"{line} {words.pop(0)}"
        if text_width(name, size, line) > box_w:  # one word too long for a line of its own
            words.insert(0, line)
            break
        lines.append(line)
    rest = " ".join(words)
    if text_width(name, size, rest) > box_w:
        while rest and text_width(name, size, rest.rstrip(" -") + ELLIPSIS) > box_w:
            rest = rest[:-1]
        rest = rest.rstrip(" -") + ELLIPSIS
    return [*lines, rest] if rest != ELLIPSIS or not lines else lines


def fit(text: str, name: str, box_w: int, box_h: int, min_px: int, max_px: int, max_lines: int = 1) -> Fitted:
    """Lay ``text`` out in a ``box_w`` x ``box_h`` pixel box with font ``name``."""
    text = " ".join(text.split())
    min_px = max(1, min(min_px, max_px))
    if not text:
        return Fitted((), max_px)
    size = _largest(name, [text], box_w, box_h, min_px, max_px)
    if size >= min_px:
        return Fitted((text,), size)
    for n in range(2, max_lines + 1):
        lines = _best_split(name, text, n)
        if lines is None:
            break
        size = _largest(name, lines, box_w, box_h, min_px, max_px)
        if size >= min_px:
            return Fitted(tuple(lines), size)
    lines_fit = max(1, min(max_lines, box_h // max(1, line_height(name, min_px))))
    return Fitted(tuple(_ellipsize(name, text, min_px, box_w, lines_fit)), min_px, ellipsized=True)
