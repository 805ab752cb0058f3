"""Input files are regular files: a FIFO would block its reader for ever, a device
(/dev/zero, /dev/null, a terminal) reads endlessly or nothing, and a directory is no file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["NotRegularFile", "file_kind", "read_regular"]

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """A path names something other than a regular file; ``str`` says what it is."""

    def __init__(self, path: str | os.PathLike[str], kind: str) -> None:
        self.message = f"not a regular file ({kind})"
        super().__init__(self.message)
        self.strerror = self.message
        self.filename = str(path)

    def __str__(self) -> str:
        return self.message


def file_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, when it is not a regular file (else None)."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a file")


def read_regular(path: str | os.PathLike[str], limit: int = -1) -> bytes:
    """The bytes of a regular file (at most ``limit`` of them, when not -1). Opened without
    waiting (a FIFO with no writer would block ``open``) and checked on the open file, so a
    file swapped for a FIFO between a check and the read is refused too; NotRegularFile
    (an OSError) for anything else."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOCTTY", 0)
        | getattr(os, "O_BINARY", 0)
    )
    fd = os.open(Path(path), flags)
    try:
        kind = file_kind(os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    if kind is not None:
        os.close(fd)
        raise NotRegularFile(path, kind)
    with os.fdopen(fd, "rb") as f:
        return f.read() if limit < 0 else f.read(limit)
