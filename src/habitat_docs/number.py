"""One pass that computes every label of a document, the same for all languages.

Labels are values (kind, number, depth, parent); each language's templates print them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from attrs import field, frozen

from habitat_docs.errors import Path
from habitat_docs.model import (
    Annex,
    Document,
    DraftDecision,
    Figure,
    Operative,
    Paragraph,
    Section,
    Subparagraph,
    Subsection,
    Table,
    Text,
    inline,
    texts,
    walk,
)  # fmt: skip

__all__ = ["Label", "Numbering", "number", "runs"]


@frozen
class Label:
    """A computed label: ``kind`` in section, subsection, paragraph, subparagraph, figure,
    table, annex, decision, operative (a decision's paragraph); ``depth`` 1–4 for subparagraphs; ``parent`` the enclosing labelled node
    (the paragraph of a subparagraph, the section of a subsection, the annex of its parts)."""

    kind: str
    number: int
    depth: int = 0
    parent: Label | None = None

    @property
    def annex(self) -> Label | None:
        node: Label | None = self
        while node is not None and node.kind != "annex":
            node = node.parent
        return node


@frozen
class Numbering:
    labels: Mapping[Path, Label]
    targets: Mapping[str, Label]
    notes: Mapping[Path, int]  # path of a Text -> number of its first footnote
    annexes: int
    paragraphs: int  # numbered paragraphs in the body
    # path of a table -> the ids of its lettered notes, in order: the first is note a
    table_notes: Mapping[Path, tuple[str, ...]] = field(factory=dict)
    footnotes: int = 0  # numbered footnotes in the whole document


_COUNTED = (Section, Subsection, Paragraph, Subparagraph, Figure, Table, Annex, DraftDecision, Operative)


def number(doc: Document) -> Numbering:
    labels: dict[Path, Label] = {}
    targets: dict[str, Label] = {}
    notes: dict[Path, int] = {}
    marks: dict[Path, tuple[str, ...]] = {}
    counters: Counter[tuple[object, ...]] = Counter()
    next_note = 1
    first = next(iter(sorted(doc.languages)))
    for path, node in [((), None), *walk(doc)]:
        text_fields: list[tuple[Path, Text]] = (
            [(("title",), doc.title)] if node is None else list(texts(path, node))
        )
        for tpath, text in text_fields:
            n = text.notes(first)
            if n:
                notes[tpath] = next_note
                next_note += n
        if isinstance(node, Table) and node.table_notes:
            marks[path] = _marks(text_fields, first)
        if not isinstance(node, _COUNTED):
            continue
        label = _label(path, node, labels, counters)
        if label is None:
            continue
        labels[path] = label
        node_id = getattr(node, "id", None)
        if node_id is not None:
            targets[node_id] = label
    body_paragraphs = counters[("paragraph", None)]
    return Numbering(
        labels, targets, notes, counters[("annex",)], body_paragraphs, marks, next_note - 1
    )


def _label(
    path: Path, node: object, labels: Mapping[Path, Label], counters: Counter[tuple[object, ...]]
) -> Label | None:
    """The label of a counted node (None for an unnumbered paragraph)."""
    annex = _annex_of(path, labels)
    if isinstance(node, Annex):
        return _count(counters, ("annex",), "annex")
    if isinstance(node, Section):
        return _count(counters, ("section", annex), "section", parent=annex)
    if isinstance(node, Subsection):
        parent = labels[path[:-2]]
        return _count(counters, ("subsection", parent), "subsection", parent=parent)
    if isinstance(node, Paragraph):
        return _count(counters, ("paragraph", annex), "paragraph", parent=annex) if node.numbered else None
    if isinstance(node, DraftDecision):
        return _count(counters, ("decision",), "decision", parent=annex)
    if isinstance(node, Operative):  # 1, 2, … in each decision, apart from the body's paragraphs
        decision = labels[path[:-2]]
        return _count(counters, ("operative", path[:-2]), "operative", parent=decision)
    if isinstance(node, Subparagraph):
        # under an unnumbered paragraph the list is labelled on its own
        parent = labels.get(path[:-2]) or Label("paragraph", 0, parent=annex)
        depth = parent.depth + 1 if parent.kind == "subparagraph" else 1
        return _count(counters, ("sub", path[:-2]), "subparagraph", depth, parent)
    # Figure or Table: numbered through the whole document
    return _count(counters, (type(node).__name__,), type(node).__name__.lower())


def _marks(text_fields: list[tuple[Path, Text]], lang: str) -> tuple[str, ...]:
    """The ids of a table's notes in the order their marks first appear in its heads and
    cells (read in ``lang``): note a, b, c …"""
    order: dict[str, None] = {}
    for _, text in text_fields:
        for node in inline.walk(text.inline(lang)):
            if isinstance(node, inline.TableMark):
                order.setdefault(node.id)
    return tuple(order)


def _count(
    counters: Counter[tuple[object, ...]], key: tuple[object, ...], kind: str,
    depth: int = 0, parent: Label | None = None,
) -> Label:  # fmt: skip
    counters[key] += 1
    return Label(kind, counters[key], depth, parent)


def _annex_of(path: Path, labels: Mapping[Path, Label]) -> Label | None:
    return labels.get(path[:2]) if path[:1] == ("annexes",) else None


def runs(numbers: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive runs, in order: [1, 2, 3, 5] -> (1, 3), (5, 5)."""
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        yield numbers[i], numbers[j]
        i = j + 1
