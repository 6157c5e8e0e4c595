"""Templates as data (user templates, clear errors), A4 sheets, lossless PDFs and tickets."""

from __future__ import annotations

import csv
import shutil
import stat
import subprocess

import pytest
import zxingcpp
from PIL import Image

from kiosk.badges.pdf import write_pdf
from kiosk.badges.render import list_templates, render_badge
from kiosk.badges.sheets import compose, layout
from kiosk.badges.templates import TemplateError, get_template, parse_template
from kiosk.badges.tickets import write_tickets
from tests.badges.test_render import person
from tests.conftest import need_service

USER_TEMPLATE = """
name = "club-card"
title = "Club card"
width_mm = 90
height_mm = 55
[[element]]
type = "text"
field = "full_name"
x_mm = 3
y_mm = 3
w_mm = 55
h_mm = 20
size_pt = [8, 20]
max_lines = 2
[[element]]
type = "qr"
x_mm = 60
y_mm = 5
size_mm = 28
"""


def rasterise(pdf_path, tmp_path, dpi=150) -> list[Image.Image]:
    if not shutil.which("pdftoppm"):
        need_service("pdftoppm", "install poppler-utils")
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf_path), str(prefix)], check=True)
    return [Image.open(p) for p in sorted(tmp_path.glob("page*.png"))]


