"""Where a PDF's lines stand on their pages: what the checker's lines do not carry, read again
from the page for the parts that need it (a draft decision, the summary, a table). Each line's
runs with their x position and whether their font is italic, and the height of the line on the
page: a paragraph's lines follow each other closer than two paragraphs do, and a table's cells
start where its columns do."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import Any

from attrs import frozen

from habitat_docs.check.document import Line, clean
from habitat_docs.check.rtl import RTL
from habitat_docs.importer.masthead import joined
from habitat_docs.importer.words import ESCAPE

__all__ = ["Placed", "Placement", "Run", "emphasised", "paragraphs", "rejoined"]

_ITALIC = ("italic", "oblique")
# A line that ends in a hyphen after a letter: the word goes on on the next line (the PDF
# writer does not hyphenate, so the hyphen is the word's own: "Director-" "General").
_HYPHEN = re.compile(r"[^\W\d_]-$")
# More than this times the closest two lines of a block are apart: a new paragraph starts.
_GAP = 1.2


@frozen
class Run:
    text: str
    x: float
    italic: bool
    size: float


@frozen
class Placed:
    """One output line of pypdf's: its runs (none when their order is not the line's), and the
    height of its baseline on the page."""

    runs: tuple[Run, ...]
    y: float


class Placement:
    """The placed lines of the PDF at ``path``, read a page at a time when first asked for:
    a line of the checker's (page, line) is pypdf's line of that number on that page. A page
    whose runs do not add up to its text gives none; one with right-to-left text (its lines
    the checker put in reading order) gives its lines' heights without their runs."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path
        self.reader: Any = None
        self.pages: dict[int, list[Placed] | None] = {}

    def line(self, ln: Line) -> Placed | None:
        if ln.page is None:
            return None
        if ln.page not in self.pages:
            self.pages[ln.page] = self._read(ln.page)
        lines = self.pages[ln.page]
        return lines[ln.line - 1] if lines is not None and 0 < ln.line <= len(lines) else None

    def _read(self, page: int) -> list[Placed] | None:
        try:
            if self.reader is None:
                from pypdf import PdfReader

                self.reader = PdfReader(os.fspath(self.path))
            raw: list[tuple[str, list[float], list[float], object, float]] = []
            text = self.reader.pages[page - 1].extract_text(
                visitor_text=lambda *chunk, _add=raw.append: _add(chunk)
            )
        except Exception:  # noqa: BLE001  the checker read the file: only this extra reading failed
            return None
        if "".join(r[0] for r in raw) != text:
            return None
        placed = _placed(raw)
        if RTL.search(text):  # the checker reordered its lines: only their heights still hold
            return [Placed((), p.y) for p in placed]
        return placed


def _placed(raw: list[tuple[str, list[float], list[float], object, float]]) -> list[Placed]:
    lines: list[list[tuple[Run, float]]] = [[]]
    for t, cm, tm, font, size in raw:
        if not t:
            continue
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")).lower() if isinstance(font, dict) else ""
        italic = any(w in name for w in _ITALIC)
        scale = abs(tm[3] * cm[3]) or 1.0
        for k, part in enumerate(t.split("\n")):
            if k:
                lines.append([])
            if part:
                lines[-1].append((Run(clean(part), x, italic, size * scale), y))
    return [
        Placed(tuple(r for r, _ in line), next((y for r, y in line if r.text.strip()), 0.0))
        for line in lines
    ]


def paragraphs(
    lines: list[Line], placement: Placement | None, ends: Callable[[Line], bool],
    alike: Sequence[Sequence[Line]] = (),
) -> list[list[Line]] | None:  # fmt: skip
    """``lines`` (one block's, in order) parted into paragraphs where the space between two
    lines is wider than between the closest two lines of a paragraph (of these or of the
    paragraphs ``alike``, set the same way); across a page break, where ``ends`` says a line
    ends its paragraph. None when their places are not all known (a text file, a page read
    without them) or no two lines of a paragraph are known to follow each other."""
    if placement is None or not lines:
        return None
    placed = [placement.line(ln) for ln in lines]
    pitch = min((g for group in (lines, *alike) for g in _gaps(list(group), placement) if g),
                default=None)  # fmt: skip
    if pitch is None or any(p is None for p in placed):
        return None
    out = [[lines[0]]]
    for ln, gap in zip(lines[1:], _gaps(lines, placement), strict=True):
        new = ends(out[-1][-1]) if gap is None else gap > pitch * _GAP
        if new:
            out.append([ln])
        else:
            out[-1].append(ln)
    return out


def _gaps(lines: list[Line], placement: Placement) -> list[float | None]:
    """The heights between each two lines that follow on one page (None across pages)."""
    placed = [placement.line(ln) for ln in lines]
    return [abs(a.y - b.y) if a is not None and b is not None and x.page == y.page else None
            for x, y, a, b in zip(lines, lines[1:], placed, placed[1:], strict=False)]  # fmt: skip


def emphasised(text: str, placed: Placed | None) -> str:
    """``text`` (a line's, as data, its label perhaps left out) with the words its italic runs
    set between stars: each at the place of the text nearest to where its run stands in the
    line (the same words may also stand upright)."""
    if placed is None:
        return text
    full = "".join(r.text for r in placed.runs)
    shift = len(full.rstrip()) - len(text)  # the label left out before ``text``
    runs: list[tuple[int, str]] = []  # where each italic stretch starts in ``full``, its words
    italic, at = False, 0
    for run in placed.runs:
        if run.text.strip() and run.italic and not italic:
            runs.append((at, ""))
        if run.text.strip():
            italic = run.italic
        if italic:
            runs[-1] = (runs[-1][0], runs[-1][1] + run.text)
        at += len(run.text)
    start = 0
    for where, words in runs:
        core = re.sub(r"\s+", " ", words.strip()).translate(ESCAPE)
        found = [m.start() for m in re.finditer(re.escape(core), text[start:])] if core else []
        if not found:
            continue
        k = start + min(found, key=lambda f: abs(start + f - (where - shift)))
        text = f"{text[:k]}*{core}*{text[k + len(core) :]}"
        start = k + len(core) + 2
    return text


def rejoined(pieces: list[str]) -> str:
    """A paragraph's lines joined (importer/masthead.py ``joined``), a word that a line
    breaks after its hyphen whole again, the wider spaces of a justified line made one."""
    out: list[str] = []
    for piece in pieces:
        if out and _HYPHEN.search(out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return re.sub(r"(?<=\S)  +(?=\S)", " ", joined(out))
