"""Badge rendering: every built-in template, long and short names, QR decoding, privacy, fonts."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from kiosk.badges import textfit
from kiosk.badges.render import default_template_name, field_value, list_templates, render_badge, render_with_layout
from kiosk.badges.templates import get_template
from kiosk.core.attendees import AttendeeInfo
from kiosk.core.models import BadgePrivacy

LONG_FIRST, LONG_LAST = "Maria Fernanda", "Álvarez de la Torre-Håkansson"
LONG_FULL = f"{LONG_FIRST} {LONG_LAST}"
EVENT, DATE = "Forum: Protecting Children Online", "26 November 2026"
BUILT_IN = ["a6", "4x3in", "cr80", "brother-62x100", "dymo-54x101"]


def person(first="Åsa", last="Öberg", org="Myndigheten för digital förvaltning", privacy=BadgePrivacy.FULL, **kw):
    values = dict(
        id=7, event_id=1, code="KXN7Q2MZ4WPA3RT5BCDEF", first_name=first, last_name=last, email="asa@example.org",
        organisation=org, job_title="Detective Inspector", category="Law enforcement", ticket_type="Speaker",
        notes="Staff note: must not print", alerts=(), badge_privacy=privacy, blocked=False, walk_in=False,
        checked_in_at=None, inside=False,
    )
    values.update(kw)
    return AttendeeInfo(**values)


def decode(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def all_text(placed) -> str:
    return " ".join(line for p in placed for line in p.lines)


def test_built_in_templates_are_listed_with_a_default():
    names = [t.name for t in list_templates()]
    assert names == sorted(BUILT_IN)
    assert default_template_name() == "a6"
    assert "ticket" not in names and [t.name for t in list_templates("ticket")] == ["ticket"]
    sizes = {t.name: (t.width_mm, t.height_mm) for t in list_templates()}
    assert sizes["a6"] == (105, 148) and sizes["cr80"] == (85.6, 54) and sizes["brother-62x100"] == (62, 100)
    assert sizes["4x3in"] == (101.6, 76.2) and sorted(sizes["dymo-54x101"]) == [54, 101]


def _name_parts(placed, fields=("first_name", "last_name", "full_name")):
    return [p for p in placed if p.field in fields]


def _assert_readable(template, placed, expected_words):
    parts = _name_parts(placed)
    assert parts, "no name on the badge"
    for p in parts:
        assert not p.ellipsized, f"{template.name}: {p.field} shortened to {p.lines}"
        assert p.size_px >= p.min_px, f"{template.name}: {p.field} below the minimum size"
        assert len(p.lines) <= 2
        element = next(e for e in template.elements if e.field == p.field)
        x, y, w, h = p.box
        for line in p.lines:  # not clipped: every line fits the element's box
            assert textfit.text_width(element.font, p.size_px, line) <= w
        assert len(p.lines) * textfit.line_height(element.font, p.size_px) <= h
    shown = " ".join(line for p in parts for line in p.lines).split()
    assert shown == expected_words


@pytest.mark.parametrize("name", BUILT_IN)
@pytest.mark.parametrize(
    "first, last",
    [(LONG_FIRST, LONG_LAST), (LONG_FULL, ""), ("X", ""), ("Q", "Li")],
    ids=["long-split", "long-in-one-field", "one-letter", "short"],
)
def test_names_are_never_clipped_and_qr_decodes(name, first, last, caplog):
    template = get_template(name)
    attendee = person(first, last)
    with caplog.at_level(logging.WARNING):
        image, placed = render_with_layout(attendee, template, EVENT, DATE)
    assert image.size == template.size_px()
    _assert_readable(template, placed, f"{first} {last}".split())
    assert decode(image) == [attendee.code]
    assert not [r for r in caplog.records if "shortened" in r.getMessage()]


@pytest.mark.parametrize("name", BUILT_IN)
def test_one_letter_name_is_large(name):
    template = get_template(name)
    _, placed = render_with_layout(person("X", ""), template, EVENT, DATE)
    first = _name_parts(placed)[0]
    element = next(e for e in template.elements if e.field == "first_name")
    assert first.lines == ("X",)
    assert first.size_px == round(element.size_pt[1] / 72 * template.dpi)  # the largest size


@pytest.mark.parametrize("name", BUILT_IN)
def test_qr_decodes_at_lower_dpi_and_carries_only_the_code(name):
    attendee = person(code="https://tickets.example.org/t?code=ABC")
    image = render_badge(person(), name, EVENT, DATE, dpi=150)
    assert decode(image) == [person().code]
    assert decode(render_badge(attendee, name, EVENT, DATE)) == [attendee.code]


def test_shrink_before_wrap_then_ellipsize_with_a_warning(caplog):
    template = get_template("cr80")
    _, placed = render_with_layout(person("Bartholomew", ""), template)
    assert _name_parts(placed)[0].lines == ("Bartholomew",)
    huge = " ".join(["Wolfeschlegelsteinhausenbergerdorff"] * 4)
    with caplog.at_level(logging.WARNING, logger="kiosk.badges.render"):
        image, placed = render_with_layout(person(huge, ""), template)
    first = _name_parts(placed)[0]
    assert first.ellipsized and first.lines[-1].endswith("…") and first.size_px == first.min_px
    assert any("shortened" in r.getMessage() and "attendee 7" in r.getMessage() for r in caplog.records)
    assert huge not in caplog.text  # the warning names the attendee by id, not by name
    assert decode(image) == [person().code]


@pytest.mark.parametrize("name", BUILT_IN)
def test_first_name_only_prints_no_surname(name):
    attendee = person("Åsa", "Öberg", privacy=BadgePrivacy.FIRST_NAME_ONLY)
    image, placed = render_with_layout(attendee, get_template(name), EVENT, DATE)
    text = all_text(placed)
    assert "Åsa" in text and "Öberg" not in text
    assert "Myndigheten" in text
    assert decode(image) == [attendee.code]


@pytest.mark.parametrize("name", BUILT_IN)
def test_no_organisation_prints_no_employer_role_or_sector(name):
    attendee = person(org="Polismyndigheten", privacy=BadgePrivacy.NO_ORGANISATION)
    _, placed = render_with_layout(attendee, get_template(name), EVENT, DATE)
    text = all_text(placed)
    assert "Åsa" in text and "Öberg" in text
    for secret in ("Polismyndigheten", "Detective", "Law enforcement", "Staff note"):
        assert secret not in text


def test_full_privacy_shows_organisation_and_never_notes():
    _, placed = render_with_layout(person(org="Polismyndigheten"), get_template("a6"), EVENT, DATE)
    text = all_text(placed)
    assert "Polismyndigheten" in text and "Detective Inspector" in text and "Staff note" not in text


def test_field_value_privacy_rules():
    p = person(privacy=BadgePrivacy.FIRST_NAME_ONLY)
    assert (field_value(p, "first_name"), field_value(p, "last_name"), field_value(p, "full_name")) == ("Åsa", "", "Åsa")
    only_last = person("", "Nakamura")
    assert field_value(only_last, "first_name") == "Nakamura" and field_value(only_last, "last_name") == ""
    assert field_value(replace(only_last, badge_privacy=BadgePrivacy.FIRST_NAME_ONLY), "full_name") == ""


def test_ticket_type_picks_the_band_colour():
    template = get_template("a6")
    band = [e for e in template.elements if e.type == "band"][0]
    y = round((band.box.y_mm + 1) / 25.4 * template.dpi)
    vip = render_badge(person(ticket_type="VIP"), "a6")
    other = render_badge(person(ticket_type="Mystery"), "a6")
    assert vip.getpixel((5, y)) == (0x6C, 0x34, 0x83)
    assert other.getpixel((5, y)) == (0x34, 0x49, 0x5E)


@pytest.mark.parametrize("font_name", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])
def test_bundled_fonts_cover_latin_extended_greek_and_cyrillic(font_name):
    font = textfit.font(font_name, 40)

    def glyph(ch: str) -> bytes:
        image = Image.new("L", (60, 60))
        ImageDraw.Draw(image).text((10, 5), ch, font=font, fill=255)
        return image.tobytes()

    missing = glyph("\ue000")  # a private-use code point: the .notdef box
    for ch in "åäöøłőűŁŐžčşğıễƯđßÆΑλφΩЖжЩыЁё":
        assert glyph(ch) != missing, f"{font_name} lacks {ch!r}"


def test_names_in_other_scripts_render_and_decode():
    for first, last in (("Νικόλαος", "Παπαδόπουλος"), ("Дмитрий", "Иванов"), ("Nguyễn", "Thị Minh Khai"), ("Łukasz", "Żółć")):
        image, placed = render_with_layout(person(first, last), get_template("4x3in"), EVENT, DATE)
        assert not any(p.ellipsized for p in placed)
        assert decode(image) == [person().code]


def test_badges_and_queue_import_no_qt():
    import subprocess
    import sys

    code = "import sys, kiosk.badges.render, kiosk.badges.tickets, kiosk.badges.context, kiosk.core.printqueue; " \
           "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
