"""The parts a DOCX gives whole (importer/parts.py, importer/figures.py) handed to the blocks
that stand for them in a version's body, in order; those of a PDF or text file made from the
lines the body gathered for them once the version's language is known: a figure's small lines
sorted into notes, a draft decision (importer/decision.py), a table (importer/tablelines.py)
and the summary box (importer/summary.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from habitat_docs.check.document import Line, clean
from habitat_docs.importer.align import shape, skeleton
from habitat_docs.importer.body import Block, Body, where
from habitat_docs.importer.decision import DecisionLines, decision_of
from habitat_docs.importer.figures import FigurePart, placed, read_captioned
from habitat_docs.importer.lines import Version
from habitat_docs.importer.parts import Parts, docx_content, read_parts
from habitat_docs.importer.placement import Placement
from habitat_docs.importer.summary import read_summary
from habitat_docs.importer.tablelines import TableLines, Unread, table_of

__all__ = ["attach", "settle_tables"]


def _from_lines(
    version: Version, blocks: list[Block], code: str, warn: Callable[[Line, str], None]
) -> Parts:
    """The parts of a PDF or text file, read from its lines: its figures' notes, its draft
    decisions, its summary and a PDF's tables, with the places of a PDF's lines where they
    tell more."""
    placement = Placement(version.document.name) if version.document.kind == "pdf" else None
    for block in blocks:
        if isinstance(block.data, FigurePart):
            if not (block.data.placeholder or block.data.lines):
                warn(block.line, "a figure's image (a PDF's picture is not extracted)")
            placed(block.data, code, warn)
        elif isinstance(block.data, DecisionLines):
            block.data, guesses = decision_of(block.data, code, placement, warn)
            block.guess = "; ".join(guesses)
        elif isinstance(block.data, TableLines):
            lines = block.data
            block.data, block.guess = table_of(lines, version, placement)
            if isinstance(block.data, Unread):
                for ln in block.data.lines:
                    warn(ln, block.data.why)
            else:
                for ln in lines.under:
                    warn(ln, "a small line under a table, read as neither its note nor its source")
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

    blocks = [*skeleton(body.sections), *skeleton(body.annexes)]
    if version.document.kind != "docx":
        return _from_lines(version, blocks, code, warn)
    content = docx_content(version.document.name)
    parts = read_parts(content)
    captioned = iter(read_captioned(content))
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


def _tables(blocks: list[Block]) -> Iterator[tuple[list[Block], Block]]:
    """Every table block with the list that holds it, in order."""
    for b in blocks:
        if b.kind == "table":
            yield blocks, b
        yield from _tables(b.subsections)
        yield from _tables(b.children)


def settle_tables(versions: Sequence[Version], bodies: Sequence[Body]) -> None:
    """Tables that some PDF version could not read, or read in another shape than the other
    versions, taken out of every version (reported), so that the versions align: a PDF's
    table is all versions' or none's."""
    found = [[*_tables(b.sections), *_tables(b.annexes)] for b in bodies]
    for k in range(max(map(len, found), default=0)):
        unread = [v.name for v, f in zip(versions, found, strict=True)
                  if k < len(f) and isinstance(f[k][1].data, Unread)]  # fmt: skip
        why = f"as {unread[0]}'s is not read" if unread else ""
        if not why and (unlike := _unlike(versions, [f[k] if k < len(f) else None for f in found])):
            why = f"as {unlike[0]}'s is read in another shape than the first version's"
        if not why:
            continue
        for version, body, tables in zip(versions, bodies, found, strict=True):
            if k >= len(tables):
                continue
            holder, block = tables[k]
            del holder[next(n for n, b in enumerate(holder) if b is block)]
            if not isinstance(block.data, Unread):
                opening = clean(block.line.text).strip()[:40]
                body.warnings.append(f"{where(version, block.line)}: “{opening}”: not imported: "
                                     f"a table, {why} (the versions must align)")  # fmt: skip


def _unlike(
    versions: Sequence[Version], tables: Sequence[tuple[list[Block], Block] | None]
) -> list[str]:
    """The PDF versions whose tables were read in another shape than the first version's (a
    DOCX's do not align with each other: the import stops, naming both)."""
    read = [(v, t[1]) for v, t in zip(versions, tables, strict=True) if t is not None]
    if not any(v.document.kind == "pdf" for v, _ in read):
        return []
    first = shape(read[0][1].data)
    return [v.name for v, b in read if shape(b.data) != first and v.document.kind == "pdf"]
