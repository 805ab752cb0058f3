"""The composed document of one language: what writers print, with every label resolved."""

from __future__ import annotations

import datetime as dt
import re

from attrs import Factory, field, frozen

from habitat_docs.model.symbol_find import FIND

__all__ = [
    "Band",
    "Block",
    "BoxBlock",
    "ClosingRule",
    "Composed",
    "DecisionHeading",
    "DecisionPara",
    "FigureBlock",
    "Heading",
    "Inline",
    "Line",
    "Mark",
    "NoteRef",
    "OriginalLine",
    "Para",
    "Picture",
    "Sizes",
    "Spacing",
    "Span",
    "SummaryBlock",
    "TableBlock",
    "Typography",
]  # fmt: skip

# Masthead roles (masthead.j2) printed at the foot of page 1 instead of at its top.
FOOT_ROLES = frozenset({"job"})


# A number range ("2022–2023", "4–6"; "2022-2023" with a hyphen, as French, Spanish and Arabic
# print it) stays on one line, as UN symbols do; so does a name joined to an acronym by a
# hyphen ("UN-Habitat", "COVID-19", the grade "D-2"), in Latin or Cyrillic script and with
# accented names ("ONU-Hábitat", "ООН-Хабитат"). After a hyphen a range's end never starts
# with 0: "24-01234" is a job number and "2024-05-06" a date, not ranges.
_RANGE = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?:–[0-9]|-[1-9])[0-9]*(?:[.,][0-9]+)*")
_HYPHENED = re.compile(r"(?<![\w-])[A-ZА-ЯЁ]{1,6}(?:-[^\W_]+)+(?![\w-])")
# A day and its month ("15 July"), or a small number and the capitalised word it counts
# ("15 Member States"), never part at a line end; a language whose months are not capitalised
# gives its own pattern (Span.terms: "6 mai", "1er juillet", "6 de mayo", "6 мая").
_DAY = re.compile(r"(?<![\w.,-])\d{1,2} [A-Z][a-z]+")
# A number grouped with no-break spaces ("2 200", "384 586 115") is one word, though LibreOffice
# would break Chinese lines inside it.
_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:[.,]\d+)?")


def _unbroken(span: Span) -> tuple[tuple[int, int], ...]:
    text = span.text  # every symbol has a "/", every range a dash, every name a "-": most have none
    dashed = "–" in text or "-" in text
    found = sorted(([m.span() for m in FIND.finditer(text)] if "/" in text else [])
                   + ([m.span() for m in _RANGE.finditer(text)] if dashed else [])
                   + ([m.span() for m in _HYPHENED.finditer(text)] if "-" in text else [])
                   + ([m.span() for m in _GROUPED.finditer(text)] if "\u00a0" in text or "\u202f" in text else [])
                   + [m.span() for m in _DAY.finditer(text)]
                   + ([m.span() for m in span.terms.finditer(text)] if span.terms else []))  # fmt: skip
    merged: list[tuple[int, int]] = []
    for start, end in found:  # a range inside a symbol ("A/74/73–E/2019/4") is one piece
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(_with_isolates(text, a, b) for a, b in merged)


