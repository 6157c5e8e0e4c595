"""The camera path with real frames: QR codes drawn into 640x480 pictures, pushed through a sink."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoSink

from kiosk.core.models import CheckInKind, Method
from kiosk.scanning.camera import FrameDecoder, frame_plane
from kiosk.scanning.decode import decode_plane
from kiosk.ui.tasks import TaskRunner
from tests.scanning.frames import frame_with
from tests.ui.conftest import OFFSCREEN_NOISE, log_rows, people

pytestmark = OFFSCREEN_NOISE


def test_frames_in_common_camera_formats_decode(qapp):
    for fmt in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32, QImage.Format.Format_RGBA8888, QImage.Format.Format_Grayscale8):
        assert decode_plane(frame_plane(frame_with("FMT-TEST-1", fmt))) == ["FMT-TEST-1"], fmt
    assert decode_plane(frame_plane(frame_with(None))) == []


def test_camera_frames_check_people_in_and_rearm(qtbot, make_desk, desk_store, desk_event):
    desk = make_desk(synchronous=False)
    a, b = people(desk_store, desk_event.id)[40:42]
    sink = QVideoSink()
    scanner = desk.camera_scanner
    scanner.use_sink(sink)
    decoder = scanner.decoder
    decoder.rearm_ms = 400

    def show(code, until):
        for _ in range(100):
            if until():
                return
            if not decoder.busy:
                sink.setVideoFrame(frame_with(code))
            qtbot.wait(10)
        raise AssertionError(f"{code} was not read")

    show(a.code, lambda: log_rows(desk_store, a.id))
    desk.tasks.wait_idle()
    assert [(r.kind, r.method) for r in log_rows(desk_store, a.id)] == [(CheckInKind.ENTRY, Method.SCAN)]
    assert a.display_name in desk.banner.detail.text()

    # The next badge is read at once; the first, still in view, is not read again at once.
    show(b.code, lambda: log_rows(desk_store, b.id))
    show(a.code, lambda: decoder.decoded_frames >= 3)
    desk.tasks.wait_idle()
    assert desk.banner.title.text() in ("Checked in", "Already checked in")
    # After the re-arm time the same badge counts again (and is amber now).
    qtbot.wait(450)
    show(a.code, lambda: desk.banner.title.text() == "Already checked in")
    assert len(log_rows(desk_store, a.id)) == 1 and len(log_rows(desk_store, b.id)) == 1


def test_frames_are_dropped_not_queued_while_decoding(qtbot, qapp):
    tasks = TaskRunner()
    decoder = FrameDecoder(tasks)
    seen: list[str] = []
    decoder.decoded.connect(seen.append)
    frame = frame_with("DROP-TEST")
    taken = [decoder.offer(frame) for _ in range(30)]  # 30 frames arrive before any is decoded
    assert taken[0] and not any(taken[1:])
    assert decoder.dropped == 29
    assert tasks.wait_idle()
    assert seen == ["DROP-TEST"]
    assert decoder.offer(frame)  # free again: takes the next frame
    assert tasks.wait_idle()
    tasks.shutdown()


def test_no_camera_says_so_and_the_rest_works(qtbot, make_desk, desk_store, desk_event):
    desk = make_desk()
    assert desk.camera_scanner.cameras() == []  # the test machine has none
    desk.act_camera.trigger()
    assert desk.camera_panel.isVisible()
    assert "No camera found" in desk.camera_panel.message.text()
    person = people(desk_store, desk_event.id)[50]
    qtbot.keyClicks(desk.search, person.code, delay=2)
    from PySide6.QtCore import Qt

    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert len(log_rows(desk_store, person.id)) == 1
