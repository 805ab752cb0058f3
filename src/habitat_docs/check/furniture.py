"""Page furniture: running heads, page numbers and footers, recognised by their text."""

from __future__ import annotations

import re

from habitat_docs.check.symbols import SYMBOL

__all__ = ["furniture_role", "head_symbol", "is_footer", "is_page_number"]

_PAGE_NUMBER = re.compile(r"\s*(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,3}\s*-)\s*")
_HEAD = re.compile(rf"\s*(?:\d{{1,3}}\s+)?({SYMBOL.pattern})(?:\s+\d{{1,3}}(?:/\d{{1,3}})?)?\s*")
_FOOTER = re.compile(
    r"\s*(?:\d{1,3}\s+)?"  # a page number before the job number
    r"(?:[A-Z]\d{7}(?:\s+\d{6})*|\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})*|\*\d{7}\*"
    r"|Please recycle|请回收)"
    r"(?:\s+\d{1,3}(?:/\d{1,3})?)?\s*"  # or after it: "24-01234 2/15"
)


def is_page_number(text: str) -> bool:
    return _PAGE_NUMBER.fullmatch(text) is not None


def head_symbol(text: str) -> str | None:
    """The symbol of a running-head line (a symbol alone, or with the page number)."""
    m = _HEAD.fullmatch(text)
    return m.group(1) if m else None


def is_footer(text: str) -> bool:
    return _FOOTER.fullmatch(text) is not None


def furniture_role(text: str) -> str | None:
    """head for a running head or page number, foot for a job number or barcode, else None."""
    if not text or text.isspace():
        return None
    if is_page_number(text) or head_symbol(text) is not None:
        return "head"
    if is_footer(text):
        return "foot"
    return None
