"""The nodes of a document in reading order, each with its field path, and the texts each owns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from habitat_docs.errors import Path
from habitat_docs.model.blocks import (
    Block,
    DraftDecision,
    Figure,
    Operative,
    Paragraph,
    PreSession,
    Subparagraph,
    Table,
    TargetBox,
)
from habitat_docs.model.masthead import Agenda, AgendaItem, Session
from habitat_docs.model.sections import Annex, Section, Subsection
from habitat_docs.model.summary import Summary
from habitat_docs.model.text import Text

__all__ = ["Node", "Outline", "texts", "walk"]

Node = object


class Outline(Protocol):
    """What a walk reads of a document (a Protocol: the document's own checks walk it)."""

    @property
    def session(self) -> Session: ...

    @property
    def agenda(self) -> Agenda | None: ...

    @property
    def summary(self) -> Summary | None: ...

    @property
    def sections(self) -> tuple[Section, ...]: ...

    @property
    def annexes(self) -> tuple[Annex, ...]: ...


def walk(doc: Outline) -> Iterator[tuple[Path, Node]]:
    """Every structural node with its path, in reading order (masthead first)."""
    yield ("session",), doc.session
    for i, item in enumerate(doc.agenda.items if doc.agenda else ()):
        yield ("agenda", "items", i), item
    if doc.summary is not None:
        yield ("summary",), doc.summary
    for i, s in enumerate(doc.sections):
        yield from _walk_section(("sections", i), s)
    for i, a in enumerate(doc.annexes):
        yield ("annexes", i), a
        yield from _walk_blocks(("annexes", i, "content"), a.content)
        for j, s in enumerate(a.sections):
            yield from _walk_section(("annexes", i, "sections", j), s)


def _walk_section(path: Path, s: Section) -> Iterator[tuple[Path, Node]]:
    yield path, s
    yield from _walk_blocks((*path, "content"), s.content)
    for k, sub in enumerate(s.subsections):
        yield (*path, "subsections", k), sub
        yield from _walk_blocks((*path, "subsections", k, "content"), sub.content)


def _walk_blocks(path: Path, blocks: tuple[Block, ...]) -> Iterator[tuple[Path, Node]]:
    for i, b in enumerate(blocks):
        yield (*path, i), b
        if isinstance(b, Paragraph):
            yield from _walk_subs((*path, i), b.subparagraphs)
        elif isinstance(b, DraftDecision):  # its operative paragraphs follow its preamble
            for j, op in enumerate(b.operative):
                yield (*path, i, "operative", j), op
                yield from _walk_subs((*path, i, "operative", j), op.subparagraphs)


def _walk_subs(path: Path, subs: tuple[Subparagraph, ...]) -> Iterator[tuple[Path, Node]]:
    for i, s in enumerate(subs):
        yield (*path, "subparagraphs", i), s
        yield from _walk_subs((*path, "subparagraphs", i), s.subparagraphs)


def texts(path: Path, node: Node) -> Iterator[tuple[Path, Text]]:
    """The Text fields a node owns directly (not those of its child nodes)."""
    if isinstance(node, Session):
        if node.venue is not None:
            yield (*path, "venue"), node.venue
    elif isinstance(node, AgendaItem):
        yield (*path, "title"), node.title
    elif isinstance(node, Section | Subsection):
        yield (*path, "heading"), node.heading
    elif isinstance(node, Paragraph | Subparagraph | Operative):
        yield (*path, "text"), node.text
    elif isinstance(node, Summary):
        yield from _listed(path, "text", node.text)
        if node.action is not None:
            yield (*path, "action"), node.action
    elif isinstance(node, DraftDecision):
        if node.title is not None:
            yield (*path, "title"), node.title
        yield from _listed(path, "preamble", node.preamble)
    elif isinstance(node, Annex):
        yield (*path, "title"), node.title
    elif isinstance(node, Table | Figure):
        yield (*path, "title"), node.title
        for j, c in enumerate(node.columns):
            yield (*path, "columns", j), c
        for i, row in enumerate(node.rows):
            for j, c in enumerate(row):
                yield (*path, "rows", i, j), c
        yield from _listed(path, "notes", node.notes)
        if node.source is not None:
            yield (*path, "source"), node.source
        for j, n in enumerate(node.table_notes if isinstance(node, Table) else ()):
            yield (*path, "table_notes", j, "text"), n.text
    elif isinstance(node, TargetBox):
        yield from _listed(path, "items", node.items)
    elif isinstance(node, PreSession):
        yield (*path, "description"), node.description


def _listed(path: Path, name: str, items: tuple[Text, ...]) -> Iterator[tuple[Path, Text]]:
    for j, t in enumerate(items):
        yield (*path, name, j), t
