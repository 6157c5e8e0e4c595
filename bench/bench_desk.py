"""The desk window's speed at 100k attendees (SQLite, offscreen Qt, real worker threads).

- burst_to_green: a scanner's key burst ends (Enter) -> the green result has been painted.
  Goal p95 <= 50 ms.
- keystroke_to_list: a person types one more letter in the search box -> the result list
  holds the answer for that text. Goal p95 <= 30 ms.
- startup: the real entry point, ``python -m kiosk --db URL run --mode desk`` on a private Xvfb,
  from process start to its first top-level window mapped ("Opening the event…", which already
  takes scans) and to the desk window mapped; interleaved with a bare PySide6 window started
  the same way. Goal: first window <= 2.5x the bare window (ratio of medians). RSS once it
  stops changing (the search index loaded), goal <= 200 MB at 100k. Needs Xvfb and libX11.
- camera_decodes_per_s: 640x480 frames with a QR code through the real decoder path.
  Goal >= 10/s.
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Timer, emit, summary_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 760)
window.show()
app.exec()
"""


class XServer:
    """A private Xvfb and a connection that hears every top-level window being mapped (libX11
    through ctypes): the moment a person could see the window, the same way for both programs."""

    MAP_NOTIFY, SUBSTRUCTURE_NOTIFY_MASK = 19, 1 << 19

    def __init__(self):
        import ctypes
        import ctypes.util

        read, write = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                                       pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as fd:
            self.display = ":" + fd.readline().strip()
        x = self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x.XPending.argtypes = [ctypes.c_void_p]
        x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        x.XFlush.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = x.XOpenDisplay(self.display.encode())
        x.XSelectInput(self.dpy, x.XDefaultRootWindow(self.dpy), self.SUBSTRUCTURE_NOTIFY_MASK)
        x.XFlush(self.dpy)
        self.fd = x.XConnectionNumber(self.dpy)
        self.event = (ctypes.c_long * 24)()

    def maps(self, timeout: float, stop_after: int | None = None) -> list[float]:
        """Times (time.time()) of the top-level windows mapped within ``timeout`` seconds."""
        import ctypes
        import select

        seen, end = [], time.monotonic() + timeout
        while time.monotonic() < end and (stop_after is None or len(seen) < stop_after):
            select.select([self.fd], [], [], 0.01)
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(self.event))
                # XMapEvent: type, serial, send_event, display, event, window, override_redirect
                if self.event[0] & 0xFFFFFFFF == self.MAP_NOTIFY and not self.event[6] & 0xFFFFFFFF:
                    seen.append(time.time())
        return seen

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)
        self.server.terminate()
        self.server.wait(timeout=10)


def read_rss(pid: int) -> dict:
    text = Path(f"/proc/{pid}/status").read_text()
    return {k: round(int(v.split()[0]) / 1024, 1) for k, _, v in (line.partition(":") for line in text.splitlines())
            if k in ("VmRSS", "VmHWM")}


def start_and_watch(xs: XServer, argv: list[str], env: dict, station: bool, quiet_s: float = 3.0,
                    cwd: Path = ROOT) -> dict:
    """Start ``argv``, time the windows it maps; for a station also every later window (the desk
    after "Opening the event…") and its RSS once it stops changing (the search index loaded and
    the memory handed back). Then SIGTERM, which a station takes as a logout."""
    import signal

    xs.maps(0.05)  # nothing left over from the last run
    t0 = time.time()
    child = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    maps = xs.maps(60, stop_after=1)
    rss: dict = {}
    if station and maps:
        last, since, end = None, time.monotonic(), time.monotonic() + 180
        while time.monotonic() < end and child.poll() is None:
            maps += xs.maps(0.1)
            now = read_rss(child.pid)
            if "VmRSS" not in now:  # it has ended
                break
            rss = now
            if last is None or abs(rss["VmRSS"] - last) > 1.0:
                last, since = rss["VmRSS"], time.monotonic()
            elif time.monotonic() - since >= quiet_s:
                break
    child.send_signal(signal.SIGTERM)
    try:
        _, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        _, err = child.communicate()
    if not maps:
        raise RuntimeError(f"no window mapped: {' '.join(argv)}\n{err}")
    return {"maps": [round(m - t0, 3) for m in maps], "rss": rss}


