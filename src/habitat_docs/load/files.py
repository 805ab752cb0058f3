"""Data files to documents: read within the size limit, parsed, structured, errors located."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path as FsPath

from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load.converter import structure
from habitat_docs.load.limits import MAX_FILE_BYTES, check_size
from habitat_docs.load.parse import parse_data
from habitat_docs.model import Document
from habitat_docs.regular import NotRegularFile, read_regular

__all__ = ["load", "load_with_lines", "read_file"]


def load(path: str | FsPath) -> Document:
    """Read a data file (.yaml, .yml, .json, .toml) into a document model."""
    return load_with_lines(path)[0]


def load_with_lines(path: str | FsPath) -> tuple[Document, Mapping[Path, int]]:
    """``load``, and the line of every field path of the file, to locate errors found
    later (while composing)."""
    path = FsPath(path)
    name = str(path)
    data, lines = parse_data(read_file(path), path.suffix.lower(), name)
    try:
        return structure(data, base_dir=path.parent), lines
    except DataError as e:
        raise e.located(name, lines) from None


def read_file(path: str | FsPath) -> bytes:
    """The bytes of a data file, at most :data:`MAX_FILE_BYTES` of them (a DataError naming
    the file otherwise, or when it cannot be read or is not a regular file: a FIFO, a device
or a directory would block or never end)."""
    name = str(path)
    try:
        raw = read_regular(path, MAX_FILE_BYTES + 1)
    except NotRegularFile as e:
        raise DataError(Problem(e.message, file=name)) from None
    except OSError as e:
        raise DataError(Problem(f"cannot read the file: {e.strerror}", file=name)) from None
    check_size(raw, name)
    return raw
