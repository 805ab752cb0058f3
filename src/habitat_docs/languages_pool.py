"""The language versions of one document made side by side, one worker process per core.

Composing and writing a language version is independent of the others; the first one in a
process also pays for its fonts, templates and PDF compiler, so a six-language build on two
cores takes about half the time when the versions are shared between two processes. Workers
are forked (Linux, while the process has one thread), so they inherit the loaded document and
the imported modules and pickle nothing but the finished files. Where forking is not safe (a
thread exists: a PDF engine, a caller's own) or would not pay (one language, one core), the
versions are made one after the other in this process. A version that fails in a worker is
made again here, so that its error is raised as a sequential build raises it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from habitat_docs.orphans import die_with_parent

__all__ = ["fork_context", "in_parallel", "threads"]

Version = Callable[[str], Any]  # a language -> what its version makes (picklable, never None)

# The work of the pool being run: set before the workers fork, read by them (never pickled).
_work: Version | None = None


def threads() -> int:
    """Threads of this process, native ones included (not only Python's)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 2  # unknown: do not fork


def fork_context() -> Any:
    """The fork start method where it is safe and cheap (Linux, a single thread), else None."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork") if threads() == 1 else None


def in_parallel(
    langs: Sequence[str], version: Version, warm: Callable[[], None] | None = None, jobs: int | None = None
) -> list[Any]:
    """``version(lang)`` for every language, in order: in forked workers when that is safe
    and there is more than one language and one core, else here. ``warm`` loads, before the
    workers fork, what each would otherwise load on its own (it must start no thread)."""
    workers = min(len(langs), jobs or os.cpu_count() or 1)
    context = fork_context() if workers > 1 else None
    if context is None:
        return [version(lang) for lang in langs]
    if warm is not None:
        warm()
        context = fork_context()  # still one thread?
        if context is None:
            return [version(lang) for lang in langs]
    global _work
    _work = version
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            made = list(pool.map(_in_worker, langs))
    finally:
        _work = None
    return [version(lang) if m is None else m for lang, m in zip(langs, made, strict=True)]


def _in_worker(lang: str) -> Any:
    """A version made in a worker, or None if it raised (the parent makes it again)."""
    assert _work is not None
    try:
        return _work(lang)
    except Exception:  # noqa: BLE001 - the parent makes this version again and raises
        return None
