"""Translating texts outside widgets: the command line, module-level texts of the screens, and
messages from kiosk.core worded for people.

The source texts are English; ``resources/translations/kiosk_<lang>.qm`` holds the others
(built by scripts/translations with pyside6-lupdate and pyside6-lrelease).

- In the windowed app a ``QCoreApplication`` exists and has the translator installed, so
  ``translate`` asks it (and follows a language switch at once).
- On the command line there is no application object: the .qm is loaded once, lazily, through
  QtCore's ``QTranslator`` alone (no QApplication, no widgets). Without PySide6, or for
  English, texts stay as written.

How lupdate finds texts: a bare ``tr("...")`` call is filed under the empty context, so ``tr``
here looks texts up there; ``translate("Context", "...")`` and
``QT_TRANSLATE_NOOP("Context", "...")`` carry their context. Texts must be literals (no
f-strings): fill values in afterwards with ``.format(...)``; a count goes in ``n`` and the
text says ``%n``.
"""

from __future__ import annotations

import os

#: Languages with a translation (English is the source language).
TRANSLATED = ("sv",)
LANGUAGES = ("en", *TRANSLATED)
ENV_LANG = "KIOSK_LANG"

_cli_translator = None  # None: not loaded yet; False: none to load (English, no file, no Qt)
_cli_language: str | None = None
#: "qt": ask the application's installed translators; "cli": our own translator, even when a
#: command made a QGuiApplication (to print, say). The windowed app and the command line set it.
_mode = "qt"


def use_command_line() -> None:
    """Texts follow $KIOSK_LANG / the locale variables through our own translator."""
    global _mode
    _mode = "cli"


def use_application() -> None:
    """Texts follow the translators installed in the QCoreApplication (the windowed app)."""
    global _mode
    _mode = "qt"


def language_of(value: str | None) -> str:
    """'sv' for sv, sv_SE, sv_FI.UTF-8, Swedish ...; 'en' for English; '' for anything else."""
    value = (value or "").strip().lower().replace("-", "_")
    if not value or value in ("c", "posix") or value.startswith("c."):
        return ""
    if value.startswith("sv") or value.startswith("swedish"):
        return "sv"
    if value.startswith("en") or value.startswith("english"):
        return "en"
    return ""


def language(preferred: str | None = None, environ: dict | None = None) -> str:
    """The language to use: $KIOSK_LANG, else ``preferred`` (a station setting), else the
    locale variables LC_ALL, LC_MESSAGES, LANG (the first that is set, as POSIX does).
    Languages without a translation, and no answer at all, mean English."""
    env = os.environ if environ is None else environ
    for candidate in (env.get(ENV_LANG), preferred):
        found = language_of(candidate)
        if found:
            return found
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return language_of(env[name]) or "en"
    return "en"


def translations_dir():
    from kiosk.paths import resource

    return resource("translations")


def qm_file(lang: str):
    return translations_dir() / f"kiosk_{lang}.qm"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a text for translation where it is declared; ``translate`` it where it is shown."""
    return text


def _cli_lookup():
    """The command line's translator, loaded on first use (QtCore only)."""
    global _cli_translator, _cli_language
    if _cli_translator is None:
        _cli_language = language()
        _cli_translator = False
        if _cli_language in TRANSLATED and qm_file(_cli_language).is_file():
            try:
                from PySide6.QtCore import QTranslator
            except ImportError:
                return False
            translator = QTranslator()
            if translator.load(str(qm_file(_cli_language))):
                _cli_translator = translator
    return _cli_translator


def reset() -> None:
    """Forget the command line's translator (after the language or the file changed)."""
    global _cli_translator, _cli_language
    _cli_translator = None
    _cli_language = None


def _qt_app_running() -> bool:
    import sys

    if _mode != "qt":
        return False
    core = sys.modules.get("PySide6.QtCore")
    return core is not None and core.QCoreApplication.instance() is not None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    if _qt_app_running():
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(context, text, disambiguation, n)
    translator = _cli_lookup()
    found = translator.translate(context, text, disambiguation, n) if translator else ""
    found = found or text
    return found.replace("%n", str(n)) if n >= 0 else found


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """A module-level text (lupdate files a bare ``tr`` call under the empty context)."""
    return translate("", text, disambiguation, n)
