"""Page geometry, type sizes and rule weights: decided once here, printed alike by both writers."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from habitat_docs.compose.tree import Band, Picture, Sizes, Spacing, Typography

__all__ = [
    "PAGE_WIDTH_CM", "PAGE_HEIGHT_CM", "MARGIN_CM", "TEXT_WIDTH_CM", "RIGHT_INDENT_CM",
    "DISTRIBUTION_WIDTH_CM", "FIGURE_MAX_HEIGHT_CM", "MASTHEAD_RULE_PT", "TABLE_RULE_PT",
    "THIN_RULE_PT", "CELL_PADDING_PT", "BOX_PADDING_PT", "POINTS_PER_CM", "CJK_LATIN_GAP_EM", "MASTHEAD_SPACING",
    "EMBLEM_HEIGHT_CM", "LOGO_HEIGHT_CM", "SYMBOL_MIN_PT", "CLOSING_RULE_CM", "HEADING_GAP_PT", "band", "heading_column_cm", "picture",
    "right_indent_cm", "sizes",
]  # fmt: skip

# A4 with the UN margins, in centimetres.
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGIN_CM = {"top": 2.5, "bottom": 2.2, "left": 2.2, "right": 2.2}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGIN_CM["left"] - MARGIN_CM["right"]
RIGHT_INDENT_CM = 1.0  # body paragraphs stop short of the right margin (at least this much)
POINTS_PER_CM = 72 / 2.54
HEADING_GAP_PT = 4.0  # between a heading's numeral and its text, when the numeral is wide
CJK_LATIN_GAP_EM = 0.2  # between Chinese and Latin letters or digits, as LibreOffice sets it
DISTRIBUTION_WIDTH_CM = 5.6  # the masthead's right column: symbol, distribution, date
# An image is at most this tall, so that it stays on one page with its caption and notes.
FIGURE_MAX_HEIGHT_CM = 15.0

# Rules, in points.
MASTHEAD_RULE_PT = 2.2  # under "United Nations" and the symbol
TABLE_RULE_PT = 1.5  # above and below a table
THIN_RULE_PT = 0.5  # under the organ and under column heads; boxes; the footnote separator
CLOSING_RULE_CM = 3.8  # the short centred rule that ends a document

# Space inside table cells, in points: Word's default cell margins left and right (0.19 cm), and
# above and below each cell's text. The text of a table's first column starts at the body text
# edge (the cell margin lies to its left, as Word places a table), and a table spans the body
# text column; its rows never split across pages.
CELL_PADDING_PT = {"x": 5.4, "y": 2.0}
# Space between a box's rule and its text (target boxes, figure placeholders), in points; the
# rules themselves lie on the body text edges.
BOX_PADDING_PT = 8.0
# The masthead's vertical spacing, in points; every masthead line (the bands' too) is set at
# the same pitch, a multiple of its own type size, so that Word, LibreOffice and Typst put
# each line, and so the title, at the same height.
MASTHEAD_SPACING = Spacing(
    inset_top=2, inset_bottom=4, pitch=1.2, after_band=14,
    title_above=18, title_below=12, subtitle_below=14,
)  # fmt: skip

# The UN emblem sits at the left of the organ band, the UN-Habitat logo in the top band just
# before the symbol (where UN-Habitat documents print it), each at a fixed height.
EMBLEM_HEIGHT_CM = 1.3
LOGO_HEIGHT_CM = 1.0
_PICTURE_MAX_WIDTH_CM = 3.5  # a wide logo is scaled down to this width
_PICTURE_GAP_CM = 0.3  # between a picture and the text beside it

# A symbol keeps its size while its cell can widen into the top band; beyond that it steps
# down, half a point at a time, to at most this size. "United Nations" keeps its room.
SYMBOL_MIN_PT = 12.0
_UN_MIN_WIDTH_CM = 4.5
_SYMBOL_STEP_PT = 0.5
_SYMBOL_SLACK_PT = 2.0  # room for rounding in the writers, so that a fitting symbol never wraps


def sizes(t: Typography) -> Sizes:
    """The sizes of a typography: the masthead's larger, the notes' and tables' smaller."""
    return Sizes(
        right_indent_cm=right_indent_cm(t),
        symbol=t.title_size + 3,
        organ=t.subsection_size + 2,
        distribution=10,
        table=t.body_size - 1,
        # exact, so that Word, LibreOffice and Typst set a cell's lines alike whatever its
        # script (single spacing follows the font: a Latin cell's baselines would sit higher)
        table_pitch=round((t.body_size - 1) * 1.3, 1),
        note=t.body_size - 1.5,
        running_head=9,
        foot=9,
        para_after=6,
    )


