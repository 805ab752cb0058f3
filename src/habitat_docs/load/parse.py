"""A data file's bytes (YAML, JSON or TOML) to plain data, within the limits every format keeps."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from functools import partial
from typing import Any

from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load.limits import MAX_DEPTH, MAX_STRING, TOO_DEEP, check_size
from habitat_docs.load.lines import LazyLines, json_lines
from habitat_docs.load.tomlmap import key_lines
from habitat_docs.load.yamltree import parse_yaml
from habitat_docs.model.inline import InlineError, check_characters

__all__ = ["SUFFIXES", "parse_data"]

SUFFIXES = (".yaml", ".yml", ".json", ".toml")  # the data files, by their names


def parse_data(raw: bytes, suffix: str, name: str) -> tuple[Any, Mapping[Path, int]]:
    """The plain data of a file's bytes (YAML, JSON or TOML by ``suffix``) within the limits,
    and the line of each field path (made when first read)."""
    check_size(raw, name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text (byte {e.start})", file=name)) from None
    lines: Mapping[Path, int]
    if suffix in (".yaml", ".yml"):
        data, lines = parse_yaml(text, name)
    elif suffix == ".json":
        data = _parse_json(text, name)
        lines = LazyLines(partial(json_lines, text, name))  # made only to locate an error
    elif suffix == ".toml":
        data = _parse_toml(text, name)
        lines = LazyLines(partial(key_lines, text))  # made only to locate an error
    else:
        raise DataError(Problem(f"unknown data file type '{suffix}' (use .yaml, .json or .toml)", file=name))
    problems = _check_values(data)
    if problems:
        raise DataError(problems).located(name, lines)
    return data, lines


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as e:  # the composer names its path and both lines
        json_lines(text, name)
        raise DataError(Problem(f"duplicate key '{e}'", file=name)) from None
    except json.JSONDecodeError as e:
        raise DataError(Problem(f"JSON syntax: {e.msg}", file=name, line=e.lineno, column=e.colno)) from None
    except RecursionError:
        raise DataError(Problem(TOO_DEEP, file=name)) from None


_TOML_AT = re.compile(r" \(at line (?P<line>[0-9]+), column (?P<column>[0-9]+)\)\Z")


def _parse_toml(text: str, name: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_AT.search(str(e))
        if m is None:
            raise DataError(Problem(f"TOML syntax: {e}", file=name)) from None
        raise DataError(Problem(f"TOML syntax: {str(e)[: m.start()]}", file=name, line=int(m["line"]),
                                column=int(m["column"]))) from None  # fmt: skip
    except RecursionError:
        raise DataError(Problem(TOO_DEEP, file=name)) from None


def _check_values(data: Any) -> list[Problem]:
    """Limits every data file keeps, whatever its format: nesting depth, the length of a
    string, and no control or private-use characters in any string or key (they could
    corrupt the output, or hide text in it)."""
    problems: list[Problem] = []
    stack: list[tuple[Any, Path]] = [(data, ())]
    while stack and len(problems) < 20:
        value, path = stack.pop()
        if isinstance(value, str):
            problems += _string_problems(value, path)
        elif isinstance(value, Mapping | list | tuple):  # tuples: YAML's !!omap and !!pairs
            if len(path) >= MAX_DEPTH:
                problems.append(Problem(TOO_DEEP, path))
                continue
            items = list(value.items()) if isinstance(value, Mapping) else list(enumerate(value))
            for key, item in reversed(items):  # reversed: the stack pops in file order
                bad_key = _string_problems(key, path) if isinstance(key, str) else []
                if bad_key and len(key) > MAX_STRING:  # at its own path, for its line (shown shortened)
                    problems += [Problem(f"this key: {p.message}", (*path, key)) for p in bad_key]
                elif bad_key:  # reported at the mapping: the key itself is unprintable
                    problems += [Problem(f"a key: {p.message}", p.path) for p in bad_key]
                else:
                    stack.append((item, (*path, key)))
    return problems


def _string_problems(value: str, path: Path) -> list[Problem]:
    if len(value) > MAX_STRING:
        return [Problem(f"a string of {len(value):,} characters is longer than the {MAX_STRING:,} allowed", path)]
    try:
        check_characters(value)
    except InlineError as e:
        return [Problem(str(e), path)]
    return []
