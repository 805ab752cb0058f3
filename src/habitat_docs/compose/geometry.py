"""Page geometry, type sizes and rule weights: decided once here, printed alike by both writers."""

from __future__ import annotations

from habitat_docs.compose.tree import Sizes, Typography

__all__ = [
    "PAGE_WIDTH_CM", "PAGE_HEIGHT_CM", "MARGIN_CM", "TEXT_WIDTH_CM", "RIGHT_INDENT_CM",
    "DISTRIBUTION_WIDTH_CM", "FIGURE_MAX_HEIGHT_CM", "MASTHEAD_RULE_PT", "TABLE_RULE_PT",
    "THIN_RULE_PT", "CELL_PADDING_PT", "BOX_PADDING_PT", "POINTS_PER_CM", "right_indent_cm", "sizes",
]  # fmt: skip

# A4 with the UN margins, in centimetres.
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGIN_CM = {"top": 2.5, "bottom": 2.2, "left": 2.2, "right": 2.2}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGIN_CM["left"] - MARGIN_CM["right"]
RIGHT_INDENT_CM = 1.0  # body paragraphs stop short of the right margin (at least this much)
POINTS_PER_CM = 72 / 2.54
DISTRIBUTION_WIDTH_CM = 5.6  # the masthead's right column: symbol, distribution, date
# An image is at most this tall, so that it stays on one page with its caption and notes.
FIGURE_MAX_HEIGHT_CM = 15.0

# Rules, in points.
MASTHEAD_RULE_PT = 2.2  # under "United Nations" and the symbol
TABLE_RULE_PT = 1.5  # above and below a table
THIN_RULE_PT = 0.5  # under the organ and under column heads; boxes; the footnote separator

# Space inside table cells, in points: Word's default cell margins left and right (0.19 cm), and
# above and below each cell's text. The text of a table's first column starts at the body text
# edge (the cell margin lies to its left, as Word places a table), and a table spans the body
# text column; its rows never split across pages.
CELL_PADDING_PT = {"x": 5.4, "y": 2.0}
# Space between a box's rule and its text (target boxes, figure placeholders), in points; the
# rules themselves lie on the body text edges.
BOX_PADDING_PT = 8.0


def sizes(t: Typography) -> Sizes:
    """The sizes of a typography: the masthead's larger, the notes' and tables' smaller."""
    return Sizes(
        right_indent_cm=right_indent_cm(t),
        symbol=t.title_size + 3,
        organ=t.subsection_size + 2,
        distribution=10,
        table=t.body_size - 1,
        note=t.body_size - 1.5,
        running_head=9,
        foot=9,
        para_after=6,
    )


def right_indent_cm(t: Typography) -> float:
    """The right indent of body text. East Asian text is set solid, each character one em
    wide, so its measure is a whole number of characters (34 at 12 pt: 408 pt): justified lines
    of Chinese then need no stretched spacing. The rest keep :data:`RIGHT_INDENT_CM`.

    >>> from habitat_docs.compose.language import language
    >>> round(right_indent_cm(language("zh").typography), 3), right_indent_cm(language("en").typography)
    (1.207, 1.0)
    """
    if not t.east_asian_text:
        return RIGHT_INDENT_CM
    width_pt = (TEXT_WIDTH_CM - t.label_indent_cm - RIGHT_INDENT_CM) * POINTS_PER_CM
    whole = width_pt // t.body_size * t.body_size
    return TEXT_WIDTH_CM - t.label_indent_cm - whole / POINTS_PER_CM  # unrounded: 408 pt, not 407.99
