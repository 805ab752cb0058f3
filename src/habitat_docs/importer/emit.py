"""The plain data of a document as YAML that reads as if a person wrote it.

Keys come in the order the examples use, short texts and facts fit on one line in flow
style (``{en: Introduction, zh: 导言}``), long texts stand one language a line as folded
block strings (``>-``) wrapped at the spaces between words, and every other scalar is
written plain where a reader cannot mistake it, double-quoted otherwise. The
importer's guesses are comments on the line before the field they concern. Loaded back,
the YAML gives exactly the data it was made from: no tags, anchors or aliases.

>>> print(dump({"title": {"en": "Ethics", "zh": "道德操守"}, "kind": "secretariat-note"},
...            {("kind",): "kind guessed from the subtitle"}), end="")
# kind guessed from the subtitle
kind: secretariat-note
title: {en: Ethics, zh: 道德操守}
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

__all__ = ["WIDTH", "dump"]

WIDTH = 100  # the columns a line in flow style may take before it goes one field a line

FieldPath = tuple[str | int, ...]

# The order of the fields of each kind of mapping, named by the field (or list) that holds
# it, as the examples write them; "" is the document itself. Fields not listed follow the
# listed ones in the order given.
_BLOCK = (
    "id",
    "numbered",
    "text",
    "subparagraphs",
    "table",
    "figure",
    "targets",
    "presession",
    "decision",
)
_ORDERS: dict[str, tuple[str, ...]] = {
    "": (
        "kind", "name", "symbol", "issued", "distribution", "original", "languages",
        "executive_director", "job_number", "emblem", "logo", "session", "agenda", "title",
        "summary", "documents", "facts", "sections", "annexes",
    ),
    "session": ("year", "ordinal", "start", "end", "venue", "online"),
    "agenda": ("symbol", "items", "provisional"),
    "items": ("number", "sub", "id", "title"),
    "provisional": ("number", "sub", "id", "title"),
    "documents": ("id", "symbol", "title"),
    "summary": ("text", "action"),
    "sections": ("id", "heading", "content", "subsections"),
    "subsections": ("id", "heading", "content"),
    "annexes": ("id", "title", "original", "content", "sections"),
    "content": _BLOCK,
    "subparagraphs": _BLOCK,
    "operative": _BLOCK,
    "table": ("title", "columns", "rows", "notes", "table_notes", "source"),
    "table_notes": ("id", "text"),
    "figure": ("title", "image", "columns", "rows", "notes", "source", "not_edited"),
    "presession": ("doc", "description"),
    "decision": ("number", "title", "preamble", "operative"),
}  # fmt: skip

# Characters that make a reader look twice at a plain scalar ("Budget: total", "{fact:x}"),
# though YAML may allow it: such texts are quoted, as the examples quote them (and texts too
# long for their line, whose quotes show where they end).
_LOOKS_LIKE_SYNTAX = re.compile(r"[:#{}\[\]]")
# Everything a double-quoted scalar cannot hold as it is: the quote and backslash, breaks,
# and what YAML does not print (controls, surrogates, the byte-order mark, U+FFFE/U+FFFF).
_UNPRINTABLE = re.compile(
    r"[^\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}  # fmt: skip
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ANALYZER = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
_RESOLVER = yaml.resolver.Resolver()


def dump(data: Mapping[str, Any], comments: Mapping[FieldPath, str] | None = None) -> str:
    """YAML text of a document's plain data (as ``yaml.safe_load`` gives it), with each of
    ``comments`` (a field path, such as ``("sections", 0, "content", 3, "text")``, to one
    line of text) written on the line before its field; the path ``()`` comments the file.

    >>> print(dump({"session": {"year": 2024, "start": dt.date(2024, 5, 6)}, "kind": "x"}), end="")
    kind: x
    session:
      year: 2024
      start: 2024-05-06
    >>> dump({"symbol": "2024", "online": "yes", "text": "Budget: 1.5"})
    'symbol: "2024"\\nonline: "yes"\\ntext: "Budget: 1.5"\\n'
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"a document's data is a mapping, not {type(data).__name__}")
    writer = _Writer(comments or {})
    lines = writer.comment_lines((), 0)
    lines += writer.mapping(data, (), 0) if data else ["{}"]
    unused = sorted(set(writer.comments) - writer.used, key=repr)
    if unused:
        raise ValueError(
            f"comments on fields the data does not have: {', '.join(map(repr, unused))}"
        )
    return "\n".join(lines) + "\n"