def heading_column_cm(t: Typography, widest_pt: float) -> float:
    """The hanging column of section and subsection numerals: the label indent, or, when a
    numeral (``widest_pt`` wide: "VIII.", "十一、") does not fit in it, as wide as that numeral
    and a gap, so that every heading of the document starts its text at one edge.

    >>> from habitat_docs.compose.language import language
    >>> en = language("en").typography
    >>> heading_column_cm(en, 20.0), heading_column_cm(en, 29.9)
    (1.0, 1.196)
    """
    if widest_pt < t.label_indent_cm * POINTS_PER_CM:
        return t.label_indent_cm
    return round((widest_pt + HEADING_GAP_PT) / POINTS_PER_CM, 3)


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
def picture(path: str, shape: float, height_cm: float) -> Picture:
    """An image ``shape`` (height over width) tall printed ``height_cm`` high, narrowed to
    fit the widest a masthead picture may be."""
    width = height_cm / shape
    if width > _PICTURE_MAX_WIDTH_CM:
        width, height_cm = _PICTURE_MAX_WIDTH_CM, _PICTURE_MAX_WIDTH_CM * shape
    return Picture(path, round(width, 3), round(height_cm, 3))


def band(
    symbol_width: Callable[[float], float] | None,
    symbol_size: float,
    emblem: Picture | None = None,
    logo: Picture | None = None,
) -> Band:
    """The columns of the masthead's bands and the cells in them.

    ``symbol_width`` gives the symbol's printed width in points at a type size (None: an
    informal document, with no top band). The symbol's cell is the distribution column,
    widened leftwards when the symbol needs it; when even the widest cell the top band allows
    is too narrow, the symbol steps down in size until it fits. A symbol never breaks."""
    text_w = TEXT_WIDTH_CM
    emblem_w = emblem.width_cm + _PICTURE_GAP_CM if emblem else 0.0
    logo_w = logo.width_cm + _PICTURE_GAP_CM if logo else 0.0
    symbol_w = DISTRIBUTION_WIDTH_CM
    if symbol_width is not None:
        room = (text_w - _UN_MIN_WIDTH_CM - logo_w) * POINTS_PER_CM - _SYMBOL_SLACK_PT
        while symbol_width(symbol_size) > room and symbol_size - _SYMBOL_STEP_PT >= SYMBOL_MIN_PT:
            symbol_size -= _SYMBOL_STEP_PT
        need = (symbol_width(symbol_size) + _SYMBOL_SLACK_PT) / POINTS_PER_CM
        symbol_w = max(DISTRIBUTION_WIDTH_CM, round(need, 2))
    # Each cell as its (start, end) in centimetres from the left edge of the text.
    top = [("un", 0.0, text_w - symbol_w - logo_w)]
    top += [("logo", text_w - symbol_w - logo_w, text_w - symbol_w)] if logo else []
    top += [("symbol", text_w - symbol_w, text_w)]
    organ = [("emblem", 0.0, emblem_w)] if emblem else []
    organ += [("organ", emblem_w, text_w - DISTRIBUTION_WIDTH_CM), ("distr", text_w - DISTRIBUTION_WIDTH_CM, text_w)]
    rows = ([top] if symbol_width is not None else []) + [organ]
    edges = sorted({round(x, 3) for row in rows for _, a, b in row for x in (a, b)})
    columns = tuple(round(b - a, 3) for a, b in pairwise(edges))
    cells = tuple(
        tuple((role, edges.index(round(b, 3)) - edges.index(round(a, 3))) for role, a, b in row)
        for row in rows
    )
    return Band(columns, cells, symbol_size, emblem, logo)
