"""Station settings applied to a running station, without a restart: printers, templates,
auto-print, sounds and the scanner thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.settings import StationSettings

PRINT_KEYS = {"printing/printer", "printing/fallback"}


@dataclass
class StationPrinting:
    """How a station prints badges, read from its settings; the desk and the kiosk share it."""

    template: str = "a6"
    auto_print: bool = True
    printer: str = ""
    #: The kiosk may offer a reprint on amber only when the station allows it.
    allow_reprint: bool = False
    #: Set when the printing module is present (``wake()`` after enqueueing).
    worker: object | None = None
    #: Badge template per ticket type (the station setting printing/templates); others: ``template``.
    templates: dict = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: StationSettings) -> StationPrinting:
        printing = cls()
        printing.load(settings)
        return printing

    def load(self, settings: StationSettings) -> None:
        self.template = settings.get("printing/template")
        self.templates = dict(settings.get("printing/templates"))
        self.auto_print = settings.get("printing/auto_print")
        self.printer = settings.get("printing/printer")
        self.allow_reprint = settings.get("selfservice/allow_reprint")

    def template_for(self, ticket_type: str | None) -> str:
        return self.templates.get(ticket_type or "", self.template)


@dataclass
class LiveParts:
    """What a station window runs on that a setting can change."""

    settings: StationSettings
    printing: StationPrinting | None = None
    worker: object | None = None  # PrintWorker
    sounds: object | None = None  # SoundBoard
    wedge: object | None = None  # WedgeDetector

    def apply(self, keys: list[str] | None = None) -> None:
        s = self.settings
        keys = set(keys) if keys is not None else None

        def changed(*names: str) -> bool:
            return keys is None or bool(keys.intersection(names))

        if self.printing is not None:
            self.printing.load(s)
        if self.worker is not None and changed(*PRINT_KEYS):
            self.worker.set_printer(s.get("printing/printer"), s.get("printing/fallback"))
        if self.sounds is not None and changed("sound/enabled"):
            self.sounds.enabled = s.get("sound/enabled")
        if self.wedge is not None and changed("scanner/gap_ms", "scanner/min_length"):
            self.wedge.gap_ms = s.get("scanner/gap_ms")
            self.wedge.min_length = s.get("scanner/min_length")
