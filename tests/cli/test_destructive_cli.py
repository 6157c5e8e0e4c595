"""Commands that delete, anonymise or overwrite: an empty value is a usage error, never "absent".

An empty string must not fall through to another branch (``--export ""`` erasing the person,
``--event ""`` picking the newest event, ``--db ""`` opening the default database, ``--out ""``
writing into the current folder or sending a batch to the printer).
"""

import pytest

DEMO = "Forum: Protecting Children Online"


def one_usage_line(run, *needles):
    assert run.code == 2, (run.code, run.out, run.err)
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.err, run.err
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture
def people(kiosk, tmp_path, monkeypatch):
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")  # whatever a broken command writes lands here
    kiosk("demo", "--attendees", "6")
    return kiosk("attendees", "--json").json()


def test_person_empty_export_path_never_erases(kiosk, people):
    person = people[1]
    run = kiosk("person", person["code"], "--export", "", "--yes")
    one_usage_line(run, "--export", "empty")
    run = kiosk("person", person["code"], "--export", "   ", "--yes")
    one_usage_line(run, "--export", "empty")
    # export and erase are separate actions: never both, never neither
    one_usage_line(kiosk("person", person["code"], "--export", "x.json", "--erase", "--yes"), "not allowed")
    one_usage_line(kiosk("person", person["code"], "--yes"), "required")
    one_usage_line(kiosk("person", person["code"], "--event", "", "--erase", "--yes"), "--event", "empty")
    assert kiosk("attendees", "--json").json() == people
    assert kiosk("audit", "--json", "--action", "erase").json() == []


def test_purge_with_an_empty_event_or_database_purges_nothing(kiosk, people):
    one_usage_line(kiosk("purge", "--event", "", "--yes"), "--event", "empty")
    one_usage_line(kiosk("--event", "", "purge", "--yes"), "--event", "empty")
    one_usage_line(kiosk("purge", "--expired", "--event", "", "--yes"), "--event", "empty")
    one_usage_line(kiosk("--db", "", "purge", "--yes"), "--db", "empty")
    one_usage_line(kiosk("--db", "", "db", "upgrade"), "--db", "empty")
    assert kiosk("attendees", "--json").json() == people


def test_empty_output_paths_are_usage_errors(kiosk, people, tmp_path):
    one_usage_line(kiosk("tickets", "--out", ""), "--out", "empty")
    one_usage_line(kiosk("badge", people[0]["code"], "--out", ""), "--out", "empty")
    # without the check an empty --out sent the whole batch to the printer
    one_usage_line(kiosk("print", "--all", "--out", ""), "--out", "empty")
    one_usage_line(kiosk("export", "attendees", ""), "FILE", "empty")
    one_usage_line(kiosk("import", ""), "FILE", "empty")
    one_usage_line(kiosk("decode", ""), "image", "empty")
    one_usage_line(kiosk("demo", "--reset", "--name", ""), "--name", "empty")
    assert kiosk("audit", "--json", "--action", "export").json() == []
    assert list((tmp_path / "cwd").iterdir()) == []  # nothing written into the current folder
    assert kiosk("attendees", "--json").json() == people


def test_pin_cannot_be_blanked_from_the_command_line(kiosk, people):
    assert kiosk("admin", "set-pin", "2468").code == 0
    one_usage_line(kiosk("admin", "set-pin", ""), "PIN")
    one_usage_line(kiosk("config", "set", "event/admin_pin", ""), "PIN")
    one_usage_line(kiosk("config", "set", "", "x"), "")
    pin_changes = kiosk("audit", "--json", "--action", "pin_set").json()
    assert len(pin_changes) == 1
