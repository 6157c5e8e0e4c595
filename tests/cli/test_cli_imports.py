"""``kiosk run`` is parsed without the other commands and the database code; every command line
parses, helps and fails exactly as with the whole parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.cli import build_parser, parse_arguments

HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "PIL", "qrcode", "kiosk.core.models", "kiosk.cli.badge_cmds",
         "kiosk.cli.import_cmds", "importlib.metadata")


def test_parsing_a_run_line_loads_no_database_or_badge_code():
    probe = (
        "import sys\n"
        "from kiosk.cli import parse_arguments\n"
        "args = parse_arguments(['--db', 'sqlite:///x.db', 'run', '--station', 'Desk 1'])\n"
        "assert args.command == 'run' and args.station == 'Desk 1' and args.db == 'sqlite:///x.db'\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


LINES = [
    ["run"],
    ["--db", "sqlite:///a.db", "--event", "Day 1", "run", "--mode", "self", "--station", "K", "--list", "Workshop"],
    ["--event", "run", "run"],  # an event named "run"
    ["run", "--self-test"],
    ["events", "list"],
    ["--event", "run", "events", "list"],
    ["checkin", "CODE-1"],
]


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_the_quick_parse_gives_what_the_whole_parser_gives(line):
    quick, whole = vars(parse_arguments(line)), vars(build_parser().parse_args(line))
    assert quick.pop("func").__name__ == whole.pop("func").__name__
    assert quick == whole


FAILING = [
    ["--help"],
    ["--version"],
    ["run", "--help"],
    ["run", "--bogus"],
    ["--bogus", "run"],
    ["--db", "", "run"],
    ["run", "--list", ""],
    ["rnu"],
    [],
]


@pytest.mark.parametrize("line", FAILING, ids=lambda line: " ".join(line) or "nothing")
def test_help_version_and_errors_read_as_before(line, capsys):
    with pytest.raises(SystemExit) as whole_exit:
        build_parser().parse_args(line)
    whole = capsys.readouterr()
    with pytest.raises(SystemExit) as quick_exit:
        parse_arguments(line)
    quick = capsys.readouterr()
    assert (quick.out, quick.err, quick_exit.value.code) == (whole.out, whole.err, whole_exit.value.code)
    assert quick.out or quick.err
