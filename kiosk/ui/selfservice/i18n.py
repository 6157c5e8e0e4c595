"""The kiosk's language: English built in, Swedish from a compiled translation when present.

Switching installs (or removes) a ``QTranslator``; Qt then sends every widget a
``LanguageChange`` event and the pages word themselves again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from kiosk.paths import resource
from kiosk.ui import locale_format

LANGUAGES = ("en", "sv")
#: Each language's name in itself, as the language button shows it.
NATIVE_NAMES = {"en": "English", "sv": "Svenska"}


class LanguageSwitch(QObject):
    """The kiosk's language button. It owns the application's one translator, so a kiosk
    started in Swedish ($KIOSK_LANG=sv) switches to English and back like any other."""

    def __init__(self, translations_dir: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.translations_dir = Path(translations_dir) if translations_dir else resource("translations")
        self.current = locale_format.current_language()

    def other(self) -> str:
        return "sv" if self.current == "en" else "en"

    def set(self, language: str) -> None:
        """Apply at once. Without a Swedish translation file the texts stay English, but the
        switch still reports the change (LanguageChange is sent either way)."""
        language = language if language in LANGUAGES else "en"
        if language == self.current:
            return
        app = QCoreApplication.instance()
        qm = str(self.translations_dir / f"kiosk_{language}.qm")
        locale_format.use_language(app, language, qm)
        self.current = language
        if not self.translated:
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
            for widget in _top_levels():
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))

    @property
    def translated(self) -> bool:
        return locale_format.current_language() != "en"


def _top_levels():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()
