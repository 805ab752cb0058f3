"""The register of the year: the HSP/EB numbers used outside this session (§1.3).

The session file's ``register:`` gives them inline (``previous: [1, "2-10"]``) or names a
register file (:func:`read_register`); :func:`record_register` adds a session's numbers to
that file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path as FsPath
from typing import Any

import yaml
from attrs import field, frozen

from habitat_docs.atomic import write_atomic
from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load import parse_data, read_file
from habitat_docs.model.symbol import Symbol
from habitat_docs.number import runs
from habitat_docs.session.checks import outside_folder, unknown_fields

__all__ = [
    "Register",
    "ordinal_word",
    "parse_numbers",
    "read_register",
    "record_register",
]  # fmt: skip

_REGISTER_FIELDS = ("previous", "file")
_REGISTER_FILE_FIELDS = ("year", "used", "sessions")
_RANGE = re.compile(r"\s*([1-9][0-9]*)\s*[-–]\s*([1-9][0-9]*)\s*\Z")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


@frozen
class Register:
    """The numbers of the year's HSP/EB symbols already used outside this session, each
    with where it was recorded (for error messages). ``earlier``: the numbers this session
    follows (previous sessions, numbers issued outside sessions); ``later``: those of later
    sessions already recorded (claimed, but allocation does not continue after them)."""

    earlier: Mapping[int, str] = field(factory=dict)
    later: Mapping[int, str] = field(factory=dict)
    given: bool = False  # whether the session file names a register at all

    @classmethod
    def of(cls, earlier: Iterable[int] = (), later: Iterable[int] = ()) -> Register:
        return cls({n: "the register" for n in earlier}, {n: "the register" for n in later}, True)


def ordinal_word(n: int) -> str:
    """``first``, ``second`` … of a session's ordinal."""
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else f"{n}th"


# ============================================================================ numbers as written


def parse_numbers(values: Any, year: int, path: Path) -> tuple[list[int], list[Problem]]:
    """Register numbers as written: ``[1, "2-10", "HSP/EB.2024/11"]`` (a number, a range,
    or an HSP/EB symbol of the year, whose base number counts)."""
    if not isinstance(values, list):
        return [], [Problem('expected a list of numbers, ranges ("2-10") or symbols', path)]
    problems: list[Problem] = []
    out: list[int] = []
    for i, value in enumerate(values):
        numbers, problem = _numbers(value, year, (*path, i))
        out.extend(numbers)
        if problem is not None:
            problems.append(problem)
    return out, problems


def _numbers(value: Any, year: int, here: Path) -> tuple[list[int], Problem | None]:
    """The numbers one entry of a register list stands for, or the problem with it."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            return [], Problem(f"a symbol number is 1 or more, got {value}", here)
        return [value], None
    if isinstance(value, str) and (m := _RANGE.fullmatch(value)):
        first, last = int(m[1]), int(m[2])
        if last < first:
            return [], Problem(f"the range {value!r} runs backwards", here)
        return list(range(first, last + 1)), None
    if isinstance(value, str) and value.strip().isdigit():
        return [int(value)], None
    if isinstance(value, str):
        return _symbol_number(value, year, here)
    return [], Problem(
        f'expected a number, a range such as "2-10" or a symbol, got {value!r}', here
    )


def _symbol_number(value: str, year: int, here: Path) -> tuple[list[int], Problem | None]:
    """The base number of an HSP/EB symbol of the year (none for L.n, CRP.n …)."""
    try:
        sym = Symbol(value.strip())
    except DataError as e:
        return [], Problem(f'expected a number, a range such as "2-10" or a symbol: {e}', here)
    if sym.year != year or sym.series != "HSP":
        return [], Problem(f"'{sym.text}' is not an HSP/EB.{year} symbol", here)
    return ([sym.number] if sym.kind is None else []), None


# ============================================================================ reading


def read_register(
    spec: Any, year: int, ordinal: int, base_dir: FsPath
) -> tuple[Register, FsPath | None]:
    """The register a session file names (``register: {previous: […], file: …}``) and the
    register file's path, if any. Errors are located in the session or register file."""
    if spec is None:
        return Register(), None
    if not isinstance(spec, Mapping):
        raise DataError(
            "expected a mapping: {previous: […]} or {file: register.yaml}", ("register",)
        )
    problems = unknown_fields(spec, _REGISTER_FIELDS, ("register",))
    earlier: dict[int, str] = {}
    if "previous" in spec:
        numbers, probs = parse_numbers(spec["previous"], year, ("register", "previous"))
        problems += probs
        for n in numbers:
            earlier.setdefault(n, "register.previous")
    file, probs = _register_file(spec, base_dir)
    problems += probs
    if problems:
        raise DataError(problems)
    later: dict[int, str] = {}
    if file is not None and file.exists():  # one that does not exist yet is empty
        in_file = _read_register_file(file, year, ordinal)
        for n, where in in_file.earlier.items():
            earlier.setdefault(n, where)
        for n, where in in_file.later.items():
            later.setdefault(n, where)
    return Register(earlier, later, True), file


