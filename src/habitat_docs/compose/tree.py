"""The composed document of one language: what writers print, with every label resolved."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

__all__ = [
    "Block",
    "Composed",
    "FigureBlock",
    "Heading",
    "Inline",
    "Line",
    "NoteRef",
    "Para",
    "Span",
    "TableBlock",
    "Typography",
]  # fmt: skip

# Page geometry both writers use: A4 with the UN margins, in centimetres.
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGIN_CM = {"top": 2.5, "bottom": 2.2, "left": 2.2, "right": 2.2}
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGIN_CM["left"] - MARGIN_CM["right"]
RIGHT_INDENT_CM = 1.0  # body paragraphs stop short of the right margin
# An image is at most this tall, so that it stays on one page with its caption and notes.
FIGURE_MAX_HEIGHT_CM = 15.0
# Masthead roles (masthead.j2) printed at the foot of page 1 instead of at its top.
FOOT_ROLES = frozenset({"job"})


@frozen
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@frozen
class NoteRef:
    """A footnote reference; ``mark`` is its printed label ("*", "1", …)."""

    mark: str
    content: tuple[Span, ...]


Inline = Span | NoteRef


@frozen
class Line:
    """A masthead line; ``role`` says which element it is (symbol, session, title, …)."""

    role: str
    content: tuple[Inline, ...]


@frozen
class Heading:
    """``level`` 1 = section (I.), 2 = subsection (A.), 0 = annex heading."""

    level: int
    label: str
    content: tuple[Inline, ...]


@frozen
class Para:
    """A paragraph (``depth`` 0) or subparagraph (1–4); ``label`` is None when unnumbered."""

    label: str | None
    content: tuple[Inline, ...]
    depth: int = 0


@frozen
class TableBlock:
    label: str
    title: tuple[Inline, ...]
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    notes: tuple[tuple[Inline, ...], ...] = ()


@frozen
class FigureBlock:
    label: str
    title: tuple[Inline, ...]
    image: str | None  # an absolute path, or None for a grid or a placeholder
    placeholder: str
    width_cm: float = 0.0  # the printed width of the image
    notes: tuple[tuple[Inline, ...], ...] = ()
    header: tuple[tuple[Inline, ...], ...] = ()  # a grid of text instead of an image
    rows: tuple[tuple[tuple[Inline, ...], ...], ...] = ()


@frozen
class BoxBlock:
    """A boxed list under a title, such as a target box ("Targets" / "目标")."""

    title: str
    items: tuple[tuple[Inline, ...], ...]


Block = Heading | Para | TableBlock | FigureBlock | BoxBlock


@frozen
class Typography:
    """Per-language type: fonts (Latin and East Asian slots), sizes in points, language tag."""

    tag: str
    lang_latin: str  # w:lang of Latin-script runs
    lang_east_asian: str  # w:lang of East Asian runs
    body_font: str
    heading_font: str
    east_asian_font: str
    east_asian_heading_font: str
    body_size: float
    section_size: float
    subsection_size: float
    title_size: float
    line_spacing: float | None  # exact line pitch in points; None = single
    label_indent_cm: float  # the hanging indent that holds paragraph labels


@frozen
class Composed:
    lang: str
    symbol: str | None  # None for informal documents
    file_stem: str
    title: str
    issued: dt.date
    masthead: tuple[Line, ...]
    running_head: str  # printed with the page number from page 2; may be empty
    blocks: tuple[Block, ...]
    typography: Typography
    foot: tuple[Line, ...] = ()  # the foot of page 1 (the job number line)
