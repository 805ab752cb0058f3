"""Messages for the terminal: control and bidirectional characters shown as escapes."""

from __future__ import annotations

import re

__all__ = ["printable"]

# Characters an error message must not pass to a terminal as they are: controls (escape
# sequences) and the bidirectional overrides that can make text read other than it is.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control and bidi-override characters shown as escapes (\\x1b, \\u202e)."""
    return _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
