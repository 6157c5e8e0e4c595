"""The command line in Swedish, all of it: argparse's own words, every command's help, the
import preview, doctor and the self-test."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ENGLISH = ("usage:", "options:", "show this help message", "positional arguments", "error:")


def swedish(*args: str, db: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "kiosk"] + (["--db", db] if db else []) + list(args)
    env = dict(os.environ, KIOSK_LANG="sv", PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)


@pytest.fixture
def demo_db(tmp_path):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    subprocess.run([sys.executable, "-m", "kiosk", "--db", url, "demo", "--attendees", "12"], check=True, capture_output=True)
    return url


def test_help_is_swedish_down_to_argparse_words():
    top = swedish("--help")
    assert top.returncode == 0
    assert top.stdout.startswith("användning: kiosk")
    assert "positionsargument:" in top.stdout and "flaggor:" in top.stdout
    assert "visa den här hjälptexten och avsluta" in top.stdout
    assert "visa programmets versionsnummer och avsluta" in top.stdout
    for word in ENGLISH:
        assert word not in top.stdout, word
    sub = " ".join(swedish("import", "--help").stdout.split())  # as one line, whatever the wrapping
    assert "visa kopplingen, de första raderna och antalen; skriv ingenting" in sub
    assert "Importera deltagare från en export" in sub
    for word in ENGLISH:
        assert word not in sub, word


def test_a_usage_error_is_one_swedish_line():
    done = swedish("checkin")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == "kiosk checkin: fel: följande argument krävs: code"


def test_import_dry_run_speaks_swedish(tmp_path, demo_db):
    sheet = tmp_path / "lista.csv"
    sheet.write_text("Namn;E-post;Företag\nElin Ek;elin@example.org;Polisen\n", encoding="cp1252")
    done = swedish("import", str(sheet), "--dry-run", db=demo_db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "lista.csv: CSV (semikolonseparerad, Windows Latin-1 (CP1252))"
    assert lines[1] == "Kolumner:"
    assert "-> full_name (fullständigt namn)" in lines[2]
    assert "Första raderna (1):" in lines
    assert "provkörning, ingenting skrivet; skulle ha lagt till 1" in lines[-1]


def test_doctor_speaks_swedish(demo_db):
    done = swedish("doctor", "--no-hardware", db=demo_db)
    first = done.stdout.splitlines()[0].split()
    assert first[:2] == ["ok", "versioner"]
    assert "ansluten" in done.stdout and "redo för incheckning" in done.stdout
    assert "connected" not in done.stdout and "versions" not in done.stdout


@pytest.mark.slow
def test_self_test_speaks_swedish(demo_db):
    done = swedish("run", "--self-test", db=demo_db, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "självtest: 6 av 6 kontroller godkända"
    assert "deltagare indexerade" in done.stdout and "attendees indexed" not in done.stdout


def test_import_problem_lines_are_swedish(tmp_path, demo_db):
    sheet = tmp_path / "lista.csv"
    sheet.write_text("first_name,last_name,email,code\nAnna,Ek,fel-adress,K1\n,,x@example.se,K2\nBo,Lund,bo@example.se,K1\n"
                     "Dan,Holm,dan@example.se,K5\nEva,Ek,dan@example.se,K6\n", encoding="utf-8")
    done = swedish("import", str(sheet), db=demo_db)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "lista.csv:2: e-post: 'fel-adress' är inte en giltig e-postadress",
        "lista.csv:3: namn: saknas",
        "lista.csv:4: biljettkod: 'K1' används redan på rad 2",
        "lista.csv:6: e-post: varning: finns även på rad 5 (en köpare med flera biljetter går bra)",
        "kiosk: lista.csv: 3 problem på 3 av 5 rader; ingenting importerades (rätta filen, eller använd --skip-invalid "
        "för att importera de giltiga raderna)",
    ]
    # a file that cannot be imported at all: one Swedish line
    broken = tmp_path / "trasig.csv"
    broken.write_text('first_name,last_name\n"Anna,Ek\n', encoding="utf-8")
    done = swedish("import", str(broken), db=demo_db)
    assert done.returncode == 2
    assert done.stderr.strip() == ("kiosk: trasig.csv:2: ett citattecken som öppnas på den här raden stängs aldrig "
                                   "(det löper till filens slut, rad 2)")
    # --json keeps the core's English: it is data
    done = swedish("import", str(sheet), "--json", db=demo_db)
    assert '"message": "is missing"' in done.stdout and '"field": "name"' in done.stdout
