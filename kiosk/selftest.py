"""``kiosk run --self-test``: open every screen off-screen, render a badge, read its QR code back.

Meant for a freshly built or installed app (the build's smoke test runs it on a throwaway data
folder holding the demo event). It uses the current database and its event, and changes
nothing a station relies on: its station settings live in a temporary folder, printing, sounds
and cameras stay off, and no check-in is made. Prints one line per check (ok or problem) and
returns 0 only when every check passed.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n import QT_TRANSLATE_NOOP, tr, translate

OK, PROBLEM = "ok", "problem"
#: Statuses and check names a person reads, translated by ``word``.
WORDS = (
    QT_TRANSLATE_NOOP("selftest", "ok"), QT_TRANSLATE_NOOP("selftest", "problem"),
    QT_TRANSLATE_NOOP("selftest", "database"), QT_TRANSLATE_NOOP("selftest", "desk"),
    QT_TRANSLATE_NOOP("selftest", "self"), QT_TRANSLATE_NOOP("selftest", "dashboard"),
    QT_TRANSLATE_NOOP("selftest", "camera"), QT_TRANSLATE_NOOP("selftest", "badge"),
)
SETTLE_S = 1.0  # how long each screen runs before it is looked at
READY_TIMEOUT_S = 30.0
#: What the off-screen platform says about window-manager features it lacks.
OFFSCREEN_NOISE = ("does not support propagateSizeHints",)


@dataclass(frozen=True)
class Line:
    status: str
    name: str
    detail: str

    def __str__(self) -> str:
        return f"{word(self.status):<8} {word(self.name):<10} {self.detail}"


def word(text: str) -> str:
    return translate("selftest", text) if text in WORDS else text


def _wait(app, done: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``done()`` or the timeout."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        if done():
            return True
        time.sleep(0.01)
    return done()


def _settle(app, seconds: float = SETTLE_S) -> None:
    _wait(app, lambda: False, seconds)


def rendered(window) -> tuple[bool, str]:
    """Whether the window drew something (not one flat colour), and its size."""
    image = window.grab().toImage()
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return False, tr("nothing drawn")
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)}
    size = f"{image.width()}x{image.height()}"
    return len(colours) > 1, size if len(colours) > 1 else tr("{size}, blank").format(size=size)


class QtMessages:
    """Qt's warnings and errors while a screen runs, to report them with it."""

    def __init__(self):
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler

        self.seen: list[str] = []
        self._levels = {QtMsgType.QtWarningMsg: "warning", QtMsgType.QtCriticalMsg: "critical", QtMsgType.QtFatalMsg: "fatal"}
        self._install = qInstallMessageHandler
        self._previous = qInstallMessageHandler(self._handle)

    def _handle(self, kind, _context, message) -> None:
        level = self._levels.get(kind)
        if level:
            self.seen.append(f"{level}: {message}")

    def take(self) -> list[str]:
        seen, self.seen = self.seen, []
        return seen

    def close(self) -> None:
        self._install(self._previous)


def _close(window) -> None:
    window.may_close = True  # the self-service window refuses every other close
    window.close()
    window.deleteLater()


def _open_desk(store, event, actor, settings, app):
    from kiosk.ui.desk.assemble import build_desk

    window = build_desk(store, event, actor, settings, sounds=False, printing=False, camera=False)
    window.show()
    ready = _wait(app, lambda: window.controller.index_ready, READY_TIMEOUT_S)
    return window, tr("attendees indexed") if ready else None


def _open_self(store, event, actor, settings, app):
    from kiosk.core.pin import has_pin
    from kiosk.ui.live_settings import StationPrinting
    from kiosk.ui.selfservice.controller import SelfServiceController
    from kiosk.ui.selfservice.i18n import LanguageSwitch
    from kiosk.ui.selfservice.window import SelfServiceWindow
    from kiosk.ui.tasks import TaskRunner

    if has_pin(store, event.id):  # the same assembly as `kiosk run --mode self`, in a window
        from kiosk.ui.selfservice.assemble import open_self_service

        window = open_self_service(
            store, event, station=actor.station, settings=settings, sounds=False, printing=False, camera=False, fullscreen=False
        )
        how = tr("kiosk assembly")
    else:  # the kiosk refuses to start without a staff PIN; build its window directly
        tasks = TaskRunner(app)
        controller = SelfServiceController(store, event, actor.station, tasks, StationPrinting())
        window = SelfServiceWindow(controller, None, LanguageSwitch(), None)
        controller.setParent(window)
        window.tasks = tasks
        window.closing.append(lambda: tasks.shutdown(wait=False))
        controller.start()
        window.show()
        how = tr("no staff PIN: window without the kiosk lock")
    indexed: list[int] = []
    window.controller.indexReady.connect(indexed.append)
    ready = _wait(app, lambda: bool(indexed), READY_TIMEOUT_S)
    return window, how if ready else None