class _Writer:
    """The lines of one document: remembers the comments, which of them are written, and
    which fields hold a commented field (those never go in flow style)."""

    def __init__(self, comments: Mapping[FieldPath, str]) -> None:
        self.comments = {tuple(path): text for path, text in comments.items()}
        self.used: set[FieldPath] = set()
        self.holders = {path[:n] for path in self.comments for n in range(len(path))}

    def comment_lines(self, path: FieldPath, indent: int) -> list[str]:
        if path not in self.comments:
            return []
        self.used.add(path)
        return [
            " " * indent + "# " + _printable(line) for line in _BREAKS.split(self.comments[path])
        ]

    def mapping(self, value: Mapping[Any, Any], path: FieldPath, indent: int) -> list[str]:
        """A block mapping, one field a line (or a block under its key)."""
        lines: list[str] = []
        for key in _ordered(value, path):
            item, where = value[key], (*path, key)
            lines += self.comment_lines(where, indent)
            head = " " * indent + _key(key) + ":"
            inline = self.inline(item, where, len(head) + 1)
            folded = _folded(item, indent + 2) if inline is None else None
            if folded is not None:
                lines += [head + " >-", *folded]
            elif inline is not None:
                lines.append(head + " " + inline)
            else:
                lines.append(head)
                lines += self.block(item, where, indent + 2)
        return lines

    def sequence(self, value: Sequence[Any], path: FieldPath, indent: int) -> list[str]:
        """A block sequence: each item after its dash, a mapping's first field on the dash's line."""
        lines: list[str] = []
        for index, item in enumerate(value):
            where = (*path, index)
            lines += self.comment_lines(where, indent)
            inline = self.inline(item, where, indent + 2)
            folded = _folded(item, indent + 2) if inline is None else None
            if folded is not None:
                lines += [" " * indent + "- >-", *folded]
            elif inline is not None:
                lines.append(" " * indent + "- " + inline)
            else:
                lines += _after_dash(self.block(item, where, indent + 2), indent)
        return lines

    def block(self, value: Any, path: FieldPath, indent: int) -> list[str]:
        if isinstance(value, Mapping):
            return self.mapping(value, path, indent)
        return self.sequence(value, path, indent)

    def inline(self, value: Any, path: FieldPath, column: int) -> str | None:
        """``value`` on the rest of a line that starts at ``column``: a scalar, an empty
        collection, or a short text, fact or list in flow style; None for a block."""
        if isinstance(value, str) and column + len(value) > WIDTH:
            # a long text: a folded block when it folds back to itself, else quoted
            return None if _foldable(value) else _double_quoted(value)
        if not isinstance(value, Mapping | list | tuple):
            return _scalar(value, flow=False)
        if not value:
            return "{}" if isinstance(value, Mapping) else "[]"
        if path in self.holders or not _flows(value, path) or column + _least(value) > WIDTH:
            return None
        text = _flow(value)
        return text if column + len(text) <= WIDTH else None


def _foldable(text: str) -> bool:
    """Whether a folded block string gives ``text`` back: single spaces between its words
    (a fold is one space), none at its ends, and nothing a block cannot hold as it is."""
    return (
        text.strip(" ") == text
        and "  " not in text
        and not _UNPRINTABLE.search(text)
        and "\ufeff" not in text
    )


def _folded(value: Any, indent: int) -> list[str] | None:
    """The lines of a long text as a folded block at ``indent``, broken at spaces before
    WIDTH (a word longer than the line stands alone); None for what is not such a text."""
    if not isinstance(value, str) or not value or not _foldable(value):
        return None
    lines: list[str] = []
    line = ""
    for word in value.split(" "):
        if line and indent + len(line) + 1 + len(word) > WIDTH:
            lines.append(" " * indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, " " * indent + line]


def _after_dash(lines: list[str], indent: int) -> list[str]:
    """The lines of an item written at ``indent + 2``, its first line after a dash at
    ``indent``; the comments on its first field go before the dash's line."""
    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    hoisted = [" " * indent + line.lstrip() for line in lines[:first]]
    return [*hoisted, " " * indent + "- " + lines[first][indent + 2 :], *lines[first + 1 :]]


