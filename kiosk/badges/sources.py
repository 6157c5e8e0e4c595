"""The files a badge template reads: the template itself, its images and its fonts. No Qt.

A template may only reach files in its own folder and in the shipped resources (symbolic links
are followed first, so a link cannot lead out). Only regular files are read (a FIFO or a device
would hang or never end), opened without blocking and checked again once open, and each kind
has a size limit; an image's pixel count is checked before it is decoded.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageFont

MB = 1024 * 1024
MAX_TEMPLATE_BYTES = 1 * MB
MAX_IMAGE_BYTES = 10 * MB
MAX_FONT_BYTES = 20 * MB
MAX_IMAGE_PIXELS = 40_000_000


class SourceError(ValueError):
    """Why a file may not be read, as the end of a one-line message."""


def confined(path: Path, roots: Iterable[Path]) -> Path:
    """``path`` with links resolved, if it lies inside one of ``roots``; SourceError otherwise."""
    real = Path(os.path.realpath(path))
    for root in roots:
        if real.is_relative_to(os.path.realpath(root)):
            return real
    raise SourceError("is outside the template's folder and the shipped resources")


def _limit_text(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit // 1024} kB"


def check_regular(path: Path, limit: int) -> os.stat_result:
    """The file's status if it is a regular file of at most ``limit`` bytes (no opening)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("is not a regular file")
    if info.st_size > limit:
        raise SourceError(f"is larger than {_limit_text(limit)}")
    return info


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; SourceError for anything else."""
    check_regular(path, limit)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())  # what was opened, in case it changed since the check
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("is not a regular file")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise SourceError(f"is larger than {_limit_text(limit)}")
    return data


def load_image(path: Path, roots: Iterable[Path] | None = None) -> Image.Image:
    """An image file as RGBA; SourceError (or a Pillow error) when it may not or cannot be read."""
    if roots is not None:
        path = confined(path, roots)
    data = read_regular(path, MAX_IMAGE_BYTES)
    with warnings.catch_warnings():  # Pillow's own warning for big images: the check below decides
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        im = Image.open(io.BytesIO(data))
    with im:
        if im.width * im.height > MAX_IMAGE_PIXELS:
            raise SourceError(f"has {im.width}x{im.height} pixels; at most {MAX_IMAGE_PIXELS // 1_000_000} million")
        return im.convert("RGBA")


def check_font(path: Path) -> None:
    """A regular file of at most 20 MB that FreeType reads as a font; SourceError otherwise."""
    data = read_regular(path, MAX_FONT_BYTES)
    try:
        ImageFont.truetype(io.BytesIO(data), 12)
    except OSError:
        raise SourceError("is not a font") from None
