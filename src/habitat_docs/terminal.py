"""Messages for the terminal: control and bidirectional characters shown as escapes."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["printable"]

# Characters an error message must not pass to a terminal as they are: controls (escape
# sequences) and the bidirectional overrides that can make text read other than it is.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _python_escape(char: str) -> str:
    return char.encode("unicode_escape").decode("ascii")


def printable(text: str, escape: Callable[[str], str] = _python_escape) -> str:
    """``text`` with control and bidi-override characters shown as escapes (\\x1b, \\u202e),
    or as ``escape`` writes each of them."""
    return _UNPRINTABLE.sub(lambda m: escape(m[0]), text)
