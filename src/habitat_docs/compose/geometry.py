"""Page geometry, type sizes and rule weights: decided once here, printed alike by both writers."""

from __future__ import annotations

from habitat_docs.compose.tree import Sizes, Typography

__all__ = [
    "PAGE_WIDTH_CM", "PAGE_HEIGHT_CM", "MARGIN_CM", "TEXT_WIDTH_CM", "RIGHT_INDENT_CM",
    "DISTRIBUTION_WIDTH_CM", "FIGURE_MAX_HEIGHT_CM", "MASTHEAD_RULE_PT", "TABLE_RULE_PT",
    "THIN_RULE_PT", "CLOSING_RULE_CM", "sizes",
]  # fmt: skip

# A4 with the UN margins, in centimetres.
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGIN_CM = {"top": 2.5, "bottom": 2.2, "left": 2.2, "right": 2.2}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGIN_CM["left"] - MARGIN_CM["right"]
RIGHT_INDENT_CM = 1.0  # body paragraphs stop short of the right margin
DISTRIBUTION_WIDTH_CM = 5.6  # the masthead's right column: symbol, distribution, date
# An image is at most this tall, so that it stays on one page with its caption and notes.
FIGURE_MAX_HEIGHT_CM = 15.0

# Rules, in points.
MASTHEAD_RULE_PT = 2.2  # under "United Nations" and the symbol
TABLE_RULE_PT = 1.5  # above and below a table
THIN_RULE_PT = 0.5  # under the organ and under column heads; boxes; the footnote separator
CLOSING_RULE_CM = 3.8  # the short centred rule that ends a document


def sizes(t: Typography) -> Sizes:
    """The sizes of a typography: the masthead's larger, the notes' and tables' smaller."""
    return Sizes(
        symbol=t.title_size + 3,
        organ=t.subsection_size + 2,
        distribution=10,
        table=t.body_size - 1,
        note=t.body_size - 1.5,
        running_head=9,
        foot=9,
        para_after=6,
    )
