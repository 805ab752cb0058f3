"""One pass that computes every label of a document, the same for all languages.

Labels are values (kind, number, depth, parent); each language's templates print them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from attrs import frozen

from habitat_docs.errors import Path
from habitat_docs.model import (
    Annex,
    Document,
    Figure,
    Paragraph,
    Section,
    Subparagraph,
    Subsection,
    Table,
    texts,
    walk,
)  # fmt: skip

__all__ = ["Label", "Numbering", "number", "runs"]


@frozen
class Label:
    """A computed label: ``kind`` in section, subsection, paragraph, subparagraph, figure,
    table, annex; ``depth`` 1–4 for subparagraphs; ``parent`` the enclosing labelled node
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


_COUNTED = (Section, Subsection, Paragraph, Subparagraph, Figure, Table, Annex)


def number(doc: Document) -> Numbering:
    labels: dict[Path, Label] = {}
    targets: dict[str, Label] = {}
    notes: dict[Path, int] = {}
    counters: Counter[tuple[object, ...]] = Counter()
    next_note = 1
    for path, node in [((), None), *walk(doc)]:
        text_fields = [(("title",), doc.title)] if node is None else list(texts(path, node))
        for tpath, text in text_fields:
            n = text.notes(next(iter(sorted(text.languages))))
            if n:
                notes[tpath] = next_note
                next_note += n
        if not isinstance(node, _COUNTED):
            continue
        annex = _annex_of(path, labels)
        if isinstance(node, Annex):
            label = _count(counters, ("annex",), "annex")
        elif isinstance(node, Section):
            label = _count(counters, ("section", annex), "section", parent=annex)
        elif isinstance(node, Subsection):
            parent = labels[path[:-2]]
            label = _count(counters, ("subsection", parent), "subsection", parent=parent)
        elif isinstance(node, Paragraph):
            if not node.numbered:
                continue
            label = _count(counters, ("paragraph", annex), "paragraph", parent=annex)
        elif isinstance(node, Subparagraph):
            # under an unnumbered paragraph the list is labelled on its own
            parent = labels.get(path[:-2]) or Label("paragraph", 0, parent=annex)
            depth = parent.depth + 1 if parent.kind == "subparagraph" else 1
            label = _count(counters, ("sub", path[:-2]), "subparagraph", depth, parent)
        else:  # Figure or Table: numbered through the whole document
            label = _count(counters, (type(node).__name__,), type(node).__name__.lower())
        labels[path] = label
        node_id = getattr(node, "id", None)
        if node_id is not None:
            targets[node_id] = label
    body_paragraphs = counters[("paragraph", None)]
    return Numbering(labels, targets, notes, counters[("annex",)], body_paragraphs)


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
