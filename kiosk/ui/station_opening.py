"""The window a station shows while its database opens: "Opening the event…".

It appears as soon as Qt is up, where the station's window will be, while the database is
opened, checked and migrated and the mode's screens load behind it. A USB scanner works from
the first moment: codes scanned meanwhile wait here, each code once, and go to the station's
window in the order scanned when it takes over (``hand_over``). Imports no database code.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kiosk.scanning.wedge import WedgeDetector
from kiosk.settings import StationSettings

# The modes whose window takes scans; the others show the state and take none.
SCANNING_MODES = ("desk", "self")


class OpeningWindow(QWidget):
    def __init__(self, mode: str, settings: StationSettings):
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its window and pixels go with it
        self.setObjectName("openingWindow")
        self.setWindowTitle(self.tr("Opening the event…"))
        self.waiting: list[str] = []
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.state = QLabel(self.tr("Opening the event…"), self)
        self.state.setObjectName("openingState")
        font = QFont(self.state.font())
        font.setPointSize(24)
        self.state.setFont(font)
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.state)
        self.note = QLabel(self)
        self.note.setObjectName("openingNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        font = QFont(self.note.font())
        font.setPointSize(14)  # read from a step away, like the desk's banner
        self.note.setFont(font)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.wedge: WedgeDetector | None = None
        if mode in SCANNING_MODES:
            self.wedge = WedgeDetector(self, gap_ms=settings.get("scanner/gap_ms"),
                                       min_length=settings.get("scanner/min_length"))
            self.wedge.scanned.connect(self.queue_scan)
            self.wedge.install()
            self.note.setText(self.tr("Scans are taken: they are checked in as soon as the event is open."))
        self._place(mode, settings)

    def _place(self, mode: str, settings: StationSettings) -> None:
        """Where the station's window will be: its remembered place, else the whole screen."""
        geometry = settings.geometry(mode)
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif self.screen() is not None:
            self.setGeometry(self.screen().availableGeometry())

    def queue_scan(self, code: str) -> None:
        """A code scanned before the event is open: kept once, in order."""
        if code not in self.waiting:
            self.waiting.append(code)
        self.note.setText(self.tr("%n scan(s) waiting: checked in as soon as the event is open.", None,
                                  len(self.waiting)))

    def hand_over(self, window) -> None:
        """The station's window is shown: pass it the waiting scans, then close."""
        if self.wedge is not None:
            self.wedge.uninstall()  # a burst under way ends here and is queued too
            self.wedge = None
        codes, self.waiting = self.waiting, []
        wedge = getattr(window, "wedge", None)
        self.close()
        if wedge is not None:
            for code in codes:
                wedge.scanned.emit(code)

    def give_up(self) -> None:
        """Opening failed: nothing is handed over (a no-op once the window has closed)."""
        if not shiboken6.isValid(self):
            return
        if self.wedge is not None:
            self.wedge.uninstall()
            self.wedge = None
        self.waiting = []
        self.close()


def quiet_offscreen_notes() -> None:
    """Without a display (``QT_QPA_PLATFORM=offscreen``) Qt notes on stderr that it cannot raise a
    window or pass size hints. A station that fails to open must still say one line there, so
    those notes are dropped; every other message goes where it went before."""
    import sys

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() != "offscreen":
        return
    previous = None

    def handle(kind, context, message) -> None:
        if message.startswith("This plugin does not support "):
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handle)


def show_opening(mode: str, settings: StationSettings) -> OpeningWindow:
    quiet_offscreen_notes()
    window = OpeningWindow(mode, settings)
    if mode == "self":  # the self-service kiosk fills the screen from the first moment
        window.showFullScreen()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
    QApplication.processEvents()  # painted now, before the work behind it starts
    return window
