"""The barcode decoder (zxing-cpp), shared by the camera and ``kiosk decode``. No Qt here.

A frame arrives as raw memory (a luminance plane, or packed RGB/YUV pixels); ``decode_view``
reads it in place, without copying or converting the whole picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import zxingcpp

_B = zxingcpp.BarcodeFormat
#: What tickets carry: 2D codes first, and the common 1D ones printed on older tickets.
FORMATS = (_B.QRCode, _B.MicroQRCode, _B.DataMatrix, _B.Aztec, _B.PDF417, _B.Code128, _B.Code39, _B.EAN13, _B.ITF)


class DecodeError(Exception):
    """The image could not be read at all (missing file, not a picture)."""


@dataclass(frozen=True)
class Plane:
    """Pixels in memory: ``pix_stride`` bytes between pixels, ``offset`` to the luminance/first byte."""

    data: object  # any buffer
    width: int
    height: int
    row_stride: int
    image_format: zxingcpp.ImageFormat = zxingcpp.ImageFormat.Lum
    pix_stride: int = 0
    offset: int = 0


def decode_plane(plane: Plane) -> list[str]:
    """Every code found in the pixels, in reading order."""
    buffer = memoryview(plane.data).cast("B")
    if plane.offset:
        buffer = buffer[plane.offset:]
    needed = plane.row_stride * (plane.height - 1) + max(plane.pix_stride, 1) * plane.width
    buffer = buffer[: max(needed, 0)]
    view = zxingcpp.ImageView(buffer, plane.width, plane.height, plane.image_format, plane.row_stride, plane.pix_stride)
    return [b.text for b in zxingcpp.read_barcodes(view, formats=FORMATS) if b.valid and b.text]


def decode_file(path: str | Path) -> list[str]:
    """Codes in a still image or photo (any format Pillow reads)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            gray = ImageOps.exif_transpose(img).convert("L")
    except FileNotFoundError:
        raise DecodeError(f"{path}: no such file") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise DecodeError(f"{path}: not an image ({exc.__class__.__name__})") from None
    codes = [b.text for b in zxingcpp.read_barcodes(gray, formats=FORMATS) if b.valid and b.text]
    if not codes and max(gray.size) > 2000:  # big phone photos: a smaller copy often reads better
        gray.thumbnail((1600, 1600))
        codes = [b.text for b in zxingcpp.read_barcodes(gray, formats=FORMATS) if b.valid and b.text]
    return codes
