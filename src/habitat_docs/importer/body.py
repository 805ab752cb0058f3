"""The body of one language version as nested blocks: sections, subsections, paragraphs and
subparagraphs, figures (importer/figures.py), target boxes, annexes, tables and draft
decisions (a PDF's or text file's with the lines that make them: importer/tablelines.py,
importer/decision.py), each with its text (footnotes as {note:…}) and the line it was read
from."""

from __future__ import annotations

import re
from collections.abc import Callable

from attrs import define, field

from habitat_docs.check.document import Line, clean
from habitat_docs.check.resolve import Item
from habitat_docs.importer.annexes import original_of
from habitat_docs.importer.boxes import opens_box
from habitat_docs.importer.decision import DecisionLines
from habitat_docs.importer.figures import FigureLines, FigurePart
from habitat_docs.importer.lines import Version
from habitat_docs.importer.masthead import joined
from habitat_docs.importer.notes import notes_of, placed
from habitat_docs.importer.tablelines import TableLines
from habitat_docs.importer.words import escaped

__all__ = ["Block", "Body", "read_body", "where"]

# Labels this slice does not import yet: what they open is reported, never dropped silently.
_LATER = {
    "decision": "a draft decision",
    "operative": "a draft decision's paragraph",
    "table": "a table",
}
# A table or draft decision of a DOCX is read whole from its paragraphs' styles
# (importer/parts.py): the lines in these styles belong to it.
_PARTS = {"table", "decision"}
# A PDF's table is read by where its cells stand (importer/tablelines.py); a text file's not.
_UNSPLIT = "a text file does not tell its cells apart"
_PART_STYLES = frozenset({"UNCaption", "UNNote", "UNTableText", "UNDecisionHeading",
                          "UNDecisionTitle", "UNDecisionText", "UNOperative"})  # fmt: skip
_HEADING = "a third-level heading “{}” read as an unnumbered paragraph (the data format has none)"
_BULLET = "a bulleted line “{}” outside a target box, read as an unnumbered paragraph"


@define
class Block:
    """A section (``kind`` section or subsection), an annex (its sections as subsections), a
    paragraph (para, sub, text for an unnumbered one), a figure, or a target box (targets,
    its items ``item``), with what it holds."""

    kind: str
    value: int
    depth: int
    text: str
    line: Line
    children: list[Block] = field(factory=list)  # paragraphs of a section, subparagraphs
    subsections: list[Block] = field(factory=list)
    data: object = None  # a table's or draft decision's parts (importer/parts.py)
    guess: str = ""  # how it was read, when that is a guess: a comment in the data file


@define
class Body:
    sections: list[Block] = field(factory=list)
    annexes: list[Block] = field(factory=list)
    warnings: list[str] = field(factory=list)


