"""The welcome, result and staff pages: layout and wording only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.banner import ResultBanner
from kiosk.ui.selfservice import words
from kiosk.ui.selfservice.controller import PRINT_NONE, KioskResult
from kiosk.ui.selfservice.keyboard import BigButton
from kiosk.ui.sounds import SoundBoard


def label(parent: QWidget, name: str, wrap: bool = True) -> QLabel:
    widget = QLabel(parent)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


class WelcomePage(QWidget):
    lookupWanted = Signal()
    languageWanted = Signal()

    def __init__(self, camera: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.logo = label(self, "logo")
        self.logo.hide()
        self.event_name = label(self, "eventName")
        self.prompt = label(self, "prompt")
        self.hint = label(self, "hint")
        self.lookup = BigButton(self)
        self.lookup.setObjectName("primary")
        self.language = BigButton(self)
        self.language.setObjectName("language")
        self.camera = camera
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language)
        layout.addLayout(top)
        layout.addWidget(self.logo)
        layout.addWidget(self.event_name)
        layout.addStretch(1)
        layout.addWidget(self.prompt)
        if camera is not None:
            camera.setParent(self)
            camera.setMaximumHeight(360)
            layout.addWidget(camera, 2, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        layout.addWidget(self.lookup, 0, Qt.AlignmentFlag.AlignHCenter)
        self.lookup.clicked.connect(self.lookupWanted)
        self.language.clicked.connect(self.languageWanted)

    def set_event(self, name: str, logo_path: str = "") -> None:
        self.event_name.setText(name)
        pixmap = QPixmap(logo_path) if logo_path else QPixmap()
        if not pixmap.isNull():
            self.logo.setPixmap(pixmap.scaledToHeight(min(160, pixmap.height()), Qt.TransformationMode.SmoothTransformation))
            self.logo.show()

    def retranslate(self, other_language_name: str) -> None:
        self.prompt.setText(self.tr("Scan the QR code on your ticket"))
        self.hint.setText(self.tr("No ticket with you?"))
        self.lookup.setText(self.tr("Find me by name"))
        self.lookup.setAccessibleName(self.tr("Find me by name"))
        self.language.setText(other_language_name)
        self.language.setAccessibleName(self.tr("Change language to {language}").format(language=other_language_name))


class ResultPage(QWidget):
    done = Signal()
    reprintWanted = Signal(int)

    def __init__(self, sounds: SoundBoard | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.banner = ResultBanner(sounds, self, title_pt=40)
        self.banner.title.setObjectName("resultTitle")
        self.banner.detail.setObjectName("resultDetail")
        self.banner.hint.setObjectName("resultPrint")
        self.result: KioskResult | None = None
        self.print_state = PRINT_NONE
        self.reprint = BigButton(self)
        self.reprint.setObjectName("primary")
        self.ok = BigButton(self)
        self.ok.setObjectName("secondary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reprint)
        row.addWidget(self.ok)
        row.addStretch(1)
        layout.addLayout(row)
        self.reprint.hide()
        self.ok.clicked.connect(self.done)
        self.reprint.clicked.connect(lambda: self.result and self.reprintWanted.emit(self.result.attendee_id))
        self.banner.dismissed.connect(self.done)

    def present(self, result: KioskResult) -> None:
        self.result = result
        self.print_state = PRINT_NONE
        title, detail = words.result_lines(result)
        self.banner.present(result.state, title, detail, "")
        self.reprint.setVisible(result.can_reprint)

    def set_print_state(self, attendee_id: int, state: str) -> None:
        if self.result is None or self.result.attendee_id != attendee_id:
            return
        self.print_state = state
        text = words.print_line(state)
        self.banner.hint.setText(text)
        self.banner.hint.setVisible(bool(text))
        if state != PRINT_NONE and self.result.can_reprint:
            self.reprint.hide()

    def clear(self) -> None:
        self.result = None
        self.print_state = PRINT_NONE
        self.banner.clear()
        self.reprint.hide()

    def retranslate(self) -> None:
        self.reprint.setText(self.tr("Print a new badge"))
        self.reprint.setAccessibleName(self.tr("Print a new badge"))
        self.ok.setText(self.tr("Done"))
        self.ok.setAccessibleName(self.tr("Done, back to the start"))
        if self.result is not None:
            title, detail = words.result_lines(self.result)
            self.banner.title.setText(title)
            self.banner.detail.setText(detail)
            self.banner.hint.setText(words.print_line(self.print_state))


class StaffPage(QWidget):
    """Reached only with the PIN: leave kiosk mode, change the text size, or go back."""

    exitWanted = Signal()
    resumeWanted = Signal()
    scaleWanted = Signal(int)
    settingsWanted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = label(self, "pageTitle")
        self.exit = BigButton(self)
        self.exit.setObjectName("danger")
        self.larger = BigButton(self)
        self.smaller = BigButton(self)
        self.resume = BigButton(self)
        self.resume.setObjectName("primary")
        self.settings = BigButton(self)
        # A station on a hub: online or OFFLINE, what waits for the hub, the last sync.
        self.link = label(self, "staffLink")
        self.link.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.link)
        layout.addStretch(1)
        for button in (self.resume, self.larger, self.smaller, self.settings, self.exit):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.exit.clicked.connect(self.exitWanted)
        self.settings.clicked.connect(self.settingsWanted)
        self.resume.clicked.connect(self.resumeWanted)
        self.larger.clicked.connect(lambda: self.scaleWanted.emit(+10))
        self.smaller.clicked.connect(lambda: self.scaleWanted.emit(-10))

    def show_sync(self, status) -> None:
        """Shown each time staff open the menu (``kiosk.core.sync.SyncStatus``)."""
        when = status.last_sync.astimezone().strftime("%H:%M:%S") if status.last_sync else self.tr("never")
        if status.state == "online":
            text = self.tr("Hub: online · {n} waiting · last sync {when}").format(n=status.waiting, when=when)
        else:
            text = self.tr("OFFLINE: checking in on this kiosk's own copy · {n} waiting · last sync {when}").format(
                n=status.waiting, when=when)
        self.link.setText(text)
        self.link.setAccessibleName(text)
        self.link.setStyleSheet("" if status.state == "online" else "color: white; background: #b35c00; padding: 6px;")
        self.link.show()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff menu"))
        for button, text in ((self.exit, self.tr("Leave kiosk mode")), (self.larger, self.tr("Larger text")),
                             (self.smaller, self.tr("Smaller text")), (self.resume, self.tr("Back to the kiosk")),
                             (self.settings, self.tr("Settings…"))):
            button.setText(text)
            button.setAccessibleName(text)
