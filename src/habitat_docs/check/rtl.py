"""Right-to-left PDF lines put back in reading order.

pypdf's text visitor hands over a page's text in the order the PDF paints it, one run at a time,
and turns each run holding right-to-left letters end for end (it assumes glyphs painted left to
right). So an Arabic line comes out with its runs in painting order: Typst paints a line's words
left to right, LibreOffice one run per direction, neither in reading order. Here the runs of a
line are laid out again by where they start on the page (x), each in the order its glyphs stand,
and a line written mostly right to left is read from its right end, every left-to-right stretch
(a number, a symbol, Latin words: the writers isolate them) kept as it stands. A small inverse of
the bidirectional algorithm, enough for what the writers print: each left-to-right piece is one
stretch on the line (it was isolated), and its neutral edges (spaces, brackets) belong to the
right-to-left text around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["Piece", "RTL", "Reversal", "reading_order"]

# Letters written right to left (Hebrew, Arabic and their presentation forms). Arabic-Indic
# digits are numbers, read left to right.
RTL = re.compile("[\u0590-\u065f\u066e-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")

# pypdf's own rule (_utils.NEUTRAL_CHARACTER_RANGES, RTL_CHARACTER_RANGES): a character outside
# these neutral ranges sets the direction of the run it opens, right to left in these ranges.
_PYPDF_STRONG = re.compile(
    "[^\x00-\x2f\x3a-\x40\u0660-\u066d\u06f0-\u06f9\u2000-\u206f\u20a0-\u21ff]"
)
_PYPDF_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_SPAN = re.compile(r"L(?:[LN]*L)?")  # a left-to-right stretch: from letter or digit to another
_INSIDE = 1.0  # pt: a blank run starting this little after a run's start is painted inside it

# A piece of a line: text in the order its glyphs stand (left to right), font size, bold, x.
Piece = tuple[str, float, bool, float]


class Reversal:
    """Follows pypdf's direction from run to run, to tell which runs it turned end for end:
    those with right-to-left letters, and those of neutrals only (spaces, punctuation) met while
    its direction was right to left."""

    def __init__(self) -> None:
        self.rtl = False

    def turned(self, text: str) -> bool:
        """Whether pypdf gave ``text`` (the next run, as it gave it) end for end."""
        strong = _PYPDF_STRONG.search(text)
        if strong:
            self.rtl = _PYPDF_RTL.match(strong.group()) is not None
        return self.rtl


def _classes(chars: list[tuple[str, int]], marks: set[int]) -> str:
    """R (right-to-left letter), L (other letter or digit), M (note mark), N (neutral), a
    character each."""
    out = []
    for ch, k in chars:
        if k in marks:
            out.append("M")
        elif RTL.match(ch):
            out.append("R")
        else:
            out.append("L" if ch.isalnum() else "N")
    return "".join(out)


def _placed(pieces: list[Piece]) -> list[int]:
    """The pieces from right to left, blank ones painted inside another piece's first glyph
    left out: LibreOffice paints the isolates around a number (U+2066, U+2069) as spaces there,
    which are no gap between words."""
    starts = [p[3] for p in pieces if p[0].strip()]
    kept = [
        k
        for k, p in enumerate(pieces)
        if p[0].strip() or not any(0 < p[3] - x < _INSIDE for x in starts)
    ]
    return sorted(kept, key=lambda k: pieces[k][3])[::-1]  # runs of one place: painting order


def reading_order(
    pieces: list[Piece], is_mark: Callable[[str, float, float], bool]
) -> list[tuple[str, float, bool]] | None:
    """The line's runs (text, size, bold) in reading order, when it is written mostly right to
    left (more right-to-left letters than others); None otherwise (the line stays as read).
    ``is_mark(text, size, largest size on the line)`` tells a note mark: no part of the words
    around it."""
    chars = [(ch, k) for k in _placed(pieces) for ch in reversed(pieces[k][0])]
    largest = max((p[1] for p in pieces if p[0].strip()), default=0.0)
    marks = {k for k, p in enumerate(pieces) if is_mark(p[0], p[1], largest)}
    classes = _classes(chars, marks)
    if classes.count("R") <= sum(ch.isalpha() for ch, _ in chars) - classes.count("R"):
        return None
    for m in _SPAN.finditer(classes):
        chars[m.start() : m.end()] = chars[m.start() : m.end()][::-1]
    return _runs(chars, pieces)


def _runs(chars: list[tuple[str, int]], pieces: list[Piece]) -> list[tuple[str, float, bool]]:
    """Characters back into runs of their pieces, spaces between words single (pypdf adds a
    space for each gap it sees and LibreOffice paints some of its own)."""
    out: list[tuple[str, float, bool]] = []
    last, blank = -1, False
    for ch, k in chars:
        space = ch.isspace()
        if space and blank:
            continue
        blank = space
        if k == last:
            out[-1] = (out[-1][0] + ch, out[-1][1], out[-1][2])
        else:
            out.append((ch, pieces[k][1], pieces[k][2]))
            last = k
    return out
