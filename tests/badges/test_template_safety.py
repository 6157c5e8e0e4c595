"""Badge templates cannot reach outside their folder, hang on a FIFO, load huge files or pages,
and one broken user template never takes the others (or the built-in a6) down with it."""

from __future__ import annotations

import json
import logging
import os
import threading

import pytest
import zxingcpp
from PIL import Image

from kiosk.badges.render import list_templates, render_badge
from kiosk.badges.templates import TemplateError, get_template, parse_template, template_problems
from kiosk.cli import main
from kiosk.doctor import WARNING, check_templates
from tests.badges.test_render import person
from tests.badges.test_templates_and_files import USER_TEMPLATE

RED = (200, 0, 0)
CENTRE = (round(13 / 25.4 * 300), round(40 / 25.4 * 300))


def with_image(source: str, name: str = "pictured") -> str:
    return (USER_TEMPLATE.replace('name = "club-card"', f'name = "{name}"')
            + f'[[element]]\ntype = "image"\nsource = "{source}"\nx_mm = 3\ny_mm = 30\nw_mm = 20\nh_mm = 20\n')


def page(width: float, height: float, dpi: int = 300, font: str = "DejaVuSans.ttf") -> str:
    return (f'name = "x"\nwidth_mm = {width}\nheight_mm = {height}\ndpi = {dpi}\n[[element]]\ntype = "text"\n'
            f'field = "code"\nfont = "{font}"\nx_mm = 0\ny_mm = 0\nw_mm = 10\nh_mm = 10\n')


