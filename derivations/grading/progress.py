"""The progress bar on stderr while a class is graded: rows, rows/s and the time left
(from the share of the file's bytes read).  Shown only on a terminal (or forced with
``--progress``), redrawn at most five times a second."""

from __future__ import annotations

import sys
import time

from derivations.messages import text

__all__ = ["Progress"]


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, size: int | None, enabled: bool, lang: str = "en", stream=None):
        self.size, self.enabled, self.lang = size, enabled, lang
        self.stream = stream or sys.stderr
        self.start = self.last = time.monotonic()
        self.drawn = False

    def update(self, rows: int, done_bytes: int, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-6)
        rate = rows / elapsed
        share = min(done_bytes / self.size, 1.0) if self.size else None
        if share is not None:
            filled = int(30 * share)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}] {share:4.0%} "
            left = elapsed * (1 - share) / share if share > 0 else 0
            eta = text("grading.progress_eta", self.lang, left=_clock(left))
        else:
            bar, eta = "", ""
        line = text("grading.progress", self.lang, bar=bar, rows=rows, rate=f"{rate:,.0f}", eta=eta)
        self.stream.write("\r" + line + "\x1b[K")
        if final:
            self.stream.write("\n")
        self.stream.flush()
        self.drawn = True

    def finish(self, rows: int, done_bytes: int) -> None:
        if self.enabled:
            self.update(rows, done_bytes, final=True)
