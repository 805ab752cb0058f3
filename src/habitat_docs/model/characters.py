"""The characters a data file may hold: ids in ASCII, and no bidirectional override in text.

An override (U+202A–U+202E) reorders what follows it on the page, so that a PDF can read
"Budget give $1000 approved" while the data says otherwise; it is refused everywhere. The
isolates (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C) that Arabic text needs stay
allowed, the isolates when every one opened is closed in the same text. An id is ASCII: a
Cyrillic "р" in "рara-1" looks like a Latin "p" and would name another paragraph."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ID", "bidi_problem", "id_hint", "named"]

#: An id, a fact name, a label: an ASCII letter, then ASCII letters, digits, '-', '_', '.'.
ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*\Z")

_OVERRIDES = re.compile("[\u202a-\u202e]")
_OPENING, _CLOSING = "\u2066\u2067\u2068", "\u2069"
_ISOLATES = re.compile("[\u2066-\u2069]")


def named(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: a character as a message names it, never itself."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def bidi_problem(text: str) -> tuple[str, int] | None:
    """What is wrong with the bidirectional formatting of ``text`` and where (the offset of
    the character), or None: an override, or an isolate never closed or closing none."""
    override = _OVERRIDES.search(text)
    if override:
        why = "it can make text read other than it is written"
        hint = "set a direction with the isolates U+2066-U+2069"
        return f"character {named(override[0])} is not allowed: {why} ({hint})", override.start()
    if not _ISOLATES.search(text):
        return None
    opened: list[int] = []
    for at, char in enumerate(text):
        if char in _OPENING:
            opened.append(at)
        elif char == _CLOSING and not opened:
            return f"character {named(char)} closes no isolate", at
        elif char == _CLOSING:
            opened.pop()
    if opened:
        return f"character {named(text[opened[0]])} is never closed (by U+2069)", opened[0]
    return None


def id_hint(value: str) -> str:
    """``: character 1, U+0440 CYRILLIC SMALL LETTER ER, is not ASCII`` for an id with a
    character beyond ASCII, or "": what to add to the message refusing it."""
    for at, char in enumerate(value):
        if not char.isascii():
            return f": character {at + 1}, {named(char)}, is not ASCII"
    return ""
