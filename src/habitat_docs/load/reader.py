"""Data files (YAML, JSON, TOML) to typed documents, with errors naming file, line and field."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

import attrs
import cattrs
import cattrs.gen
import yaml
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from habitat_docs.errors import DataError, Path, Problem, did_you_mean
from habitat_docs.load.images import image_file
from habitat_docs.load.tomlmap import key_lines
from habitat_docs.model import facts
from habitat_docs.model.document import (
    KINDS,
    MAX_TEXT,
    Block,
    Document,
    Figure,
    Paragraph,
    PreSession,
    Subparagraph,
    Table,
    TargetBox,
    Text,
    walk,
)  # fmt: skip
from habitat_docs.model.inline import InlineError, check_characters
from habitat_docs.model.symbol import Symbol

__all__ = [
    "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_STRING", "MAX_VALUES", "load", "load_with_lines", "read_file",
    "parse_data", "structure", "structure_as",
]  # fmt: skip

#: Limits on what a data file may hold: they turn a hostile or broken file (a 50 MB string,
#: nesting thousands deep, a "billion laughs" of YAML aliases) into one clear error instead
#: of a crash or a hang. A real document is far inside them.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_STRING = MAX_TEXT  # characters in any one string (the same limit as a Text)
MAX_DEPTH = 50  # nested mappings and lists
MAX_VALUES = 1_000_000  # values a YAML file expands to (aliases repeat theirs)

_BLOCK_KEYS: dict[str, type] = {
    "text": Paragraph, "table": Table, "figure": Figure, "targets": TargetBox, "presession": PreSession,
}  # fmt: skip
_LIST_BLOCKS = {"targets": "items"}  # blocks written as a bare list fill this field


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
    the file otherwise, or when it cannot be read)."""
    name = str(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise DataError(Problem(f"cannot read the file: {e.strerror}", file=name)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(Problem(
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the limit for a data file",
            file=name,
        ))  # fmt: skip
    return raw


def structure(data: Any, base_dir: FsPath | None = None) -> Document:
    """Turn plain data (as parsed from a data file) into a document model."""
    if not isinstance(data, Mapping):
        raise DataError("the file must hold a mapping of fields (kind, symbol, …)")
    kind = data.get("kind")
    if kind not in KINDS:
        hint = did_you_mean(str(kind), KINDS) if isinstance(kind, str) else ""
        known = ", ".join(KINDS)
        raise DataError(f"unknown document kind {kind!r}{hint} (known: {known})", ("kind",))
    fields = {k: v for k, v in data.items() if k != "kind"}
    try:
        doc = _converter.structure(fields, KINDS[kind])
    except (ClassValidationError, IterableValidationError, DataError) as e:
        raise DataError(_drop_implied(_problems(e, ()))) from None
    if base_dir is None:
        return doc
    doc = attrs.evolve(doc, base_dir=base_dir)
    _check_images(doc)
    return doc


_SUGGESTION = re.compile(r"unknown field '.*' \(did you mean '(?P<name>[^']+)'\?\)\Z")


def structure_as(data: Any, cls: type) -> Any:
    """Structure plain data into one model class, with the loader's hooks and messages."""
    try:
        return _converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, DataError, KeyError, TypeError,
            ValueError) as e:  # fmt: skip
        raise DataError(_problems(e, ())) from None


def _drop_implied(problems: list[Problem]) -> list[Problem]:
    """Without the "required field is missing" of a field whose name an unknown field
    misspells (``heding`` for ``heading``): the typo is the one problem to report."""
    typos = set()
    for p in problems:
        m = _SUGGESTION.match(p.message)
        if m and p.path:
            typos.add((*p.path[:-1], m["name"]))
    return [p for p in problems if not (p.message == _MISSING and p.path in typos)]


def _check_images(doc: Document) -> None:
    """Every figure's image is a PNG, JPEG or GIF file inside the data file's folder."""
    problems = []
    for path, node in walk(doc):
        if isinstance(node, Figure) and node.image is not None:
            try:
                image_file(doc.base_dir, node.image)
            except DataError as e:
                problems.append(e.within((*path, "figure", "image")))  # as the file writes it
    if problems:
        raise DataError.join(problems)


# --- parsing --------------------------------------------------------------------------------


def parse_data(raw: bytes, suffix: str, name: str) -> tuple[Any, Mapping[Path, int]]:
    """The plain data of a file's bytes (YAML, JSON or TOML by ``suffix``) within the limits,
    and the line of each field path (made when first read)."""
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(Problem(
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the limit for a data file",
            file=name,
        ))  # fmt: skip
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text (byte {e.start})", file=name)) from None
    lines: Mapping[Path, int] = {}
    if suffix in (".yaml", ".yml"):
        data, lines = _parse_yaml(text, name)
    elif suffix == ".json":
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates)
        except _DuplicateKey as e:  # the composer names its path and both lines
            _json_lines(text, name)
            raise DataError(Problem(f"duplicate key '{e}'", file=name)) from None
        except json.JSONDecodeError as e:
            raise DataError(Problem(f"JSON syntax: {e.msg}", file=name, line=e.lineno)) from None
        except RecursionError:
            raise DataError(Problem(_TOO_DEEP, file=name)) from None
        lines = _Lines(partial(_json_lines, text, name))  # made only to locate an error
    elif suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            m = _TOML_AT.search(str(e))
            message, line = (str(e)[: m.start()], int(m["line"])) if m else (str(e), None)
            raise DataError(Problem(f"TOML syntax: {message}", file=name, line=line)) from None
        except RecursionError:
            raise DataError(Problem(_TOO_DEEP, file=name)) from None
        lines = _Lines(partial(key_lines, text))  # made only to locate an error
    else:
        raise DataError(Problem(f"unknown data file type '{suffix}' (use .yaml, .json or .toml)", file=name))
    problems = _check_values(data)
    if problems:
        raise DataError(problems).located(name, lines)
    return data, lines


