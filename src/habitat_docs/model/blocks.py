"""The blocks of a body: paragraphs and their subparagraphs, tables, figures, target boxes, pre-session lines."""

from __future__ import annotations

from attrs import field, frozen

from habitat_docs.errors import DataError
from habitat_docs.model.text import Text
from habitat_docs.model.validators import (
    flag,
    is_text,
    of_type,
    optional_of,
    optional_text,
    tuple_of,
    valid_id,
)  # fmt: skip

__all__ = [
    "BLOCK_TYPES", "MAX_SUBPARAGRAPH_DEPTH", "Block", "DraftDecision", "Figure", "Operative",
    "Paragraph", "PreSession", "Subparagraph", "Table", "TableNote", "TargetBox",
]  # fmt: skip

MAX_SUBPARAGRAPH_DEPTH = 4


@frozen
class Subparagraph:
    """A subparagraph of a paragraph, labelled (a), (b) …; its text alone, or its fields."""

    #: The text in every language.
    text: Text = field(validator=is_text)
    #: Subparagraphs (a), (b) …, four levels deep: (a), (i), a., i.
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), validator=tuple_of(lambda: Subparagraph))
    id: str | None = field(default=None, validator=valid_id)


@frozen
class Paragraph:
    """A body paragraph; numbered unless ``numbered`` is false (e.g. a chapeau in an annex)."""

    #: The text in every language.
    text: Text = field(validator=is_text)
    #: Subparagraphs (a), (b) …, four levels deep: (a), (i), a., i.
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), validator=tuple_of(Subparagraph))
    id: str | None = field(default=None, validator=valid_id)
    #: false: printed without a number (e.g. a chapeau in an annex).
    numbered: bool = field(default=True, validator=flag)


@frozen
class TableNote:
    """A note on a part of a table: cells mark it with ``{tnote:id}``; it prints under the
    table after a letter (a, b, c in order of first mark), the letter raised in the cells."""

    id: str = field(validator=valid_id)
    #: The note, printed after its letter under the table.
    text: Text = field(validator=is_text)


@frozen
class Table:
    """A table with UN rules; ``columns`` are the heads, each row has one cell per column.
    Under it: ``source`` ("Source: …"), general ``notes``, then the lettered ``table_notes``."""

    #: The title, printed over it.
    title: Text = field(validator=is_text)
    #: The column heads.
    columns: tuple[Text, ...] = field(validator=tuple_of(Text))
    #: The rows, each one cell per column.
    rows: tuple[tuple[Text, ...], ...] = field(validator=tuple_of(tuple))
    #: General notes, printed under it.
    notes: tuple[Text, ...] = field(default=(), validator=tuple_of(Text))
    #: The source, printed under it ("Source: …").
    source: Text | None = field(default=None, validator=optional_text)
    id: str | None = field(default=None, validator=valid_id)
    #: Lettered notes, each marked in the heads or cells with {tnote:id}.
    table_notes: tuple[TableNote, ...] = field(default=(), validator=tuple_of(TableNote))

    def __attrs_post_init__(self) -> None:
        if not self.columns:
            raise DataError("a table needs at least one column", ("columns",))
        if not self.rows:
            raise DataError("a table needs at least one row", ("rows",))
        _check_rows(self.rows, len(self.columns))


def _check_rows(rows: tuple[tuple[Text, ...], ...], width: int) -> None:
    for i, row in enumerate(rows):
        if len(row) != width:
            raise DataError(f"row has {len(row)} cells for {width} columns", ("rows", i))
        for j, cell in enumerate(row):
            if not isinstance(cell, Text):
                raise DataError("expected text", ("rows", i, j))


@frozen
class Figure:
    """A figure: an image file (relative to the data file), a grid of text (``columns`` and
    ``rows``, e.g. a SWOT grid), or else a placeholder; with notes and a source."""

    #: The title, printed over it.
    title: Text = field(validator=is_text)
    #: A PNG, JPEG or GIF file, relative to the data file's folder.
    image: str | None = field(default=None, validator=optional_of(str))
    #: General notes, printed under it.
    notes: tuple[Text, ...] = field(default=(), validator=tuple_of(Text))
    #: The source, printed under it ("Source: …").
    source: Text | None = field(default=None, validator=optional_text)
    id: str | None = field(default=None, validator=valid_id)
    not_edited: bool = field(default=False, validator=flag)  # prints "* The figure has not been formally edited."
    #: The column heads.
    columns: tuple[Text, ...] = field(default=(), validator=tuple_of(Text))
    #: The rows, each one cell per column.
    rows: tuple[tuple[Text, ...], ...] = field(default=(), validator=tuple_of(tuple))

    def __attrs_post_init__(self) -> None:
        if self.image is not None and self.columns:
            raise DataError("a figure is an image or a grid (columns, rows), not both", ("columns",))
        if self.rows and not self.columns:
            raise DataError("a grid needs columns", ("columns",))
        if self.columns and not self.rows:
            raise DataError("a grid needs at least one row", ("rows",))
        _check_rows(self.rows, len(self.columns))


@frozen
class TargetBox:
    """A boxed list of targets (indicator and value) under a strategy's actions (seed S4)."""

    items: tuple[Text, ...] = field(validator=tuple_of(Text))
    id: str | None = field(default=None, validator=valid_id)

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise DataError("a target box needs at least one target", ("items",))


@frozen
class PreSession:
    """A line naming the pre-session document of an agenda item (seed S3):
    "Pre-session document HSP/EB.2020/2: <description>"."""

    #: The id of the cited document (under documents:) whose symbol the line prints.
    doc: str = field(validator=of_type(str))
    #: What the pre-session document is, after its symbol.
    description: Text = field(validator=is_text)
    id: str | None = field(default=None, validator=valid_id)


@frozen
class Operative:
    """An operative paragraph of a draft decision: numbered 1, 2, … apart from the body's
    paragraphs; the data sets its opening verb in italics (``*Requests* the Executive …``)."""

    #: The text in every language.
    text: Text = field(validator=is_text)
    #: Subparagraphs (a), (b) …, four levels deep: (a), (i), a., i.
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), validator=tuple_of(Subparagraph))
    id: str | None = field(default=None, validator=valid_id)


@frozen
class DraftDecision:
    """A draft decision for the Board, at the end of the body or in an annex: its heading
    with the decision number (``number``, by default the session's year and "…"), an optional
    title, "The Executive Board,", the preambular paragraphs (unnumbered, their opening
    participle in italics: ``*Recalling* …``) and the operative paragraphs."""

    #: The operative paragraphs, numbered 1, 2, … apart from the body's.
    operative: tuple[Operative, ...] = field(validator=tuple_of(Operative))
    #: The preambular paragraphs, unnumbered (*Recalling* …,).
    preamble: tuple[Text, ...] = field(default=(), validator=tuple_of(Text))
    #: The title, printed over it.
    title: Text | None = field(default=None, validator=optional_text)
    #: The decision's number (default: the session's year and "…": Draft decision 2024/…).
    number: str | None = field(default=None, validator=optional_of(str))
    id: str | None = field(default=None, validator=valid_id)

    def __attrs_post_init__(self) -> None:
        if not self.operative:
            raise DataError("a draft decision needs at least one operative paragraph", ("operative",))


Block = Paragraph | Table | Figure | TargetBox | PreSession | DraftDecision
BLOCK_TYPES = (Paragraph, Table, Figure, TargetBox, PreSession, DraftDecision)
