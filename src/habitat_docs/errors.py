"""Errors users see: each names the file, the line and the field path when known."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence

from habitat_docs.terminal import printable

Path = tuple[str | int, ...]

__all__ = ["DataError", "Problem", "did_you_mean", "format_path", "shorten"]

SHOWN = 100  # characters of a key or value a message shows in full
_KEPT = 60  # characters a longer one keeps
_QUOTED = 1000  # a quoted run longer than this in any message is a hostile value: shortened
_LONG_QUOTED = re.compile(rf"'([^'\n]{{{_QUOTED + 1},}})'|\"([^\"\n]{{{_QUOTED + 1},}})\"")


def shorten(text: str) -> str:
    """``text``, or for one longer than :data:`SHOWN` its start and its length, so that a
    99,000-character typo makes an error line, not 99 KB of one."""
    if len(text) <= SHOWN:
        return text
    return f"{text[:_KEPT]}… ({len(text):,} characters)"


def _shorten_quoted(message: str) -> str:
    """A message with each long quoted key or value in it shortened."""
    if len(message) <= _QUOTED:
        return message
    return _LONG_QUOTED.sub(lambda m: m[0][0] + shorten(m[1] or m[2]) + m[0][0], message)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'heading'?)" for the choice nearest a misspelt name, or ""."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{shorten(part)}" if out else shorten(part))
    return out


class Problem:
    """One thing wrong with the input; ``column`` (counted in characters, from 1) where a
    syntax error knows it."""

    __slots__ = ("column", "file", "line", "message", "path")

    def __init__(
        self, message: str, path: Path = (), file: str | None = None, line: int | None = None,
        column: int | None = None,
    ) -> None:  # fmt: skip
        self.message, self.path, self.file, self.line = message, tuple(path), file, line
        self.column = column if line is not None else None

    def __str__(self) -> str:
        """``FILE:LINE: FIELD: MESSAGE``, invisible and bidirectional characters escaped
        (a message quotes the data, which may hold them)."""
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        field = format_path(self.path)
        return printable(": ".join(x for x in (where, field, _shorten_quoted(self.message)) if x))

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"


class DataError(ValueError):
    """Invalid input data. ``problems`` lists every problem found, in input order."""

    def __init__(self, problems: Problem | str | Sequence[Problem], path: Path = ()) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems, path)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @classmethod
    def join(cls, errors: Iterable[DataError]) -> DataError:
        return cls([p for e in errors for p in e.problems])

    def within(self, prefix: Path) -> DataError:
        """The same error seen from a containing node."""
        return DataError(
            [Problem(p.message, (*prefix, *p.path), p.file, p.line, p.column) for p in self.problems]
        )

    def located(self, file: str, lines: Mapping[Path, int] | None = None) -> DataError:
        """Attach the file name and the nearest known line of each problem's path."""
        located = []
        for p in self.problems:
            line = p.line
            if line is None and lines:
                for cut in range(len(p.path), -1, -1):
                    line = lines.get(p.path[:cut])
                    if line is not None:
                        break
            located.append(Problem(p.message, p.path, p.file or file, line, p.column))
        return DataError(located)
