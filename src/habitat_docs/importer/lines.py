"""One language version read through the checker: its lines, the labels found on them, and
the line where the body begins (the first section or paragraph)."""

from __future__ import annotations

import os
import re
from collections import defaultdict

from attrs import evolve, frozen

from habitat_docs.check import structure
from habitat_docs.check.document import DocumentText, Line
from habitat_docs.check.furniture import head_symbol
from habitat_docs.check.reader import read
from habitat_docs.check.resolve import Item

__all__ = ["BODY_KINDS", "CJK", "Version", "closed_gaps", "read_version", "running_symbol"]

# The labels that open the body: the masthead ends before the first of them.
BODY_KINDS = frozenset({"section", "para", "annex", "decision", "heading"})
# East Asian characters and punctuation: no space between two of them in the text itself.
CJK = "[\u3000-\u9fff\uff00-\uffef]"
# A space a PDF's text layer shows between two of them (beside a full-width bracket, say), or
# between one of them and a Latin letter, a digit or a curly quote (Chinese sets “” too),
# where the page only sets a narrow gap.
_CJK_GAP = re.compile(
    f"(?<={CJK}) +(?={CJK}|[0-9A-Za-z“”‘’])|(?<=[0-9A-Za-z“”‘’]) +(?={CJK})"
)
# Those, and the second of two spaces: a justified line's extraction may double them.
_GAPS = re.compile(f"{_CJK_GAP.pattern}|(?<= ) +")
# The labels a footnote's own line opens with: in plain text nothing else tells a footnote.
_NOTE_KINDS = frozenset({"star", "note"})


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
    found: dict[int, list[Item]] = defaultdict(list)
    for it in st.items:
        found[id(it.line)].append(it)
    lines = list(document.lines)
    if document.kind != "docx":  # a DOCX's paragraphs are the document's own text
        lines = [_as_note(_closed(ln, found[id(ln)]), found[id(ln)]) for ln in lines]
    items = {id(new): tuple(found[id(old)]) for old, new in zip(document.lines, lines, strict=True)}
    text = [ln for ln in lines if ln.role not in ("note", "head", "foot")]
    start = next(
        (k for k, ln in enumerate(text) if any(it.kind in BODY_KINDS for it in items[id(ln)])),
        len(text),
    )
    notes = tuple(ln for ln in lines if ln.role == "note")
    return Version(document, tuple(text[:start]), tuple(text[start:]), notes, items)


def _as_note(line: Line, items: list[Item]) -> Line:
    """A plain-text line that opens with a footnote's mark ("* HSP/EB.2024/1.") is a footnote:
    the PDF reader tells footnotes by their size, a text file only by that mark."""
    if line.role != "body" or not items or items[0].kind not in _NOTE_KINDS:
        return line
    return evolve(line, role="note")


def _closed(line: Line, items: list[Item]) -> Line:
    """A PDF or text line without the spaces its extraction put between East Asian
    characters, and without doubled spaces; the space after a label ("一、 导言") stays, as the label's reader expects."""
    text = line.text
    label = items[0].label if items else ""
    start = text.index(label) + len(label) + 1 if label and label in text else 0
    closed = text[:start] + _GAPS.sub("", text[start:])
    if closed == text:
        return line
    gaps = [(start + m.start(), start + m.end()) for m in _GAPS.finditer(text[start:])]
    at = tuple(k - sum(min(e, k) - s for s, e in gaps if s < k) for k in line.mark_at)
    return evolve(line, text=closed, mark_at=at)  # the footnote marks where they stood


def running_symbol(version: Version) -> str | None:
    """The symbol the running heads print (the masthead of a text file may have lost it)."""
    for ln in version.document.lines:
        if ln.role == "head" and (symbol := head_symbol(ln.text)):
            return symbol
    return None


def closed_gaps(text: str) -> str:
    """``text`` without the spaces a PDF's extraction puts beside East Asian characters, nor
    doubled ones."""
    return _GAPS.sub("", text)
