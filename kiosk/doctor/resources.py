"""What ships with the kiosk: fonts that can draw every name, badge templates, sounds,
translations and the icon."""

from __future__ import annotations

import wave
from pathlib import Path

from kiosk.doctor.report import OK, PROBLEM, WARNING, Check
from kiosk.i18n import tr


#: Letters a badge must be able to show: Nordic, Polish, Hungarian, German, Greek, Cyrillic.
COVERAGE = "åäöÅÄÖøæłŁőűßΑαΩωЖжЩщЯя"
SOUNDS = ("success", "warning", "error")


def missing_glyphs(font_path: Path, letters: str = COVERAGE) -> str:
    """The letters the font has no glyph for (it would draw its 'missing' box instead)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), 48)

    def pixels(ch: str) -> bytes:
        image = Image.new("L", (96, 96))
        ImageDraw.Draw(image).text((16, 8), ch, font=font, fill=255)
        return image.tobytes()

    notdef = pixels("\U0010fffd")  # a private-use code point: no font draws it
    return "".join(ch for ch in letters if pixels(ch) == notdef)


def check_fonts() -> list[Check]:
    from kiosk.paths import resource

    fonts = sorted(resource("fonts").glob("*.ttf")) + sorted(resource("fonts").glob("*.otf"))
    if not fonts:
        return [Check("fonts", "fonts", PROBLEM, tr("no fonts in {folder}: badges cannot be drawn").format(folder=resource("fonts")))]
    checks = []
    for path in fonts:
        try:
            missing = missing_glyphs(path)
        except Exception as exc:
            checks.append(Check("fonts", path.name, PROBLEM, tr("does not load: {error}").format(error=exc)))
            continue
        if missing:
            checks.append(Check("fonts", path.name, WARNING, tr("cannot draw {letters}").format(letters=missing)))
        else:
            checks.append(Check("fonts", path.name, OK, tr("loads; covers å ł ő ß, Greek and Cyrillic")))
    return checks


def check_templates() -> list[Check]:
    try:
        from kiosk.badges.render import list_templates

        names = [t.name for t in list_templates()]
    except Exception as exc:  # a template with a mistake names its file and element
        return [Check("resources", "badge templates", PROBLEM, str(exc))]
    from kiosk.badges.templates import template_problems

    skipped = [Check("resources", p.split(":", 1)[0], WARNING, tr("{problem} (skipped)").format(problem=p)) for p in template_problems()]
    if not names:
        return [Check("resources", "badge templates", PROBLEM, tr("none found")), *skipped]
    return [Check("resources", "badge templates", OK, ", ".join(names)), *skipped]


def check_sounds() -> list[Check]:
    from kiosk.paths import resource

    bad = []
    for name in SOUNDS:
        try:
            with wave.open(str(resource("sounds", f"{name}.wav"))) as w:
                if w.getnframes() == 0:
                    bad.append(tr("{sound} (empty)").format(sound=name))
        except (OSError, EOFError, wave.Error):
            bad.append(name)
    if bad:
        return [Check("resources", "sounds", WARNING, tr("missing or unreadable: {sounds} (results stay silent)").format(sounds=", ".join(bad)))]
    return [Check("resources", "sounds", OK, ", ".join(SOUNDS))]


def check_translations() -> list[Check]:
    from kiosk.paths import resource

    found = sorted(p.stem.removeprefix("kiosk_") for p in resource("translations").glob("kiosk_*.qm"))
    if not found:
        return [Check("resources", "translations", WARNING, tr("none found: the app speaks English only"))]
    return [Check("resources", "translations", OK, ", ".join(found))]


def check_icons() -> list[Check]:
    from kiosk.paths import resource

    icon = resource("icons", "kiosk-256.png")
    return [Check("resources", "icon", OK if icon.is_file() else WARNING, str(icon) if icon.is_file() else tr("missing"))]
