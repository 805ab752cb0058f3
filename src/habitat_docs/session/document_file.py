"""A document's data file as a session reads it: its data and line map, or the problems reading it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

from attrs import field, frozen

from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load import parse_data, read_file

__all__ = ["DocumentFile", "read_document_file"]


@frozen
class DocumentFile:
    """A document's data file as read: its data and line map, or the problems reading it."""

    name: str
    data: Any = None
    lines: Mapping[Path, int] = field(factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def fields(self) -> Mapping[str, Any]:
        """The data's top-level fields; empty when the file holds no mapping."""
        return self.data if isinstance(self.data, Mapping) else {}


def read_document_file(file: str | FsPath) -> DocumentFile:
    """Read a data file (in a worker process or not); never raises for bad data."""
    name = str(file)
    try:
        data, lines = parse_data(read_file(file), FsPath(file).suffix.lower(), name)
    except DataError as e:
        return DocumentFile(name, problems=tuple(e.problems))
    return DocumentFile(name, data, lines)
