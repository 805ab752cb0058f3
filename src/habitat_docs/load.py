"""Data files (YAML, JSON, TOML) to typed documents, with errors naming file, line and field."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import tomllib
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

import attrs
import cattrs
import cattrs.gen
import yaml
from cattrs.errors import (
    AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError,
    IterableValidationError, IterableValidationNote,
)

from . import facts
from .errors import DataError, Path, Problem
from .model import (
    KINDS, Block, Document, Figure, Paragraph, PreSession, Subparagraph, Table, TargetBox, Text,
)  # fmt: skip
from .symbol import Symbol

__all__ = ["load", "structure"]

_BLOCK_KEYS: dict[str, type] = {
    "text": Paragraph, "table": Table, "figure": Figure, "targets": TargetBox, "presession": PreSession,
}  # fmt: skip
_LIST_BLOCKS = {"targets": "items"}  # blocks written as a bare list fill this field


def load(path: str | FsPath) -> Document:
    """Read a data file (.yaml, .yml, .json, .toml) into a document model."""
    path = FsPath(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DataError(Problem(f"cannot read the file: {e.strerror}", file=name)) from None
    data, lines = _parse(raw, path.suffix.lower(), name)
    try:
        return structure(data, base_dir=path.parent)
    except DataError as e:
        raise e.located(name, lines) from None


def structure(data: Any, base_dir: FsPath | None = None) -> Document:
    """Turn plain data (as parsed from a data file) into a document model."""
    if not isinstance(data, Mapping):
        raise DataError("the file must hold a mapping of fields (kind, symbol, …)")
    kind = data.get("kind")
    if kind not in KINDS:
        hint = _suggest(str(kind), KINDS) if isinstance(kind, str) else ""
        known = ", ".join(KINDS)
        raise DataError(f"unknown document kind {kind!r}{hint} (known: {known})", ("kind",))
    fields = {k: v for k, v in data.items() if k != "kind"}
    try:
        doc = _converter.structure(fields, KINDS[kind])
    except (ClassValidationError, IterableValidationError, DataError) as e:
        raise DataError(list(_problems(e, ()))) from None
    return attrs.evolve(doc, base_dir=base_dir) if base_dir is not None else doc


# --- parsing --------------------------------------------------------------------------------


def _parse(raw: bytes, suffix: str, name: str) -> tuple[Any, dict[Path, int]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text (byte {e.start})", file=name)) from None
    if suffix in (".yaml", ".yml"):
        return _parse_yaml(text, name)
    if suffix == ".json":
        try:
            return json.loads(text), {}
        except json.JSONDecodeError as e:
            raise DataError(Problem(f"JSON syntax: {e.msg}", file=name, line=e.lineno)) from None
    if suffix == ".toml":
        try:
            return tomllib.loads(text), {}
        except tomllib.TOMLDecodeError as e:
            raise DataError(Problem(f"TOML syntax: {e}", file=name)) from None
    raise DataError(Problem(f"unknown data file type '{suffix}' (use .yaml, .json or .toml)", file=name))


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        """An impossible date (2024-02-30) stays a string, so the field that expects a date
        reports it with its path and line."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _parse_yaml(text: str, name: str) -> tuple[Any, dict[Path, int]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError(Problem("the file is empty", file=name))
        lines: dict[Path, int] = {}
        _index(node, (), lines, name)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(Problem(f"YAML syntax: {e.problem or e.context}", file=name, line=line)) from None
    finally:
        loader.dispose()


