"""What a masthead names: the session of the Board, the agenda items, the documents cited."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path as FsPath
from typing import Literal

from attrs import field, frozen

from habitat_docs.errors import DataError
from habitat_docs.model.symbol import Symbol
from habitat_docs.model.text import Text
from habitat_docs.model.validators import (
    at_least,
    between,
    flag,
    is_date,
    is_text,
    of_type,
    optional_of,
    optional_text,
    tuple_of,
    valid_id,
)  # fmt: skip

__all__ = [
    "SUB_ITEM", "Agenda", "AgendaItem", "Artwork", "DocumentRef", "ExecutiveDirector", "Gender",
    "Session",
]  # fmt: skip

SUB_ITEM = re.compile(r"[a-z]{1,3}\Z")


@frozen
class Session:
    """A session of the Executive Board, e.g. the first session of 2024."""

    #: The calendar year of the session.
    year: int = field(validator=between(2019, 2999))
    #: Which session of the year: 1 for the first.
    ordinal: int = field(validator=between(1, 20))
    #: The first day of the session (YYYY-MM-DD).
    start: dt.date = field(validator=is_date)
    #: The last day of the session (YYYY-MM-DD).
    end: dt.date = field(validator=is_date)
    #: Where the session meets, in every language (or online: true).
    venue: Text | None = field(default=None, validator=optional_text)
    #: true for a session held online (then no venue is needed).
    online: bool = field(default=False, validator=flag)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise DataError(f"the session ends ({self.end}) before it starts", ("end",))
        if self.start.year != self.year:
            raise DataError(f"the session starts in {self.start.year}, not {self.year}", ("start",))
        if self.venue is None and not self.online:
            raise DataError("give the venue, or online: true", ("venue",))


Gender = Literal["f", "m"]
_GENDERS = ("f", "m")


@frozen
class ExecutiveDirector:
    """The Executive Director as the subtitle names the office. ``gender`` is the office-holder's
    grammatical gender, "f" or "m", for the languages whose wording agrees with it (French
    "Rapport de la Directrice exécutive" / "du Directeur exécutif", Spanish "Informe de la
    Directora Ejecutiva" / "del Director Ejecutivo"); English, Chinese and Russian are invariable.
    The default is the office-holder's when this was written."""

    #: f or m: the grammatical gender the subtitle agrees with (default f).
    gender: Gender = "f"

    def __attrs_post_init__(self) -> None:
        if self.gender not in _GENDERS:
            raise DataError(f"'{self.gender}' is not one of {', '.join(_GENDERS)}", ("gender",))


@frozen
class AgendaItem:
    """An item of the provisional agenda, possibly a sub-item such as 6 (a)."""

    #: The item's number on the provisional agenda.
    number: int = field(validator=at_least(1))
    #: The item's title, as the masthead prints it.
    title: Text = field(validator=is_text)
    #: The letter of a sub-item: a for item 6 (a).
    sub: str | None = field(default=None, validator=optional_of(str))
    id: str | None = field(default=None, validator=valid_id)  # for {item:id} references

    def __attrs_post_init__(self) -> None:
        if self.sub is not None and not SUB_ITEM.match(self.sub):
            raise DataError(f"a sub-item is a letter such as a, b, c; got {self.sub!r}", ("sub",))

    @property
    def label(self) -> str:
        return f"{self.number} ({self.sub})" if self.sub else str(self.number)


@frozen
class Agenda:
    """The provisional agenda as the masthead cites it: its symbol and the items covered."""

    #: The symbol of the provisional agenda, printed in the * footnote.
    symbol: Symbol = field(validator=of_type(Symbol))
    #: The agenda items the document is submitted under, as the masthead lists them.
    items: tuple[AgendaItem, ...] = field(validator=tuple_of(AgendaItem))
    # The whole provisional agenda, for {item:id} references to items not on the masthead;
    # a session build supplies it.
    provisional: tuple[AgendaItem, ...] = field(default=(), validator=tuple_of(AgendaItem))

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise DataError("name at least one agenda item", ("items",))

    def item(self, item_id: str) -> AgendaItem | None:
        """The item with this id, on the masthead or anywhere on the provisional agenda."""
        return next((i for i in (*self.items, *self.provisional) if i.id == item_id), None)


@frozen
class DocumentRef:
    """Another document this one cites by id with ``{doc:id}``; printed as its symbol."""

    id: str = field(validator=valid_id)
    #: The cited document's symbol, printed where {doc:id} stands.
    symbol: Symbol = field(validator=of_type(Symbol))
    #: Its title.
    title: Text | None = field(default=None, validator=optional_text)


@frozen
class Artwork:
    """The image files the masthead prints, given for a whole build (a command-line option, a
    session file) rather than by one document: the UN emblem beside the organ, the UN-Habitat
    logo beside the symbol. Each a checked file (see :func:`habitat_docs.load.images.setting_image`)
    or None; a document's own ``emblem`` and ``logo`` fields fill in what is None."""

    emblem: FsPath | None = None
    logo: FsPath | None = None
