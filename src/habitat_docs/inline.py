"""Inline markup of prose: a tiny grammar, parsed as data, never executed.

    *emphasis*   **strong**   {ref:id}   {ref:id1,id2}   {note:footnote text}
    \\*  \\{  \\}  \\\\   (escapes)
"""

from __future__ import annotations

import re
import unicodedata

from attrs import frozen

__all__ = ["Str", "Emph", "Strong", "Ref", "Note", "Inline", "InlineError", "parse", "plain"]


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


@frozen
class Note:
    children: tuple[Inline, ...]


Inline = Str | Emph | Strong | Ref | Note


class InlineError(ValueError):
    """Malformed markup; ``offset`` is the character position in the source string."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(f"{message} (at character {offset + 1})")
        self.offset = offset


_ID = re.compile(r"[A-Za-z][\w.-]*\Z")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_ESCAPABLE = "\\*{}"


def normalize(source: str) -> str:
    """Join lines: a line break between CJK characters vanishes, elsewhere it is one space."""
    if "\n" not in source:
        return source
    source = source.strip()

    def join(m: re.Match[str]) -> str:
        a, b = m.start(), m.end()
        return "" if _is_cjk(source[a - 1]) and _is_cjk(source[b]) else " "

    return _LINE_BREAK.sub(join, source)


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def check_characters(source: str) -> None:
    """Reject control and private-use characters, which no document text may carry."""
    for i, ch in enumerate(source):
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in "\n\t") or cat in ("Co", "Cs") or ch in "\ufffe\uffff":
            raise InlineError(f"character U+{ord(ch):04X} is not allowed in text", i)


def parse(source: str) -> tuple[Inline, ...]:
    """Parse prose into inline nodes. Raises InlineError naming the offending position."""
    check_characters(source)
    parser = _Parser(normalize(source))
    nodes = parser.sequence(closing=None, in_note=False)
    return nodes


def plain(nodes: tuple[Inline, ...]) -> str:
    """The text of nodes without markup; notes and references are dropped."""
    out: list[str] = []
    for n in nodes:
        if isinstance(n, Str):
            out.append(n.text)
        elif isinstance(n, Emph | Strong):
            out.append(plain(n.children))
    return "".join(out)


class _Parser:
    def __init__(self, src: str) -> None:
        self.src = src
        self.pos = 0

    def sequence(self, closing: str | None, in_note: bool) -> tuple[Inline, ...]:
        src, nodes, buf = self.src, [], []  # type: ignore[var-annotated]
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
            if closing is not None and src.startswith(closing, self.pos):
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
            buf.append(ch)
            self.pos += 1
        if closing is not None:
            raise InlineError(f"'{closing}' opened here is never closed", start - len(closing))
        _flush(buf, nodes)
        return tuple(nodes)

    def brace(self, in_note: bool) -> Inline:
        src, at = self.src, self.pos
        colon = src.find(":", at)
        name = src[at + 1 : colon] if colon > 0 else ""
        if name == "ref":
            end = src.find("}", colon)
            if end < 0:
                raise InlineError("'{ref:' is never closed", at)
            targets = tuple(t.strip() for t in src[colon + 1 : end].split(","))
            for t in targets:
                if not _ID.match(t):
                    raise InlineError(f"'{t}' is not a valid label id", at)
            self.pos = end + 1
            return Ref(targets)
        if name == "note":
            if in_note:
                raise InlineError("a footnote cannot contain another footnote", at)
            self.pos = colon + 1
            children = self.sequence("}", in_note=True)
            if not plain(children).strip():
                raise InlineError("empty footnote", at)
            return Note(children)
        raise InlineError(
            "unknown markup after '{' (expected {ref:…} or {note:…}; write \\{ for a literal brace)",
            at,
        )


def _flush(buf: list[str], nodes: list[Inline]) -> None:
    if buf:
        nodes.append(Str("".join(buf)))
        buf.clear()