def _open_dashboard(store, event, actor, settings, app, snapshots: Path):
    from kiosk.ui.dashboard.assemble import open_dashboard

    window = open_dashboard(store, event, snapshot_dir=snapshots)
    return window, tr("figures shown")


def check_mode(name: str, opener, app, messages: QtMessages) -> Line:
    window = None
    try:
        window, note = opener(app)
        if note is None:
            return Line(PROBLEM, name, tr("not ready within {n} s").format(n=f"{READY_TIMEOUT_S:.0f}"))
        _settle(app)
        drawn, size = rendered(window)
        noise = messages.take()
        noise = [m for m in noise if not any(n in m for n in OFFSCREEN_NOISE)]
        detail = f"{size}, {note}"
        if noise:
            detail += tr("; Qt said {n} thing(s), first: {message}").format(n=len(noise), message=noise[0])
        critical = [m for m in noise if not m.startswith("warning")]
        return Line(OK if drawn and not critical else PROBLEM, name, detail)
    except Exception as exc:  # the line says what broke; the exit status says that it did
        return Line(PROBLEM, name, f"{type(exc).__name__}: {exc}")
    finally:
        if window is not None:
            _close(window)
            _settle(app, 0.2)


def check_media_backend() -> Line:
    """Qt's FFmpeg plugin loads: without it the camera cannot scan (sounds still play)."""
    try:
        from PySide6.QtMultimedia import QMediaFormat

        formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    except Exception as exc:
        return Line(PROBLEM, "camera", f"{type(exc).__name__}: {exc}")
    if not formats:
        return Line(PROBLEM, "camera", tr("Qt found no multimedia backend: camera scanning cannot work"))
    return Line(OK, "camera", tr("Qt multimedia backend loads ({n} formats)").format(n=len(formats)))


def check_badge(store, event) -> Line:
    try:
        import zxingcpp

        from kiosk.badges.render import default_template_name, render_badge
        from kiosk.core.attendees import list_all

        people = [a for a in list_all(store, event.id) if a.code]
        if not people:
            return Line(PROBLEM, "badge", tr("the event {name} has no attendee with a code").format(name=repr(event.name)))
        person = people[0]
        template = default_template_name()
        image = render_badge(person, template, event.name)
        codes = [r.text for r in zxingcpp.read_barcodes(image)]
        if person.code not in codes:
            return Line(PROBLEM, "badge", tr("template {template}: QR code read back as {codes}, expected {code}").format(
                template=template, codes=codes or tr("nothing"), code=person.code))
        return Line(OK, "badge", tr("template {template}, {width}x{height} px, QR code reads {code}").format(
            template=template, width=image.width, height=image.height, code=person.code))
    except Exception as exc:
        return Line(PROBLEM, "badge", f"{type(exc).__name__}: {exc}")


def run_self_test(ctx, emit: Callable[[str], None] = print) -> int:
    """Every check, one line each; 0 when all passed, else 1."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import MODES, ensure_app
    from kiosk.core.errors import KioskError
    from kiosk.core.events import Actor
    from kiosk.settings import StationSettings

    lines: list[Line] = []

    def report(line: Line) -> None:
        lines.append(line)
        emit(str(line))

    try:
        store, event = ctx.store, ctx.event
    except KioskError as exc:
        report(Line(PROBLEM, "database", str(exc)))
        return 1
    report(Line(OK, "database", tr("{url}, event {name}").format(url=store.display_url, name=repr(event.name))))

    app = ensure_app()
    from kiosk.qt_logging import quiet_qt_logs

    quiet_qt_logs()
    messages = QtMessages()
    actor = Actor(station="self-test", operator="")
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as scratch:
        settings = StationSettings(Path(scratch) / "station.toml")
        openers = {
            "desk": lambda app: _open_desk(store, event, actor, settings, app),
            "self": lambda app: _open_self(store, event, actor, settings, app),
            "dashboard": lambda app: _open_dashboard(store, event, actor, settings, app, Path(scratch) / "snapshots"),
        }
        try:
            for mode in MODES:
                opener = openers.get(mode)
                if opener is None:
                    report(Line(PROBLEM, mode, tr("the self-test does not know this mode")))
                    continue
                report(check_mode(mode, opener, app, messages))
        finally:
            messages.close()
            _settle(app, 0.2)
    report(check_media_backend())
    report(check_badge(store, event))
    failed = sum(line.status != OK for line in lines)
    emit(tr("self-test: {passed} of {total} checks passed").format(passed=len(lines) - failed, total=len(lines)))
    return 0 if not failed else 1
