"""YAML syntax errors in plain words: the mistake an editor made (a full-width colon typed on
a Chinese keyboard, a tab, an unclosed quote, a mis-indented line …), found from where the
parser failed, with the line and column where it was made.

The parser often fails after the mistake (a quote left open swallows the lines that follow,
a full-width colon makes a key into text that runs on to the next line), so each finder looks
back from that point; PyYAML's own words, made plainer, stand when none recognises it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import yaml

__all__ = ["FULL_WIDTH", "Spot", "explain", "full_width_in_key"]


class Spot(NamedTuple):
    """A message and where it points (line and column from 1)."""

    message: str
    line: int
    column: int


# What a Chinese keyboard types in place of YAML's punctuation: its name, and what to type.
FULL_WIDTH = {
    "\uff1a": ("a full-width colon '：' (U+FF1A)", "the ASCII colon ':' followed by a space"),
    "\uff0c": ("a full-width comma '，' (U+FF0C)", "the ASCII comma ','"),
    "\uff5b": ("a full-width brace '｛' (U+FF5B)", "the ASCII brace '{'"),
    "\uff5d": ("a full-width brace '｝' (U+FF5D)", "the ASCII brace '}'"),
    "\u3000": ("a full-width space (U+3000)", "an ordinary space"),
}

_NAME = r"[A-Za-z_][A-Za-z0-9_.-]*"  # a key: ASCII (\w would take Chinese prose for one)
# Full-width punctuation where YAML's belongs; the group is the character. In a value (Chinese
# text) they are right, so only these places count: after a key's name, between a value and
# the next key, at the opening or closing of a mapping, and in the indentation.
_FULL_WIDTH_SYNTAX = [
    re.compile(rf"(?:^[ \u3000]*(?:-[ \u3000]+)?|[{{,][ \u3000]*)(?P<key>{_NAME})[ \u3000]*(\uff1a)"),
    re.compile(rf"(\uff0c)[ \u3000]*{_NAME}[ \u3000]*[:\uff1a]"),
    re.compile(r"(?:[:\uff1a][ \u3000]+|^[ \u3000]*-[ \u3000]+|[{,][ \u3000]*)(\uff5b)"),
    re.compile(r"\{[^}\uff5d\"']*(\uff5d)[^}]*$"),
    re.compile(r"^ *(\u3000)"),
    re.compile(rf"^[ \u3000]*(?:-[ \u3000]*)?(?P<key>{_NAME}):(\u3000)"),
]
_KEY_LINE = re.compile(rf"^ *(?:- +)?{_NAME}:(?: |$)")
_LOOK_BACK = 2  # lines above the parser's that a mistake it tripped over may be on


def explain(text: str, error: yaml.MarkedYAMLError) -> Spot:
    """The mistake behind a YAML syntax error, in plain words, where it was made."""
    mark = error.problem_mark or error.context_mark
    at = (mark.line, mark.column) if mark else (text.count("\n"), 0)
    lines = text.split("\n")[: at[0] + 1]
    tokens = _tokens(text, at)
    finders: list[Callable[[], Spot | None]] = [
        lambda: _full_width(lines, at[0]), lambda: _tab(lines, at[0]),
        lambda: _open_quote(text, error, tokens, at), lambda: _bare_mapping(lines, at[0]),
        lambda: _indentation(lines, tokens, at[0]),
    ]  # fmt: skip
    for find in finders:
        spot = find()
        if spot is not None:
            return spot
    return _plain(error, at)


def full_width_in_key(key: str) -> str | None:
    """What a key holding full-width punctuation should hold instead (``en：`` for ``en:``), or
    None: a key never holds them, so a key that does is a mistake even where YAML read it."""
    for ch, (name, instead) in FULL_WIDTH.items():
        if ch in key:
            before = key[: key.index(ch)].strip()
            after = f" after '{before}'" if before else ""
            return f"{name}{after}: type {instead} instead"
    return None


def _tokens(text: str, at: tuple[int, int]) -> list[Any]:
    """The tokens of PyYAML's own scanner before ``at`` (it stops at its own error)."""
    out: list[Any] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (token.start_mark.line, token.start_mark.column) >= at:
                break
            out.append(token)
    except yaml.YAMLError:
        pass
    return out


def _full_width(lines: Sequence[str], last: int) -> Spot | None:
    for n in range(max(0, last - _LOOK_BACK), last + 1):
        found = [(m.start(m.lastindex or 1), m) for p in _FULL_WIDTH_SYNTAX for m in p.finditer(lines[n])]
        if found:
            column, m = min(found, key=lambda f: f[0])
            name, instead = FULL_WIDTH[lines[n][column]]
            key = m.groupdict().get("key")
            after = f" after '{key}'" if key else ""
            return Spot(f"{name}{after}: type {instead} instead", n + 1, column + 1)
    return None


def _tab(lines: Sequence[str], last: int) -> Spot | None:
    for n in range(max(0, last - _LOOK_BACK), last + 1):
        m = re.match(r"[ -]*\t", lines[n])
        if m and lines[n].strip():
            return Spot("a tab in the indentation: indent with spaces (YAML does not allow tabs there)",
                        n + 1, m.end())  # fmt: skip
    return None


