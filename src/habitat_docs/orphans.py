"""Worker processes that end when the process that started their pool dies.

A pool's parent that is killed outright (SIGKILL, the out-of-memory killer) runs no clean-up,
so its workers, blocked on a queue nobody will write to again, would live on with all their
memory. Every pool of the project starts its workers with
``initializer=die_with_parent, initargs=(os.getpid(),)``.

On Linux the kernel does it: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` kills the worker the
moment its parent ends, even while it is busy in native code (a PDF compiler), with no thread
and no polling. Elsewhere a daemon thread polls the parent once a second.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent"]

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_SECONDS = 1.0


def die_with_parent(owner: int) -> None:
    """In a worker: end this process when ``owner`` (the process that made the pool) dies.

    The worker's parent is the owner, or, under the fork server start method, a server that
    itself ends with the owner. The owner may already be gone before the signal is armed
    (the kernel then never sends it), hence the check right after arming it."""
    if not _kernel_signal():
        _watch(owner)
    if not _alive(owner):
        os._exit(1)


def _kernel_signal() -> bool:
    """Ask Linux to send SIGKILL to this process when its parent ends; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(owner: int) -> None:
    """Start a thread that ends this process once its parent or the owner is gone."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent and _alive(owner):
            time.sleep(POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _alive(pid: int) -> bool:
    """Whether the process ``pid`` still exists (and is not a zombie waiting to be reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else (a reused number: unlikely)
    return _state(pid) != "Z"


def _state(pid: int) -> str:
    """The one-letter state of ``pid`` from /proc ("Z": a zombie), "" where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
    except OSError:
        return ""
    return stat.rpartition(")")[2].split()[0] if ")" in stat else ""