_TOO_DEEP = f"mappings and lists nest more than {MAX_DEPTH} deep"
_TOML_AT = re.compile(r" \(at line (?P<line>[0-9]+), column [0-9]+\)\Z")


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
                problems.append(Problem(_TOO_DEEP, path))
                continue
            items = list(value.items()) if isinstance(value, Mapping) else list(enumerate(value))
            for key, item in reversed(items):  # reversed: the stack pops in file order
                bad_key = _string_problems(key, path) if isinstance(key, str) else []
                if bad_key:  # reported at the mapping: the key itself is unprintable
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


class _PureLoader(yaml.SafeLoader):
    """PyYAML's own parser: it streams events with no nesting limit of its own, so the
    limits met first are the project's (:func:`_compose`)."""

    file = ""


if TYPE_CHECKING:
    _FAST = yaml.SafeLoader
else:
    _FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_FAST):
    """libyaml's parser when PyYAML has it (fast)."""

    file = ""


_Parser = _Loader | _PureLoader


def _timestamp(loader: _Parser, node: yaml.ScalarNode) -> Any:
    """An impossible date (2024-02-30) stays a string, so the field that expects a date
    reports it with its path and line."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


def _int(loader: _Parser, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_int(node)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise DataError(Problem(
            f"a number of {len(node.value)} digits is too long", file=loader.file,
            line=node.start_mark.line + 1,
        )) from None  # fmt: skip


def _undefined(loader: _Parser, node: yaml.Node) -> Any:
    """Tags such as !!python/object: a data file holds plain values, never code."""
    raise DataError(Problem(
        f"the YAML tag '{node.tag}' is not allowed (a data file holds plain values)",
        file=loader.file, line=node.start_mark.line + 1,
    ))  # fmt: skip


# Both parsers follow the same rules of what a data file may hold.
for _parser in (_PureLoader, _Loader):
    _parser.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    _parser.add_constructor("tag:yaml.org,2002:int", _int)
    _parser.add_constructor(None, _undefined)


def _parse_yaml(text: str, name: str) -> tuple[Any, dict[Path, int]]:
    loader = _Loader(text)
    loader.file = name
    try:
        node = _compose(loader, name)
        if node is None:
            raise DataError(Problem("the file is empty", file=name))
        lines: dict[Path, int] = {}
        _index(node, lines, name)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as e:
        _limit_first(text, name)
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(Problem(f"YAML syntax: {e.problem or e.context}", file=name, line=line)) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow in a file
        line = text.count("\n", 0, max(e.position, 0)) + 1
        what = f"character U+{e.character:04X}" if isinstance(e.character, int) else "a character"
        raise DataError(Problem(f"YAML syntax: {what} is not allowed in a YAML file",
                                file=name, line=line)) from None  # fmt: skip
    finally:
        loader.dispose()


def _limit_first(text: str, name: str) -> None:
    """Raise the project's own limit error if the file breaks one before the point where
    libyaml failed. libyaml scans ahead of the events it gives and, since PyYAML 6.0.4, stops
    at a nesting depth of its own, with its own message; PyYAML's own parser streams."""
    if _Loader is _PureLoader:
        return
    loader = _PureLoader(text)
    loader.file = name
    try:
        _compose(loader, name)
    except (yaml.YAMLError, yaml.reader.ReaderError):
        pass  # the same syntax error: libyaml's message stands
    finally:
        loader.dispose()


