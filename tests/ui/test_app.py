"""Start-up: station identity asked once and remembered, geometry remembered, modes, sounds,
and ``kiosk decode``."""

from __future__ import annotations

import wave

from PIL import Image

from kiosk.app import StationDialog, station_identity
from kiosk.cli import main
from kiosk.core.checkin import ResultKind
from kiosk.ui.result_state import ResultState
from kiosk.settings import StationSettings
from kiosk.ui.sounds import SoundBoard, sound_file
from tests.scanning.frames import qr_image
from tests.ui.conftest import OFFSCREEN_NOISE, on_modal

pytestmark = OFFSCREEN_NOISE


def test_flags_preset_the_station_and_it_is_remembered(qapp, tmp_path):
    settings = StationSettings(tmp_path / "s.toml")
    actor = station_identity(settings, "Desk 3", "Lena", ask=False)
    assert (actor.station, actor.operator) == ("Desk 3", "Lena")
    again = station_identity(StationSettings(tmp_path / "s.toml"), None, None, ask=False)
    assert (again.station, again.operator) == ("Desk 3", "Lena")
    assert (tmp_path / "s.toml").stat().st_mode & 0o077 == 0


def test_first_start_asks_once(qtbot, tmp_path):
    settings = StationSettings(tmp_path / "s.toml")

    def answer(dialog: StationDialog):
        dialog.accept()  # no name: refused
        assert dialog.error.isVisible()
        dialog.station.setText("Entrance B")
        dialog.operator.setText("Omar")
        dialog.accept()

    handled = on_modal(StationDialog, answer)
    actor = station_identity(settings, None, None)
    assert handled and (actor.station, actor.operator) == ("Entrance B", "Omar")
    # The second start does not ask (no dialog is answered: it would hang the test).
    assert station_identity(StationSettings(tmp_path / "s.toml"), None, None).station == "Entrance B"


def test_cancelled_first_start_opens_nothing(qtbot, tmp_path):
    on_modal(StationDialog, lambda d: d.reject())
    assert station_identity(StationSettings(tmp_path / "s.toml"), None, None) is None


def test_window_geometry_is_remembered(qtbot, make_desk, station_settings):
    first = make_desk()
    first.resize(790, 640)  # fits the offscreen screen (800x800)
    qtbot.waitUntil(lambda: first.width() == 790)
    first.close()
    second = make_desk()
    assert (second.width(), second.height()) == (790, 640)


def test_unknown_mode_is_one_clear_line(capsys):
    assert main(["run", "--mode", "arcade"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kiosk: Unknown mode 'arcade'") and "desk" in err and "\n" not in err


def test_decode_prints_the_code_or_exits_4(tmp_path, capsys, qapp):
    good = tmp_path / "ticket.png"
    qr_image("TICKET-CODE-77").save(str(good))
    assert main(["decode", str(good)]) == 0
    assert capsys.readouterr().out.strip() == "TICKET-CODE-77"

    blank = tmp_path / "blank.jpg"
    Image.new("RGB", (640, 480), "white").save(blank)
    assert main(["decode", str(blank)]) == 4
    assert "no code found" in capsys.readouterr().err

    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    assert main(["decode", str(junk)]) == 2
    assert main(["decode", str(tmp_path / "missing.png")]) == 2
    err = capsys.readouterr().err
    assert "not an image" in err and "no such file" in err and "Traceback" not in err


def test_result_states_know_colour_sound_and_dismissal():
    assert ResultState.of(ResultKind.CHECKED_IN) is ResultState.SUCCESS
    assert ResultState.of(ResultKind.ALREADY_CHECKED_IN) is ResultState.WARNING
    assert ResultState.of(ResultKind.UNKNOWN_CODE) is ResultState.ERROR
    assert ResultState.of(ResultKind.OTHER_EVENT) is ResultState.ERROR
    assert ResultState.of(ResultKind.ANNULLED) is ResultState.INFO
    assert len({s.background for s in ResultState}) == len(ResultState)
    assert [ResultState.SUCCESS.sound, ResultState.WARNING.sound, ResultState.ERROR.sound] == ["success", "warning", "error"]
    assert all(s.dismiss_ms and s.dismiss_ms <= 10_000 for s in ResultState if s is not ResultState.OFFLINE)
    assert ResultState.OFFLINE.dismiss_ms is None and all(s.interruptible for s in ResultState)


def test_sounds_are_short_distinct_wavs():
    frames = {}
    for state in (ResultState.SUCCESS, ResultState.WARNING, ResultState.ERROR):
        with wave.open(str(sound_file(state))) as w:
            assert w.getnchannels() == 1 and w.getsampwidth() == 2
            seconds = w.getnframes() / w.getframerate()
            assert 0.1 < seconds < 0.6
            frames[state] = w.readframes(w.getnframes())
            assert max(abs(int.from_bytes(frames[state][i:i + 2], "little", signed=True)) for i in range(0, len(frames[state]), 2)) < 32000
    assert len(set(frames.values())) == 3


def test_soundboard_plays_the_state_sound(qapp):
    board = SoundBoard(enabled=False)
    board.play(ResultState.WARNING)
    board.play(ResultState.SUCCESS)
    assert board.played == ["warning", "success"]
