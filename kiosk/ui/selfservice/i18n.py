"""The kiosk's language: English built in, Swedish from a compiled translation when present.

Switching installs (or removes) a ``QTranslator``; Qt then sends every widget a
``LanguageChange`` event and the pages word themselves again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator

from kiosk.paths import resource

LANGUAGES = ("en", "sv")
#: Each language's name in itself, as the language button shows it.
NATIVE_NAMES = {"en": "English", "sv": "Svenska"}


class LanguageSwitch(QObject):
    def __init__(self, translations_dir: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.translations_dir = Path(translations_dir) if translations_dir else resource("translations")
        self.current = "en"
        self._translator: QTranslator | None = None

    def other(self) -> str:
        return "sv" if self.current == "en" else "en"

    def set(self, language: str) -> None:
        """Apply at once. Without a Swedish translation file the texts stay English, but the
        switch still reports the change (LanguageChange is sent either way)."""
        language = language if language in LANGUAGES else "en"
        if language == self.current:
            return
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if language != "en":
            translator = QTranslator(self)
            if translator.load(f"kiosk_{language}", str(self.translations_dir)):
                app.installTranslator(translator)
                self._translator = translator
        self.current = language
        from kiosk import i18n
        from kiosk.ui.locale_format import locale_for

        QLocale.setDefault(locale_for(language))
        i18n.use_application()
        if self._translator is None:
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
            for widget in _top_levels():
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))

    @property
    def translated(self) -> bool:
        return self._translator is not None


def _top_levels():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()
