"""Progress of a session build: a tqdm bar on a terminal, one plain line per document otherwise."""

from __future__ import annotations

import os
import sys
from typing import IO

from tqdm import tqdm

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


class _Bar(tqdm):
    # No monitor thread: the pool may fork its workers after the bar starts, and a forked
    # process must not inherit locks a thread holds.
    monitor_interval = 0


class BarProgress(Progress):
    """A bar redrawn in place (for a terminal), cleared at the end; failures print above it."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.failures = 0
        self.bar: tqdm | None = None

    def start(self, total: int) -> None:
        super().start(total)
        self.bar = _Bar(total=total, file=self.stream, unit="doc", leave=False,
                        mininterval=0, dynamic_ncols=True)  # fmt: skip

    def update(self, doc: DocResult) -> None:
        super().update(doc)
        assert self.bar is not None, "start() first"
        if not doc.ok:
            self.failures += 1
            self.bar.write(
                f"FAILED {doc.name} ({doc.id}): {_first_line(doc.error)}", file=self.stream
            )
        failed = [f"{self.failures} failed"] if self.failures else []
        self.bar.set_postfix_str(", ".join([*failed, doc.name]), refresh=False)
        self.bar.update()

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.close()


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
