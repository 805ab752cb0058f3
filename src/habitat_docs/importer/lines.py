"""One language version read through the checker: its lines, the labels found on them, and
the line where the body begins (the first section or paragraph)."""

from __future__ import annotations

import os
from collections import defaultdict

from attrs import frozen

from habitat_docs.check import structure
from habitat_docs.check.document import DocumentText, Line
from habitat_docs.check.reader import read
from habitat_docs.check.resolve import Item

__all__ = ["BODY_KINDS", "Version", "read_version"]

# The labels that open the body: the masthead ends before the first of them.
BODY_KINDS = frozenset({"section", "para", "annex", "decision", "heading"})


@frozen
class Version:
    """A file read back: ``masthead`` the lines above the body, ``body`` the rest (footnotes
    apart), ``notes`` the footnote lines, ``items`` the labels found on each line."""

    document: DocumentText
    masthead: tuple[Line, ...]
    body: tuple[Line, ...]
    notes: tuple[Line, ...]
    items: dict[int, tuple[Item, ...]]

    @property
    def name(self) -> str:
        return self.document.name

    def of(self, line: Line) -> tuple[Item, ...]:
        return self.items.get(id(line), ())


def read_version(path: str | os.PathLike[str]) -> Version:
    """Read ``path`` (DOCX, PDF or text) and split it into masthead, body and footnotes."""
    document = read(path)
    st = structure(document)
    items: dict[int, list[Item]] = defaultdict(list)
    for it in st.items:
        items[id(it.line)].append(it)
    text = [ln for ln in document.lines if ln.role not in ("note", "head", "foot")]
    start = next(
        (k for k, ln in enumerate(text) if any(it.kind in BODY_KINDS for it in items[id(ln)])),
        len(text),
    )
    notes = tuple(ln for ln in document.lines if ln.role == "note")
    frozen_items = {k: tuple(v) for k, v in items.items()}
    return Version(document, tuple(text[:start]), tuple(text[start:]), notes, frozen_items)
