"""The texts of a data file as lint reads them: each text with its field path and its place
in reading order, each language's prose flattened into pieces (words, facts, references)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from attrs import frozen

from habitat_docs.errors import Path
from habitat_docs.model import inline

__all__ = ["BREAK", "Piece", "Rendered", "Text", "flatten", "render", "texts"]

# Stands where markup printed something a check must not read across (a note's edge, a
# reference, a fact left out): no text holds it (control characters are refused).
BREAK = "\x00"
# Keys in the order the document prints what they hold, so that "above" can be told from
# "below"; other keys keep the file's order.
_PRINTED = {"summary": 0, "title": 0, "heading": 0, "text": 1, "preamble": 1, "content": 2,
            "decision": 2, "operative": 3, "subparagraphs": 3, "subsections": 4, "sections": 4,
            "annexes": 5}  # fmt: skip


@frozen
class Text:
    """One text of the data: its field path, its place in reading order, its languages."""

    path: Path
    place: int
    langs: Mapping[str, str]


@frozen
class Piece:
    """A run of prose (``kind`` "text"), a fact (``text`` its name), a reference (``targets``)
    or a break (a note's edge, markup that prints no prose)."""

    kind: str
    text: str = ""
    targets: tuple[str, ...] = ()


@frozen
class Rendered:
    """One language's text as prose: ``spans`` where each fact and reference stands."""

    text: str
    spans: tuple[tuple[int, int, Piece], ...]


def texts(data: Any, langs: Sequence[str]) -> tuple[list[Text], dict[str, int]]:
    """Every text of ``data`` (a mapping of some of ``langs`` to strings), and the place in
    reading order of every node with an ``id``."""
    found: list[Text] = []
    ids: dict[str, int] = {}
    _walk(data, (), set(langs), found, ids)
    return found, ids


def _walk(data: Any, path: Path, langs: set[str], found: list[Text], ids: dict[str, int]) -> None:
    place = len(found) + len(ids)
    if isinstance(data, dict):
        if data and set(data) <= langs and all(isinstance(v, str) for v in data.values()):
            found.append(Text(path, place, dict(data)))
            return
        if isinstance(data.get("id"), str):
            ids[data["id"]] = place
        keys = sorted(data, key=lambda k: _PRINTED.get(k, 1))
        for key in keys:
            if key not in ("facts", "documents", "agenda", "session"):
                _walk(data[key], (*path, key), langs, found, ids)
    elif isinstance(data, list):
        for k, value in enumerate(data):
            _walk(value, (*path, k), langs, found, ids)


def flatten(source: str) -> list[Piece]:
    """The pieces of one language's text (markup parsed as the builder parses it); none
    when it does not parse (the loader has said why)."""
    try:
        nodes = inline.parse(source)
    except inline.InlineError:
        return []
    out: list[Piece] = []
    _flatten(nodes, out)
    return out


def _flatten(nodes: tuple[inline.Inline, ...], out: list[Piece]) -> None:
    for n in nodes:
        if isinstance(n, inline.Str):
            out.append(Piece("text", n.text))
        elif isinstance(n, inline.Emph | inline.Strong):
            _flatten(n.children, out)
        elif isinstance(n, inline.Note):
            out.append(Piece("break"))
            _flatten(n.children, out)
            out.append(Piece("break"))
        elif isinstance(n, inline.Fact):
            out.append(Piece("fact", n.name))
        elif isinstance(n, inline.Ref):
            out.append(Piece("ref", targets=n.targets))
        else:
            out.append(Piece("break"))


def render(pieces: Sequence[Piece], fact: Callable[[str], str] | None = None) -> Rendered:
    """The prose of ``pieces``: facts printed by ``fact`` (else a break), references and
    other markup as breaks."""
    out: list[str] = []
    spans: list[tuple[int, int, Piece]] = []
    at = 0
    for p in pieces:
        text = p.text if p.kind == "text" else BREAK
        if p.kind == "fact" and fact is not None:
            text = fact(p.text)
        if p.kind in ("fact", "ref"):
            spans.append((at, at + len(text), p))
        out.append(text)
        at += len(text)
    return Rendered("".join(out), tuple(spans))


def pieces_of(text: Text) -> Iterator[tuple[str, list[Piece]]]:
    """Each language of ``text`` and its pieces."""
    for lang, source in text.langs.items():
        yield lang, flatten(source)
