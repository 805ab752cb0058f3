"""Progress of a session build: a bar on a terminal, one plain line per document otherwise."""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import IO

from habitat_docs.session.results import DocResult

__all__ = ["BarProgress", "LineProgress", "NoProgress", "Progress", "progress_for"]


class Progress:
    """Reports documents as they finish. Subclasses draw a bar or print lines."""

    def start(self, total: int) -> None:
        self.total, self.count = total, 0

    def update(self, doc: DocResult) -> None:
        self.count += 1

    def finish(self) -> None:
        pass


class NoProgress(Progress):
    pass


class LineProgress(Progress):
    """One plain line per finished document (for logs and pipes)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr

    def update(self, doc: DocResult) -> None:
        super().update(doc)
        width = len(str(self.total))
        status = "ok" if doc.ok else "FAILED"
        detail = (f"{len(doc.files)} file{'s' if len(doc.files) != 1 else ''}, {doc.seconds:.1f} s"
                  if doc.ok else _first_line(doc.error))  # fmt: skip
        print(f"[{self.count:>{width}}/{self.total}] {status:<6} {doc.name} ({doc.id}): {detail}",
              file=self.stream, flush=True)  # fmt: skip


class BarProgress(Progress):
    """A bar redrawn in place with ``\\r`` (for a terminal); failures print above it."""

    def __init__(self, stream: IO[str] | None = None, width: int | None = None) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.failures = 0
        self.t0 = time.perf_counter()
        try:  # block glyphs where the terminal's encoding has them
            "█·✗".encode(getattr(self.stream, "encoding", None) or "ascii")
            self.full, self.empty, self.cross = "█", "·", "✗"
        except (UnicodeEncodeError, LookupError):
            self.full, self.empty, self.cross = "#", "-", "x"

    def start(self, total: int) -> None:
        super().start(total)
        self.t0 = time.perf_counter()
        self._draw("")

    def update(self, doc: DocResult) -> None:
        super().update(doc)
        if not doc.ok:
            self.failures += 1
            self.stream.write(
                f"\r\x1b[K{self.cross} {doc.name} ({doc.id}): {_first_line(doc.error)}\n"
            )
        self._draw(doc.name)

    def finish(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()

    def _draw(self, last: str) -> None:
        cols = self.width or shutil.get_terminal_size((80, 20)).columns
        total = max(self.total, 1)
        counter = f" {self.count}/{self.total}"
        failed = f", {self.failures} failed" if self.failures else ""
        elapsed = f" {time.perf_counter() - self.t0:.0f} s"
        tail = f"{counter}{failed}{elapsed} {last}"
        bar_w = max(10, min(40, cols - len(tail) - 4))
        filled = bar_w * self.count // total
        line = f"[{self.full * filled}{self.empty * (bar_w - filled)}]{tail}"
        self.stream.write("\r\x1b[K" + line[: cols - 1])
        self.stream.flush()


def progress_for(stream: IO[str], mode: str = "auto") -> Progress:
    """``auto``: a bar on a terminal, plain lines otherwise; or ``bar``, ``lines``, ``none``."""
    if mode == "none":
        return NoProgress()
    if mode == "bar" or (mode == "auto" and _isatty(stream)):
        return BarProgress(stream)
    return LineProgress(stream)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def _first_line(text: str | None) -> str:
    """The first line of an error, and how many more there are."""
    lines = (text or "").splitlines()
    more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
    return (lines[0] if lines else "failed") + more
