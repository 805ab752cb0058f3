"""Inline markup of prose: a tiny grammar, parsed as data, never executed.

    *emphasis*   **strong**   {ref:id}   {ref:id1,id2}   {note:footnote text}   {fact:name}
    {reference:id} (the long form of {ref:id}: "paragraph 15" where {ref:id} gives "para. 15")
    {tnote:id} (in a table's cells: the letter of the table's note ``id``)
    \\*  \\{  \\}  \\\\   (escapes)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from attrs import frozen

from habitat_docs.model.characters import ID, bidi_problem, id_hint

__all__ = [
    "Str", "Emph", "Strong", "Ref", "Note", "Fact", "DocRef", "ItemRef", "TableMark", "Inline", "InlineError", "parse", "plain", "walk",
]  # fmt: skip


@frozen
class Str:
    text: str


@frozen
class Emph:
    children: tuple[Inline, ...]


@frozen
class Strong:
    children: tuple[Inline, ...]


@frozen
class Ref:
    targets: tuple[str, ...]
    capital: bool = False  # {Ref:…} at the start of a sentence: "Figure IV shows …"
    long: bool = False  # {reference:…}: "paragraph 15", as running text says; else "para. 15"


@frozen
class Note:
    children: tuple[Inline, ...]


@frozen
class Fact:
    """A figure named in the document's facts, rendered per language (``{fact:name}``)."""

    name: str


@frozen
class DocRef:
    """Another document, cited by id and printed as its symbol (``{doc:id}``)."""

    id: str


@frozen
class ItemRef:
    """An agenda item, cited by id and printed as "item 3" / "项目3" (``{item:id}``)."""

    id: str


@frozen
class TableMark:
    """The mark of a table note in a cell, printed as its raised letter (``{tnote:id}``)."""

    id: str


Inline = Str | Emph | Strong | Ref | Note | Fact | DocRef | ItemRef | TableMark