def where(version: Version, line: Line) -> str:
    """FILE:¶N for a DOCX paragraph, FILE:PAGE:LINE otherwise (as the checker writes it)."""
    if version.document.kind == "docx":
        return f"{version.name}:¶{line.line}"
    return f"{version.name}:{line.page if line.page is not None else '-'}:{line.line}"


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
        self.figure: FigureLines | None = None  # the figure whose lines are being read
        self.box: Block | None = None  # the target box whose bullets are being read
        self.title: Block | None = None  # the annex whose title may run on
        self.decision: DecisionLines | None = None  # a PDF's or text's draft decision being read
        self.table: TableLines | None = None  # a PDF's table being read

    def run(self) -> Body:
        for ln in self.version.body:
            self.line(ln)
        return self.body

    def warn(self, line: Line, why: str) -> None:
        opening = clean(line.text).strip()[:40]
        self.body.warnings.append(f"{where(self.version, line)}: “{opening}”: not imported: {why}")

    def line(self, ln: Line) -> None:
        items = [
            it for it in self.version.of(ln) if it.kind not in ("ref", "star-ref", "note", "star")
        ]
        # the next table's caption or draft decision's heading opens a part of its own
        opens = ln.role != "table" and any(it.kind in _PARTS for it in items[:1])
        if self.part is not None and (ln.style in _PART_STYLES or ln.role == "table") and not opens:
            return  # read whole by importer/parts.py
        self.part = None
        if self.figure is not None and self.figure.take(ln, bool(items)):
            return
        self.figure = None
        if self.decision is not None and self.decision.take(ln, items):
            return
        self.decision = None
        if self.table is not None and self.table.take(ln, bool(items)):
            return
        self.table = None
        if not items and self.titled(ln):
            return
        if self.title is not None and not items and (code := original_of(ln)) is not None:
            self.title.data, self.title = code, None  # "[Original: French]" under its title
            return
        self.title = None
        text = clean(ln.text).strip()
        if not items:
            if text:
                self.unlabelled(ln)
            return
        it = items[0]
        if it.kind == "bullet" and self.box is not None:
            self.item(self.box, ln, it)
            return
        self.box = None
        if it.kind in ("figure", "annex") and self.opened(ln, it):
            return
        if it.kind in _PARTS and ln.style in _PART_STYLES and self.placeable():
            self.skipping = ""
            self.part = Block(it.kind, it.value, 0, "", ln)
            self.container().append(self.part)
            return
        if self.gathers(ln, it):
            return
        if it.kind in _LATER:
            self.skipping = _LATER[it.kind]
            plain = it.kind == "table" and self.version.document.kind == "text"
            self.warn(
                ln, f"{_LATER[it.kind]} ({_UNSPLIT if plain else 'a later slice of the importer'})"
            )
            return
        self.skipping = ""
        self.labelled(ln, it)

    def gathers(self, ln: Line, it: Item) -> bool:
        """A PDF's or text file's draft decision, or a PDF's table set with its sizes: the
        lines that follow are gathered for it, made its part once the language is known
        (importer/attach.py)."""
        kind = self.version.document.kind
        if not self.placeable() or kind == "docx":
            return False
        if it.kind == "decision":
            self.decision = DecisionLines(ln)
            data: object = self.decision
        elif it.kind == "table" and kind == "pdf" and ln.size is not None:
            self.table = TableLines(ln)  # its cells told apart where the page places them
            data = self.table
        else:
            return False
        self.skipping = ""
        self.container().append(Block(it.kind, it.value, 0, "", ln, data=data))
        return True

    def titled(self, ln: Line) -> bool:
        """An annex's title running on from its label, in the label's style (a DOCX) or in
        bold type of its size (a PDF)."""
        if self.title is None:
            return False
        line = self.title.line
        same = (ln.style, ln.bold, ln.size) == (line.style, line.bold, line.size)
        # a text file sets nothing in bold: its title is the one line after the label
        plain = ln.style is None and not ln.bold and (ln.bold is not None or self.title.text)
        if not same or plain:
            return False
        self.title.text = joined([t for t in (self.title.text, escaped(ln.text)) if t])
        return True

    def opened(self, ln: Line, it: Item) -> bool:
        """A figure's caption or an annex's heading: what follows is read as its part."""
        self.skipping = ""
        self.last = None  # a PDF's unnumbered paragraph after it is not a run-on line
        text = escaped(_after_label(ln.text, it.label))
        if it.kind == "annex":
            self.title = Block("annex", it.value, 0, text, ln)
            self.body.annexes.append(self.title)
            return True
        if not self.placeable():
            return False
        figure = FigurePart(title=text)
        self.container().append(Block("figure", it.value, 0, "", ln, data=figure))
        self.figure = FigureLines(figure, styled=self.version.document.kind == "docx")
        return True

    def item(self, box: Block, ln: Line, it: Item) -> None:
        """A bulleted line of a target box: one target."""
        text = self.with_notes(ln, lambda s: escaped(_after_label(s, it.label)))
        block = Block("item", 0, 0, text, ln)
        box.children.append(block)
        self.last = block

    def unlabelled(self, ln: Line) -> None:
        if opens_box(ln) and self.placeable():
            self.box = Block("targets", 0, 0, "", ln)
            self.container().append(self.box)
            self.last = None
        elif self.skipping or ln.role == "table":
            self.warn(ln, self.skipping or "a table (a later slice of the importer)")
        elif self.version.document.kind != "docx" and (last := self.runs_on(ln)) is not None:
            last.text = joined([last.text, self.with_notes(ln, escaped)])  # a wrapped line runs on
        elif self.placeable():
            block = Block("text", 0, 0, self.with_notes(ln, escaped), ln)
            self.container().append(block)
            self.last = block
        else:
            self.warn(ln, "text before the first section")

    def runs_on(self, ln: Line) -> Block | None:
        """The block a PDF's or text file's unlabelled line wraps, if any: under a heading,
        only a line set as the heading is (an unnumbered paragraph may follow it)."""
        last = self.last
        if last is None or last.kind not in ("section", "subsection"):
            return last
        return last if (ln.size, ln.bold) == (last.line.size, last.line.bold) else None

    def labelled(self, ln: Line, it: Item) -> None:
        text = self.with_notes(ln, lambda s: escaped(_after_label(s, it.label)))
        block = Block(it.kind, it.value, it.depth, text, ln)
        if it.kind == "section":
            self.sections().append(block)
        elif it.kind == "subsection" and self.sections():
            self.sections()[-1].subsections.append(block)
        elif it.kind == "para" and self.placeable():
            self.container().append(block)
        elif it.kind == "bullet" and self.placeable():
            block.kind, block.guess = "text", _BULLET.format(clean(ln.text).strip()[:40])
            self.container().append(block)
        elif it.kind == "heading" and self.placeable():
            # the data format has no third-level heading: its words stay, as a paragraph
            block = Block("text", 0, 0, text, ln, guess=_HEADING.format(clean(ln.text).strip()))
            self.container().append(block)
        elif it.kind == "sub" and (parent := self.parent(it.depth)) is not None:
            parent.children.append(block)
        else:
            self.warn(ln, f"{it.kind} {it.label} outside any section or paragraph")
            return
        self.last = block

    def sections(self) -> list[Block]:
        """The sections of the body, or of the annex being read."""
        return self.body.annexes[-1].subsections if self.body.annexes else self.body.sections

    def placeable(self) -> bool:
        return bool(self.body.annexes or self.body.sections)

    def container(self) -> list[Block]:
        """The blocks a paragraph goes into: the last section's (or subsection's), or the
        annex's own before its first section."""
        sections = self.sections()
        if not sections:
            return self.body.annexes[-1].children
        section = sections[-1]
        return section.subsections[-1].children if section.subsections else section.children

    def parent(self, depth: int) -> Block | None:
        """The paragraph or subparagraph a subparagraph of ``depth`` (1 for "(a)") belongs to."""
        blocks = self.container() if self.placeable() else []
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
        if not marks and not ln.italic and not ln.no_break:
            return read(ln.text)
        notes = notes_of(self.version.notes, ln, marks)
        if len(notes) < len(marks):
            self.warn(ln, f"the footnote of mark {', '.join(marks)}: not found beside its text")
        return placed(ln, read, [f"{{note:{escaped(t)}}}" for t in notes])


def read_body(version: Version) -> Body:
    """The sections and paragraphs of ``version``; lines it cannot place as warnings."""
    return _Reader(version).run()
