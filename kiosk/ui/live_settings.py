"""Station settings applied to a running station, without a restart: printers, templates,
auto-print, sounds and the scanner thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.settings import StationSettings

PRINT_KEYS = {"printing/printer", "printing/fallback"}


@dataclass
class LiveParts:
    """What a station window runs on that a setting can change."""

    settings: StationSettings
    printing: object | None = None  # PrintOptions / KioskPrinting
    worker: object | None = None  # PrintWorker
    sounds: object | None = None  # SoundBoard
    wedge: object | None = None  # WedgeDetector

    def apply(self, keys: list[str] | None = None) -> None:
        s = self.settings
        keys = set(keys) if keys is not None else None

        def changed(*names: str) -> bool:
            return keys is None or bool(keys.intersection(names))

        if self.printing is not None:
            self.printing.template = s.get("printing/template")
            self.printing.templates = dict(s.get("printing/templates"))
            self.printing.auto_print = s.get("printing/auto_print")
            self.printing.printer = s.get("printing/printer")
        if self.worker is not None and changed(*PRINT_KEYS):
            self.worker.set_printer(s.get("printing/printer"), s.get("printing/fallback"))
        if self.sounds is not None and changed("sound/enabled"):
            self.sounds.enabled = s.get("sound/enabled")
        if self.wedge is not None and changed("scanner/gap_ms", "scanner/min_length"):
            self.wedge.gap_ms = s.get("scanner/gap_ms")
            self.wedge.min_length = s.get("scanner/min_length")
