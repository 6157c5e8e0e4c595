"""QR codes as crisp Pillow images: whole pixels per module, a quiet zone, nothing else encoded."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from PIL import Image

LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


@lru_cache(maxsize=64)
def _modules(data: str, level: str) -> tuple[int, bytes]:
    qr = qrcode.QRCode(error_correction=LEVELS[level], border=0, box_size=1)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    return len(matrix), bytes(0 if dark else 255 for row in matrix for dark in row)


def qr_image(data: str, box_px: int, quiet_zone: int = 4, level: str = "M") -> Image.Image:
    """A square grey-scale image of at most ``box_px`` pixels: the code with its quiet zone.

    Each module is a whole number of pixels, so the code stays sharp at any dpi.
    """
    n, cells = _modules(data, level)
    module = box_px // (n + 2 * quiet_zone)
    if module < 1:
        raise ValueError(f"a {box_px}px box is too small for a {n}-module QR code")
    core = Image.frombytes("L", (n, n), cells).resize((n * module, n * module), Image.Resampling.NEAREST)
    side = (n + 2 * quiet_zone) * module
    out = Image.new("L", (side, side), 255)
    out.paste(core, (quiet_zone * module, quiet_zone * module))
    return out


def module_count(data: str, level: str = "M") -> int:
    return _modules(data, level)[0]