def _with_isolates(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece widened to the bidi isolate (compose/bidi.py) it opens or closes: the PDF sets
    each piece apart, and an isolate cut in two would turn the rest of its line around."""
    inside = text[start:end]
    if start and text[start - 1] == "\u2066" and inside.count("\u2069") > inside.count("\u2066"):
        start -= 1
    if end < len(text) and text[end] == "\u2069" and inside.count("\u2066") > inside.count("\u2069"):
        end += 1
    return start, end


@frozen
class Span:
    """A run of text in one style. ``unbroken``: where the UN symbols (found by
    :data:`~habitat_docs.model.symbol_find.FIND`), number ranges, hyphened names and grouped numbers in it lie,
    as start and end offsets computed when the span is made; writers print each on one line.

    >>> s = Span("UN-Habitat and UN-Women, 2022–2023, grade D-2, on 15 July 2020")
    >>> [s.text[a:b] for a, b in s.unbroken]
    ['UN-Habitat', 'UN-Women', '2022–2023', 'D-2', '15 July']

    ``terms``: the language's own terms to keep whole, a day and its month (see
    :mod:`habitat_docs.compose.terms`); not part of the span's value.

    >>> s = Span("du 6 au 8 mai, exercice 2022-2023", terms=re.compile("8 mai"))
    >>> [s.text[a:b] for a, b in s.unbroken]
    ['8 mai', '2022-2023']

    >>> s = Span("ONU-Hábitat y ООН-Хабитат")
    >>> [s.text[a:b] for a, b in s.unbroken]
    ['ONU-Hábitat', 'ООН-Хабитат']
    """

    text: str
    bold: bool = False
    italic: bool = False
    terms: re.Pattern[str] | None = field(default=None, eq=False, repr=False, kw_only=True)
    unbroken: tuple[tuple[int, int], ...] = field(init=False, default=Factory(_unbroken, takes_self=True))


@frozen
class NoteRef:
    """A footnote reference; ``mark`` is its printed label ("*", "1", …)."""

    mark: str
    content: tuple[Span, ...]


@frozen
class Mark:
    """The mark of a table note, set raised: "a", "b" …"""

    text: str


Inline = Span | NoteRef | Mark


@frozen
class Line:
    """A masthead line; ``role`` says which element it is (symbol, session, title, …)."""

    role: str
    content: tuple[Inline, ...]
    ltr: bool = False  # a left-to-right line in a right-to-left document (the Distr. column)


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
    placeholder: tuple[Inline, ...]  # printed in a box where the image will go
    width_cm: float = 0.0  # the printed width of the image
    notes: tuple[tuple[Inline, ...], ...] = ()
    header: tuple[tuple[Inline, ...], ...] = ()  # a grid of text instead of an image
    rows: tuple[tuple[tuple[Inline, ...], ...], ...] = ()


@frozen
class BoxBlock:
    """A boxed list under a title, such as a target box ("Targets" / "目标"): each item on its
    own line after a bullet hanging in half an indent (as Word's bulleted lists in UN documents)."""

    title: str
    items: tuple[tuple[Inline, ...], ...]
    bullet: str = "•"


@frozen
class SummaryBlock:
    """The ruled block on page 1 under the title: ``title`` ("Summary" / "摘要") over
    unnumbered paragraphs; then, if given, the action required of the Board, led by
    ``action_lead`` ("Action required of the Executive Board:")."""

    title: str
    paras: tuple[tuple[Inline, ...], ...]
    action_lead: str = ""
    action: tuple[Inline, ...] = ()


@frozen
class DecisionHeading:
    """The head of a draft decision: "Draft decision 2024/…", its title if any, and the
    opening "The Executive Board,"; its paragraphs follow as Para blocks (the preamble
    unnumbered, the operative paragraphs numbered 1, 2, …)."""

    heading: str
    title: tuple[Inline, ...]
    opening: str


@frozen
class DecisionPara:
    """A paragraph of a draft decision: preambular (``label`` None) or operative ("1.")."""

    label: str | None
    content: tuple[Inline, ...]


@frozen
class OriginalLine:
    """"[Original: French]" under an annex heading, set flush right."""

    text: str


@frozen
class ClosingRule:
    """The short centred rule that ends a document."""

    width_cm: float


Block = (
    Heading | Para | TableBlock | FigureBlock | BoxBlock | SummaryBlock | DecisionHeading
    | DecisionPara | OriginalLine | ClosingRule
)  # fmt: skip


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
    # The text is East Asian (Chinese): the East Asian faces print all but Latin letters and
    # are always needed; otherwise they print only the East Asian characters a text has.
    east_asian_text: bool = False
    # Right-to-left languages (Arabic): the page mirrors, and Latin and numbers are isolated
    # left to right inside the text (compose/bidi.py).
    direction: str = "ltr"


@frozen
class Sizes:
    """Type sizes in points, and the measure of body text, that follow from the typography
    (see :func:`habitat_docs.compose.geometry.sizes`); both writers print them."""

    right_indent_cm: float  # where body text stops short of the right margin
    symbol: float  # the document symbol in the masthead
    organ: float  # "United Nations" and the organ in the masthead
    distribution: float  # the masthead's right column
    table: float  # the text of tables and grids
    table_pitch: float  # the exact distance between the baselines of a table's lines
    note: float  # footnotes, and the notes under tables and figures
    running_head: float  # the running head and the page number
    foot: float  # the job number line at the foot of page 1
    para_after: float  # the space after a paragraph


@frozen
class Picture:
    """An image file printed at a size: the UN emblem or the UN-Habitat logo."""

    path: str  # absolute
    width_cm: float
    height_cm: float


@frozen
class Band:
    """The two bands at the top of page 1, as columns and the cells that fill them (see
    :func:`habitat_docs.compose.geometry.band`). ``rows``: each row's cells left to right, as
    (role, columns spanned); the roles are masthead roles ("un", "symbol", "organ", "distr")
    and "emblem" and "logo" for the pictures. Informal documents have the organ row only."""

    columns_cm: tuple[float, ...]
    rows: tuple[tuple[tuple[str, int], ...], ...]
    symbol_size: float  # the symbol's type size: at most Sizes.symbol, so that it fits on one line
    emblem: Picture | None = None
    logo: Picture | None = None


@frozen
class Spacing:
    """The masthead's vertical spacing in points (see :mod:`habitat_docs.compose.geometry`)."""

    inset_top: float  # above the text of a band's cell
    inset_bottom: float  # below it
    pitch: float  # baseline to baseline of every masthead line, times its type size
    after_band: float  # above the first line under the bands
    title_above: float
    title_below: float
    subtitle_below: float


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
    sizes: Sizes
    band: Band
    spacing: Spacing
    heading_column_cm: float  # the hanging column of heading numerals (geometry.heading_column_cm)
    foot: tuple[Line, ...] = ()  # the foot of page 1 (the job number line)