def _register_file(
    spec: Mapping[str, Any], base_dir: FsPath
) -> tuple[FsPath | None, list[Problem]]:
    """The register file the session file names (``register: {file: …}``), if any."""
    if "file" not in spec:
        return None, []
    name = spec["file"]
    if not isinstance(name, str) or not name.strip():
        return None, [Problem("expected the name of a register file", ("register", "file"))]
    if (outside := outside_folder(base_dir, name)) is not None:
        return None, [Problem(outside, ("register", "file"))]
    return base_dir / name, []


def _read_register_file(file: FsPath, year: int, ordinal: int) -> Register:
    """The numbers a register file records, those of this session's own entry left out."""
    name = str(file)
    data, lines = parse_data(read_file(file), file.suffix.lower(), name)
    if not isinstance(data, Mapping):
        raise DataError(
            Problem(
                "a register file holds a mapping: {year: …, sessions: {1: […]}}", file=name, line=1
            )
        )
    problems = unknown_fields(data, _REGISTER_FILE_FIELDS, ())
    if data.get("year") != year:
        problems.append(
            Problem(f"this register is for {data.get('year')!r}, the session for {year}", ("year",))
        )
    numbers, probs = parse_numbers(data.get("used", []), year, ("used",))
    problems += probs
    earlier = dict.fromkeys(numbers, f"{name}, used")
    before, after, probs = _read_sessions(data.get("sessions", {}), name, year, ordinal)
    problems += probs
    for n, where in before.items():
        earlier.setdefault(n, where)
    if problems:
        raise DataError(problems).located(name, lines)
    return Register(earlier, after, True)


def _read_sessions(
    sessions: Any, name: str, year: int, ordinal: int
) -> tuple[dict[int, str], dict[int, str], list[Problem]]:
    """The numbers of the register file's sessions before this one and after it (this
    session's own are left out: allocation gives them again), and the problems."""
    if not isinstance(sessions, Mapping):
        problem = Problem(
            "expected a mapping of session ordinals to numbers: {1: [1, 2]}", ("sessions",)
        )
        return {}, {}, [problem]
    before: dict[int, str] = {}
    after: dict[int, str] = {}
    problems: list[Problem] = []
    for key, values in sessions.items():
        try:
            k = int(key)
        except (TypeError, ValueError):
            k = 0
        if isinstance(key, bool) or k < 1:
            problems.append(
                Problem(f"'{key}' is not a session ordinal (1, 2, 3 …)", ("sessions", str(key)))
            )
            continue
        numbers, probs = parse_numbers(values, year, ("sessions", str(key)))
        problems += probs
        if k != ordinal:
            target = before if k < ordinal else after
            for n in numbers:
                target.setdefault(n, f"{name}, {ordinal_word(k)} session")
    return before, after, problems


# ============================================================================ recording


def record_register(file: FsPath, year: int, ordinal: int, numbers: Iterable[int]) -> None:
    """Write this session's numbers into the register file (YAML or JSON), keeping the
    other sessions' entries; creates the file if needed. Comments are not kept."""
    data: dict[str, Any] = {"year": year}
    if file.exists():
        raw, _ = parse_data(read_file(file), file.suffix.lower(), str(file))
        if isinstance(raw, Mapping):
            data.update(raw)
    sessions = {int(k): v for k, v in dict(data.get("sessions") or {}).items()}
    sessions[ordinal] = _compact(sorted(set(numbers)))
    data["sessions"] = dict(sorted(sessions.items()))
    text = _register_text(data, year, file)
    file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(file, text.encode("utf-8"))


def _register_text(data: dict[str, Any], year: int, file: FsPath) -> str:
    """The register file's text, in the format its suffix names."""
    suffix = file.suffix.lower()
    if suffix == ".json":
        data["sessions"] = {str(k): v for k, v in data["sessions"].items()}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if suffix in (".yaml", ".yml"):
        head = (
            f"# Register of HSP/EB.{year} symbol numbers, by session.\n"
            "# Written by habitat-docs build-session --record; comments are not kept.\n"
        )
        return head + yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, default_flow_style=None
        )
    raise DataError(
        Problem(f"cannot write a '{suffix}' register (use .yaml or .json)", file=str(file))
    )


def _compact(numbers: list[int]) -> list[int | str]:
    """[1, 2, 3, 4, 7] -> [\"1-4\", 7]."""
    out: list[int | str] = []
    for first, last in runs(numbers):
        if last - first >= 2:
            out.append(f"{first}-{last}")
        else:
            out.extend(range(first, last + 1))
    return out
