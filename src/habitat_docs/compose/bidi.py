"""Right-to-left documents: left-to-right material isolated inside the right-to-left text.

In Arabic text, the Unicode bidi algorithm reorders what surrounds a number: "2022-2023"
after an Arabic word displays as "2023-2022", and a symbol next to Arabic punctuation may lose
its trailing part to the other side. Every run of Latin letters and digits (with whatever
stands between them, short of a right-to-left letter or Arabic punctuation) goes between
U+2066 LEFT-TO-RIGHT ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so that it reads left to
right as one piece, whatever surrounds it (UAX #9, rules X5a–X6a). Lists of numbers joined by
Arabic words or commas ("12 و 13", "12، 13") stay separate pieces, read right to left.

    >>> isolate("فترة السنتين 2022-2023") == "فترة السنتين \u20662022-2023\u2069"
    True
    >>> isolate("(انظر A/56/557، الفقرة 20)") == "(انظر \u2066A/56/557\u2069، الفقرة \u206620\u2069)"
    True
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import attrs

from habitat_docs.compose.tree import Composed, Line, Span

__all__ = ["LRI", "PDI", "isolate", "isolate_composed", "right_to_left"]

LRI, PDI = "\u2066", "\u2069"
# Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation forms (Arabic punctuation
# included): what a left-to-right piece never spans.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_CHAR = re.compile(f"[{_RTL}]")
_LTR = rf"[^\W_{_RTL}]"  # a letter or digit of a left-to-right script
_PIECE = re.compile(rf"{_LTR}(?:[^{_RTL}\n\u2028]*{_LTR})?")
# Text that already carries explicit directional formatting is the author's: left as it is.
_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")

T = TypeVar("T")


def right_to_left(text: str) -> bool:
    """Whether ``text`` holds a character of a right-to-left script (a regular expression:
    this runs on every run of every document)."""
    return _RTL_CHAR.search(text) is not None


def isolate(text: str) -> str:
    """``text`` with each left-to-right piece isolated (see the module docstring)."""
    if _EXPLICIT.search(text) or not right_to_left(text):
        return text
    return _PIECE.sub(lambda m: f"{LRI}{m.group()}{PDI}", text)


def isolate_composed(c: Composed) -> Composed:
    """A right-to-left document with every span's left-to-right pieces isolated, and its
    masthead lines without right-to-left letters (the English Distr. column) marked left to
    right; a left-to-right document as it is."""
    if c.typography.direction != "rtl":
        return c
    masthead = tuple(_line(ln) for ln in c.masthead)
    return attrs.evolve(c, masthead=masthead, blocks=_mapped(c.blocks), foot=_mapped(c.foot))


def _line(ln: Line) -> Line:
    ltr = not any(isinstance(i, Span) and right_to_left(i.text) for i in ln.content)
    return attrs.evolve(ln, content=_mapped(ln.content), ltr=ltr)


def _mapped(value: T) -> T:
    """``value`` with every Span in it (through tuples and attrs classes) isolated."""
    out: Any = value  # Any: attrs' type guard cannot narrow a type variable
    if isinstance(value, Span):
        text = isolate(value.text)
        out = value if text == value.text else attrs.evolve(value, text=text)
    elif isinstance(value, tuple):
        out = tuple(_mapped(v) for v in value)
    elif attrs.has(type(out)):
        changes = {
            f.name: _mapped(getattr(out, f.name))
            for f in attrs.fields(type(out))
            if f.init and isinstance(getattr(out, f.name), (tuple, Span))
        }
        out = attrs.evolve(out, **changes) if changes else out
    return out