def _index(node: yaml.Node, path: Path, lines: dict[Path, int], name: str) -> None:
    """Record the line of every node by field path; reject duplicate keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            k = key.value
            if k in seen:
                raise DataError(
                    Problem(f"duplicate key '{k}' (first at line {seen[k]})", (*path, k), name,
                            key.start_mark.line + 1)
                )
            seen[k] = key.start_mark.line + 1
            _index(value, (*path, k), lines, name)
            lines[(*path, k)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), lines, name)


# --- structuring ----------------------------------------------------------------------------

_converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _text(value: Any, _: type) -> Text:
    if isinstance(value, Text):
        return value
    if not isinstance(value, Mapping):
        raise DataError("expected a mapping of languages, e.g. {en: …, zh: …}")
    return Text(value)


def _date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise DataError(f"expected a date as YYYY-MM-DD, got {value!r}")


def _symbol(value: Any, _: type) -> Symbol:
    if not isinstance(value, str):
        raise DataError(f"expected a symbol such as HSP/EB.2024/11, got {value!r}")
    return Symbol(value)


def _strict(kind: type) -> Any:
    def hook(value: Any, _: type) -> Any:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise DataError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return hook


def _facts(value: Any, _: type) -> facts.Facts:
    if isinstance(value, facts.Facts):
        return value
    return facts.from_data(value)


def _block(value: Any, _: type) -> Block:
    if isinstance(value, Mapping):
        keys = [k for k in _BLOCK_KEYS if k in value]
        if len(keys) == 1:
            key = keys[0]
            cls = _BLOCK_KEYS[key]
            if cls is Paragraph:
                return _converter.structure(value, Paragraph)  # type: ignore[no-any-return]
            return _wrapped_block(key, cls, value)
        if len(keys) > 1:
            raise DataError(f"a block is one of {', '.join(keys)}, not several")
        if _is_text(value):
            return Paragraph(text=Text(value))
    raise DataError(
        "expected a paragraph (text: …), table: …, figure: …, targets: […] or presession: …"
    )


def _wrapped_block(key: str, cls: type, value: Mapping[str, Any]) -> Block:
    """``{table: {…}, id: x}``: the fields under the key, plus those beside it."""
    inner, beside = value[key], {k: v for k, v in value.items() if k != key}
    field = _LIST_BLOCKS.get(key)
    if field is not None:
        inner = {field: inner}
    elif not isinstance(inner, Mapping):
        raise DataError(f"'{key}' must hold a mapping of fields", (key,))
    try:
        return _converter.structure({**inner, **beside}, cls)  # type: ignore[no-any-return]
    except (ClassValidationError, IterableValidationError, DataError) as e:
        problems = _problems(e, ())
    for p in problems:  # report paths as written in the file
        head = p.path[:1]
        if field is not None and head == (field,):
            p.path = (key, *p.path[1:])
        elif head and head[0] not in beside:
            p.path = (key, *p.path)
    raise DataError(problems)


def _subparagraph(value: Any, _: type) -> Subparagraph:
    if isinstance(value, Mapping) and _is_text(value) and "text" not in value:
        return Subparagraph(text=Text(value))
    return _structure_subparagraph(value, Subparagraph)  # type: ignore[no-any-return]


def _is_text(value: Mapping[str, Any]) -> bool:
    """A bare {en: …, zh: …} mapping (a shorthand for {text: {en: …, zh: …}})."""
    return bool(value) and all(
        isinstance(k, str) and 2 <= len(k) <= 3 and k.isalpha() and k.islower() and k != "id"
        for k in value
    )


for _kind, _hook in [
    (Text, _text), (dt.date, _date), (Symbol, _symbol), (Subparagraph, _subparagraph),
    (int, _strict(int)), (str, _strict(str)), (bool, _strict(bool)), (facts.Facts, _facts),
]:  # fmt: skip
    _converter.register_structure_hook(_kind, _hook)
# Made after the hooks above, so that its text field uses the Text hook.
_structure_subparagraph = cattrs.gen.make_dict_structure_fn(
    Subparagraph, _converter, _cattrs_forbid_extra_keys=True
)
_converter.register_structure_hook_func(lambda t: t == Block, _block)
for _cls in KINDS.values():  # base_dir comes from the file's location, never from its data
    _converter.register_structure_hook(
        _cls,
        cattrs.gen.make_dict_structure_fn(
            _cls, _converter, _cattrs_forbid_extra_keys=True, base_dir=cattrs.override(omit=True)
        ),
    )


def _problems(exc: BaseException, path: Path) -> list[Problem]:
    """Flatten a cattrs error tree into problems with field paths."""
    if isinstance(exc, DataError):
        return [Problem(p.message, (*path, *p.path)) for p in exc.problems]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        out: list[Problem] = []
        for sub, note in with_notes:
            step = note.name if isinstance(note, AttributeValidationNote) else note.index
            assert isinstance(note, AttributeValidationNote | IterableValidationNote)
            out += _problems(sub, (*path, step))
        for sub in without:
            out += _problems(sub, path)
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        names = [a.name for a in attrs.fields(exc.cl) if a.init]
        return [
            Problem(f"unknown field '{k}'{_suggest(k, [n for n in names if n != k])}", (*path, k))
            for k in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        key = exc.args[0]
        # cattrs may already have put the missing field's name on the path
        return [Problem("required field is missing", path if path[-1:] == (key,) else (*path, key))]
    if isinstance(exc, TypeError | ValueError):
        return [Problem(_plain_type_error(exc), path)]
    raise exc


def _plain_type_error(exc: Exception) -> str:
    msg = str(exc)
    if "'NoneType'" in msg:
        return "a value is required here"
    if "object is not iterable" in msg or "not a list" in msg:
        return "expected a list"
    return msg


def _suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
