"""Limits on what a data file may hold, whatever its format.

They turn a hostile or broken file (a 50 MB string, nesting thousands deep, a "billion
laughs" of YAML aliases) into one clear error instead of a crash or a hang. A real document
is far inside them.
"""

from __future__ import annotations

from habitat_docs.errors import DataError, Problem
from habitat_docs.model import MAX_TEXT

__all__ = [
    "MAX_DEPTH", "MAX_EXPANDED", "MAX_FILE_BYTES", "MAX_STRING", "MAX_VALUES", "TOO_DEEP", "check_size",
]  # fmt: skip

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_STRING = MAX_TEXT  # characters in any one string (the same limit as a Text)
MAX_DEPTH = 50  # nested mappings and lists
MAX_VALUES = 1_000_000  # values a YAML file expands to (aliases repeat theirs)
# Characters of text (keys and values) a YAML file expands to, counting what each alias
# repeats: twice what the largest file can hold written out, so only aliases reach it.
MAX_EXPANDED = 2 * MAX_FILE_BYTES

TOO_DEEP = f"mappings and lists nest more than {MAX_DEPTH} deep"


def check_size(raw: bytes, name: str) -> None:
    """A DataError naming the file if it holds more than :data:`MAX_FILE_BYTES`."""
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(Problem(
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the limit for a data file",
            file=name,
        ))  # fmt: skip
