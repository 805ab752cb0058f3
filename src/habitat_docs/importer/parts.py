"""The parts of a DOCX the checker's lines do not carry whole: the summary box, each table's
rows, cells and lettered notes (their letters are superscript runs), and each draft decision's
title, preamble and operative paragraphs, with the italic words that open them. They are read
by paragraph style, in the order the document gives them."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

import docx
from attrs import define, field
from docx.table import Table
from docx.text.paragraph import Paragraph

from habitat_docs.check.document import clean, clean_keeping_spaces
from habitat_docs.importer.words import ESCAPE

__all__ = ["Decision", "Parts", "Summary", "TablePart", "docx_content", "grid_rows", "marked",
           "read_parts",
           "style_of"]  # fmt: skip

# A source line opens with its lead ("Source:", "资料来源："): the text follows the first colon.
_LEAD = re.compile(r"^[^:：]*[:：]\s*")


@define
class Summary:
    paras: list[str] = field(factory=list)
    action: str = ""
    guess: str = ""  # how its paragraphs were told apart, when that is a guess (a comment)


@define
class TablePart:
    title: str = ""
    columns: list[str] = field(factory=list)
    rows: list[list[str]] = field(factory=list)
    notes: list[tuple[str, str]] = field(factory=list)  # (letter, text)
    source: str = ""


@define
class Decision:
    title: str = ""
    head: str = ""  # "The Executive Board,": printed from the labels, not data
    preamble: list[str] = field(factory=list)
    operative: list[str] = field(factory=list)


@define
class Parts:
    summary: Summary | None = None
    tables: list[TablePart] = field(factory=list)
    decisions: list[Decision] = field(factory=list)


def _style(p: Paragraph, known: dict[str | None, str] | None = None) -> str:
    """The style id of ``p``, looked up once per id named when ``known`` keeps them
    (python-docx searches the styles part for every paragraph)."""
    named = p._p.style
    if known is None or named not in known:
        found = p.style.style_id if p.style is not None else ""
        if known is None:
            return found
        known[named] = found
    return known[named]


def _marked(p: Paragraph, skip: int = 0, *, styled: bool = True) -> str:
    """The text of ``p`` as data: italic runs between stars (unless the style italicises it
    all: ``styled`` False), superscript letters (table note marks) as {tnote:…}, markup
    characters escaped; ``skip`` leading runs left out."""
    pieces: list[tuple[bool, str]] = []
    for run in p.runs[skip:]:
        text = clean_keeping_spaces(run.text).translate(ESCAPE)
        if run.font.superscript and text.strip():
            pieces.append((False, f"{{tnote:{text.strip()}}}"))
        elif pieces and pieces[-1][0] == (styled and bool(run.italic)):
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + text)
        else:
            pieces.append((styled and bool(run.italic), text))
    return "".join(_starred(t) if italic else t for italic, t in pieces).strip()


def _starred(text: str) -> str:
    """Italic text between stars, its spaces outside them."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}*{core}*{text[start + len(core) :]}"


def docx_content(path: str | os.PathLike[str]) -> list[Paragraph | Table]:
    """The paragraphs and tables of the DOCX at ``path``, in order: read once for every part
    taken from it (here and importer/figures.py)."""
    return list(docx.Document(str(path)).iter_inner_content())


class _Reader:
    def __init__(self) -> None:
        self.parts = Parts()
        self.captions: list[str] = []
        self.table: TablePart | None = None  # the table whose notes may follow
        self.styles: dict[str | None, str] = {}  # style ids by the id a paragraph names

    def paragraph(self, p: Paragraph) -> None:
        style = _style(p, self.styles)
        if style == "UNSummary":
            self.summary(p)
        elif style == "UNCaption":
            self.captions.extend(_marked(p).split("\n"))  # "Table 1", a line break, the title
        elif style == "UNNote" and self.table is not None:
            self.note(p, self.table)
        elif style.startswith("UNDecision") or style == "UNOperative":
            self.decision(p, style)
        if style not in ("UNNote", "UNCaption"):
            self.table = None
        if style != "UNCaption":
            self.captions = []

    def summary(self, p: Paragraph) -> None:
        if self.parts.summary is None:  # its first line is its title
            self.parts.summary = Summary()
            return
        runs = p.runs
        if len(runs) > 1 and runs[0].bold:  # the action required, after its bold lead
            self.parts.summary.action = _marked(p, skip=1)
        else:
            self.parts.summary.paras.append(_marked(p))

    def grid(self, t: Table) -> None:
        rows = grid_rows(t)
        if rows is None:
            return
        title = self.captions[-1] if len(self.captions) > 1 else ""
        self.table = TablePart(title, rows[0], rows[1:])
        self.parts.tables.append(self.table)

    @staticmethod
    def note(p: Paragraph, table: TablePart) -> None:
        runs = p.runs
        if runs and runs[0].font.superscript:
            table.notes.append((clean(runs[0].text).strip(), _marked(p, skip=1)))
        else:
            table.source = _LEAD.sub("", _marked(p), count=1)

    def decision(self, p: Paragraph, style: str) -> None:
        if style == "UNDecisionHeading" or not self.parts.decisions:
            self.parts.decisions.append(Decision())
        d = self.parts.decisions[-1]
        if style == "UNDecisionTitle":
            d.title = _marked(p)
        elif style == "UNDecisionText" and not d.head:
            d.head = _marked(p)
        elif style == "UNDecisionText":
            d.preamble.append(_marked(p))
        elif style == "UNOperative":
            text = _marked(p)
            d.operative.append(text.split("\t", 1)[1].strip() if "\t" in text else text)


def grid_rows(t: Table) -> list[list[str]] | None:
    """The heads and rows of a table or a figure's grid; None for a masthead band."""
    rows = [[_cell(c, styled=k > 0) for c in row.cells] for k, row in enumerate(t.rows)]
    if not rows or not t.rows[0].cells[0].paragraphs:
        return None
    if _style(t.rows[0].cells[0].paragraphs[0]) != "UNTableText":
        return None  # a masthead band, not a table of the body
    return rows


def _cell(cell: object, *, styled: bool) -> str:
    paras = getattr(cell, "paragraphs", [])
    return " ".join(t for t in (_marked(p, styled=styled) for p in paras) if t)


marked, style_of = _marked, _style


def read_parts(content: Sequence[Paragraph | Table]) -> Parts:
    """The summary, tables and draft decisions of a DOCX's ``content`` (``docx_content``)."""
    reader = _Reader()
    for block in content:
        if isinstance(block, Table):
            reader.grid(block)
        else:
            reader.paragraph(block)
    return reader.parts
