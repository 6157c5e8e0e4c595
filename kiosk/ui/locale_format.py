"""The screens' language and the way they write times and dates.

``install_language`` loads ``kiosk_<lang>.qm`` and Qt's own ``qtbase_<lang>.qm`` (the standard
buttons: Cancel, Close, Save ...) into the application and makes the language's
QLocale the default, so every ``time_text``/``date_time_text`` follows it: Swedish writes
09:05 and 2026-11-26 09:05; English follows the computer's English locale (9:05 AM in the US,
09:05 in the UK), and a computer without one (the C locale) gets the British style.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator

from kiosk import i18n

#: The locale of each language when the computer's own locale is another language.
DEFAULT_LOCALES = {"en": "en_GB", "sv": "sv_SE"}

_installed: list[QTranslator] = []
_language = "en"


def qt_translations_dirs() -> list[str]:
    """Where Qt's own translations (qtbase_<lang>.qm: OK, Cancel, Close, Save ...) are: Qt's
    translations folder, and the one inside the PySide6 package (wheel or frozen bundle)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(package / "Qt" / "translations"),
            str(package / "translations")]


def _qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    translator = QTranslator(app)
    for folder in qt_translations_dirs():
        if translator.load(f"qtbase_{language}", folder):
            return translator
    return None


def locale_for(language: str) -> QLocale:
    system = QLocale.system()
    if i18n.language_of(system.name()) == language:
        return system
    return QLocale(DEFAULT_LOCALES.get(language, "en_GB"))


def install_language(app: QCoreApplication, preferred: str | None = None) -> str:
    """Translate the application into $KIOSK_LANG / the station's language / the computer's
    (in that order); returns the language used ('en' when there is no translation for it)."""
    return use_language(app, i18n.language(preferred))


def use_language(app: QCoreApplication, language: str, qm_file: str | None = None) -> str:
    """Translate the application into exactly ``language``, replacing the one installed before
    (one translator at a time, whoever asks: the start-up or the kiosk's language button)."""
    global _language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != "en":
        translator = QTranslator(app)
        if translator.load(qm_file or str(i18n.qm_file(language))):
            qt_own = _qt_translator(app, language)  # Qt's standard buttons and dialogs
            for one in (qt_own, translator):  # the last installed is asked first: ours
                if one is not None:
                    app.installTranslator(one)
                    _installed.append(one)
        else:
            language = "en"
    _language = language
    QLocale.setDefault(locale_for(language))
    i18n.use_application()
    return language


def current_language() -> str:
    """The language the screens speak now."""
    return _language


def _local(at: datetime, tz: tzinfo | None) -> datetime:
    return at.astimezone(tz) if tz is not None else at


def time_text(at: datetime | None, tz: tzinfo | None = None, missing: str = "?", seconds: bool = False) -> str:
    """Hours and minutes (and seconds) in the current language's style (``at`` shown in ``tz``)."""
    if at is None:
        return missing
    local = _local(at, tz)
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "ss" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return locale.toString(QTime(local.hour, local.minute, local.second if seconds else 0), pattern)


def date_text(day: date | None, missing: str = "?") -> str:
    if day is None:
        return missing
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def date_time_text(at: datetime | None, tz: tzinfo | None = None, missing: str = "?") -> str:
    """A short date and time in the current language's style."""
    if at is None:
        return missing
    local = _local(at, tz)
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