class InlineError(ValueError):
    """Malformed markup; ``offset`` is the character position in the source string."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(f"{message} (at character {offset + 1})")
        self.message = message
        self.offset = offset


_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_ESCAPABLE = "\\*{}"


def normalize(source: str) -> str:
    """Join lines: a line break between CJK characters vanishes, elsewhere it is one space."""
    return _normalize(source)[0]


def _normalize(source: str) -> tuple[str, list[int]]:
    """``normalize(source)`` and, for each of its positions (and its end), the position in
    ``source`` it comes from, so that errors point into the text as written."""
    if "\n" not in source:
        return source, list(range(len(source) + 1))
    lead = len(source) - len(source.lstrip())
    stripped = source.strip()
    out: list[str] = []
    offsets: list[int] = []
    done = 0
    for m in _LINE_BREAK.finditer(stripped):
        a, b = m.start(), m.end()
        out.append(stripped[done:a])
        offsets.extend(range(lead + done, lead + a))
        if not (_is_cjk(stripped[a - 1]) and _is_cjk(stripped[b])):
            out.append(" ")
            offsets.append(lead + a)
        done = b
    out.append(stripped[done:])
    offsets.extend(range(lead + done, lead + len(stripped) + 1))
    return "".join(out), offsets


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


# Control characters but tab and line feed (Cc), surrogates (Cs), private use (Co), U+FFFE/F.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffe\uffff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
_MARKUP = re.compile(r"[\\*{}\n]")
_SPECIAL = re.compile(r"[\\*{}]")


def check_characters(source: str) -> None:
    """Reject control and private-use characters, which no document text may carry, and
    bidirectional overrides or unbalanced isolates (model/characters.py)."""
    bad = _FORBIDDEN.search(source)
    if bad:
        raise InlineError(f"character U+{ord(bad.group()):04X} is not allowed in text", bad.start())
    bidi = bidi_problem(source)
    if bidi is not None:
        raise InlineError(*bidi)


def parse(source: str) -> tuple[Inline, ...]:
    """Parse prose into inline nodes. Raises InlineError naming the offending position."""
    check_characters(source)
    if not _MARKUP.search(source):  # plain prose, the common case
        return (Str(source),) if source else ()
    text, offsets = _normalize(source)
    try:
        return _Parser(text).sequence(closing=None, in_note=False)
    except InlineError as e:
        if offsets[e.offset] == e.offset:
            raise
        raise InlineError(e.message, offsets[e.offset]) from None


def plain(nodes: tuple[Inline, ...], fact: Callable[[str], str] | None = None) -> str:
    """The text of nodes without markup; notes and references are dropped, and so are facts
    unless ``fact`` gives the text of a fact from its name."""
    out: list[str] = []
    for n in nodes:
        if isinstance(n, Str):
            out.append(n.text)
        elif isinstance(n, Emph | Strong):
            out.append(plain(n.children, fact))
        elif isinstance(n, Fact) and fact is not None:
            out.append(fact(n.name))
    return "".join(out)


def walk(nodes: tuple[Inline, ...]) -> Iterator[Inline]:
    """Every node, in reading order, those inside emphasis and notes included."""
    for n in nodes:
        yield n
        if isinstance(n, Emph | Strong | Note):
            yield from walk(n.children)


class _Parser:
    def __init__(self, src: str) -> None:
        self.src = src
        self.pos = 0

    def sequence(
        self, closing: str | None, in_note: bool, opened: tuple[str, int] | None = None
    ) -> tuple[Inline, ...]:
        """Nodes up to ``closing``; ``opened`` names the construct and where it opened, for
        the error when it is never closed (else the closing marker itself is named)."""
        src = self.src
        nodes: list[Inline] = []
        buf: list[str] = []
        start = self.pos
        while self.pos < len(src):
            ch = src[self.pos]
            if ch == "\\":
                nxt = src[self.pos + 1 : self.pos + 2]
                if nxt not in _ESCAPABLE or not nxt:
                    raise InlineError("a backslash must escape one of \\ * { }", self.pos)
                buf.append(nxt)
                self.pos += 2
                continue
            if closing is not None and src.startswith(closing, self.pos) and not (
                # inside *emphasis*, ** opens a strong run (*a **b** c*); *** still closes
                closing == "*" and src.startswith("**", self.pos) and not src.startswith("***", self.pos)
            ):
                self.pos += len(closing)
                _flush(buf, nodes)
                return tuple(nodes)
            if ch == "*":
                _flush(buf, nodes)
                marker = "**" if src.startswith("**", self.pos) else "*"
                at = self.pos
                self.pos += len(marker)
                children = self.sequence(marker, in_note)
                if not children:
                    raise InlineError(f"empty '{marker}{marker}'", at)
                nodes.append(Strong(children) if marker == "**" else Emph(children))
                continue
            if ch == "{":
                _flush(buf, nodes)
                nodes.append(self.brace(in_note))
                continue
            if ch == "}":
                raise InlineError("unmatched '}' (write \\} for a literal brace)", self.pos)
            # plain text runs to the next special character (every closing marker is one)
            special = _SPECIAL.search(src, self.pos)
            end = special.start() if special else len(src)
            buf.append(src[self.pos : end])
            self.pos = end
        if opened is not None:
            raise InlineError(f"'{opened[0]}' is never closed", opened[1])
        if closing is not None:
            raise InlineError(f"'{closing}' opened here is never closed", start - len(closing))
        _flush(buf, nodes)
        return tuple(nodes)

    def brace(self, in_note: bool) -> Inline:
        src, at = self.src, self.pos
        colon = src.find(":", at)
        name = src[at + 1 : colon] if colon > 0 else ""
        if name in _REFERENCES:
            ids = tuple(t.strip() for t in self.argument(at, colon, name).split(","))
            for t in ids:
                if not ID.match(t):
                    hint = id_hint(t) or (f" (the long form is {{reference:{t.split('|')[0]}}})" if "|" in t else "")
                    raise InlineError(f"'{t}' is not a valid label id{hint}", at)
            return Ref(ids, capital=name[0].isupper(), long=name.lower() == "reference")
        if name in _NAMED:
            value = self.argument(at, colon, name).strip()
            node, what = _NAMED[name]
            if not ID.match(value):
                raise InlineError(f"'{value}' is not a valid {what}{id_hint(value)}", at)
            return node(value)
        if name == "note":
            if in_note:
                raise InlineError("a footnote cannot contain another footnote", at)
            self.pos = colon + 1
            children = self.sequence("}", in_note=True, opened=("{note:", at))
            if not plain(children, fact=lambda name: name).strip():
                raise InlineError("empty footnote", at)
            return Note(children)
        if name.lower().startswith("ref"):
            raise InlineError(
                f"unknown markup '{{{name}:' (a reference is {{ref:…}}, \"para. 15\", or its long "
                "form {reference:…}, \"paragraph 15\"; {Ref:…} and {Reference:…} capitalise)",
                at,
            )
        raise InlineError(
            "unknown markup after '{' (expected {ref:…}, {reference:…}, {note:…}, {fact:…}, "
            "{doc:…}, {item:…} or {tnote:…}; write \\{ for a literal brace)",
            at,
        )

    def argument(self, at: int, colon: int, name: str) -> str:
        """The text of ``{name:…}`` up to its closing brace; moves past it."""
        end = self.src.find("}", colon)
        if end < 0:
            raise InlineError(f"'{{{name}:' is never closed", at)
        self.pos = end + 1
        return self.src[colon + 1 : end]


# A reference's markup: short ("para. 15") or long ("paragraph 15"), capitalised or not.
_REFERENCES = frozenset({"ref", "Ref", "reference", "Reference"})

# {name:value} markup naming one thing: the node it makes, and what the value is.
_NAMED: dict[str, tuple[type[Fact | DocRef | ItemRef | TableMark], str]] = {
    "fact": (Fact, "fact name"), "doc": (DocRef, "document id"), "item": (ItemRef, "agenda item id"),
    "tnote": (TableMark, "table note id"),
}  # fmt: skip


def _flush(buf: list[str], nodes: list[Inline]) -> None:
    if buf:
        nodes.append(Str("".join(buf)))
        buf.clear()