def measure_startup(url: str, tmp: str, runs: int, baseline: Path | None = None) -> dict:
    """Process start -> window mapped on X, ``python -m kiosk run`` against a bare PySide6 window
    started the same way, interleaved so both see the same machine load."""
    from kiosk.settings import StationSettings

    config = Path(tmp) / "config"
    settings = StationSettings(config / "station.toml")  # a station set up before: no first-start questions
    settings.set("station/name", "Bench")
    settings.set("station/operator", "Bench")
    settings.set("sound/enabled", False)
    settings.sync()
    xs = XServer()
    env = dict(os.environ, DISPLAY=xs.display, QT_QPA_PLATFORM="xcb", KIOSK_CONFIG_DIR=str(config),
               KIOSK_DATA_DIR=str(Path(tmp) / "data"), KIOSK_LOG_DIR=str(Path(tmp) / "logs"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("WAYLAND_DISPLAY", None)
    station = [sys.executable, "-m", "kiosk", "--db", url, "run", "--mode", "desk"]
    bare, first, desk, rss, hwm = [], [], [], [], []
    base_first, base_desk, base_rss = [], [], []
    try:
        for _ in range(runs):
            bare.append(start_and_watch(xs, [sys.executable, "-c", BARE_WINDOW], env, station=False)["maps"][0])
            got = start_and_watch(xs, station, env, station=True)
            first.append(got["maps"][0])
            desk.append(got["maps"][-1])
            rss.append(got["rss"].get("VmRSS"))
            hwm.append(got["rss"].get("VmHWM"))
            if baseline is not None:  # another source tree of the app (an older version), same run
                got = start_and_watch(xs, station, dict(env, PYTHONPATH=str(baseline)), station=True, cwd=baseline)
                base_first.append(got["maps"][0])
                base_desk.append(got["maps"][-1])
                base_rss.append(got["rss"].get("VmRSS"))
    finally:
        xs.close()

    def median(values):
        return round(sorted(values)[len(values) // 2], 3) if values else None

    return {
        "runs": runs,
        "how": "process start -> top-level window mapped on a private Xvfb; python -m kiosk run vs a bare PySide6 window",
        "bare_pyside6_window_s": bare,
        "kiosk_first_window_s": first,
        "kiosk_desk_window_s": desk,
        "bare_median_s": median(bare),
        "first_window_median_s": median(first),
        "desk_window_median_s": median(desk),
        "ratio_to_bare_median": round(median(first) / median(bare), 2) if first and bare else None,
        "rss_mb_settled": rss,
        "rss_mb_peak": hwm,
        **({"baseline": {
            "source": str(baseline),
            "first_window_s": base_first,
            "desk_window_s": base_desk,
            "first_window_median_s": median(base_first),
            "desk_window_median_s": median(base_desk),
            "ratio_to_bare_median": round(median(base_first) / median(bare), 2),
            "rss_mb_settled": base_rss,
        }} if baseline is not None else {}),
    }


def measure_window(store, event, burst_samples: int, key_samples: int) -> dict:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest

    from kiosk.app import ensure_app
    from kiosk.core import attendees
    from kiosk.core.events import Actor
    from kiosk.ui.desk.assemble import build_desk
    from kiosk.ui.result_state import ResultState
    from kiosk.settings import StationSettings

    app = ensure_app()
    tmp = tempfile.mkdtemp()
    window = build_desk(store, event, Actor("Bench desk", "Bench"), StationSettings(Path(tmp) / "s.toml"),
                        sounds=False, printing=False, camera=False)
    window.resize(1280, 760)
    window.show()
    window.activateWindow()
    window.search.setFocus()
    deadline = time.monotonic() + 120
    while not window.controller.index_ready and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)

    def pump_until(cond, timeout=10.0) -> None:
        end = time.monotonic() + timeout
        while not cond():
            QCoreApplication.processEvents()
            if time.monotonic() > end:
                raise RuntimeError("timed out")

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.002)

    people = attendees.list_all(store, event.id)
    painted: list[tuple[float, object]] = []
    window.banner.painted.connect(lambda state: painted.append((time.perf_counter(), state)))

    burst, whole = [], []
    for i in range(burst_samples):
        person = people[(i * 7919) % len(people)]
        painted.clear()
        t_first = time.perf_counter()
        for ch in person.code:
            QTest.keyClick(window.search, ch)
        t0 = time.perf_counter()
        QTest.keyClick(window.search, Qt.Key.Key_Return)
        pump_until(lambda: any(s is ResultState.SUCCESS for _, s in painted) and window.banner.state is ResultState.SUCCESS)
        t1 = next(t for t, s in painted if s is ResultState.SUCCESS)
        burst.append(t1 - t0)
        whole.append(t1 - t_first)
        window.tasks.wait_idle()
        settle(0.03)
        if window.banner.state is not ResultState.SUCCESS or person.display_name not in window.banner.detail.text():
            raise RuntimeError(f"scan {i} did not show green for {person.display_name}")

    # Typing: one letter at a time, slower than the scanner gap, so it is plainly typing.
    words = sorted({p.last_name.split()[0][:6] for p in people[:2000] if p.last_name})
    keys = []
    reset_at: list[float] = []
    window.model.modelReset.connect(lambda: reset_at.append(time.perf_counter()))
    for word in words:
        if len(keys) >= key_samples:
            break
        window.search.clear()
        settle(0.08)
        for ch in word.lower():
            reset_at.clear()
            t0 = time.perf_counter()
            QTest.keyClick(window.search, ch)
            pump_until(lambda: bool(reset_at))  # the window only takes answers for the current text
            keys.append(reset_at[-1] - t0)
            settle(0.06)
    window.close()
    return {"burst_to_green": summary_ms(burst), "burst_start_to_green": summary_ms(whole), "keystroke_to_list": summary_ms(keys)}


def measure_camera(seconds: float) -> dict:
    import qrcode
    from PIL.ImageQt import ImageQt
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtMultimedia import QVideoFrame, QVideoSink

    from kiosk.app import ensure_app
    from kiosk.scanning.camera import FrameDecoder
    from kiosk.ui.tasks import TaskRunner

    ensure_app()
    picture = QImage(640, 480, QImage.Format.Format_RGB32)
    picture.fill(QColor("#8a8f94"))
    painter = QPainter(picture)
    painter.drawImage(170, 90, ImageQt(qrcode.make("CAMERA-BENCH-CODE-0001").get_image().convert("RGB").resize((300, 300))))
    painter.end()
    tasks = TaskRunner()
    decoder = FrameDecoder(tasks, rearm_ms=0)
    reads: list[str] = []
    decoder.decoded.connect(reads.append)
    sink = QVideoSink()
    decoder.attach(sink)
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # a 30 fps camera
        sink.setVideoFrame(QVideoFrame(picture))  # a new frame each time, like a camera
        t = time.monotonic() + 1 / 30
        while time.monotonic() < t:
            QCoreApplication.processEvents()
            time.sleep(0.001)
    tasks.wait_idle()
    tasks.shutdown()
    return {
        "frames_offered": decoder.offered,
        "frames_decoded": decoder.decoded_frames,
        "frames_dropped": decoder.dropped,
        "decodes_per_s": round(decoder.decoded_frames / seconds, 1),
        "codes_read": len(reads),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--attendees", type=int)
    ap.add_argument("--runs", type=int, help="start-up runs of each program (default: 3, --small 2)")
    ap.add_argument("--startup-only", action="store_true", help="measure start-up and memory only")
    ap.add_argument("--baseline", type=Path, help="also start the app from this source tree (e.g. an older "
                    "checkout), interleaved in the same runs, for before/after figures")
    args = ap.parse_args()
    n = args.attendees or (2_000 if args.small else 100_000)
    bursts, keys, runs = (30, 30, 2) if args.small else (200, 200, 3)
    runs = args.runs or runs

    from kiosk.core.demo import create_demo
    from kiosk.core.models import Event
    from kiosk.core.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        store = open_store(url)
        with Timer() as t_demo:
            event_id = create_demo(store, attendees=n, seed=1)
        with store.read() as s:
            event = s.get(Event, event_id)
        store.dispose()  # the station opens the file itself; nothing else holds it meanwhile
        if shutil.which("Xvfb") and ctypes.util.find_library("X11"):
            startup = measure_startup(url, tmp, runs, args.baseline)
        else:
            startup = {"skipped": "needs Xvfb and libX11"}
        window = camera = {}
        if not args.startup_only:
            store = open_store(url)
            window = measure_window(store, event, bursts, keys)
            camera = {"camera": measure_camera(2.0 if args.small else 5.0)}
            store.dispose()
    emit("desk", {
        "attendees": n,
        "engine": "sqlite",
        "demo_seconds": round(t_demo.elapsed, 1),
        **window,
        "startup": startup,
        **camera,
        "goals": {"burst_to_green_p95_ms": 50, "keystroke_to_list_p95_ms": 30, "window_vs_bare_pyside6": 2.5, "rss_mb": 200,
                  "camera_decodes_per_s": 10},
    })


if __name__ == "__main__":
    main()
