"""Settings: declarations, the station TOML file (round trip, old INI converted once), event
settings in the database (audited, PIN hashed), and ``kiosk config show|set``."""

from __future__ import annotations

import json
import tomllib

import pytest
from sqlmodel import select

from kiosk.cli import main
from kiosk.core.models import AuditEntry, EventSetting
from kiosk.core.pin import PIN_KEY, verify_pin
from kiosk.settings import EVENT_SETTINGS, PAGES, SETTINGS, EventSettings, SettingError, StationSettings, lookup
from kiosk.settings import toml_text


@pytest.fixture(autouse=True)
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def test_every_setting_is_declared_with_type_default_description_and_page():
    for spec in list(SETTINGS.values()) + list(EVENT_SETTINGS.values()):
        assert spec.type in (str, int, bool, dict) and spec.description and spec.page in PAGES and spec.label
        assert isinstance(spec.default, spec.type)
        spec.validate(spec.default)  # every default passes its own check
    wanted = {"station/name", "database/url", "station/mode", "printing/printer", "printing/fallback",
              "printing/templates", "printing/auto_print", "camera/device", "sound/enabled", "station/language",
              "selfservice/idle_seconds", "scanner/gap_ms", "station/event"}
    assert wanted <= set(SETTINGS)
    assert {"event/logo_path", "event/badge_colours", "event/privacy_rules", "event/admin_pin"} == set(EVENT_SETTINGS)


@pytest.mark.parametrize(("key", "text", "value"), [
    ("scanner/gap_ms", " 55 ", 55),
    ("sound/enabled", "off", False),
    ("printing/auto_print", "Yes", True),
    ("station/mode", "self", "self"),
    ("printing/templates", "VIP=cr80; Staff = none", {"VIP": "cr80", "Staff": "none"}),
    ("station.name", "Desk 2", "Desk 2"),
])
def test_values_parse_through_the_declarations(key, text, value):
    assert lookup(key).parse(text) == value


@pytest.mark.parametrize(("key", "text", "message"), [
    ("scanner/gap_ms", "fast", "not a whole number"),
    ("scanner/gap_ms", "2", "outside 5-500"),
    ("sound/enabled", "maybe", "not on/off"),
    ("station/mode", "arcade", "not one of desk, self, dashboard"),
    ("printing/template", "poster", "no badge template named 'poster'"),
    ("printing/templates", "VIP", "not NAME=VALUE"),
    ("database/url", "kiosk.db", "database URL looks like"),
    ("event/badge_colours", "VIP=red", "not a colour"),
    ("event/admin_pin", "12", "4 to 12 digits"),
])
def test_bad_values_are_one_line_naming_the_key(key, text, message):
    with pytest.raises(SettingError) as caught:
        lookup(key).parse(text)
    assert message in str(caught.value) and str(caught.value).startswith(key.replace(".", "/")) and "\n" not in str(caught.value)


def test_unknown_key_lists_the_known_ones():
    with pytest.raises(SettingError, match="unknown setting 'printing/colour'.*printing/printer"):
        lookup("printing/colour")


def test_station_file_round_trip(config_home):
    s = StationSettings()
    assert s.path == config_home / "station.toml" and s.get("scanner/gap_ms") == 40  # defaults before any file
    s.set("station/name", 'Desk "North" — Åre')
    s.set("scanner/gap_ms", 70)
    s.set("sound/enabled", False)
    s.set("printing/templates", {"VIP guest": "cr80", "Staff": "none"})
    s.set_geometry("desk", b"\x01\x02\xff")
    s.sync()
    assert s.path.stat().st_mode & 0o777 == 0o600
    data = tomllib.loads(s.path.read_text(encoding="utf-8"))
    assert data["station"]["name"] == 'Desk "North" — Åre' and data["scanner"]["gap_ms"] == 70
    again = StationSettings()
    assert again.as_dict() == s.as_dict() and again.geometry("desk") == b"\x01\x02\xff"
    assert again.get("printing/templates") == {"VIP guest": "cr80", "Staff": "none"}
    with pytest.raises(SettingError):
        again.set("scanner/gap_ms", "70")  # a str is not a number; only parse() converts text


def test_toml_writer_escapes_what_tomllib_reads_back():
    tricky = {"t": {"quote": 'a "b" \\ c', "newline": "x\ny", "tab": "\t", "nested": {"key with space": "ü"}, "n": -3, "b": True}}
    assert tomllib.loads(toml_text.dumps(tricky)) == tricky


def test_hand_edited_values_fall_back_or_are_clamped_by_users(config_home):
    config_home.mkdir(parents=True)
    (config_home / "station.toml").write_text('[scanner]\ngap_ms = "lots"\n[selfservice]\nidle_seconds = 300\n[bogus]\nx = 1\n')
    s = StationSettings()
    assert s.get("scanner/gap_ms") == 40  # wrong type: the default
    assert s.get("selfservice/idle_seconds") == 300  # right type, out of range: clamped where used
    assert any("bogus/x" in p for p in s.problems)


def test_broken_file_means_defaults_not_a_crash(config_home):
    config_home.mkdir(parents=True)
    (config_home / "station.toml").write_text("[station\nname = ")
    s = StationSettings()
    assert s.get("station/name") == "" and s.problems