def test_a_template_added_as_a_file_needs_no_code(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "badges"
    folder.mkdir(parents=True)
    (folder / "club.toml").write_text(USER_TEMPLATE, encoding="utf-8")
    assert "club-card" in [t.name for t in list_templates()]
    image = render_badge(person("Zoë", "Nwosu"), "club-card")
    assert image.size == (round(90 / 25.4 * 300), round(55 / 25.4 * 300))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [person().code]


@pytest.mark.parametrize(
    "text, message",
    [
        ('name = "x"\nwidth_mm = 50\nheight_mm = 50\n[[element]\n', "line 4"),
        ('name = "x"\nwidth_mm = 50\nheight_mm = 50\n[[element]]\ntype = "text"\nfield = "salary"\nx_mm = 0\ny_mm = 0\nw_mm = 10\nh_mm = 10\n',
         "element 1 (text): 'field' must be one of"),
        ('name = "x"\nwidth_mm = 50\nheight_mm = 50\n[[element]]\ntype = "qr"\nx_mm = 30\ny_mm = 30\nsize_mm = 30\n',
         "element 1 (qr): the element reaches outside"),
        ('name = "x"\nwidth_mm = 50\nheight_mm = 50\n[[element]]\ntype = "text"\nfield = "code"\nfont = "Comic.ttf"\nx_mm = 0\ny_mm = 0\nw_mm = 10\nh_mm = 10\n',
         "font 'Comic.ttf' is not in resources/fonts"),
        ('name = "x"\nwidth_mm = 50\nheight_mm = 50\n[[element]]\ntype = "band"\ncolors = { VIP = "purpleish" }\nx_mm = 0\ny_mm = 0\nw_mm = 10\nh_mm = 10\n',
         "'colors' is not a colour"),
        ('name = "none"\nwidth_mm = 50\nheight_mm = 50\n', "'name' must be"),
        ('name = "x"\nwidth_mm = 50\nheight_mm = 50\n', "needs at least one [[element]]"),
    ],
)
def test_template_mistakes_give_one_clear_line(tmp_path, text, message):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        parse_template(path)
    assert str(err.value).startswith("broken.toml") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_unknown_template_names_the_known_ones():
    with pytest.raises(TemplateError, match="No badge template named 'a7'.*a6"):
        get_template("a7")


def test_pdf_is_lossless_at_the_template_page_size(tmp_path):
    template = get_template("4x3in")  # 4 x 3 in at 300 dpi: exactly 1200 x 900 pixels
    image = render_badge(person(), "4x3in")
    out = tmp_path / "badge.pdf"
    with open(out, "wb") as fh:
        write_pdf(fh, [(image, template.width_mm, template.height_mm)], title="Badge (Åsa)")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "288 x 216 pts" in info
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert listing.splitlines()[2].split()[8] == "image"  # Flate, not "jpeg"
    subprocess.run(["pdfimages", "-png", str(out), str(tmp_path / "img")], check=True)
    embedded = Image.open(tmp_path / "img-000.png").convert("RGB")
    assert embedded.tobytes() == image.tobytes()  # pixel for pixel
    page = rasterise(out, tmp_path, dpi=300)[0]
    assert [r.text for r in zxingcpp.read_barcodes(page)] == [person().code]


def test_sheets_put_several_badges_on_a4_with_cut_marks(tmp_path):
    template = get_template("4x3in")
    plan = layout(template)
    assert plan.per_sheet >= 6
    badges = [render_badge(person(code=f"CODE{i:04d}ABCDEFGH"), "4x3in", dpi=150) for i in range(plan.per_sheet + 1)]
    sheets = list(compose(badges, template, 150))
    assert len(sheets) == 2 and sheets[0].size == (round(210 / 25.4 * 150), round(297 / 25.4 * 150))
    codes = sorted(r.text for r in zxingcpp.read_barcodes(sheets[0]))
    assert codes == sorted(f"CODE{i:04d}ABCDEFGH" for i in range(plan.per_sheet))
    # cut marks: ink in the margin on the line of the first badge's left and top edges
    x0, y0 = (round(v / 25.4 * 150) for v in plan.origin_mm)
    left = sheets[0].crop((x0 - 1, 0, x0 + 2, y0 - 2)).convert("L")
    top = sheets[0].crop((0, y0 - 1, x0 - 2, y0 + 2)).convert("L")
    assert left.getextrema()[0] < 80 and top.getextrema()[0] < 80


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_tickets_files_merged_pdf_and_mail_merge_csv(tmp_path, fmt):
    people = [
        person("Åsa", "Öberg", id=1, code="AAAAAAAAAAAAAAAAAAAAA", email="asa@example.org"),
        person("=cmd", "Evil", id=2, code="BBBBBBBBBBBBBBBBBBBBB", email="evil@example.org"),
        person("Дмитрий", "Иванов", id=3, code="CCCCCCCCCCCCCCCCCCCCC", email="d@example.org"),
    ]
    out = tmp_path / "tickets"
    result = write_tickets(people, out, "Forum", "26 November 2026", fmt)
    assert result.count == 3
    files = sorted(out.glob(f"*.{fmt}"))
    assert len(files) == 3 + (1 if fmt == "pdf" else 0)
    for path in [*out.iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    with open(result.csv, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["email"] for r in rows] == ["asa@example.org", "evil@example.org", "d@example.org"]
    assert rows[1]["name"] == "'=cmd Evil"  # no formula injection into the mail-merge sheet
    assert all((out / r["file"]).exists() for r in rows)
    (tmp_path / "merged").mkdir()
    pages = rasterise(result.merged_pdf, tmp_path / "merged", dpi=100)
    assert [zxingcpp.read_barcodes(p)[0].text for p in pages] == [p.code for p in people]
    (tmp_path / "one").mkdir()
    first_file = out / rows[0]["file"]
    one = Image.open(first_file) if fmt == "png" else rasterise(first_file, tmp_path / "one")[0]
    assert [r.text for r in zxingcpp.read_barcodes(one)] == ["AAAAAAAAAAAAAAAAAAAAA"]


def test_ticket_qr_is_big_with_strong_error_correction():
    ticket = get_template("ticket")
    qr = next(e for e in ticket.elements if e.type == "qr")
    assert qr.error_correction in ("Q", "H") and qr.box.w_mm >= 60


def test_logo_element_draws_the_event_logo_and_is_skipped_without_one(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "badges"
    folder.mkdir(parents=True)
    (folder / "logo.toml").write_text(
        USER_TEMPLATE.replace('name = "club-card"', 'name = "with-logo"')
        + '[[element]]\ntype = "image"\nsource = "logo"\nx_mm = 3\ny_mm = 30\nw_mm = 20\nh_mm = 20\n',
        encoding="utf-8",
    )
    red = Image.new("RGB", (50, 50), (200, 0, 0))
    centre = (round(13 / 25.4 * 300), round(40 / 25.4 * 300))
    assert render_badge(person(), "with-logo", logo=red).getpixel(centre) == (200, 0, 0)
    assert render_badge(person(), "with-logo").getpixel(centre) == (255, 255, 255)
