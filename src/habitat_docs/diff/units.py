"""The units a diff compares: every labelled node of a document (sections, paragraphs,
subparagraphs, annexes, decisions and their paragraphs, tables, figures) and every unnumbered
paragraph, in reading order, with its label, its id and its text in one language."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from attrs import frozen

from habitat_docs.compose.language import language
from habitat_docs.compose.numerals import alpha, roman
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
    Summary,
    Table,
    Text,
    texts,
    walk,
)  # fmt: skip
from habitat_docs.model.inline import plain
from habitat_docs.number import Label, number

__all__ = ["Unit", "mark", "units"]

_UNITS = (Section, Subsection, Paragraph, Subparagraph, Annex, DraftDecision, Operative, Table,
          Figure, Summary)  # fmt: skip
_SPACES = re.compile(r"\s+")


@frozen
class Unit:
    """One node in one language: ``kind`` (paragraph, section …), ``label`` as the diff
    prints it ("¶5", "¶5(a)", "§II", "annex I ¶3"; "" for an unnumbered paragraph),
    ``id`` where the data gives one, ``text``, and ``key`` what is compared of it: the text,
    or as printed the text without its spaces (a PDF's line breaks add some and drop others:
    "high- impact")."""

    kind: str
    label: str
    id: str | None
    text: str
    key: str


def units(
    doc: Document,
    lang: str,
    markup: bool,
    ids: bool = True,
    labels: Mapping[Path, Label] | None = None,
) -> list[Unit]:
    """The units of ``doc`` in ``lang``: their text as written in the data file (``markup``:
    references, notes and facts as marked up) or as printed (facts written out, references
    and notes left out: what a built document and its import give alike); without ``ids``
    (a model imported from a built document, whose ids the importer made up) none.
    ``labels``: the document's numbering, when already computed (it is the same in every
    language)."""
    labels = number(doc).labels if labels is None else labels
    text_of = _markup if markup else _printed(doc, lang)
    found: list[Unit] = []
    for path, node in walk(doc):
        if not isinstance(node, _UNITS):
            continue
        parts = [text_of(t, lang) for _, t in texts(path, node) if lang in t.languages]
        label = labels.get(path)
        kind = label.kind if label is not None else type(node).__name__.lower()
        text = " | ".join(p for p in parts if p)
        node_id = getattr(node, "id", None) if ids else None
        key = text if markup else _SPACES.sub("", text)
        found.append(Unit(kind, mark(label) if label else "", node_id, text, key))
    return found


def _markup(text: Text, lang: str) -> str:
    return _SPACES.sub(" ", text[lang]).strip()


def _printed(doc: Document, lang: str) -> Callable[[Text, str], str]:
    writer = language(lang)

    def printed(text: Text, lang: str) -> str:
        words = plain(text.inline(lang), lambda name: writer.fact(doc.facts[name]))
        return _SPACES.sub(" ", words).strip()

    return printed


def mark(label: Label) -> str:
    """A label as the diff prints it, the same in every language: ¶5, ¶5(a)(ii), §II, §II.B,
    annex I, annex I ¶3, decision 1 ¶2, table 2."""
    n = label.number
    parent = label.parent
    within = (
        f"{mark(parent)} " if parent is not None and parent.kind in ("annex", "decision") else ""
    )
    if label.kind == "paragraph":
        return f"{within}¶{n}" if n else within.strip()
    if label.kind == "operative":
        return f"{within}¶{n}"
    if label.kind == "subparagraph":
        head = mark(parent) if parent is not None else ""
        if head and parent is not None and not parent.number:  # under an unnumbered paragraph
            head += " "
        return f"{head}({alpha(n) if label.depth % 2 else roman(n).lower()})"
    if label.kind == "section":
        return f"{within}§{roman(n)}"
    if label.kind == "subsection":
        return f"{mark(parent)}.{alpha(n).upper()}" if parent is not None else alpha(n)
    if label.kind == "annex":
        return f"annex {roman(n)}"
    return f"{within}{label.kind} {n}"