def test_old_ini_is_converted_once(config_home):
    config_home.mkdir(parents=True)
    (config_home / "station.ini").write_text(
        "[station]\nname=Desk 1\noperator=Tove\n\n[scanner]\ngap_ms=60\n\n[sound]\nenabled=false\n\n"
        "[printing]\nprinter=\"Zebra, front\"\n\n[geometry]\ndesk=@ByteArray(\\x1\\xd9)\n"
    )
    s = StationSettings()
    assert (s.get("station/name"), s.get("station/operator"), s.get("scanner/gap_ms")) == ("Desk 1", "Tove", 60)
    assert s.get("sound/enabled") is False and s.get("printing/printer") == "Zebra, front"
    assert (config_home / "station.toml").exists() and not (config_home / "station.ini").exists()
    assert (config_home / "station.ini.converted").exists()
    assert StationSettings().get("station/name") == "Desk 1"  # read from the TOML file now


def test_event_settings_live_in_the_database_and_are_audited(store, demo_event, actor):
    settings = EventSettings(store, demo_event)
    settings.set("event/badge_colours", {"Speaker": "#1f6feb"}, actor)
    settings.set("event/logo_path", "/srv/logo.png", actor)
    settings.set("event/admin_pin", "4711", actor)
    again = EventSettings(store, demo_event).as_dict()
    assert again == {"event/logo_path": "/srv/logo.png", "event/badge_colours": {"Speaker": "#1f6feb"}, "event/privacy_rules": {},
                     "event/admin_pin": True}
    assert verify_pin(store, demo_event, "4711")
    with store.read() as s:
        rows = {r.key: r.value for r in s.exec(select(EventSetting).where(EventSetting.event_id == demo_event))}
        trail = [json.loads(a.details) for a in s.exec(select(AuditEntry).where(AuditEntry.action == "settings"))]
    assert rows["logo_path"] == "/srv/logo.png" and rows[PIN_KEY].startswith("scrypt$") and "4711" not in rows[PIN_KEY]
    assert {"key": "event/badge_colours", "value": "Speaker=#1f6feb"} in trail
    assert {"key": "event/admin_pin", "value": "(changed)"} in trail
    assert "4711" not in json.dumps(trail)


def test_config_set_and_show(sqlite_url, capsys, config_home):
    assert main(["--db", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "config", "set", "printing.printer", "Front desk"]) == 0
    assert capsys.readouterr().out.strip() == "printing/printer = Front desk"
    assert StationSettings().get("printing/printer") == "Front desk"
    assert main(["--db", sqlite_url, "config", "set", "event/admin_pin", "2468"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "config", "show", "--json"]) == 0
    shown = {row["key"]: row for row in json.loads(capsys.readouterr().out)["settings"]}
    assert shown["printing/printer"]["value"] == "Front desk" and shown["event/admin_pin"]["value"] == "(set)"
    assert shown["scanner/gap_ms"]["type"] == "int" and shown["scanner/gap_ms"]["description"]
    assert main(["--db", sqlite_url, "config", "show"]) == 0
    text = capsys.readouterr().out
    assert "printing/printer" in text and "Front desk" in text and "2468" not in text
    from kiosk.core.store import open_store

    store = open_store(sqlite_url)
    with store.read() as s:
        trail = [json.loads(a.details) for a in s.exec(select(AuditEntry).where(AuditEntry.action == "settings"))]
    store.dispose()
    assert {"key": "printing/printer", "value": "Front desk"} in trail and "2468" not in json.dumps(trail)


@pytest.mark.parametrize(("args", "message"), [
    (["config", "set", "printing/colour", "x"], "unknown setting 'printing/colour'"),
    (["config", "set", "scanner/gap_ms", "fast"], "scanner/gap_ms: 'fast' is not a whole number"),
    (["config", "set", "selfservice/idle_seconds", "90"], "selfservice/idle_seconds: 90 is outside 20-30"),
])
def test_config_set_refuses_bad_input_in_one_line(sqlite_url, capsys, config_home, args, message):
    assert main(["--db", sqlite_url] + args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kiosk: ") and message in err and "\n" not in err
    assert not (config_home / "station.toml").exists()  # nothing written


def test_station_database_url_is_used_when_nothing_else_says(tmp_path, capsys, config_home):
    url = f"sqlite:///{tmp_path / 'station.db'}"
    assert main(["config", "set", "database/url", url]) == 0
    assert main(["demo"]) == 0
    assert (tmp_path / "station.db").exists()


def test_event_badge_colours_reach_the_printed_badge(store, demo_event):
    from kiosk.badges.context import badge_for, event_labels
    from kiosk.core import attendees

    person = attendees.list_all(store, demo_event)[0]
    plain, template, _ = badge_for(store, person.id, "a6")
    band = next(e for e in template.elements if e.type == "band")
    value = getattr(person, band.field)
    EventSettings(store, demo_event).set("event/badge_colours", {value: "#00ff00"})
    assert event_labels(store, demo_event).colours == {value: "#00ff00"}
    coloured, _, _ = badge_for(store, person.id, "a6")
    def green(image):
        return image.convert("RGB").getcolors(maxcolors=1 << 24)

    count = dict((c, n) for n, c in green(coloured)).get((0, 255, 0), 0)
    assert count > 1000 and (0, 255, 0) not in {c for _, c in green(plain)}


def test_event_settings_load_when_first_asked_for():
    """Reading the station's file loads no database code; ``EventSettings`` comes when asked."""
    import pytest

    import kiosk.settings
    from kiosk.settings.event import EventSettings

    assert kiosk.settings.EventSettings is EventSettings
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        kiosk.settings.Nothing  # noqa: B018
