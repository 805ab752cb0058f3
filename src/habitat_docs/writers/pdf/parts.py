"""Very long documents printed in parts, so that the memory a PDF takes stays bounded.

Typst holds every page of a document, and the layout of each, until it has written the PDF:
about 25 KB a paragraph, 2.5 GB for 100,000. A document of more than :data:`PART_BLOCKS`
blocks is therefore printed a part at a time and the parts joined (:mod:`.join`). A part ends
where a page begins with a paragraph of its own, so that every page is laid out as the whole
document would lay it out:

1. the next :data:`PART_BLOCKS` blocks are laid out (not printed), starting at the top of a
   page, and the paragraphs among the last :data:`PROBE_BLOCKS` report where they begin;
2. the part ends before the last paragraph that begins at the top of a page, one that is not
   the last page (which the blocks after the part would fill further);
3. the part is printed, its pages numbered on from the part before; it must have exactly the
   pages the layout gave it (a footnote running on to the next page would add one: then the
   part ends at an earlier page).

Documents of :data:`PART_BLOCKS` blocks or fewer are printed whole, as always.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

__all__ = ["PART_BLOCKS", "PROBE_BLOCKS", "Place", "Printer", "print_in_parts"]

Json = dict[str, Any]

#: Blocks (paragraphs, headings, tables …) a part holds at most: about 50 pages.
PART_BLOCKS = 2000
#: The last blocks of a part whose paragraphs report their place.
PROBE_BLOCKS = 300
_PT_PER_CM = 72 / 2.54
_SLACK_PT = 0.5  # a paragraph this close to the top margin begins the page


class Place(NamedTuple):
    """Where the layout put the beginning of a paragraph: its index in the part's blocks, its
    page in the part (from 1), and its distance from the top of the page in points."""

    block: int
    page: int
    y: float


class Printer(Protocol):
    def print(self, data: Json) -> bytes:
        """The PDF of ``data``."""

    def places(self, data: Json) -> list[Place]:
        """Lay ``data`` out; where its paragraphs marked ``probe`` begin."""

    def pages(self, pdf: bytes) -> int:
        """The number of pages of ``pdf``."""

    def forget(self) -> None:
        """Drop what the layout of the parts so far keeps cached."""


def print_in_parts(data: Json, printer: Printer, size: int = PART_BLOCKS) -> bytes:
    """The PDF of ``data``, printed in parts of at most ``size`` blocks and joined."""
    from habitat_docs.writers.pdf.join import join

    blocks = data["blocks"]
    start, page, pdfs = 0, 1, []
    while start < len(blocks):
        pdf, end, page = _next_part(data, blocks, start, page, printer, size)
        pdfs.append(pdf)
        printer.forget()
        start = end
    return join(pdfs, _levels(blocks))


def _next_part(
    data: Json, blocks: list[Json], start: int, page: int, printer: Printer, size: int
) -> tuple[bytes, int, int]:
    """The next part's PDF, the block after it and the page after it. Where no page of the
    next ``size`` blocks can end a part (a long table, a run of headings), the part grows."""
    while start + size < len(blocks):
        for cut, pages in _ends(data, blocks, start, start + size, page, printer):
            pdf = printer.print(_part(data, blocks[start:cut], page))
            if printer.pages(pdf) == pages:
                return pdf, cut, page + pages
        size *= 2
    pdf = printer.print(_part(data, blocks[start:], page))
    return pdf, len(blocks), page + printer.pages(pdf)


def _ends(
    data: Json, blocks: list[Json], start: int, end: int, page: int, printer: Printer
) -> list[tuple[int, int]]:
    """Where the part from ``start`` may end, latest first: (the block after it, its pages)."""
    probed = [dict(b) for b in blocks[start:end]]
    for i in range(max(0, len(probed) - PROBE_BLOCKS), len(probed)):
        if probed[i]["kind"] == "para":
            probed[i]["probe"] = i
    places = printer.places(_part(data, probed, page))
    if not places:
        return []
    top = data["page"]["margin-cm"]["top"] * _PT_PER_CM
    last = max(p.page for p in places)
    ends = [
        (start + p.block, p.page - 1)
        for p in places
        if 1 < p.page < last and abs(p.y - top) < _SLACK_PT
    ]
    return ends[::-1][:3]


def _part(data: Json, blocks: list[Json], first_page: int) -> Json:
    """``data`` with only ``blocks``, its first page numbered ``first_page`` (a part after the
    first has no masthead: un.typ prints it on page 1 only)."""
    return {**data, "blocks": blocks, "pages-before": first_page - 1}


def _levels(blocks: Sequence[Json]) -> list[int]:
    """The outline level of every bookmarked heading, in order (as un.typ bookmarks them)."""
    return [b["outline"] if b["kind"] == "heading" else 1 for b in blocks if b["kind"] in ("heading", "decision")]
