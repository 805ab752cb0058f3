"""Very long documents printed in parts, so that the memory a PDF takes stays bounded.

Typst holds every page of a document, and the layout of each, until it has written the PDF:
about 25 KB a paragraph, 2.5 GB for 100,000. A document of more than :data:`PART_BLOCKS`
blocks is therefore printed a part at a time and the parts joined (:mod:`.join`). A part ends
where a page begins with a paragraph of its own, so that every page is laid out as the whole
document would lay it out:

1. the next :data:`PART_BLOCKS` blocks are printed, starting at the top of a page, and the
   paragraphs among the last :data:`PROBE_BLOCKS` report where they begin;
2. the part keeps its pages before the last one that begins with a paragraph (other than its
   last page, which the blocks after the part would fill further), unless something on them
   runs on to that page (a footnote): then it keeps fewer;
3. the next part begins with that paragraph, its pages numbered on.

Documents of :data:`PART_BLOCKS` blocks or fewer are printed whole, as always.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from habitat_docs.compose.geometry import POINTS_PER_CM

if TYPE_CHECKING:  # pikepdf is imported when a long document is joined
    from habitat_docs.writers.pdf.join import Joined

__all__ = ["PART_BLOCKS", "PROBE_BLOCKS", "Place", "Printer", "print_in_parts"]

Json = dict[str, Any]

#: Blocks (paragraphs, headings, tables …) a part holds at most: about 50 pages.
PART_BLOCKS = 2000
#: The last blocks of a part whose paragraphs report their place.
PROBE_BLOCKS = 300
_SLACK_PT = 0.5  # a paragraph this close to the top margin begins the page
# Pages tried as a part's end before it grows: a page that cannot end it holds the start of a
# footnote running on, rarely more than one page in a row.
_TRIES = 3


class Place(NamedTuple):
    """Where the layout put the beginning of a paragraph: its index in the part's blocks, its
    page in the part (from 1), and its distance from the top of the page in points."""

    block: int
    page: int
    y: float


class Printer(Protocol):
    def print(self, data: Json) -> bytes:
        """The PDF of ``data``."""

    def places(self) -> list[Place]:
        """Where the paragraphs marked ``probe`` of the part just printed begin."""

    def forget(self) -> None:
        """Drop what the layout of the parts so far keeps cached."""


def print_in_parts(data: Json, printer: Printer, size: int = PART_BLOCKS) -> bytes:
    """The PDF of ``data``, printed in parts of at most ``size`` blocks and joined."""
    from habitat_docs.writers.pdf.join import Joined

    blocks = data["blocks"]
    joined = Joined(_levels(blocks))
    start, page = 0, 1
    while start < len(blocks):
        start, page = _next_part(data, start, page, printer, joined, size)
        printer.forget()
    return joined.pdf()


def _next_part(
    data: Json, start: int, page: int, printer: Printer, joined: Joined, size: int
) -> tuple[int, int]:
    """Print and join the next part; the block and the page after it. Where no page of the
    next ``size`` blocks can end a part (a long table, a run of headings), the part grows."""
    blocks = data["blocks"]
    while start + size < len(blocks):
        part = _part(data, _probed(blocks[start : start + size]), page)
        pdf = printer.print(part)
        for cut, pages in _ends(data, printer.places()):
            if joined.add(pdf, pages) is not None:
                return start + cut, page + pages
        size *= 2
    added = joined.add(printer.print(_part(data, blocks[start:], page)))
    assert added is not None  # all its pages
    return len(blocks), page + added


def _probed(blocks: list[Json]) -> list[Json]:
    """``blocks``, the paragraphs among the last :data:`PROBE_BLOCKS` marked to report their
    place with their index."""
    probed = list(blocks)
    for i in range(max(0, len(blocks) - PROBE_BLOCKS), len(blocks)):
        if blocks[i]["kind"] == "para":
            probed[i] = {**blocks[i], "probe": i}
    return probed


def _ends(data: Json, places: list[Place]) -> list[tuple[int, int]]:
    """Where a part may end, latest first: (its first block not kept, the pages kept)."""
    if not places:
        return []
    top = data["page"]["margin-cm"]["top"] * POINTS_PER_CM
    last = max(p.page for p in places)
    ends = [(p.block, p.page - 1) for p in places if 1 < p.page < last and abs(p.y - top) < _SLACK_PT]
    return ends[::-1][:_TRIES]


def _part(data: Json, blocks: list[Json], first_page: int) -> Json:
    """``data`` with only ``blocks``, its first page numbered ``first_page`` (a part after the
    first has no masthead: un.typ prints it on page 1 only)."""
    return {**data, "blocks": blocks, "pages-before": first_page - 1}


def _levels(blocks: Sequence[Json]) -> list[int]:
    """The outline level of every bookmarked heading, in order (as un.typ bookmarks them)."""
    return [b["outline"] if b["kind"] == "heading" else 1 for b in blocks if b["kind"] in ("heading", "decision")]
