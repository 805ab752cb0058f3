"""Checks of one language's prose: tabs, full-width braces around markup, spaces between
digits and the characters that take none, ASCII marks the language writes full width, words
doubled (anywhere between spaced words; at a fact's edge in any script)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from habitat_docs.lint.rules import Rules
from habitat_docs.lint.texts import BREAK, Piece, Rendered, render

__all__ = ["prose_problems"]

_MARKUP_NAMES = "ref|Ref|fact|note|doc|item|tnote"
_WIDE_BRACES = re.compile(
    f"｛\\s*(?:{_MARKUP_NAMES})\\s*[:：]|(?<![\\w\\\\])(?:{_MARKUP_NAMES})\\s*[:：][^{{}}｛｝\n]*｝"
)
_SPACE = "[ \u00a0\u202f\u3000\t]+"
_DOUBLED = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+(\1)(?![^\W\d_])", re.IGNORECASE)
# Brackets around Latin letters and digits only ("(a)", "(Part I)"): labels and symbols,
# which keep their ASCII brackets.
_LATIN_BRACKETS = re.compile(r"\([A-Za-z0-9 .\-/]+\)")
_QUOTE = 12  # characters quoted either side of what a warning is about


def quote(text: str, start: int, end: int) -> str:
    """“…words around text[start:end]…”, breaks and line ends shown as spaces."""
    a, b = max(0, start - _QUOTE), min(len(text), end + _QUOTE)
    inner = text[a:b].replace(BREAK, " ").replace("\n", " ").replace("\t", "\\t")
    return f"“{'…' if a else ''}{inner.strip()}{'…' if b < len(text) else ''}”"


def prose_problems(
    source: str, pieces: list[Piece], rules: Rules, fact: Callable[[str], str]
) -> Iterator[str]:
    """What is probably wrong in one language's text ``source`` (its ``pieces``)."""
    if "\t" in source:
        yield f"a tab in the text: {quote(source, source.index(chr(9)), source.index(chr(9)) + 1)}"
    for m in _WIDE_BRACES.finditer(source):
        yield f"a full-width brace around markup (type {{ and }}): {quote(source, m.start(), m.end())}"
    shown = render(pieces, fact)
    yield from _unspaced(shown.text, rules)
    yield from _punctuation(render(pieces).text, rules)
    yield from _doubled(shown, rules)


def _unspaced(text: str, rules: Rules) -> Iterator[str]:
    if rules.unspaced is None:
        return
    chars = rules.unspaced.pattern
    pattern = re.compile(f"{chars}{_SPACE}\\d|\\d{_SPACE}{chars}")
    for m in pattern.finditer(text):
        yield (
            f"a space between a digit and {m.group().strip()[-1 if m.group()[0].isdigit() else 0]}: "
            f"{quote(text, m.start(), m.end())} (Word and Typst add the gap themselves)"
        )


def _punctuation(text: str, rules: Rules) -> Iterator[str]:
    if rules.unspaced is None or not rules.punctuation:
        return
    latin = {k for m in _LATIN_BRACKETS.finditer(text) for k in (m.start(), m.end() - 1)}
    for k, ch in enumerate(text):
        if ch not in rules.punctuation or k in latin:
            continue
        before, after = text[:k].rstrip(" "), text[k + 1 :].lstrip(" ")
        if (before and rules.unspaced.match(before[-1])) or (
            after and rules.unspaced.match(after[0])
        ):
            yield (
                f"ASCII “{ch}” in {rules.language.name} prose (write “{rules.punctuation[ch]}”): "
                f"{quote(text, k, k + 1)}"
            )


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _doubled(shown: Rendered, rules: Rules) -> Iterator[str]:
    """Spaced words doubled anywhere ("the the", a fact's last word and the next); a
    character doubled at a fact's edge where words are not spaced ("2024年年")."""
    text = shown.text
    for m in _DOUBLED.finditer(text):
        if m.group(1).lower() not in rules.doubled:
            yield f"“{m.group(1)}” doubled: {quote(text, m.start(), m.end())}{_within(shown, m)}"
    for start, end, piece in shown.spans:
        if piece.kind != "fact" or start == end:
            continue
        printed = text[start:end]
        if _wide(printed[-1]) and text[end : end + 1] == printed[-1]:
            twice = printed[-1]
        elif _wide(printed[0]) and text[start - 1 : start] == printed[0]:
            twice = printed[0]
        else:
            continue
        yield (
            f"“{twice}” doubled at the edge of {{fact:{piece.text}}}, which prints “{printed}”: "
            f"{quote(text, start, end + 1)}"
        )


def _within(shown: Rendered, m: re.Match[str]) -> str:
    """ ", around {fact:x}" when a fact prints one of the doubled words."""
    for start, end, piece in shown.spans:
        if piece.kind == "fact" and start < m.end() and m.start() < end:
            return f" ({{fact:{piece.text}}} prints “{shown.text[start:end]}”)"
    return ""
