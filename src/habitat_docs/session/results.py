"""What a session build reports: each document's outcome, the whole build's, and its summary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path as FsPath
from typing import Any

from attrs import field, frozen

from habitat_docs.session.entries import Entry
from habitat_docs.session.plan import SessionPlan

__all__ = ["DocResult", "SessionResult", "summary_lines"]


@frozen
class DocResult:
    """One document of the session after the build."""

    entry: Entry
    symbol: str | None
    kind: str | None
    ok: bool
    files: tuple[tuple[str, str, str], ...] = ()
    titles: Mapping[str, str] = field(factory=dict)
    error: str | None = None  # the located error text, one problem per line
    traceback: str | None = None
    seconds: float = 0.0
    issued: str | None = None  # the date of issue, ISO
    # By file name: ``pages`` (PDF) and ``check`` (see habitat_docs.session.inspect).
    details: Mapping[str, Mapping[str, Any]] = field(factory=dict)

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def name(self) -> str:
        return self.symbol or self.entry.id


@frozen
class SessionResult:
    """Every document of the session after the build, and the index written."""

    plan: SessionPlan
    out_dir: FsPath
    langs: tuple[str, ...]
    formats: tuple[str, ...]
    documents: tuple[DocResult, ...]
    jobs: int
    seconds: float
    index: tuple[FsPath, ...] = ()

    @property
    def failed(self) -> list[DocResult]:
        return [d for d in self.documents if not d.ok]

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def files(self) -> int:
        return sum(len(d.files) for d in self.documents)


def summary_lines(result: SessionResult, checked: bool = False) -> Iterable[str]:
    """The closing summary: counts, time, index, then each failure with its error.
    ``checked``: the documents were validated, not written."""
    n, bad = len(result.documents), len(result.failed)
    procs = f"{result.jobs} process{'es' if result.jobs != 1 else ''}"
    done, files = ("Checked", "") if checked else ("Built", f" ({result.files} files)")
    yield (f"{done} {n - bad} of {n} document{'s' if n != 1 else ''}{files} in "
           f"{result.seconds:.1f} s with {procs}.")  # fmt: skip
    if result.index:
        yield "Index: " + ", ".join(str(p) for p in result.index)
    if bad:
        yield f"{bad} document{'s' if bad != 1 else ''} failed:"
        for d in result.failed:
            yield f"  {d.name} ({d.id}, {d.entry.file}):"
            for line in (d.error or "failed").splitlines():
                yield f"    {line}"
            if d.traceback:
                for line in d.traceback.rstrip().splitlines():
                    yield f"    | {line}"
