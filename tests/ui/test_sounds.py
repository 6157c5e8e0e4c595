"""The result sounds really play: QSoundEffect, the shipped WAVs, an audio output. The test run's
PulseAudio server has a null sink (scripts/test starts it); its monitor is recorded while the
SoundBoard plays, so the test hears what a speaker would get."""

from __future__ import annotations

import array
import os
import shutil
import subprocess
import time

import pytest

from kiosk.ui.result_state import ResultState
from kiosk.ui.sounds import SoundBoard
from tests.conftest import need_service

RATE = 22050


@pytest.fixture
def audio_sink(qapp) -> str:
    from PySide6.QtMultimedia import QMediaDevices

    sink = os.environ.get("KIOSK_TEST_AUDIO_SINK")
    if not sink or not shutil.which("parec"):
        need_service("audio output", "set KIOSK_TEST_AUDIO_SINK to a PulseAudio sink, or run scripts/test")
    if not QMediaDevices.audioOutputs():
        need_service("audio output Qt can use", f"PULSE_SERVER={os.environ.get('PULSE_SERVER')!r} has no sink for Qt")
    return sink


def loudness(raw: bytes) -> int:
    samples = array.array("h", raw[: len(raw) // 2 * 2])
    return max((abs(s) for s in samples), default=0)


def record_while(sink: str, qtbot, play) -> bytes:
    """What comes out of ``sink`` while ``play()`` runs and its sound lasts."""
    rec = subprocess.Popen(["parec", "-d", f"{sink}.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
                            "--channels=1", "--latency-msec=20"], stdout=subprocess.PIPE)
    try:
        time.sleep(0.3)  # the recording stream is up
        play()
        qtbot.wait(900)  # the longest sound is under 0.6 s
    finally:
        rec.terminate()
        out, _ = rec.communicate(timeout=10)
    return out


@pytest.mark.slow
def test_each_result_sound_comes_out_of_the_audio_output(qtbot, audio_sink):
    board = SoundBoard(enabled=True)
    board.preload()
    assert board.enabled  # an output was found
    effects = {}
    for state in (ResultState.SUCCESS, ResultState.WARNING, ResultState.ERROR):
        effect = board._effect(state.sound)
        qtbot.waitUntil(lambda e=effect: e.status() == e.Status.Ready, timeout=5000)
        effects[state] = effect
    assert loudness(record_while(audio_sink, qtbot, lambda: None)) < 50  # silence before

    for state, effect in effects.items():
        started = []
        effect.playingChanged.connect(lambda e=effect: started.append(e.isPlaying()))
        heard = record_while(audio_sink, qtbot, lambda s=state: board.play(s))
        assert started[:1] == [True], state
        assert loudness(heard) > 2000, state  # the WAVs peak around 0.5 of full scale
    assert board.played[-3:] == ["success", "warning", "error"]


def test_disabled_board_stays_silent(qtbot, audio_sink):
    board = SoundBoard(enabled=False)
    heard = record_while(audio_sink, qtbot, lambda: board.play(ResultState.ERROR))
    assert loudness(heard) < 50 and board.played == ["error"]
