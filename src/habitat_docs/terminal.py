"""Messages for the terminal: control, bidirectional and invisible characters shown as escapes.

The one function every message goes through (errors.Problem, the CLI, check's reports)."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["printable"]

# Characters an error message must not pass to a terminal as they are: controls (escape
# sequences), the bidirectional formatting that can make text read other than it is, the
# invisible ones a reader could not tell are there (zero-width spaces and joiners, the soft
# hyphen, word joiners, tag characters …), and lone surrogates, which no terminal can print.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _python_escape(char: str) -> str:
    return char.encode("unicode_escape").decode("ascii")


def printable(text: str, escape: Callable[[str], str] = _python_escape) -> str:
    """``text`` with control, bidirectional and invisible characters shown as escapes
    (\\x1b, \\u202e, \\u200b), or as ``escape`` writes each of them."""
    return _UNPRINTABLE.sub(lambda m: escape(m[0]), text)