def _open_quote(text: str, error: yaml.MarkedYAMLError, tokens: list[Any], at: tuple[int, int]) -> Spot | None:
    """A quote never closed: the text runs on to the next quote, which seems to close it.
    Found as a quoted value followed by more text on its last line, or holding a line that
    looks like a key."""
    lines = text.split("\n")
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        return _unclosed(lines, error.context_mark)
    for token in reversed(tokens):
        if not isinstance(token, yaml.ScalarToken) or token.style not in ("'", '"'):
            continue
        start, end = token.start_mark, token.end_mark
        follows = text[end.index : end.index + 1]
        swallowed = any(_KEY_LINE.match(ln) for ln in text[start.index : end.index].split("\n")[1:])
        if swallowed or (follows and follows not in " \t\n,]}:#"):
            return _unclosed(lines, start)
        if end.line < at[0] - _LOOK_BACK:
            return None
    return None


def _unclosed(lines: Sequence[str], mark: Any) -> Spot:
    quote = lines[mark.line][mark.column : mark.column + 1] or '"'
    return Spot(f"the quote {quote} opened here is never closed: end the text with {quote}",
                mark.line + 1, mark.column + 1)  # fmt: skip


def _bare_mapping(lines: Sequence[str], last: int) -> Spot | None:
    """``{en: …, zh: …}`` on a line of its own where a field belongs (``text:`` left out)."""
    for n in range(max(0, last - 1), last + 1):
        stripped = lines[n].lstrip(" ")
        if stripped.startswith("{") and n > 0 and _KEY_LINE.match(lines[n - 1]):
            return Spot("a bare {en: …, zh: …} mapping where a field belongs: write text: {en: …, zh: …}",
                        n + 1, len(lines[n]) - len(stripped) + 1)  # fmt: skip
    return None


def _indentation(lines: Sequence[str], tokens: list[Any], last: int) -> Spot | None:
    """A line indented to none of the levels open above it."""
    line = lines[last]
    indent = len(line) - len(line.lstrip(" "))
    levels = _levels(tokens, last)
    if not line.strip() or not levels or indent in [column for column, _, _ in levels]:
        return None
    dash = line.lstrip(" ").startswith("-")
    choices = [lv for lv in levels if lv[2] == dash] or levels
    column, where, _ = min(choices, key=lambda lv: (abs(lv[0] - indent), -lv[0]))
    spaces = "space" if indent == 1 else "spaces"
    return Spot(f"line {last + 1} is indented by {indent} {spaces} where {column} are expected (as on line "
                f"{where + 1})",
                last + 1, indent + 1)  # fmt: skip


def _levels(tokens: list[Any], before: int) -> list[tuple[int, int, bool]]:
    """The columns a line may start at after the lines above ``before``: those of the keys
    and list items still open (column, line, whether a list item), innermost first."""
    marks: list[tuple[int, int, bool]] = []
    depth = 0
    for token in tokens:
        if isinstance(token, yaml.FlowMappingStartToken | yaml.FlowSequenceStartToken):
            depth += 1
        elif isinstance(token, yaml.FlowMappingEndToken | yaml.FlowSequenceEndToken):
            depth -= 1
        elif depth == 0 and isinstance(token, yaml.KeyToken | yaml.BlockEntryToken) and token.start_mark.line < before:
            marks.append((token.start_mark.column, token.start_mark.line, isinstance(token, yaml.BlockEntryToken)))
    levels: list[tuple[int, int, bool]] = []
    for mark in reversed(marks):
        if not levels or mark[0] < levels[-1][0]:
            levels.append(mark)
    return levels


# PyYAML's words made plainer; True: said where the context began (the '{' left open, the
# line that lacks its ':'), not where the parser gave up, often a line later.
_PLAIN = {
    "mapping values are not allowed": ("': ' inside a value: put the value in quotes", False),
    "found character that cannot start any token": (
        "a value cannot start with this character: put the value in quotes", False),
    "could not find expected ':'": (
        "a ':' is missing after this field's name (or its value is not indented under it)", True),
    "did not find expected ',' or '}'": (
        "this '{' is never closed: end the mapping with '}' (and put a value holding ',' in quotes)",
        True),
    "did not find expected ',' or ']'": (
        "this '[' is never closed: end the list with ']' (and put a value holding ',' in quotes)", True),
}  # fmt: skip


def _plain(error: yaml.MarkedYAMLError, at: tuple[int, int]) -> Spot:
    problem = error.problem or error.context or "unreadable YAML"
    for start, (words, at_context) in _PLAIN.items():
        if problem.startswith(start):
            mark = error.context_mark if at_context and error.context_mark is not None else None
            return Spot(words, *(mark.line + 1, mark.column + 1) if mark else (at[0] + 1, at[1] + 1))
    return Spot(problem, at[0] + 1, at[1] + 1)
