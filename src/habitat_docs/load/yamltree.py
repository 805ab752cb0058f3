"""YAML text to plain data and field lines, composed without recursion and within the limits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load.limits import MAX_DEPTH, MAX_EXPANDED, MAX_VALUES, TOO_DEEP
from habitat_docs.load.syntax import FULL_WIDTH, explain, full_width_in_key

__all__ = ["node_lines", "parse_yaml"]


class _PureLoader(yaml.SafeLoader):
    """PyYAML's own parser: it streams events with no nesting limit of its own, so the
    limits met first are the project's (:class:`_Composer`)."""

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


def parse_yaml(text: str, name: str) -> tuple[Any, dict[Path, int]]:
    """The plain data of a YAML file and the line of each field path; a DataError naming
    the file and line for a syntax error, a broken limit or a duplicate key."""
    loader = _Loader(text)
    loader.file = name
    try:
        node = _Composer(loader, name).document()
        if node is None:
            raise DataError(Problem("the file is empty", file=name))
        lines = _index(node, name)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as e:
        _limit_first(text, name)
        spot = explain(text, e)
        raise DataError(Problem(f"YAML syntax: {spot.message}", file=name, line=spot.line,
                                column=spot.column)) from None  # fmt: skip
    except yaml.reader.ReaderError as e:  # a character YAML does not allow in a file
        start = max(e.position, 0)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        what = f"character U+{e.character:04X}" if isinstance(e.character, int) else "a character"
        raise DataError(Problem(f"YAML syntax: {what} is not allowed in a YAML file",
                                file=name, line=line, column=column)) from None  # fmt: skip
    finally:
        loader.dispose()


def node_lines(text: str, name: str) -> dict[Path, int]:
    """The line of every field path of a YAML (or JSON) text; a duplicate key raises its
    DataError, a syntax error PyYAML's own."""
    loader = _Loader(text)
    loader.file = name
    try:
        node = _Composer(loader, name).document()
        return {} if node is None else _index(node, name)
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
        _Composer(loader, name).document()
    except (yaml.YAMLError, yaml.reader.ReaderError):
        pass  # the same syntax error: libyaml's message stands
    finally:
        loader.dispose()


class _Composer:
    """The single document of a stream as a node tree, like ``get_single_node`` but without
    recursion (libyaml's composer recurses in C and crashes the interpreter on nesting some
    100,000 deep), stopping at :data:`MAX_DEPTH` levels of nesting and at :data:`MAX_VALUES`
    values and :data:`MAX_EXPANDED` characters once aliases are expanded (at the alias that
    passes either), and refusing recursive aliases."""

    def __init__(self, loader: _Parser, name: str) -> None:
        self.loader, self.name = loader, name
        self.anchors: dict[str, yaml.Node] = {}
        self.size: dict[int, int] = {}  # id(node) -> values it expands to
        self.chars: dict[int, int] = {}  # id(node) -> characters it expands to
        self.expanded = 0  # characters of the whole document so far
        self.open: list[list[Any]] = []  # open collections: [node, pending mapping key or None]
        self.root: yaml.Node | None = None

    def document(self) -> yaml.Node | None:
        loader = self.loader
        loader.get_event()  # StreamStartEvent
        if loader.check_event(yaml.StreamEndEvent):
            loader.get_event()
            return None
        loader.get_event()  # DocumentStartEvent
        self._compose()
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            raise DataError(Problem("a data file holds one YAML document; another one starts here",
                                    file=self.name, line=event.start_mark.line + 1))  # fmt: skip
        loader.get_event()
        return self.root

    def _compose(self) -> None:
        """Read events up to the end of the document."""
        get_event = self.loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                node = self._scalar(event)
            elif kind is yaml.AliasEvent:
                node = self._alias(event)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                self._start(event, yaml.SequenceNode if kind is yaml.SequenceStartEvent else yaml.MappingNode)
                continue
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                node = self.open.pop()[0]
                node.end_mark = event.end_mark
            else:  # DocumentEndEvent
                return
            self._attach(node, event.start_mark)

    # Events are typed Any: libyaml's carry marks of a type of their own, PyYAML's do not.

    def _scalar(self, event: Any) -> yaml.Node:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        self.size[id(node)] = 1
        self.chars[id(node)] = len(event.value)
        self.expanded += len(event.value)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        return node

    def _alias(self, event: Any) -> yaml.Node:
        node = self.anchors.get(event.anchor)
        if node is None:
            raise yaml.composer.ComposerError(
                None, None, f"found undefined alias '{event.anchor}'", event.start_mark
            )
        if any(node is collection for collection, _ in self.open):
            raise self._fail(f"the alias '*{event.anchor}' repeats a value that holds it", event.start_mark)
        self.expanded += self.chars[id(node)]
        if self.expanded > MAX_EXPANDED:
            raise self._fail(
                f"the alias '*{event.anchor}' makes the file expand to more than {MAX_EXPANDED:,} "
                "characters of text (the limit for YAML aliases)", event.start_mark,
            )  # fmt: skip
        return node

    def _start(self, event: Any, cls: type[yaml.CollectionNode]) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(cls, None, event.implicit)
        node = cls(tag, [], event.start_mark, None, flow_style=event.flow_style)
        if len(self.open) >= MAX_DEPTH:
            raise self._fail(TOO_DEEP, event.start_mark)
        self.size[id(node)] = 1
        self.chars[id(node)] = 0
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self.open.append([node, None])

    def _attach(self, node: yaml.Node, mark: Any) -> None:
        """Put a finished node into the collection that holds it (the root if none does)."""
        if not self.open:
            self.root = node
            return
        parent = self.open[-1]
        collection = parent[0]
        self.size[id(collection)] += self.size[id(node)]
        self.chars[id(collection)] += self.chars[id(node)]
        if self.size[id(collection)] > MAX_VALUES:
            raise self._fail(f"the file expands to more than {MAX_VALUES:,} values (through YAML aliases)",
                             mark)  # fmt: skip
        if isinstance(collection, yaml.SequenceNode):
            collection.value.append(node)
        elif parent[1] is None:
            parent[1] = node
        else:
            collection.value.append((parent[1], node))
            parent[1] = None

    def _fail(self, message: str, mark: Any) -> DataError:
        """A limit broken at ``mark``, at the field path of the collections still open."""
        path: list[str | int] = []
        for node, key in self.open:
            if isinstance(node, yaml.SequenceNode):
                path.append(len(node.value))
            elif key is not None and isinstance(key, yaml.ScalarNode):
                path.append(key.value)
        return DataError(Problem(message, tuple(path), self.name, mark.line + 1))


def _index(root: yaml.Node, name: str) -> dict[Path, int]:
    """The line of every node by field path; a duplicate key raises its DataError."""
    lines: dict[Path, int] = {}
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
                _check_key(key, path, name)
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
    return lines


def _check_key(key: yaml.ScalarNode, path: Path, name: str) -> None:
    """A key with full-width punctuation (``{en： Nairobi}`` reads as one key 'en： Nairobi'):
    the one mistake to report, before the unknown fields and missing texts it would make."""
    words = full_width_in_key(key.value) if key.style not in ("'", '"') else None
    if words is not None:
        mark = key.start_mark
        raise DataError(Problem(f"YAML syntax: {words}", path, name, mark.line + 1,
                                mark.column + 1 + _first_full_width(key.value)))  # fmt: skip


def _first_full_width(key: str) -> int:
    return min(key.index(ch) for ch in FULL_WIDTH if ch in key)
