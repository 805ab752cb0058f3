"""The body of one language version as nested blocks: sections, subsections, paragraphs and
subparagraphs, each with its text (footnotes as {note:…}) and the line it was read from."""

from __future__ import annotations

import re
from collections.abc import Callable

from attrs import define, field

from habitat_docs.check.document import Line, clean
from habitat_docs.check.resolve import Item
from habitat_docs.importer.lines import Version
from habitat_docs.importer.masthead import joined
from habitat_docs.importer.notes import notes_of, placed

__all__ = ["Block", "Body", "read_body", "where"]

# Labels this slice does not import yet: what they open is reported, never dropped silently.
_LATER = {
    "decision": "a draft decision",
    "operative": "a draft decision's paragraph",
    "annex": "an annex",
    "heading": "a third-level heading",
    "figure": "a figure",
    "table": "a table",
}
# A table or draft decision of a DOCX is read whole from its paragraphs' styles
# (importer/parts.py): the lines in these styles belong to it.
_PARTS = {"table", "decision"}
_PART_STYLES = frozenset({"UNCaption", "UNNote", "UNTableText", "UNDecisionHeading",
                          "UNDecisionTitle", "UNDecisionText", "UNOperative"})  # fmt: skip
_ESCAPE = str.maketrans({"\\": "\\\\", "*": "\\*", "{": "\\{", "}": "\\}"})


@define
class Block:
    """A section (``kind`` section or subsection) or a paragraph (para, sub, text for an
    unnumbered one) with what it holds."""

    kind: str
    value: int
    depth: int
    text: str
    line: Line
    children: list[Block] = field(factory=list)  # paragraphs of a section, subparagraphs
    subsections: list[Block] = field(factory=list)
    data: object = None  # a table's or draft decision's parts (importer/parts.py)


@define
class Body:
    sections: list[Block] = field(factory=list)
    warnings: list[str] = field(factory=list)


def where(version: Version, line: Line) -> str:
    """FILE:¶N for a DOCX paragraph, FILE:PAGE:LINE otherwise (as the checker writes it)."""
    if version.document.kind == "docx":
        return f"{version.name}:¶{line.line}"
    return f"{version.name}:{line.page if line.page is not None else '-'}:{line.line}"


def escaped(text: str) -> str:
    """Printed text as data: the markup characters taken literally."""
    return clean(text).strip().translate(_ESCAPE)


def _after_label(text: str, label: str) -> str:
    s = clean(text).strip()
    if s.startswith(label):
        return s[len(label) :].strip()
    return re.sub(r"^\S+\s+", "", s) if label.strip() in s[: len(label) + 3] else s


class _Reader:
    def __init__(self, version: Version) -> None:
        self.version = version
        self.body = Body()
        self.last: Block | None = None  # the block text runs on into (plain text)
        self.skipping = ""  # what a later slice will import: its lines are reported
        self.part: Block | None = None  # the table or draft decision being read

    def run(self) -> Body:
        for ln in self.version.body:
            self.line(ln)
        return self.body

    def warn(self, line: Line, why: str) -> None:
        opening = clean(line.text).strip()[:40]
        self.body.warnings.append(f"{where(self.version, line)}: “{opening}”: not imported: {why}")

    def line(self, ln: Line) -> None:
        if self.part is not None and (ln.style in _PART_STYLES or ln.role == "table"):
            return  # read whole by importer/parts.py
        self.part = None
        items = [
            it for it in self.version.of(ln) if it.kind not in ("ref", "star-ref", "note", "star")
        ]
        text = clean(ln.text).strip()
        if not items:
            if text:
                self.unlabelled(ln)
            return
        it = items[0]
        if it.kind in _PARTS and ln.style in _PART_STYLES and self.body.sections:
            self.skipping = ""
            self.part = Block(it.kind, it.value, 0, "", ln)
            self.container().append(self.part)
            return
        if it.kind in _LATER:
            self.skipping = _LATER[it.kind]
            self.warn(ln, f"{_LATER[it.kind]} (a later slice of the importer)")
            return
        self.skipping = ""
        self.labelled(ln, it)

    def unlabelled(self, ln: Line) -> None:
        if self.skipping or ln.role == "table":
            self.warn(ln, self.skipping or "a table (a later slice of the importer)")
        elif self.version.document.kind != "docx" and self.runs_on(ln):
            self.last.text = joined([self.last.text, self.with_notes(ln, escaped)])  # type: ignore[union-attr]
        elif self.body.sections:
            block = Block("text", 0, 0, self.with_notes(ln, escaped), ln)
            self.container().append(block)
            self.last = block
        else:
            self.warn(ln, "text before the first section")

    def runs_on(self, ln: Line) -> bool:
        """Whether ``ln`` is a wrapped line of the block above: under a heading, only a line
        set as the heading is (an unnumbered paragraph may follow it)."""
        last = self.last
        if last is None or last.kind not in ("section", "subsection"):
            return last is not None
        return (ln.size, ln.bold) == (last.line.size, last.line.bold)

    def labelled(self, ln: Line, it: Item) -> None:
        text = self.with_notes(ln, lambda s: escaped(_after_label(s, it.label)))
        block = Block(it.kind, it.value, it.depth, text, ln)
        if it.kind == "section":
            self.body.sections.append(block)
        elif it.kind == "subsection" and self.body.sections:
            self.body.sections[-1].subsections.append(block)
        elif it.kind == "para" and self.body.sections:
            self.container().append(block)
        elif it.kind == "sub" and (parent := self.parent(it.depth)) is not None:
            parent.children.append(block)
        else:
            self.warn(ln, f"{it.kind} {it.label} outside any section or paragraph")
            return
        self.last = block

    def container(self) -> list[Block]:
        section = self.body.sections[-1]
        return section.subsections[-1].children if section.subsections else section.children

    def parent(self, depth: int) -> Block | None:
        """The paragraph or subparagraph a subparagraph of ``depth`` (1 for "(a)") belongs to."""
        blocks = self.container() if self.body.sections else []
        parent = blocks[-1] if blocks else None
        for _ in range(depth - 1):
            if parent is None or not parent.children:
                return None
            parent = parent.children[-1]
        return parent

    def with_notes(self, ln: Line, read: Callable[[str], str]) -> str:
        """The text ``read`` makes of ``ln``, its footnotes as {note:…} where their marks
        stood (importer/notes.py)."""
        marks = [m for m in ln.marks if m != "*"]
        if not marks:
            return read(ln.text)
        notes = notes_of(self.version.notes, ln, marks)
        if len(notes) < len(marks):
            self.warn(ln, f"the footnote of mark {', '.join(marks)}: not found beside its text")
        return placed(ln, read, [f"{{note:{escaped(t)}}}" for t in notes])


def read_body(version: Version) -> Body:
    """The sections and paragraphs of ``version``; lines it cannot place as warnings."""
    return _Reader(version).run()
