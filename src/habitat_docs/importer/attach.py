"""The parts a DOCX gives whole (importer/parts.py, importer/figures.py) handed to the blocks
that stand for them in a version's body, in order; a figure of a PDF or text file has its small
lines sorted into notes by the version's language."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from habitat_docs.check.document import Line, clean
from habitat_docs.importer.body import Block, Body, where
from habitat_docs.importer.decision import DecisionLines, decision_of
from habitat_docs.importer.figures import FigurePart, placed, read_captioned
from habitat_docs.importer.lines import Version
from habitat_docs.importer.parts import Parts, read_parts
from habitat_docs.importer.placement import Placement
from habitat_docs.importer.summary import read_summary

__all__ = ["attach", "walk"]


def walk(blocks: list[Block]) -> Iterator[Block]:
    for b in blocks:
        yield b
        yield from walk(b.subsections)
        yield from walk(b.children)


def _from_lines(
    version: Version, blocks: list[Block], code: str, warn: Callable[[Line, str], None]
) -> Parts:
    """The parts of a PDF or text file, read from its lines: its figures' notes, its draft
    decisions and its summary, with the places of a PDF's lines where they tell more."""
    placement = Placement(version.document.name) if version.document.kind == "pdf" else None
    for block in blocks:
        if isinstance(block.data, FigurePart):
            if not (block.data.placeholder or block.data.lines):
                warn(block.line, "a figure's image (a PDF's picture is not extracted)")
            placed(block.data, code, warn)
        elif isinstance(block.data, DecisionLines):
            block.data, guesses = decision_of(block.data, code, placement)
            block.guess = "; ".join(guesses)
    summary, guess = read_summary(version, placement)
    if summary is not None:
        summary.guess = guess
    return Parts(summary=summary)


def attach(version: Version, body: Body, code: str, *, pictures: bool = True) -> Parts:
    """The tables, draft decisions and figures of ``version`` given to their blocks; a block
    left without its part stays as read (a table: reported), and so does a figure's image
    when there is nowhere to write it (``pictures`` false)."""

    def warn(line: Line, why: str) -> None:
        opening = clean(line.text).strip()[:40]
        body.warnings.append(f"{where(version, line)}: “{opening}”: not imported: {why}")

    blocks = [*walk(body.sections), *walk(body.annexes)]
    if version.document.kind != "docx":
        return _from_lines(version, blocks, code, warn)
    parts = read_parts(version.document.name)
    captioned = iter(read_captioned(version.document.name))
    decisions = iter(parts.decisions)
    for block in blocks:
        if block.kind in ("table", "figure"):
            caption = next(captioned, None)
            grid = caption.grid if caption is not None else None
            if block.kind == "table":
                block.data = parts.tables[grid] if grid is not None else None
            elif caption is not None:
                block.data = caption.figure
                placed(caption.figure, code, warn)
                if caption.figure.picture is not None and not pictures:
                    warn(block.line, "a figure's image (no folder given to write it to)")
        elif block.kind == "decision":
            block.data = next(decisions, None)
    return parts
