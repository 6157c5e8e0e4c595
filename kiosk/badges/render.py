"""Rendering a badge (or a ticket) from a template with Pillow. No Qt here.

``render_badge`` is what the print worker, the preview and the command line call. Names are
never clipped (see ``textfit``); badge privacy is applied here, in ``field_value``, so no
template can print what an attendee asked to keep off their badge. The QR code carries the
attendee's code and nothing else.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.badges import qr, textfit
from kiosk.badges.sources import load_image
from kiosk.badges.templates import Element, Template, all_templates, get_template, source_roots
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.models import BadgePrivacy

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE = "a6"


@dataclass(frozen=True)
class Placed:
    """Where a text element ended up: for tests and for the warning when text was shortened."""

    field: str
    lines: tuple[str, ...]
    size_px: int
    box: tuple[int, int, int, int]
    ellipsized: bool
    min_px: int


def list_templates(kind: str = "badge") -> list[Template]:
    """The badge templates (built-in and the user's), by name. ``kind="ticket"`` for tickets."""
    return sorted((t for t in all_templates().values() if t.kind == kind), key=lambda t: t.name)


def default_template_name() -> str:
    names = [t.name for t in list_templates()]
    return DEFAULT_TEMPLATE if DEFAULT_TEMPLATE in names or not names else names[0]


def field_value(attendee: AttendeeInfo, name: str, event_name: str = "", event_date: str = "") -> str:
    """The text a template field shows for this attendee, with their badge privacy applied.

    "first name only" drops the surname; "no organisation" drops the employer, and with it the
    job title and the sector (category), which would give the employer away.
    """
    privacy = attendee.badge_privacy
    first_only = privacy is BadgePrivacy.FIRST_NAME_ONLY
    no_org = privacy is BadgePrivacy.NO_ORGANISATION
    if name == "first_name":
        return attendee.first_name or ("" if first_only else attendee.last_name)
    if name == "last_name":
        return "" if first_only or not attendee.first_name else attendee.last_name
    if name == "full_name":
        return (attendee.first_name or "") if first_only else attendee.display_name
    if name in ("organisation", "job_title", "category"):
        return "" if no_org else getattr(attendee, name)
    if name == "event_name":
        return event_name
    if name == "event_date":
        return event_date
    return str(getattr(attendee, name, ""))


class _Fill(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _fill(text: str, values: dict) -> str:
    try:
        return text.format_map(_Fill(values))
    except (ValueError, IndexError):
        return text


@lru_cache(maxsize=16)
def _image_file(path: str, folder: str) -> Image.Image | None:
    """A template's image, read again within its folder's bounds (it may have changed since)."""
    try:
        return load_image(Path(path), source_roots(Path(folder)))
    except (OSError, ValueError, Image.DecompressionBombError) as exc:  # SourceError is a ValueError
        log.warning("badge image %s cannot be read (%s); left out", Path(path).name, exc)
        return None


def _px(mm: float, dpi: int) -> int:
    return round(mm / 25.4 * dpi)


def text_layout(e: Element, value: str, dpi: int) -> tuple[Placed, list[tuple[float, int, str]]] | None:
    """Where a text element's lines go at ``dpi``: (left, baseline, line) in pixels, the same for
    the raster badge and the vector ticket. None when there is nothing to write."""
    if e.upper:
        value = value.upper()
    b = e.box
    x, y, w, h = _px(b.x_mm, dpi), _px(b.y_mm, dpi), _px(b.w_mm, dpi), _px(b.h_mm, dpi)
    lo, hi = (max(1, round(p / 72 * dpi)) for p in e.size_pt)
    fitted = textfit.fit(value, e.font, w, h, lo, hi, e.max_lines)
    if not fitted.lines:
        return None
    font = textfit.font(e.font, fitted.size_px)
    ascent, descent = font.getmetrics()
    step = ascent + descent
    total = step * len(fitted.lines)
    top = y if e.valign == "top" else y + h - total if e.valign == "bottom" else y + (h - total) // 2
    lines = []
    for i, line in enumerate(fitted.lines):
        width = font.getlength(line)
        left = x if e.align == "left" else x + w - width if e.align == "right" else x + (w - width) / 2
        lines.append((left, top + i * step + ascent, line))
    return Placed(e.field or e.type, fitted.lines, fitted.size_px, (x, y, w, h), fitted.ellipsized, lo), lines


class _Canvas:
    def __init__(self, template: Template, dpi: int):
        self.template = template
        self.dpi = dpi
        self.image = Image.new("RGB", template.size_px(dpi), template.background)
        self.draw = ImageDraw.Draw(self.image)

    def px(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi)

    def box(self, e: Element) -> tuple[int, int, int, int]:
        b = e.box
        return self.px(b.x_mm), self.px(b.y_mm), self.px(b.w_mm), self.px(b.h_mm)

    def pt(self, points: float) -> int:
        return max(1, round(points / 72 * self.dpi))

    def text(self, e: Element, value: str, color: str) -> Placed | None:
        laid = text_layout(e, value, self.dpi)
        if laid is None:
            return None
        placed, lines = laid
        font = textfit.font(e.font, placed.size_px)
        for left, baseline, line in lines:
            self.draw.text((left, baseline), line, font=font, fill=color, anchor="ls")
        return placed

    def qr(self, e: Element, code: str) -> None:
        x, y, w, h = self.box(e)
        img = qr.qr_image(code, min(w, h), e.quiet_zone, e.error_correction)
        self.image.paste(img, (x + (w - img.width) // 2, y + (h - img.height) // 2))

    def band(self, e: Element, key: str) -> str:
        x, y, w, h = self.box(e)
        color = e.colors.get(key) or e.colors.get("default") or "#555555"
        self.draw.rectangle((x, y, x + w - 1, y + h - 1), fill=color)
        return color

    def picture(self, e: Element, img: Image.Image) -> None:
        x, y, w, h = self.box(e)
        scale = min(w / img.width, h / img.height)
        size = (max(1, int(img.width * scale)), max(1, int(img.height * scale)))
        fitted = img.resize(size, Image.Resampling.LANCZOS)
        self.image.paste(fitted, (x + (w - size[0]) // 2, y + (h - size[1]) // 2), fitted)


def render_with_layout(
    attendee: AttendeeInfo,
    template: Template,
    event_name: str = "",
    event_date: str = "",
    dpi: int | None = None,
    logo: Image.Image | None = None,
) -> tuple[Image.Image, list[Placed]]:
    canvas = _Canvas(template, dpi or template.dpi)
    placed: list[Placed] = []
    values = {"event_name": event_name, "event_date": event_date}
    for e in template.elements:
        if e.type == "band":
            key = field_value(attendee, e.field, event_name, event_date) if e.field else ""
            canvas.band(e, key)
            if e.text:
                text = _fill(e.text, values | {"value": key})
                placed.append(canvas.text(e, text, e.text_color)) if text.strip() else None
        elif e.type == "text":
            placed.append(canvas.text(e, field_value(attendee, e.field, event_name, event_date), e.color))
        elif e.type == "fixed":
            placed.append(canvas.text(e, _fill(e.text, values), e.color))
        elif e.type == "qr":
            canvas.qr(e, attendee.code)
        elif e.type == "image":
            img = logo if e.source == "logo" else _image_file(e.source, str(template.path.parent))
            if img is not None:
                canvas.picture(e, img.convert("RGBA"))
    placed = [p for p in placed if p is not None]
    for p in placed:
        if p.ellipsized:
            log.warning(
                "badge for attendee %s: %s does not fit template %s even on %d lines at the minimum size; shortened",
                attendee.id, p.field, template.name, len(p.lines),
            )
    return canvas.image, placed


def render_badge(
    attendee: AttendeeInfo,
    template_name: str,
    event_name: str = "",
    event_date: str = "",
    dpi: int | None = None,
    *,
    logo: Image.Image | None = None,
) -> Image.Image:
    """The badge as an RGB image at the template's dpi (or ``dpi``)."""
    template = get_template(template_name or default_template_name())
    return render_with_layout(attendee, template, event_name, event_date, dpi, logo)[0]
