"""kiosk doctor: versions, database, printers, fonts and resources, each ok/warning/problem."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text

from kiosk.cli import main
from kiosk.core.demo import create_demo
from kiosk.core.migrate import head_revision
from kiosk.core.store import open_store
from kiosk.doctor import OK, PROBLEM, WARNING, check_cameras, check_printers, missing_glyphs, run_checks
from kiosk.paths import resource
from tests.conftest import need_service

STATUSES = {OK, WARNING, PROBLEM}


def by_name(report) -> dict[tuple[str, str], object]:
    return {(c.area, c.name): c for c in report.checks}


def test_a_ready_database_on_each_engine(store, demo_event):
    report = run_checks(store.url, hardware=False)
    checks = by_name(report)
    assert checks[("database", "engine")].status == OK
    assert checks[("database", "engine")].detail.startswith(store.dialect)
    assert checks[("database", "reachable")].status == OK
    assert checks[("database", "schema")].detail == f"current ({head_revision()})"
    assert checks[("database", "events")].detail == "1"
    assert checks[("versions", "zxing-cpp")].status == OK
    assert report.ok and report.exit_code == 0


def test_json_output_and_exit_code(sqlite_url, capsys):
    store = open_store(sqlite_url)
    create_demo(store, attendees=5)
    store.dispose()
    assert main(["--db", sqlite_url, "doctor", "--json", "--no-hardware"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"ok", "problems", "warnings", "checks"}
    assert data["ok"] is True and data["problems"] == 0
    for check in data["checks"]:
        assert set(check) == {"area", "name", "status", "detail"}
        assert check["status"] in STATUSES
    areas = {c["area"] for c in data["checks"]}
    assert {"versions", "folders", "database", "fonts", "resources"} <= areas
    names = {c["name"] for c in data["checks"] if c["area"] == "versions"}
    assert {"kiosk", "Python", "PySide6", "SQLAlchemy", "zxing-cpp", "Pillow"} <= names


def test_unreachable_database_is_a_problem_and_hides_the_password(capsys):
    url = "postgresql+psycopg://staff:s3cret@127.0.0.1:1/kiosk"
    assert main(["--db", url, "doctor", "--no-hardware"]) == 1
    out = capsys.readouterr().out
    assert "s3cret" not in out
    lines = out.strip().splitlines()
    assert any(line.split()[:3] == ["problem", "database", "reachable"] for line in lines)
    assert lines[-1] == "1 problem(s): check-in is blocked"
    assert all(line.split()[0] in STATUSES for line in lines[:-1])


def test_no_database_file_yet_is_only_a_warning(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    report = run_checks(url, hardware=False)
    assert by_name(report)[("database", "reachable")].status == WARNING
    assert not (tmp_path / "new.db").exists()  # the doctor looks, it does not create
    assert report.exit_code == 0


def test_a_schema_from_a_newer_version_is_a_problem(sqlite_url):
    store = open_store(sqlite_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    store.dispose()
    report = run_checks(sqlite_url, hardware=False)
    schema = by_name(report)[("database", "schema")]
    assert schema.status == PROBLEM and "0099_future" in schema.detail
    assert report.exit_code == 1


def test_an_older_schema_is_a_warning(sqlite_url):
    store = open_store(sqlite_url)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    store.dispose()
    schema = by_name(run_checks(sqlite_url, hardware=False))[("database", "schema")]
    assert schema.status == WARNING and schema.detail.startswith("empty")


def test_bundled_fonts_cover_the_letters_and_a_missing_glyph_is_seen():
    fonts = sorted(resource("fonts").glob("*.ttf"))
    assert fonts
    for font in fonts:
        assert missing_glyphs(font) == ""
    assert missing_glyphs(fonts[0], "aå中") == "中"  # DejaVu has no CJK: the check can fail


def test_fonts_and_resources_are_ok(sqlite_url):
    checks = by_name(run_checks(sqlite_url, hardware=False))
    assert checks[("fonts", "DejaVuSans.ttf")].status == OK
    assert checks[("resources", "sounds")].status == OK
    assert "a6" in checks[("resources", "badge templates")].detail


def _lpstat(*args: str) -> str:
    return subprocess.run(["lpstat", *args], capture_output=True, text=True, env=os.environ | {"LC_ALL": "C"}).stdout


def test_printers_are_listed_with_the_state_cups_reports(qapp):
    printer = os.environ.get("KIOSK_TEST_PRINTER")
    if not printer or not shutil.which("lpstat"):
        need_service("printer", "set KIOSK_TEST_PRINTER to a CUPS queue")
    # What CUPS itself says, read independently of Qt: "printer NAME is idle.", "... now printing
    # ...", "... disabled since ...".
    cups = {}
    for line in _lpstat("-p").splitlines():
        m = re.match(r"printer (\S+) (?:is (idle)|(now printing)|(disabled))", line)
        if m:
            cups[m[1]] = "idle" if m[2] else "printing" if m[3] else "stopped or in error"
    default = re.search(r"system default destination: (\S+)", _lpstat("-d"))
    assert printer in cups  # scripts/test enables its queue
    checks = {c.name: c for c in check_printers()}
    for name, state in cups.items():
        is_default = default is not None and default[1] == name
        assert checks[name].detail == state + (", default" if is_default else "")
        assert checks[name].status == (OK if state in ("idle", "printing") else WARNING)
    if default is None:
        assert checks["default"].status == WARNING and checks["default"].detail.startswith("no system default")
    else:
        assert "default" not in checks


def test_text_output_one_line_per_check(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "doctor", "--no-hardware"]) == 0  # a database not made yet: a warning only
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "ready for check-in"
    assert all(line.split()[0] in STATUSES for line in lines[:-1])
    assert any(line.split()[:3] == ["warning", "database", "reachable"] for line in lines)


def test_the_media_backend_is_found_and_the_cameras_are_those_of_the_machine(qapp):
    checks = check_cameras()
    assert (checks[0].name, checks[0].status) == ("media backend", OK)  # the Qt wheel ships FFmpeg
    devices = sorted(Path("/dev").glob("video*"))
    if not devices:  # a test machine without a camera: one warning, never a problem
        assert [(c.name, c.status) for c in checks[1:]] == [("cameras", WARNING)]
        assert checks[1].detail == "none found: scan with a USB scanner or search by name"
    else:
        assert checks[1:] and all(c.status == OK for c in checks[1:])
