"""Line maps: the line of each field path of a data file, made only when an error needs one."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping

import yaml

from habitat_docs.errors import Path
from habitat_docs.load.yamltree import node_lines

__all__ = ["LazyLines", "json_lines"]


class LazyLines(Mapping[Path, int]):
    """A line map made on first use (picklable: a session's workers send it back)."""

    def __init__(self, make: Callable[[], dict[Path, int]]) -> None:
        self._make: Callable[[], dict[Path, int]] | None = make
        self._lines: dict[Path, int] = {}

    def _get(self) -> dict[Path, int]:
        if self._make is not None:
            self._lines, self._make = self._make(), None
        return self._lines

    def __getitem__(self, path: Path) -> int:
        return self._get()[path]

    def __iter__(self) -> Iterator[Path]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


_SURROGATE = re.compile(r"(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def json_lines(text: str, name: str) -> dict[Path, int]:
    """The line of every field path of a JSON file, read by the YAML composer (JSON is
    YAML); a duplicate key raises its DataError. Empty if the composer cannot read the
    file (JSON that YAML 1.1 does not accept, such as some escapes)."""
    # YAML refuses surrogate escapes ("\ud83d\ude00"); for the lines, any character will do.
    text, long = _stand_ins(text)
    try:
        lines = node_lines(_SURROGATE.sub(r"\g<1>\\u0041", text), name)
    except (yaml.YAMLError, yaml.reader.ReaderError):
        return {}
    if not long:
        return lines
    return {tuple(long.get(p, p) if isinstance(p, str) else p for p in path): n for path, n in lines.items()}


_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')
_LONG = 1000  # YAML's keys end at 1,024 characters


def _stand_ins(text: str) -> tuple[str, dict[str, str]]:
    """The text with each long string replaced by a short stand-in, so that YAML reads a
    long key too, and the strings by their stand-ins."""
    long: dict[str, str] = {}

    def stand_in(m: re.Match[str]) -> str:
        if len(m[0]) < _LONG:
            return m[0]
        short = f"\ue000{len(long)}"
        try:
            long[short] = json.loads(m[0])
        except ValueError:
            return m[0]
        return f'"{short}"'

    return _STRING.sub(stand_in, text), long
