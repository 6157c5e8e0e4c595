"""The kiosk window: locked down, one page at a time, back to the welcome page when idle.

Lock-down: frameless and fullscreen, stays on top; a close request (the close button,
Alt+F4, a window manager) is refused, Escape does nothing, and if something un-fullscreens
it, it goes fullscreen again. Staff leave through the PIN page, reached by a key chord
(``STAFF_CHORD``) or by holding the top-right corner for three seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.pin import Attempt
from kiosk.core.selfservice import PublicMatch
from kiosk.ui.selfservice import style
from kiosk.ui.selfservice.controller import KioskResult, SelfServiceController
from kiosk.ui.selfservice.forms import EmailPage, LookupPage, PinPage
from kiosk.ui.selfservice.i18n import NATIVE_NAMES, LanguageSwitch
from kiosk.ui.selfservice.options import SCALE_MAX, SCALE_MIN, touch_px
from kiosk.ui.selfservice.pages import ResultPage, StaffPage, WelcomePage
from kiosk.ui.sounds import SoundBoard

STAFF_CHORD = "Ctrl+Shift+F12"
LONG_PRESS_MS = 3000
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel}
_FORBIDDEN_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4}


class CornerHotspot(QWidget):
    """An invisible square in a corner: hold it down for ``LONG_PRESS_MS`` to ask for the PIN."""

    held = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("staffCorner")
        self.resize(touch_px(), touch_px())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LONG_PRESS_MS)
        self._timer.timeout.connect(self.held)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._timer.start()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()


class SelfServiceWindow(QWidget):
    def __init__(self, controller: SelfServiceController, sounds: SoundBoard | None, language: LanguageSwitch,
                 camera: QWidget | None = None, idle_seconds: int = 25, text_scale: int = 100, default_language: str = "en"):
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("selfServiceWindow")
        self.controller = controller
        self.language = language
        self.default_language = default_language
        self.text_scale = text_scale
        #: Set only by the staff exit; every other close request is refused.
        self.may_close = False
        self.closing: list = []
        self.refused_closes = 0
        self.stack = QStackedWidget(self)
        self.welcome = WelcomePage(camera, self.stack)
        self.result = ResultPage(sounds, self.stack)
        self.lookup = LookupPage(self.stack)
        self.email = EmailPage(self.stack)
        self.pin = PinPage(self.stack)
        self.staff = StaffPage(self.stack)
        for page in (self.welcome, self.result, self.lookup, self.email, self.pin, self.staff):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 6, 24, 6)
        layout.addWidget(self.stack)
        self.corner = CornerHotspot(self)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_seconds * 1000)
        self.idle.timeout.connect(self.reset)
        self.chord = QShortcut(QKeySequence(STAFF_CHORD), self)
        self.chord.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.chord.activated.connect(self.ask_pin)
        self._connect_signals()
        self.apply_style()
        self.retranslate()
        self.welcome.set_event(self._heading(controller.event_name))
        QApplication.instance().installEventFilter(self)
        self.idle.start()

    def _connect_signals(self) -> None:
        c = self.controller
        c.resultReady.connect(self.show_result)
        c.printState.connect(self.result.set_print_state)
        c.lookupReady.connect(self.lookup.show_matches)
        c.emailRejected.connect(self.email.rejected)
        c.pinChecked.connect(self._pin_checked)
        c.indexReady.connect(lambda _n: self.welcome.set_event(self._heading(c.kiosk_event.name), c.kiosk_event.logo_path))
        self.welcome.lookupWanted.connect(self.start_lookup)
        self.welcome.languageWanted.connect(lambda: self.set_language(self.language.other()))
        self.result.done.connect(self._result_done)
        self.result.reprintWanted.connect(c.reprint)
        self.lookup.queryChanged.connect(c.lookup)
        self.lookup.picked.connect(self._picked)
        self.lookup.back.connect(self.reset)
        self.email.submitted.connect(c.confirm)
        self.email.back.connect(lambda: self._go(self.lookup, self.lookup.query))
        self.pin.submitted.connect(c.try_pin)
        self.pin.back.connect(self.reset)
        self.staff.resumeWanted.connect(self.reset)
        self.staff.exitWanted.connect(self.staff_exit)
        self.staff.scaleWanted.connect(lambda step: self.set_text_scale(self.text_scale + step))
        self.corner.held.connect(self.ask_pin)

    # -- pages ---------------------------------------------------------------------------
    @property
    def page(self) -> QWidget:
        return self.stack.currentWidget()

    def _go(self, page: QWidget, focus: QWidget | None = None) -> None:
        self.stack.setCurrentWidget(page)
        (focus or page).setFocus()
        self.idle.start()

    def scan(self, code: str) -> None:
        """A code from the USB scanner or the camera (ignored while staff use the PIN pages)."""
        if self.page not in (self.pin, self.staff):
            self.controller.scan(code)

    def show_result(self, result: KioskResult) -> None:
        self.lookup.clear()
        self.email.clear()
        self.result.present(result)
        self._go(self.result, self.result.ok)

    def _result_done(self) -> None:
        if self.page is self.result:
            self.reset()

    def start_lookup(self) -> None:
        self.lookup.clear()
        self._go(self.lookup, self.lookup.query)

    def _picked(self, match: PublicMatch) -> None:
        self.email.ask(match)
        self._go(self.email, self.email.email)

    def ask_pin(self) -> None:
        if self.page is not self.staff:
            self.pin.clear()
            self._go(self.pin, self.pin.pin)

    def _pin_checked(self, attempt: Attempt) -> None:
        if self.page is not self.pin:
            return
        if attempt.ok:
            self.pin.clear()
            self._go(self.staff, self.staff.resume)
            self.controller.sync_status(self.staff.show_sync)
        else:
            self.pin.refused(attempt.wait_seconds)

    def reset(self) -> None:
        """Back to the welcome page, with nothing of the last attendee left in any widget."""
        self.controller.forget()
        self.result.clear()
        self.lookup.clear()
        self.email.clear()
        self.pin.clear()
        if self.language.current != self.default_language:
            self.set_language(self.default_language)
        self._go(self.welcome, self.welcome.lookup)

    def staff_exit(self) -> None:
        self.may_close = True
        self.close()

    # -- look and language ---------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language.set(language)
        self.retranslate()

    def set_text_scale(self, percent: int) -> None:
        self.text_scale = max(SCALE_MIN, min(SCALE_MAX, percent))
        self.apply_style()

    def apply_style(self) -> None:
        self.setStyleSheet(style.sheet(self.text_scale))

    def _heading(self, event_name: str) -> str:
        """The event's name, and the room's when this kiosk checks in to a list of its own."""
        name = self.controller.list_name
        return f"{event_name} — {name}" if name else event_name

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Self-service check-in — {event}").format(event=self.controller.event_name))
        self.corner.setAccessibleName(self.tr("Staff: hold for three seconds"))
        self.welcome.retranslate(NATIVE_NAMES[self.language.other()])
        for page in (self.result, self.lookup, self.email, self.pin, self.staff):
            page.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange and self.isVisible() and not self.may_close:
            if not self.windowState() & Qt.WindowState.WindowFullScreen and getattr(self, "_fullscreen", False):
                QTimer.singleShot(0, self.showFullScreen)
        super().changeEvent(event)

    def go_fullscreen(self) -> None:
        self._fullscreen = True
        self.showFullScreen()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.corner.move(self.width() - self.corner.width(), 0)
        self.corner.raise_()

    # -- lock-down -----------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.may_close:
            self.refused_closes += 1
            event.ignore()
            return
        QApplication.instance().removeEventFilter(self)
        for fn in self.closing:
            fn()
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in _FORBIDDEN_KEYS:
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in _ACTIVITY:
            self.idle.start()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event.key()
            if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier):
                return True
        return False