@pytest.fixture
def user_badges(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "badges"
    folder.mkdir(parents=True)
    return folder


def refused(path, message: str) -> str:
    with pytest.raises(TemplateError) as err:
        parse_template(path)
    text = str(err.value)
    assert text.startswith(path.name) and message in text and "\n" not in text, text
    return text


def test_an_image_next_to_the_template_is_drawn(user_badges):
    Image.new("RGB", (40, 40), RED).save(user_badges / "pic.png")
    (user_badges / "pictured.toml").write_text(with_image("pic.png"))
    assert render_badge(person(), "pictured").getpixel(CENTRE) == RED


@pytest.mark.parametrize("where", ["relative", "absolute", "symlink"])
def test_an_image_outside_the_template_folder_is_refused(user_badges, tmp_path, where):
    secret = tmp_path / "secret.png"
    Image.new("RGB", (40, 40), RED).save(secret)
    source = {"relative": os.path.relpath(secret, user_badges), "absolute": str(secret), "symlink": "link.png"}[where]
    if where == "symlink":
        (user_badges / "link.png").symlink_to(secret)
    (user_badges / "pictured.toml").write_text(with_image(source))
    refused(user_badges / "pictured.toml", "is outside the template's folder")
    assert "pictured" not in [t.name for t in list_templates()]
    assert render_badge(person(), "a6").size == get_template("a6").size_px()


def test_an_image_swapped_for_a_fifo_after_loading_does_not_hang(user_badges):
    Image.new("RGB", (40, 40), RED).save(user_badges / "pic.png")
    (user_badges / "pictured.toml").write_text(with_image("pic.png", "fifo-later"))
    template = get_template("fifo-later")
    (user_badges / "pic.png").unlink()
    os.mkfifo(user_badges / "pic.png")
    results: list = []
    worker = threading.Thread(target=lambda: results.append(render_badge(person(), template.name)), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader before failing
        with open(user_badges / "pic.png", "wb"):
            pass
        pytest.fail("rendering hung on a FIFO")
    assert results[0].getpixel(CENTRE) == (255, 255, 255)  # left out, the rest drawn
    assert [r.text for r in zxingcpp.read_barcodes(results[0])] == [person().code]


def test_a_fifo_or_folder_as_image_is_refused(user_badges):
    os.mkfifo(user_badges / "pipe.png")
    (user_badges / "fifo.toml").write_text(with_image("pipe.png", "fifo"))
    refused(user_badges / "fifo.toml", "is not a regular file")
    (user_badges / "folder.png").mkdir()
    (user_badges / "fifo.toml").write_text(with_image("folder.png", "fifo"))
    refused(user_badges / "fifo.toml", "is not a regular file")


def test_oversized_images_are_refused(user_badges, caplog):
    (user_badges / "huge.png").write_bytes(b"\x89PNG" + bytes(11 * 1024 * 1024))
    (user_badges / "huge.toml").write_text(with_image("huge.png", "huge"))
    refused(user_badges / "huge.toml", "larger than 10 MB")
    Image.new("1", (12000, 12000)).save(user_badges / "bomb.png")  # a few kB, 144 million pixels
    assert (user_badges / "bomb.png").stat().st_size < 1024 * 1024
    (user_badges / "huge.toml").write_text(with_image("bomb.png", "huge"))
    with caplog.at_level(logging.WARNING):
        image = render_badge(person(), "huge")
    assert image.getpixel(CENTRE) == (255, 255, 255)
    assert "bomb.png" in caplog.text and "pixels" in caplog.text


@pytest.mark.parametrize("font, message", [
    ("../../../../../../../../etc/passwd", "is not in resources/fonts"),
    ("/etc/passwd", "is not in resources/fonts"),
    ("LICENSE-DejaVu.txt", "is not a font"),
])
def test_a_font_must_be_a_shipped_font(tmp_path, font, message):
    path = tmp_path / "font.toml"
    path.write_text(page(50, 50, font=font))
    refused(path, message)


@pytest.mark.parametrize("width, height, dpi, message", [
    (100000, 50, 300, "'width_mm' must be at most 1000"),
    (50, 100000, 300, "'height_mm' must be at most 1000"),
    ("nan", 50, 300, "'width_mm' must be a number"),
    ("inf", 50, 300, "'width_mm' must be a number"),
    (900, 900, 1200, "'dpi': a 900x900 mm page at 1200 dpi"),
])
def test_page_size_and_dpi_have_sane_limits(tmp_path, width, height, dpi, message):
    path = tmp_path / "big.toml"
    path.write_text(page(width, height, dpi))
    refused(path, message)


def test_a_broken_user_template_is_skipped_with_a_warning(user_badges, caplog, capsys):
    (user_badges / "club.toml").write_text(USER_TEMPLATE)
    (user_badges / "broken.toml").write_text(page(100000, 50))
    os.mkfifo(user_badges / "pipe.toml")  # read as a template, a FIFO would hang
    with caplog.at_level(logging.WARNING):
        names = [t.name for t in list_templates()]
    assert {"a6", "club-card"} <= set(names) and "x" not in names
    assert "broken.toml" in caplog.text and "skipped" in caplog.text
    assert any(p.startswith("broken.toml: 'width_mm'") for p in template_problems())
    assert "pipe.toml: the file is not a regular file" in template_problems()
    assert render_badge(person(), "a6").size == get_template("a6").size_px()
    assert render_badge(person(), "club-card").size == get_template("club-card").size_px()
    with pytest.raises(TemplateError, match="broken.toml: 'width_mm'"):
        get_template("broken")  # asked for by its file name: the reason, not "unknown"

    assert main(["badge", "--list-templates"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[0].split("\t")[0] == "4x3in" and "club-card\t" in out.out
    assert "broken.toml" in out.err and "broken.toml" not in out.out
    checks = [c for c in check_templates() if c.status == WARNING]
    assert checks and "broken.toml" in checks[0].detail


def test_a_broken_template_does_not_break_the_doctor_json(user_badges, capsys):
    (user_badges / "broken.toml").write_text("this is not toml")
    assert main(["doctor", "--json", "--no-hardware"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    details = {(c["area"], c["name"], c["status"]): c["detail"] for c in report["checks"]}
    assert "a6" in details[("resources", "badge templates", "ok")]
    assert any("broken.toml" in d for (area, _, status), d in details.items() if area == "resources" and status == "warning")
