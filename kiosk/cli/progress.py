"""Progress of long commands (tickets, print --all, a large import, a purge) on stderr: a bar on
a terminal (tqdm), and a quiet line every tenth of the way otherwise (a log, a pipe, cron), so
stdout stays the command's result."""

from __future__ import annotations

import sys
from typing import TextIO

from kiosk.i18n import tr

STEPS = 10  # lines written when not on a terminal: 10%, 20%, ... 100%


class Progress:
    def __init__(self, total: int, what: str, unit: str = "", stream: TextIO | None = None, terminal: bool | None = None):
        self.total = max(0, int(total))
        self.what = what
        self.done = 0
        self.stream = stream or sys.stderr
        on_terminal = self.stream.isatty() if terminal is None else terminal
        self._bar = None
        self._last_step = 0
        if on_terminal and self.total:
            from tqdm import tqdm

            scaled = unit == "B"
            self._bar = tqdm(total=self.total, desc=what, unit=unit or "it", unit_scale=scaled, file=self.stream,
                             dynamic_ncols=True, leave=True)

    def update(self, n: int = 1) -> None:
        self.set(self.done + n)

    def set(self, done: int) -> None:
        done = min(max(done, self.done), self.total) if self.total else done
        step, self.done = done - self.done, done
        if self._bar is not None:
            self._bar.update(step)
        elif self.total:
            reached = self.done * STEPS // self.total
            if reached > self._last_step:
                self._last_step = reached
                percent = 100 * self.done // self.total
                print(tr("{what}: {percent}%").format(what=self.what, percent=percent), file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
