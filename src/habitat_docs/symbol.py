"""UN document symbols (conventions.md §1)."""

from __future__ import annotations

import re

from attrs import field, frozen

from .errors import DataError

__all__ = ["Symbol"]

_SINGLE = (
    r"[A-Z]+(?:\.\d+)?"  # series, possibly fused with a number (HA.1)
    r"(?:/[A-Z]+(?:\.\d+)?)*"  # body components (EB.2024, AC.51, SGB)
    r"(?:/\d+)?"  # session or year
    r"/(?:\d+(?: [A-Z])?|L\.\d+|CRP\.\d+|INF/\d+|RES/(?:\d+/)?\d+|(?:PV|SR|WP|R)\.\d+)"
    r"(?: \(Part [IVXLC]+\))?"
    r"(?:/(?:(?:Add|Corr|Rev|Amend)\.\d+|Summary))*"
    r"\*?"
)
_SYMBOL = re.compile(rf"{_SINGLE}(?:[–-]{_SINGLE})?")


def _check(_: object, __: object, value: str) -> None:
    if not _SYMBOL.fullmatch(value):
        raise DataError(f"'{value}' is not a UN document symbol (e.g. HSP/EB.2024/11)")


@frozen
class Symbol:
    """A UN document symbol such as ``HSP/EB.2024/11``; the same in every language."""

    text: str = field(validator=_check)

    def __str__(self) -> str:
        return self.text

    @property
    def file_stem(self) -> str:
        """A file-name form: ``HSP/EB.2024/11`` -> ``HSP-EB.2024-11``."""
        return re.sub(r"[/ ]", "-", self.text.replace("*", "")).replace("(", "").replace(")", "")
