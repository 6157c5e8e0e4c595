"""Where bundled resources are (read-only): fonts, sounds, icons, templates, translations."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def resource_root() -> Path:
    if getattr(sys, "frozen", False):  # PyInstaller bundle
        return Path(getattr(sys, "_MEIPASS")) / "resources"
    try:  # an installed wheel carries resources/ as the package kiosk.resources
        return Path(str(resources.files("kiosk.resources")))
    except ModuleNotFoundError:  # a source tree or an editable install
        return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A file or folder under resources/."""
    return resource_root().joinpath(*parts)
