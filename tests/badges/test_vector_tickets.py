"""Tickets as vector PDFs: small, quick, searchable, drawn like the picture ticket, the QR code
readable; a name the font cannot draw falls back to a picture page."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
from PIL import Image, ImageChops, ImageStat

from kiosk.badges.render import render_with_layout
from kiosk.badges.templates import get_template
from kiosk.badges.tickets import MERGED_NAME, write_tickets
from tests.badges.test_render import DATE, EVENT, decode, person
from tests.conftest import need_service

NAMES = [("Åsa", "Öberg"), ("Νικόλαος", "Παπαδόπουλος"), ("Дмитрий", "Иванов"), ("Nguyễn", "Thị Minh Khai"),
         ("Łukasz", "Żółć-Wiśniewski"), ("Maria Fernanda", "Álvarez de la Torre-Håkansson")]


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        need_service(tool, "apt-get install poppler-utils")
    return path


def people(names=NAMES):
    return [person(first, last, id=i + 1, code=f"KXN7Q2MZ4WPA3RT{i:06d}") for i, (first, last) in enumerate(names)]


def rendered(pdf, dpi: int, out) -> Image.Image:
    subprocess.run([poppler("pdftoppm"), "-r", str(dpi), "-png", "-singlefile", str(pdf), str(out)], check=True)
    return Image.open(f"{out}.png").convert("L")


def test_tickets_are_small_vector_pdfs_with_their_text_and_code(tmp_path):
    crowd = people()
    written = write_tickets(crowd, tmp_path / "t", EVENT, DATE)
    files = sorted(p for p in written.folder.glob("*.pdf") if p.name != MERGED_NAME)
    assert len(files) == len(crowd)
    for pdf, who in zip(sorted(files, key=lambda p: p.name.rsplit("-", 1)[1]), crowd):
        assert pdf.stat().st_size <= 30 * 1024, (pdf.name, pdf.stat().st_size)
        fonts = subprocess.run([poppler("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "CID TrueType" in fonts and "yes yes yes" in fonts  # embedded, a subset, with Unicode
        images = subprocess.run([poppler("pdfimages"), "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert len(images.strip().splitlines()) == 2  # the header only: no pictures, all vectors
        text = " ".join(subprocess.run([poppler("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
        assert f"{who.first_name} {who.last_name}" in text and who.code in text and EVENT in text
        page = rendered(pdf, 150, tmp_path / "page")
        assert decode(page) == [who.code]


def test_a_vector_ticket_looks_like_the_picture_ticket(tmp_path):
    who = people()[4]
    written = write_tickets([who], tmp_path / "t", EVENT, DATE)
    pdf = next(p for p in written.folder.glob("*.pdf") if p.name != MERGED_NAME)
    vector = rendered(pdf, 100, tmp_path / "v")
    template = get_template("ticket")
    picture, _ = render_with_layout(who, template, EVENT, DATE, dpi=100)
    picture = picture.convert("L").resize(vector.size)
    qr = next(e.box for e in template.elements if e.type == "qr")  # the same code, another (valid) module pattern
    box = [round(v / 25.4 * 100) for v in (qr.x_mm, qr.y_mm, qr.x_mm + qr.w_mm, qr.y_mm + qr.h_mm)]
    for image in (vector, picture):
        image.paste(255, box)
    below_band = (0, round(25 / 25.4 * 100), vector.width, vector.height)  # the words on white
    vector, picture = vector.crop(below_band), picture.crop(below_band)
    ink = 255 - ImageStat.Stat(picture).mean[0]
    difference = ImageStat.Stat(ImageChops.difference(vector, picture)).mean[0]
    assert difference < ink * 0.85, (difference, ink)  # the same words in about the same places
    assert abs((255 - ImageStat.Stat(vector).mean[0]) - ink) < ink / 4  # about as much ink


def test_a_letter_the_font_lacks_makes_that_ticket_a_picture(tmp_path):
    crowd = people([("Åsa", "Öberg"), ("山田", "太郎")])
    written = write_tickets(crowd, tmp_path / "t", EVENT, DATE)
    assert written.count == 2
    merged = written.folder / MERGED_NAME
    info = subprocess.run([poppler("pdfinfo"), str(merged)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info
    images = subprocess.run([poppler("pdfimages"), "-list", str(merged)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 3  # one picture page, one vector page


def test_two_thousand_tickets_stay_quick(tmp_path):
    crowd = [person("Anna", f"Andersson{i}", id=i + 1, code=f"KXN7Q2MZ4WPA{i:09d}") for i in range(300)]
    started = time.perf_counter()
    write_tickets(crowd, tmp_path / "t", EVENT, DATE)
    per_ticket = (time.perf_counter() - started) / len(crowd)
    assert per_ticket * 2000 <= 40, per_ticket  # the goal is 20 s (bench/bench_tickets.py); twice that on a busy test machine
