"""Real printers for the printing tests: the CUPS queue named by KIOSK_TEST_PRINTER (a cups-pdf
printer whose PDFs land in KIOSK_TEST_PDF_DIR). scripts/test sets both up."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from tests.conftest import need_service


@pytest.fixture
def cups_printer() -> str:
    name = os.environ.get("KIOSK_TEST_PRINTER")
    if not name or not os.environ.get("KIOSK_TEST_PDF_DIR"):
        need_service("CUPS test printer", "set KIOSK_TEST_PRINTER and KIOSK_TEST_PDF_DIR, or run scripts/test")
    if not shutil.which("pdftoppm"):
        need_service("pdftoppm", "install poppler-utils")
    return name


@pytest.fixture
def pdf_dir(cups_printer) -> Path:
    return Path(os.environ["KIOSK_TEST_PDF_DIR"])


def find_pdf(folder: Path, prefix: str, since: float, timeout: float = 30.0) -> Path:
    """The newest PDF cups-pdf wrote after ``since`` (a time.time()) whose name starts with
    ``prefix`` (badges are titled kiosk-badge-CODE)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hits = sorted(
            (p for p in folder.glob(f"{prefix}*.pdf") if p.stat().st_mtime >= since - 1), key=lambda p: p.stat().st_mtime
        ) if folder.is_dir() else []
        if hits and hits[-1].stat().st_size > 0:
            time.sleep(0.2)  # let cups-pdf finish writing
            return hits[-1]
        time.sleep(0.1)
    raise AssertionError(f"no PDF {prefix}* appeared in {folder} within {timeout:g} s")


def decode_pdf(pdf: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / f"raster-{pdf.stem[:40]}"
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(pdf), str(out)], check=True)
    page = next(tmp_path.glob(f"{out.name}*.png"))
    return [r.text for r in zxingcpp.read_barcodes(Image.open(page))]
