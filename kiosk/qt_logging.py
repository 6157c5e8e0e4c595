"""Qt's own log rules, set in one place. Qt keeps one set of filter rules per process (each call
replaces the last), so every entry point sets this same set."""

from __future__ import annotations

#: QtMultimedia's notes about optional hardware libraries it cannot find (PipeWire, VA-API) and
#: its FFmpeg banner: not needed for a webcam or a beep, so they stay out of logs and tests.
QUIET_RULES = "qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg.info=false"


def quiet_qt_logs() -> None:
    """Call before QtMultimedia is first imported."""
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules(QUIET_RULES)
