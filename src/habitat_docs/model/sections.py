"""The structure of a body: sections, their subsections, and annexes."""

from __future__ import annotations

from attrs import field, frozen

from habitat_docs.errors import DataError
from habitat_docs.model.blocks import BLOCK_TYPES, Block
from habitat_docs.model.text import Text
from habitat_docs.model.validators import is_text, optional_of, tuple_of, valid_id

__all__ = ["Annex", "Section", "Subsection"]


@frozen
class Subsection:
    """A subsection of a section, A., B. (（一）、（二）)."""

    #: The heading, printed after its number (I., A. / 一、, （一）).
    heading: Text = field(validator=is_text)
    #: The blocks: paragraphs, tables, figures, target boxes, pre-session lines, a draft decision.
    content: tuple[Block, ...] = field(default=(), validator=tuple_of(*BLOCK_TYPES))
    id: str | None = field(default=None, validator=valid_id)


@frozen
class Section:
    """A section of the body, I., II. (一、二、), or 1., 2. in an informal document."""

    #: The heading, printed after its number (I., A. / 一、, （一）).
    heading: Text = field(validator=is_text)
    #: The blocks: paragraphs, tables, figures, target boxes, pre-session lines, a draft decision.
    content: tuple[Block, ...] = field(default=(), validator=tuple_of(*BLOCK_TYPES))
    #: Subsections A, B, … (never a lone one).
    subsections: tuple[Subsection, ...] = field(default=(), validator=tuple_of(Subsection))
    id: str | None = field(default=None, validator=valid_id)

    def __attrs_post_init__(self) -> None:
        if len(self.subsections) == 1:
            raise DataError("a lone subsection: if there is an A there must be a B", ("subsections",))


@frozen
class Annex:
    """An annex; its paragraphs are numbered from 1 again. ``original``: the language the
    annex was written in, when it differs from the document's ("[Original: French]")."""

    #: The annex's title, under its heading (Annex I).
    title: Text = field(validator=is_text)
    #: The blocks: paragraphs, tables, figures, target boxes, pre-session lines, a draft decision.
    content: tuple[Block, ...] = field(default=(), validator=tuple_of(*BLOCK_TYPES))
    #: The annex's own sections.
    sections: tuple[Section, ...] = field(default=(), validator=tuple_of(Section))
    id: str | None = field(default=None, validator=valid_id)
    #: The language the annex was written in, when not the document's (a language code).
    original: str | None = field(default=None, validator=optional_of(str))
