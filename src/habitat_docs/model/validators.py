"""attrs validators the model classes share: types, ranges, ids, lists of one type, texts.

Each raises :class:`~habitat_docs.errors.DataError` naming the field, so that a model built
in code fails as a data file does: ``AgendaItem(12.5, …)`` is "number: expected a whole
number, got float 12.5", not attrs' TypeError, and never a silently wrong value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from attrs import frozen

from habitat_docs.errors import DataError
from habitat_docs.model.characters import ID, id_hint
from habitat_docs.model.text import Text

__all__ = [
    "Bounded",
    "at_least", "between", "flag", "is_date", "is_text", "of_type", "optional_of", "optional_text",
    "tuple_of", "valid_id",
]  # fmt: skip

Validator = Callable[[Any, Any, Any], None]

# How a message names a type: the words of the data, not Python's.
_NAMES: dict[type, str] = {
    int: "a whole number", str: "a string", bool: "true or false", dt.date: "a date",
    tuple: "a tuple", Text: "a text (Text(en=…, zh=…))",
}  # fmt: skip


def _described(value: Any) -> str:
    """``float 12.5``: the type and the value, as a message quotes what it got."""
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"{type(value).__name__} {shown}"


def _is(value: Any, kind: type) -> bool:
    """``isinstance``, but a bool is no number and a datetime no date (each would print
    another figure: 1 for True, a date that hides its time)."""
    if isinstance(value, bool) and kind is not bool and kind is not object:
        return False
    if isinstance(value, dt.datetime) and kind is dt.date:
        return False
    return isinstance(value, kind)


def _expected(kinds: tuple[type, ...], value: Any) -> str:
    names = [_NAMES.get(k, k.__name__) for k in kinds]
    names_text = " or ".join(names) if len(names) <= 2 else f"one of {', '.join(names)}"
    hint = " (give its .date())" if isinstance(value, dt.datetime) and dt.date in kinds else ""
    return f"expected {names_text}, got {_described(value)}{hint}"


def of_type(*kinds: type) -> Validator:
    """A value of one of ``kinds`` (strictly: see :func:`_is`)."""

    def check(_: object, a: Any, value: Any) -> None:
        if not any(_is(value, k) for k in kinds):
            raise DataError(_expected(kinds, value), (a.name,))

    return check


def optional_of(*kinds: type) -> Validator:
    """None, or a value of one of ``kinds``."""
    inner = of_type(*kinds)

    def check(instance: object, a: Any, value: Any) -> None:
        if value is not None:
            inner(instance, a, value)

    return check


is_text = of_type(Text)
optional_text = optional_of(Text)
is_date = of_type(dt.date)
flag = of_type(bool)


@frozen
class Bounded:
    """A whole number from ``minimum`` to ``maximum`` (None: no end): a validator that says
    its bounds, for the data format's schema (load/schema.py)."""

    minimum: int
    maximum: int | None = None

    def __call__(self, _: object, a: Any, value: Any) -> None:
        of_type(int)(_, a, value)
        if self.maximum is not None and not self.minimum <= value <= self.maximum:
            raise DataError(f"{value} is not between {self.minimum} and {self.maximum}", (a.name,))
        if value < self.minimum:
            raise DataError(f"expected {self.minimum} or more, got {value}", (a.name,))


def between(low: int, high: int) -> Validator:
    """A whole number from ``low`` to ``high``."""
    return Bounded(low, high)


def at_least(low: int) -> Validator:
    """A whole number of ``low`` or more."""
    return Bounded(low)


def valid_id(_: object, a: object, value: Any) -> None:
    """An id that ``{ref:…}`` can name: ASCII letters, digits, '-', '_', '.'; or none."""
    if value is not None and not (isinstance(value, str) and ID.match(value)):
        hint = id_hint(value) if isinstance(value, str) else ""
        raise DataError(f"'{value}' is not a valid id (letters, digits, '-', '_', '.'){hint}", ("id",))


def tuple_of(*kinds: type | Callable[[], type]) -> Validator:
    """A tuple whose every item is one of ``kinds``; a kind may be given as a function that
    returns it, for a class whose items are of its own class (subparagraphs)."""

    def check(_: object, a: Any, value: Any) -> None:
        if not isinstance(value, tuple):
            hint = " (write tuple(…) or (…,))" if isinstance(value, list) else ""
            raise DataError(f"expected a tuple, got {_described(value)}{hint}", (a.name,))
        types = tuple(k if isinstance(k, type) else k() for k in kinds)
        for i, item in enumerate(value):
            if not any(_is(item, k) for k in types):
                raise DataError(_expected(types, item), (a.name, i))

    return check
