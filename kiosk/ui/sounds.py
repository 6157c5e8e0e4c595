"""Result sounds (QSoundEffect), one per ResultState, loaded once and played without delay."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl

from kiosk.paths import resource
from kiosk.ui.result_state import ResultState


def sound_file(state: ResultState):
    return resource("sounds", f"{state.sound}.wav")


class SoundBoard(QObject):
    """Plays the state's sound. Disabled (silent) when asked, or when there is no audio output."""

    def __init__(self, parent: QObject | None = None, enabled: bool = True, volume: float = 0.8):
        super().__init__(parent)
        self.enabled = enabled
        self.volume = volume
        self._effects: dict[str, object] = {}
        self._checked = False
        self.played: list[str] = []  # the last few sounds asked for (status and tests)

    def _effect(self, name: str):
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if not self._checked:
            self._checked = True
            if not QMediaDevices.audioOutputs():
                self.enabled = False
                return None
        effect = self._effects.get(name)
        if effect is None:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource("sounds", f"{name}.wav"))))
            effect.setVolume(self.volume)
            self._effects[name] = effect
        return effect

    def preload(self) -> None:
        if self.enabled:
            for state in ResultState:
                self._effect(state.sound)

    def play(self, state: ResultState) -> None:
        self.played = (self.played + [state.sound])[-10:]
        if not self.enabled:
            return
        effect = self._effect(state.sound)
        if effect is not None:
            effect.play()
