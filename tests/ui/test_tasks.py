"""The task helper: work on worker threads, results on the GUI thread, one writer thread."""

from __future__ import annotations

import threading

from kiosk.ui.tasks import TaskRunner


def test_results_come_back_on_the_gui_thread_and_writes_use_one_thread(qtbot):
    tasks = TaskRunner()
    gui = threading.current_thread()
    delivered, workers = [], set()

    def work(n):
        workers.add(threading.current_thread().name)
        return n * 2

    for n in range(20):
        tasks.run(work, n, lane="write", on_done=lambda r: delivered.append((r, threading.current_thread())))
    assert tasks.wait_idle()
    assert [r for r, _ in delivered] == [n * 2 for n in range(20)]  # in order: one writer
    assert {t for _, t in delivered} == {gui}
    assert len(workers) == 1 and next(iter(workers)).startswith("kiosk-write")
    tasks.shutdown()


def test_errors_go_to_on_error_or_the_failed_signal(qtbot):
    tasks = TaskRunner()
    errors = []
    tasks.run(lambda: 1 / 0, on_error=errors.append)
    assert tasks.wait_idle()
    assert isinstance(errors[0], ZeroDivisionError)
    with qtbot.waitSignal(tasks.failed) as failed:
        tasks.run(lambda: {}["missing"])
    assert "KeyError" in failed.args[0]
    tasks.shutdown()


def test_synchronous_runner_runs_inline(qtbot):
    tasks = TaskRunner(synchronous=True)
    out = []
    tasks.run(lambda: threading.current_thread(), lane="write", on_done=out.append)
    assert out == [threading.current_thread()] and tasks.pending == 0