def _ordered(value: Mapping[Any, Any], path: FieldPath) -> list[Any]:
    """The keys of a mapping in the examples' order: the listed fields first, the others after
    them in the order given. A fact's own fields keep theirs."""
    order = () if path[:1] == ("facts",) else _ORDERS.get(_holder(path), ())
    rank = {key: n for n, key in enumerate(order)}
    return sorted(value, key=lambda key: rank.get(key, len(order)))


def _holder(path: FieldPath) -> str:
    """The name of the field that holds a mapping (through its list, for a list's items)."""
    return next((key for key in reversed(path) if isinstance(key, str)), "")


def _flows(value: Mapping[Any, Any] | Sequence[Any], path: FieldPath) -> bool:
    """Whether a person would write ``value`` on one line: a text in its languages, a fact,
    a list of plain values or a single plain field (``executive_director: {gender: m}``)."""
    if path[:1] == ("facts",) and len(path) >= 2:
        return _flat(value, depth=2)
    if not isinstance(value, Mapping):
        return _flat(value, depth=1)
    if _is_text(value):
        return True
    return len(value) == 1 and _flat(value, depth=1)


def _flat(value: Any, depth: int) -> bool:
    """Whether ``value`` nests no deeper than ``depth`` collections."""
    if not isinstance(value, Mapping | list | tuple):
        return True
    items = value.values() if isinstance(value, Mapping) else value
    return depth > 0 and all(_flat(item, depth - 1) for item in items)


def _is_text(value: Mapping[Any, Any]) -> bool:
    """A text in its languages ({en: …, zh: …}), keyed as the loader knows language codes."""
    return all(
        isinstance(k, str) and 2 <= len(k) <= 3 and k.isalpha() and k.islower() and k != "id"
        and isinstance(v, str)
        for k, v in value.items()
    )  # fmt: skip


def _least(value: Any) -> int:
    """Fewer columns than ``value`` takes in flow style (its texts and keys, unquoted): a
    long text is known not to fit before YAML's analysis of it, the slow part."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Mapping):
        return sum(_least(k) + _least(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return sum(_least(item) for item in value)
    return 1


def _flow(value: Any) -> str:
    if isinstance(value, Mapping):
        fields = (f"{_scalar(k, flow=True)}: {_flow(v)}" for k, v in value.items())
        return "{" + ", ".join(fields) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _scalar(value, flow=True)


@functools.lru_cache(maxsize=512, typed=True)
def _key(key: Any) -> str:
    """A mapping's key as YAML: a document has few keys ("id", "text", "en"), each written
    many times, and YAML's analysis of a scalar is the slow part of writing it."""
    return _scalar(key, flow=False)


def _scalar(value: Any, flow: bool) -> str:
    """One scalar as YAML: a string plain when it reads back as the same string and looks
    like no syntax, double-quoted otherwise; other values as YAML writes them."""
    if isinstance(value, str):
        return value if _plain(value, flow) else _double_quoted(value)
    if value is None or isinstance(value, bool | int | float | dt.date):
        text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"))
        return text.removesuffix("\n...\n").removesuffix("\n")
    raise TypeError(f"a data file holds no {type(value).__name__} ({value!r})")


def _plain(text: str, flow: bool) -> bool:
    """Whether ``text`` may stand plain: YAML reads it back as this string, and it opens with
    no number ("152.46 million" is quoted: the loader wants money as text, not a number)."""
    if not text or _LOOKS_LIKE_SYNTAX.search(text):
        return False
    analysis = _ANALYZER.analyze_scalar(text)
    allowed = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    if not allowed or analysis.multiline:
        return False
    words = text.split(maxsplit=1)  # none in a text of spaces YAML would strip ("\xa0")
    return bool(words) and _is_string(text) and _is_string(words[0])


def _is_string(text: str) -> bool:
    return bool(_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str")


def _double_quoted(text: str) -> str:
    r"""A double-quoted scalar on one line, escaping only what YAML needs escaped.

    >>> print(_double_quoted('say "yes"\n\t\x07'))
    "say \"yes\"\n\t\x07"
    """
    return '"' + _UNPRINTABLE.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _printable(line: str) -> str:
    """A comment's line with what YAML cannot hold in a comment escaped."""
    return _UNPRINTABLE.sub(lambda m: m[0] if m[0] in '"\\\t' else _escape(m), line)
