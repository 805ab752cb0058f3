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
    heading: Text = field(validator=is_text)
    content: tuple[Block, ...] = field(default=(), validator=tuple_of(*BLOCK_TYPES))
    id: str | None = field(default=None, validator=valid_id)


@frozen
class Section:
    heading: Text = field(validator=is_text)
    content: tuple[Block, ...] = field(default=(), validator=tuple_of(*BLOCK_TYPES))
    subsections: tuple[Subsection, ...] = field(default=(), validator=tuple_of(Subsection))
    id: str | None = field(default=None, validator=valid_id)

    def __attrs_post_init__(self) -> None:
        if len(self.subsections) == 1:
            raise DataError("a lone subsection: if there is an A there must be a B", ("subsections",))


@frozen
class Annex:
    """An annex; its paragraphs are numbered from 1 again. ``original``: the language the
    annex was written in, when it differs from the document's ("[Original: French]")."""

    title: Text = field(validator=is_text)
    content: tuple[Block, ...] = field(default=(), validator=tuple_of(*BLOCK_TYPES))
    sections: tuple[Section, ...] = field(default=(), validator=tuple_of(Section))
    id: str | None = field(default=None, validator=valid_id)
    original: str | None = field(default=None, validator=optional_of(str))
