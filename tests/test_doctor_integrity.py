"""kiosk doctor runs quick_check on a SQLite database: a damaged file blocks check-in (exit 1)."""

from __future__ import annotations

from kiosk.cli import main
from kiosk.core.demo import create_demo
from kiosk.core.store import open_store
from tests.core.sqlite_damage import damage_an_index


def integrity_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.split()[1:3] == ["database", "integrity"]]


def test_a_sound_database_passes_quick_check(sqlite_url, capsys):
    store = open_store(sqlite_url)
    create_demo(store, attendees=20)
    store.dispose()
    assert main(["--db", sqlite_url, "doctor", "--no-hardware"]) == 0
    [line] = integrity_lines(capsys.readouterr().out)
    assert line.split()[0] == "ok" and line.endswith("quick_check ok")


def test_a_damaged_database_is_a_problem_in_one_line(tmp_path, capsys):
    db = tmp_path / "ev.db"
    store = open_store(f"sqlite:///{db}")
    create_demo(store, attendees=60)
    store.dispose()
    damage_an_index(db)

    assert main(["--db", f"sqlite:///{db}", "doctor", "--no-hardware"]) == 1
    [line] = integrity_lines(capsys.readouterr().out)
    assert line.split()[0] == "problem"
    assert f"The database {db} is damaged (" in line and line.endswith("restore a backup with 'kiosk db restore FILE'")
