"""Makes the app icon's PNGs (64, 128, 256 px) and kiosk.ico from the same drawing as kiosk.svg.

Run it again after changing the motif: ``python resources/icons/make_icons.py``.
The motif: a green name badge with a lanyard slot and a white disc carrying a check mark.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
GREEN = (0x1F, 0x6F, 0x4A, 255)
WHITE = (255, 255, 255, 255)
SLOT = (255, 255, 255, 217)
SIZES = (64, 128, 256)
SCALE = 4  # draw at 4x and shrink: smooth edges without an SVG renderer


def draw(size: int) -> Image.Image:
    k = size * SCALE / 256  # the drawing's coordinates are those of the 256-unit SVG
    big = Image.new("RGBA", (round(256 * k), round(256 * k)), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)
    d.rounded_rectangle([28 * k, 12 * k, 228 * k, 244 * k], radius=32 * k, fill=GREEN)
    slot = Image.new("RGBA", big.size, (0, 0, 0, 0))
    ImageDraw.Draw(slot).rounded_rectangle([100 * k, 32 * k, 156 * k, 48 * k], radius=8 * k, fill=SLOT)
    big.alpha_composite(slot)
    d.ellipse([56 * k, 72 * k, 200 * k, 216 * k], fill=WHITE)
    points = [(92 * k, 146 * k), (118 * k, 172 * k), (166 * k, 118 * k)]
    width = 20 * k
    d.line(points, fill=GREEN, width=round(width), joint="curve")
    for x, y in (points[0], points[-1]):  # round caps
        r = width / 2
        d.ellipse([x - r, y - r, x + r, y + r], fill=GREEN)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        image.save(HERE / f"kiosk-{size}.png", optimize=True)
    images[256].save(HERE / "kiosk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
