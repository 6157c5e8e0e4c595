"""What a screen reader gets from a Qt program: run it in a private X server with the
accessibility bus on, walk its AT-SPI tree, and print every node as JSON lines.

Runs under the system Python (Debian's python3-pyatspi), inside ``dbus-run-session``:
    dbus-run-session -- /usr/bin/python3 tests/ui/a11y_walk.py -- COMMAND...
Each output line is {"role", "name", "depth"}; the last line is {"done": true, "nodes": N}.
The tree is read once it has stopped growing (the window is built and shown).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 60.0


def start_x() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            raise SystemExit("a11y_walk: Xvfb did not start")
        number += chunk
    os.close(read)
    return xvfb, f":{number.decode().strip()}"


def walk(node, depth: int, out: list) -> None:
    try:
        role, name = node.getRoleName(), (node.name or "").strip()
    except Exception:  # a node that went away while being read
        return
    out.append({"role": role, "name": name, "depth": depth})
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            walk(child, depth + 1, out)


def tree(pid: int) -> list:
    out: list = []
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                walk(app, 0, out)
        except Exception:
            continue
    return out


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1:]
    xvfb, display = start_x()
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    env.pop("WAYLAND_DISPLAY", None)
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    app = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        started, last, nodes = time.monotonic(), -1, []
        while time.monotonic() - started < TIMEOUT and app.poll() is None:
            time.sleep(1.5)
            nodes = tree(app.pid)
            if len(nodes) > 3 and len(nodes) == last:
                break
            last = len(nodes)
        if app.poll() is not None:
            print(json.dumps({"error": "the program quit", "output": app.stdout.read()[-2000:]}))
            return 1
        for node in nodes:
            print(json.dumps(node, ensure_ascii=False))
        print(json.dumps({"done": True, "nodes": len(nodes)}))
        return 0
    finally:
        for proc in (app, bus, xvfb):
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
