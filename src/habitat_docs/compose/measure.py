"""The printed width of a line of text, from the advance widths of the font that prints it.

The geometry asks how wide the document symbol is in the masthead's bold face, so that it can
give the symbol a cell it fits in on one line. Both the PDF and LibreOffice print the Word
families with the same metric-compatible faces (:data:`~habitat_docs.writers.pdf.fonts.SUBSTITUTES`),
so one measurement serves every writer.

    >>> round(text_width("HSP/EB.2024/11", "Times New Roman", 20, bold=True)) > 100
    True
"""

from __future__ import annotations

from functools import cache
from itertools import groupby

__all__ = ["label_width", "prepare", "text_width"]

# Without the font file (a DOCX-only build on a machine without it), a width no narrower than
# the bold serif faces' widest ASCII strings: the cell comes out a little wide, never too narrow.
_FALLBACK_EM = 0.62
# Characters that take no room: the word joiners the DOCX writer puts into symbols.
_ZERO_WIDTH = frozenset("\u2060\u200b\u200c\u200d\ufeff")


def text_width(text: str, family: str, size: float, *, bold: bool = False) -> float:
    """The advance width of ``text`` in points, set in ``family`` at ``size`` points
    (without kerning, as Word sets it; kerning only narrows a line)."""
    metrics = _metrics(family, bold)
    if metrics is None:
        return sum(0 if c in _ZERO_WIDTH else _FALLBACK_EM for c in text) * size
    widths, per_em = metrics
    fallback = widths.get(ord("0"), per_em // 2)
    units = sum(0 if c in _ZERO_WIDTH else widths.get(ord(c), fallback) for c in text)
    return units * size / per_em


def label_width(text: str, latin: str, east_asian: str, size: float, *, bold: bool = False) -> float:
    """The width of a label set in two faces: East Asian characters ("十一、") in ``east_asian``,
    the rest ("VIII.") in ``latin``, as Word and both PDF engines pick them."""
    runs = groupby(text, key=lambda c: ord(c) >= _EAST_ASIAN)
    return sum(text_width("".join(r), east_asian if east else latin, size, bold=bold) for east, r in runs)


_EAST_ASIAN = 0x2E80  # from here on (CJK radicals, punctuation, ideographs), the East Asian face


def prepare() -> None:
    """Import the font reader, before worker processes fork (see languages_pool)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # noqa: F401


@cache
def _metrics(family: str, bold: bool) -> tuple[dict[int, int], int] | None:
    """The advance widths by character and the units per em of the face of ``family`` nearest
    to bold (700) or regular (400), or None if it is not installed."""
    # Imported here: the font search belongs to the PDF writer, which itself imports the
    # geometry; importing it when the module loads would make a cycle.
    from habitat_docs.writers.pdf.fonts import face_data, faces, pdf_family

    found = faces(pdf_family(family))
    if not found:
        return None
    weight = 700 if bold else 400
    face = min(found, key=lambda f: (f.style != "normal", abs(f.weight - weight)))
    data = face_data("widths", face.path, face.index, lambda: _read_widths(face.path, face.index))
    return {int(code): int(width) for code, width in data[0].items()}, int(data[1])


def _read_widths(path: str, index: int) -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        # glyphs by number: their names (a CJK face's CFF charset) are slow to read, unused here
        font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
        advances = font["hmtx"].metrics
        widths = {code: advances[glyph][0] for code, glyph in font.getBestCmap().items()}
        return widths, int(font["head"].unitsPerEm)