_SURROGATE = re.compile(r"(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


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


class _Lines(Mapping[Path, int]):
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


def _json_lines(text: str, name: str) -> dict[Path, int]:
    """The line of every field path of a JSON file, read by the YAML composer (JSON is
    YAML); a duplicate key raises its DataError. Empty if the composer cannot read the
    file (JSON that YAML 1.1 does not accept, such as some escapes)."""
    # YAML refuses surrogate escapes ("\ud83d\ude00"); for the lines, any character will do.
    loader = _Loader(_SURROGATE.sub(r"\g<1>\\u0041", text))
    loader.file = name
    lines: dict[Path, int] = {}
    try:
        node = _compose(loader, name)
        if node is not None:
            _index(node, lines, name)
        return lines
    except (yaml.YAMLError, yaml.reader.ReaderError):
        return {}
    finally:
        loader.dispose()


def _compose(loader: _Parser, name: str) -> yaml.Node | None:
    """The single document of the stream as a node tree, like ``get_single_node`` but
    without recursion (libyaml's composer recurses in C and crashes the interpreter on
    nesting some 100,000 deep), stopping at :data:`MAX_DEPTH` levels of nesting and at
    :data:`MAX_VALUES` values once aliases are expanded, and refusing recursive aliases."""
    loader.get_event()  # StreamStartEvent
    if loader.check_event(yaml.StreamEndEvent):
        loader.get_event()
        return None
    loader.get_event()  # DocumentStartEvent
    anchors: dict[str, yaml.Node] = {}
    size: dict[int, int] = {}  # id(node) -> values it expands to
    stack: list[list[Any]] = []  # open collections: [node, pending mapping key or None]
    root: yaml.Node | None = None

    def fail(message: str, mark: Any) -> DataError:
        path: list[str | int] = []
        for node, key in stack:
            if isinstance(node, yaml.SequenceNode):
                path.append(len(node.value))
            elif key is not None and isinstance(key, yaml.ScalarNode):
                path.append(key.value)
        return DataError(Problem(message, tuple(path), name, mark.line + 1))

    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is yaml.AliasEvent:
            node = anchors.get(event.anchor)
            if node is None:
                raise yaml.composer.ComposerError(
                    None, None, f"found undefined alias '{event.anchor}'", event.start_mark
                )
            if any(node is open_[0] for open_ in stack):
                raise fail(f"the alias '*{event.anchor}' repeats a value that holds it", event.start_mark)
        elif kind is yaml.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            size[id(node)] = 1
            if event.anchor is not None:
                anchors[event.anchor] = node
        elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            cls = yaml.SequenceNode if kind is yaml.SequenceStartEvent else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(cls, None, event.implicit)
            node = cls(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if len(stack) >= MAX_DEPTH:
                raise fail(_TOO_DEEP, event.start_mark)
            size[id(node)] = 1
            if event.anchor is not None:
                anchors[event.anchor] = node
            stack.append([node, None])
            continue
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            node = stack.pop()[0]
            node.end_mark = event.end_mark
        else:  # DocumentEndEvent
            break
        if not stack:
            root = node
            continue
        parent = stack[-1]
        size[id(parent[0])] += size[id(node)]
        if size[id(parent[0])] > MAX_VALUES:
            raise fail(f"the file expands to more than {MAX_VALUES:,} values (through YAML aliases)",
                       event.start_mark)  # fmt: skip
        if isinstance(parent[0], yaml.SequenceNode):
            parent[0].value.append(node)
        elif parent[1] is None:
            parent[1] = node
        else:
            parent[0].value.append((parent[1], node))
            parent[1] = None
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise DataError(Problem("a data file holds one YAML document; another one starts here",
                                file=name, line=event.start_mark.line + 1))  # fmt: skip
    loader.get_event()
    return root


def _index(root: yaml.Node, lines: dict[Path, int], name: str) -> None:
    """Record the line of every node by field path; reject duplicate keys."""
    stack: list[tuple[yaml.Node, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in reversed(node.value):  # reversed: the stack pops in file order
                if not isinstance(key, yaml.ScalarNode):
                    raise DataError(Problem("a key must be a plain value, not a mapping or list",
                                            path, name, key.start_mark.line + 1))  # fmt: skip
                stack.append((value, (*path, key.value)))
            for key, _ in node.value:
                k = key.value
                if k in seen:
                    raise DataError(
                        Problem(f"duplicate key '{k}' (first at line {seen[k]})", (*path, k), name,
                                key.start_mark.line + 1)
                    )
                seen[k] = key.start_mark.line + 1
                lines[(*path, k)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[i], (*path, i)))


# --- structuring ----------------------------------------------------------------------------

_converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _text(value: Any, _: type) -> Text:
    if isinstance(value, Text):
        return value
    if not isinstance(value, Mapping):
        raise DataError("expected a mapping of languages, e.g. {en: …, zh: …}")
    return Text(value)


def _date(value: Any, _: type) -> dt.date:
    return facts.parse_date(value)


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
                return _converter.structure(value, Paragraph)
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
        return _converter.structure({**inner, **beside}, cls)
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
    if not isinstance(value, Mapping):
        raise DataError(f"expected a subparagraph ({{en: …, zh: …}} or text: …), got {_what(value)}")
    if _is_text(value) and "text" not in value:
        return Subparagraph(text=Text(value))
    return _structure_subparagraph(value, Subparagraph)


def _what(value: Any) -> str:
    """How an unexpected value is described in a message."""
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "nothing"
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"a string {shown}" if isinstance(value, str) else f"{type(value).__name__} {shown}"


def _list_of(value: Any, kind: type) -> Any:
    """A homogeneous tuple field (sections, content, rows …): written as a list, never as a
    string or a mapping (which would otherwise be taken apart character by character, or
    key by key)."""
    if not isinstance(value, list | tuple):
        raise DataError(f"expected a list, got {_what(value)}")
    return _converter._structure_tuple(value, kind)


def _is_list_field(t: Any) -> bool:
    args: tuple[Any, ...] = getattr(t, "__args__", ())
    return getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _mapping_of_fields(cls: type) -> Any:
    """Structure an attrs class (Section, Table …) from a mapping only; anything else is one
    clear error, not an AttributeError from deep inside cattrs."""
    inner: Callable[[Mapping[str, Any], Any], Any] = cattrs.gen.make_dict_structure_fn(
        cls, _converter, _cattrs_forbid_extra_keys=True
    )

    def hook(value: Any, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise DataError(f"expected a mapping of fields, got {_what(value)}")
        return inner(value, cls)

    return hook


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
_converter.register_structure_hook_func(_is_list_field, _list_of)
_converter.register_structure_hook_factory(
    lambda t: attrs.has(t) and t not in (Text, Symbol, facts.Facts), _mapping_of_fields
)
for _cls in KINDS.values():  # base_dir comes from the file's location, never from its data
    _converter.register_structure_hook(
        _cls,
        cattrs.gen.make_dict_structure_fn(
            _cls, _converter, _cattrs_forbid_extra_keys=True, base_dir=cattrs.override(omit=True)
        ),
    )


_MISSING = "required field is missing"


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
            Problem(f"unknown field '{k}'{did_you_mean(k, [n for n in names if n != k])}", (*path, k))
            for k in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        key = exc.args[0]
        # cattrs may already have put the missing field's name on the path
        return [Problem(_MISSING, path if path[-1:] == (key,) else (*path, key))]
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

