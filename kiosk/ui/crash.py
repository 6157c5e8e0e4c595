"""Unhandled exceptions in the windowed app: the traceback goes to the log, a calm dialog says
what happened, and the app keeps running. The self-service kiosk goes back to its welcome screen.

``sys.excepthook`` catches what escapes a slot on the GUI thread; ``threading.excepthook`` what
escapes a worker thread. A worker never touches widgets: it leaves a note in a queue and an
argument-less queued signal brings the GUI thread to show it.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import weakref

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk import logs
from kiosk.i18n import tr

log = logging.getLogger("kiosk.crash")

#: How long the attendee-facing notice stays up on the self-service kiosk.
KIOSK_NOTICE_MS = 8000


class CrashReporter(QObject):
    _wake = Signal()

    def __init__(self):
        super().__init__(QApplication.instance())
        self._notes: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._wake.connect(self._show_pending, Qt.ConnectionType.QueuedConnection)
        self.window_ref = None
        self.dialog: QMessageBox | None = None
        self.count = 0
        self._previous = (sys.excepthook, threading.excepthook)

    # -- hooks (any thread) ------------------------------------------------------------------
    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, "main")

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.report(args.exc_type, args.exc_value, args.exc_traceback, args.thread.name if args.thread else "thread")

    def report(self, exc_type, exc, tb, where: str) -> None:
        log.error("unhandled %s in %s", exc_type.__name__, where, exc_info=(exc_type, exc, tb))
        logs.flush()
        self._notes.put(exc_type.__name__)
        self._wake.emit()  # queued: the dialog opens on the GUI thread

    # -- GUI thread --------------------------------------------------------------------------
    def _show_pending(self) -> None:
        names = []
        while True:
            try:
                names.append(self._notes.get_nowait())
            except queue.Empty:
                break
        if not names:
            return
        self.count += len(names)
        window = self.window_ref() if self.window_ref else None
        kiosk = window is not None and hasattr(window, "staff_exit")
        if kiosk:
            try:
                window.reset()  # the attendee screen starts over, nothing of the last person left
            except Exception:  # noqa: BLE001 - a broken reset must not loop through this hook
                log.exception("the kiosk screen could not be reset")
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the log has every traceback
        self.dialog = self._dialog(window, kiosk)
        self.dialog.open()
        if kiosk:
            QTimer.singleShot(KIOSK_NOTICE_MS, self.dialog.accept)

    def _dialog(self, parent, kiosk: bool) -> QMessageBox:
        box = QMessageBox(parent)
        box.setObjectName("crashDialog")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr("Something went wrong"))
        if kiosk:
            box.setText(tr("Sorry, something went wrong. Please start again."))
            box.setInformativeText(tr("If it happens again, please ask at the desk."))
        else:
            box.setText(tr("Something went wrong, but your work is safe."))
            where = logs.log_file()
            detail = tr("The details were written to the log:") + f"\n{where}" if where else tr("The details were written to the log.")
            box.setInformativeText(tr("Check-ins already made are saved. You can carry on; if it happens again, "
                                      "restart the app.") + "\n\n" + detail)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous


_reporter: CrashReporter | None = None


def install() -> CrashReporter:
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter()
        sys.excepthook = _reporter.excepthook
        threading.excepthook = _reporter.thread_excepthook
    return _reporter


def uninstall() -> None:
    global _reporter
    if _reporter is not None:
        _reporter.uninstall()
        _reporter.deleteLater()
        _reporter = None


def watch(window) -> None:
    """The window the dialog belongs to (and, for the kiosk, the one that is reset)."""
    if _reporter is not None:
        _reporter.window_ref = weakref.ref(window)
