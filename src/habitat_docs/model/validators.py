"""attrs validators the model classes share: ids, lists of one type, texts."""

from __future__ import annotations

import re
from typing import Any

from attrs.validators import deep_iterable, instance_of, optional

from habitat_docs.errors import DataError
from habitat_docs.model.text import Text

__all__ = ["is_text", "optional_text", "tuple_of", "valid_id"]

_ID = re.compile(r"[A-Za-z][\w.-]*\Z")

is_text = instance_of(Text)
optional_text = optional(instance_of(Text))


def valid_id(_: object, a: object, value: Any) -> None:
    """An id that ``{ref:…}`` can name: letters, digits, '-', '_', '.'; or none."""
    if value is not None and not (isinstance(value, str) and _ID.match(value)):
        raise DataError(f"'{value}' is not a valid id (letters, digits, '-', '_', '.')", ("id",))


def tuple_of(kind: type | tuple[type, ...]) -> Any:
    """A tuple whose every item is a ``kind``."""
    return deep_iterable(instance_of(kind), instance_of(tuple))
