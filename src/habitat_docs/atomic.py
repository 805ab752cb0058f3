"""Atomic file writes: a file is replaced whole or not at all, even when its writer is killed."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from functools import cache
from pathlib import Path

__all__ = ["write_atomic"]

# Temporary files of write_atomic: ".<name>.<pid>.<random>.tmp" beside the file they become.
_TMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp\Z")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place: readers see
    the old file or the new one, never a part. A temporary file left by a writer that was
    killed (its process is gone) is removed when the same file is written again."""
    path = Path(path)
    _remove_stale(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            _lock(f.fileno(), blocking=True)  # held until closed: the file is in use
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale(path: Path) -> None:
    """Remove the temporary files of ``path`` whose writer has died: its process is gone
    (or a zombie) and it holds no lock on the file any more."""
    prefix = f".{path.name}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for n in names:
        m = _TMP.match(n)
        if m is None or m["name"] != path.name or _alive(int(m["pid"])):
            continue
        stale = path.parent / n
        with contextlib.suppress(OSError):
            fd = os.open(stale, os.O_RDONLY)
            try:
                if _lock(fd, blocking=False):
                    stale.unlink()
            finally:
                os.close(fd)


def _lock(fd: int, *, blocking: bool) -> bool:
    """An exclusive advisory lock on an open file (released when it is closed, or when its
    process dies); True when taken. Without fcntl (Windows), always True."""
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process (or cannot tell): leave its file alone
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in (b"Z", b"X")


@cache
def _umask() -> int:
    """The process's umask: read from /proc where it can be (setting it to read it, as
    os.umask must, would briefly change it for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
