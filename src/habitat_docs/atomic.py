"""Atomic file writes: a file is replaced whole or not at all, even when its writer is killed."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

__all__ = ["write_all_atomic", "write_atomic"]

# Temporary files of write_atomic: ".<name>.<pid>.<random>.tmp" beside the file they become.
_TMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp\Z")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place: readers see
    the old file or the new one, never a part. A temporary file left by a writer that was
    killed (its process is gone) is removed when the same file is written again."""
    write_all_atomic([(Path(path), data)])


def write_all_atomic(files: Iterable[tuple[Path, bytes]]) -> None:
    """Write a set of files all or not at all: every one to a temporary file first (where a
    full disk shows), then all renamed into place. If any write or rename fails, the
    temporary files are removed and every file already replaced gets its old content back
    (or is removed, if it is new), so a set such as the languages and formats of one
    document is never left half new, half old."""
    files = [(Path(path), data) for path, data in files]
    temps: list[Path] = []
    try:
        for path, data in files:
            temps.append(_temporary(path, data))
        _replace_all([path for path, _ in files], temps)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def _temporary(path: Path, data: bytes) -> Path:
    """``data`` in a temporary file beside ``path``, with the mode of a new file."""
    _remove_stale(path)
    fd, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            _lock(f.fileno(), blocking=True)  # held until closed: the file is in use
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _replace_all(paths: list[Path], temps: list[Path]) -> None:
    """Rename each temporary file onto its path; on failure, put the old files back. The
    old files are kept as hard links until the end (a link takes no room on the disk);
    where links cannot be made, a failed rename leaves the others done (it is the write
    that fails on a full disk, not the rename)."""
    backups = {path: _backup(path) for path in paths}
    done: list[Path] = []
    try:
        for path, tmp in zip(paths, temps, strict=True):
            os.replace(tmp, path)
            done.append(path)
    except BaseException:
        for path in reversed(done):
            with contextlib.suppress(OSError):
                old = backups[path]
                if old is None:
                    path.unlink()
                else:
                    os.replace(old, path)
        raise
    finally:
        for old in backups.values():
            if old is not None:
                old.unlink(missing_ok=True)


def _backup(path: Path) -> Path | None:
    """A hard link to the present ``path`` under a temporary name, or None (no such file,
    or no link can be made there)."""
    name = f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    backup = path.parent / name
    try:
        os.link(path, backup, follow_symlinks=False)
    except OSError:
        return None
    return backup


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
