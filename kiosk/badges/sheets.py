"""Several badges on one A4 sheet, with cut marks, for batch pre-printing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PIL import Image, ImageDraw

from kiosk.badges.templates import Template

A4_MM = (210.0, 297.0)
MARGIN_MM = 8.0
GAP_MM = 6.0
MARK_MM = 3.5
MARK_OFFSET_MM = 1.0


@dataclass(frozen=True)
class SheetLayout:
    columns: int
    rows: int
    rotate: bool
    badge_mm: tuple[float, float]
    origin_mm: tuple[float, float]

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


def layout(template: Template, sheet_mm: tuple[float, float] = A4_MM) -> SheetLayout:
    """As many badges as fit the sheet (turned a quarter if that fits more), centred."""
    best = None
    for rotate in (False, True):
        w, h = (template.height_mm, template.width_mm) if rotate else (template.width_mm, template.height_mm)
        cols = int((sheet_mm[0] - 2 * MARGIN_MM + GAP_MM) // (w + GAP_MM))
        rows = int((sheet_mm[1] - 2 * MARGIN_MM + GAP_MM) // (h + GAP_MM))
        if best is None or cols * rows > best.per_sheet:
            used_w, used_h = cols * w + (cols - 1) * GAP_MM, rows * h + (rows - 1) * GAP_MM
            origin = ((sheet_mm[0] - used_w) / 2, (sheet_mm[1] - used_h) / 2)
            best = SheetLayout(cols, rows, rotate, (w, h), origin)
    if best.per_sheet < 1:
        raise ValueError(f"template {template.name} is larger than the sheet")
    return best


def compose(badges: Iterable[Image.Image], template: Template, dpi: int, sheet_mm: tuple[float, float] = A4_MM) -> Iterator[Image.Image]:
    """Yield A4 sheet images holding the given badge images (all rendered at ``dpi``)."""
    plan = layout(template, sheet_mm)

    def px(mm: float) -> int:
        return round(mm / 25.4 * dpi)

    sheet, draw, slot = None, None, 0
    for badge in badges:
        if sheet is None:
            sheet = Image.new("RGB", (px(sheet_mm[0]), px(sheet_mm[1])), "#ffffff")
            draw = ImageDraw.Draw(sheet)
        col, row = slot % plan.columns, slot // plan.columns
        x_mm = plan.origin_mm[0] + col * (plan.badge_mm[0] + GAP_MM)
        y_mm = plan.origin_mm[1] + row * (plan.badge_mm[1] + GAP_MM)
        img = badge.transpose(Image.Transpose.ROTATE_90) if plan.rotate else badge
        img = img.resize((px(plan.badge_mm[0]), px(plan.badge_mm[1])), Image.Resampling.NEAREST) if img.size != (
            px(plan.badge_mm[0]), px(plan.badge_mm[1])) else img
        sheet.paste(img, (px(x_mm), px(y_mm)))
        _cut_marks(draw, px, x_mm, y_mm, *plan.badge_mm)
        slot += 1
        if slot == plan.per_sheet:
            yield sheet
            sheet, slot = None, 0
    if sheet is not None:
        yield sheet


def _cut_marks(draw: ImageDraw.ImageDraw, px, x: float, y: float, w: float, h: float) -> None:
    width = max(1, px(0.2))
    o, m = MARK_OFFSET_MM, MARK_MM
    for cx in (x, x + w):
        for cy in (y, y + h):
            dy = -1 if cy == y else 1
            dx = -1 if cx == x else 1
            draw.line((px(cx), px(cy + dy * o), px(cx), px(cy + dy * (o + m))), fill="#000000", width=width)
            draw.line((px(cx + dx * o), px(cy), px(cx + dx * (o + m)), px(cy)), fill="#000000", width=width)
