"""A small lossless PDF writer: one image per page, Flate-compressed, at an exact page size.

Pillow's own PDF output stores colour images as JPEG, which blurs QR codes and small text;
this writes the pixels losslessly and needs no Qt.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import BinaryIO

from PIL import Image

PT_PER_MM = 72 / 25.4


def write_pdf(out: BinaryIO, pages: Iterable[tuple[Image.Image, float, float]], title: str = "") -> int:
    """Write pages given as (image, width_mm, height_mm) to ``out``. Returns the page count."""
    offsets: list[int] = []
    written = 0

    def emit(data: bytes) -> None:
        nonlocal written
        out.write(data)
        written += len(data)

    def obj(number: int, body: bytes, stream: bytes | None = None) -> None:
        while len(offsets) < number:
            offsets.append(0)
        offsets[number - 1] = written
        emit(f"{number} 0 obj\n".encode() + body)
        if stream is not None:
            emit(b"\nstream\n" + stream + b"\nendstream")
        emit(b"\nendobj\n")

    emit(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    page_ids: list[int] = []
    next_id = 4  # 1 catalog, 2 pages, 3 info
    for image, w_mm, h_mm in pages:
        img = image if image.mode in ("RGB", "L") else image.convert("RGB")
        colour = b"/DeviceRGB" if img.mode == "RGB" else b"/DeviceGray"
        data = zlib.compress(img.tobytes(), 6)
        w_pt, h_pt = w_mm * PT_PER_MM, h_mm * PT_PER_MM
        image_id, content_id, page_id = next_id, next_id + 1, next_id + 2
        next_id += 3
        obj(
            image_id,
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8"
            b" /Filter /FlateDecode /Interpolate false /Length %d >>" % (img.width, img.height, colour, len(data)),
            data,
        )
        content = f"q {w_pt:.3f} 0 0 {h_pt:.3f} 0 0 cm /Im0 Do Q".encode()
        obj(content_id, b"<< /Length %d >>" % len(content), content)
        obj(
            page_id,
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w_pt:.3f} {h_pt:.3f}] /Contents {content_id} 0 R"
            f" /Resources << /XObject << /Im0 {image_id} 0 R >> >> >>".encode(),
        )
        page_ids.append(page_id)
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(2, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode())
    safe_title = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    obj(3, f"<< /Title ({safe_title.encode('ascii', 'replace').decode()}) /Producer (kiosk) >>".encode())
    xref_at = written
    emit(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        emit(f"{off:010d} 00000 n \n".encode())
    emit(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode())
    return len(page_ids)
