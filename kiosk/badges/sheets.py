"""Several badges on one A4 sheet, with cut marks, for batch pre-printing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PIL import Image, ImageDraw

from kiosk.badges.templates import Template

A4_MM = (210.0, 297.0)
#: Badges sit edge to edge (one guillotine cut between neighbours); the cut marks are in the
#: margin around the block, on every grid line.
MARGIN_MM = 3.0
GAP_MM = 0.0
MARK_MM = 4.0
MARK_OFFSET_MM = 0.8


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
    """As many badges as fit the sheet (turned a quarter if that fits more), centred.

    A template with its own white margin needs less of the sheet's (A6 goes four to an A4).
    """
    best = None
    margin = max(0.0, MARGIN_MM - template.margin_mm)
    for rotate in (False, True):
        w, h = (template.height_mm, template.width_mm) if rotate else (template.width_mm, template.height_mm)
        cols = int((sheet_mm[0] - 2 * margin + GAP_MM + 1e-6) // (w + GAP_MM))
        rows = int((sheet_mm[1] - 2 * margin + GAP_MM + 1e-6) // (h + GAP_MM))
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
        slot += 1
        if slot == plan.per_sheet:
            _cut_marks(draw, px, plan, sheet_mm)
            yield sheet
            sheet, slot = None, 0
    if sheet is not None:
        _cut_marks(draw, px, plan, sheet_mm)
        yield sheet


def _cut_marks(draw: ImageDraw.ImageDraw, px, plan: SheetLayout, sheet_mm: tuple[float, float]) -> None:
    """Short lines in the margin on the extension of every cut line."""
    width = max(1, px(0.2))
    (x0, y0), (w, h) = plan.origin_mm, plan.badge_mm
    x1, y1 = x0 + plan.columns * w, y0 + plan.rows * h
    off = MARK_OFFSET_MM
    top_len, side_len = min(MARK_MM, y0 - off), min(MARK_MM, x0 - off)
    for i in range(plan.columns + 1):
        x = x0 + i * w
        if top_len > 0.5:
            draw.line((px(x), px(y0 - off - top_len), px(x), px(y0 - off)), fill="#000000", width=width)
            draw.line((px(x), px(y1 + off), px(x), px(y1 + off + top_len)), fill="#000000", width=width)
    for j in range(plan.rows + 1):
        y = y0 + j * h
        if side_len > 0.5:
            draw.line((px(x0 - off - side_len), px(y), px(x0 - off), px(y)), fill="#000000", width=width)
            draw.line((px(x1 + off), px(y), px(x1 + off + side_len), px(y)), fill="#000000", width=width)
