"""Titles broken where a reader pauses, in lines of even length: the document's title and its
agenda items' titles. A break the author wrote (a line break in the data) is kept; otherwise a
title too long for one line takes the fewest lines it fits in, balanced so that none is left
with a lone word, and never broken inside a word.

    >>> width = lambda s: 10.0 * len(s)  # ten points a character
    >>> balanced("Actions to improve the internal management of the Programme", 400, width).split(BREAK)
    ['Actions to improve the internal', 'management of the Programme']
    >>> balanced("改进联合国人类住区规划署内部管理、政策和程序的行动", 240, width).split(BREAK)
    ['改进联合国人类住区规划署内部管理、', '政策和程序的行动']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from attrs import evolve

from habitat_docs.compose.geometry import POINTS_PER_CM, TEXT_WIDTH_CM
from habitat_docs.compose.measure import label_width
from habitat_docs.compose.tree import Line, Span, Typography

__all__ = ["BREAK", "balanced", "broken_titles"]

BREAK = "\u2028"  # a line break in a composed span: both writers print it as one

# Where a title may break: after a space; in Chinese after a mark of punctuation, a linking
# particle (的, 和, 与, 及) or 期间 ("period"), before 关于 ("about") or a figure: never inside a
# word. A break is where a reader pauses when it follows a comma or a colon or comes before a
# preposition or a conjunction ("… management | of the United Nations …"); other breaks cost
# a fifth of the line's width, twice that inside a name ("United | Nations"), so that a title
# breaks at its joints when it can.
_AFTER = re.compile(r"(?<=[ 、，：；])|(?:(?<=[的和与及])|(?<=期间))(?=[\u4e00-\u9fff0-9])|(?=关于)")
_PAUSE = re.compile(r"[,:;、，：；的和与及间]\s*$")  # a break after these is a joint
_LINK = re.compile(r"^(?:of|and|to|for|on|in|by|from|with|at|or|as)\b|^[^A-Za-z]")  # and before these
_ELSEWHERE = 0.2  # the cost of a break at no joint, in line widths
_SLACK_PT = 2.0  # room for the writers' rounding, so that a line that fits here fits there


def balanced(text: str, width_pt: float, measure: Callable[[str], float]) -> str:
    """``text`` with BREAK marks where its lines should end, each line at most ``width_pt``
    wide as ``measure`` sets it; unchanged when it fits on one line, when the author broke it,
    or when a piece of it is wider than a line (the writer then breaks it as it can)."""
    if BREAK in text or measure(text) <= width_pt - _SLACK_PT:
        return text
    cuts = sorted({m.start() for m in _AFTER.finditer(text)} - {0, len(text)})
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    lines = _fewest_even(tuple(pieces), width_pt - _SLACK_PT, cache(lambda s: measure(s.strip())))
    return BREAK.join(line.rstrip(" ") for line in lines) if lines else text


def _fewest_even(pieces: tuple[str, ...], width: float, measure: Callable[[str], float]) -> list[str] | None:
    """The pieces joined into the fewest lines that fit, at the least cost: the widest line,
    and a fifth of the measure for each break at no joint (dynamic programming over where
    each line ends)."""
    n = len(pieces)
    for count in range(2, n + 1):
        # best[k][i]: (cost, widest, lines) of the first i pieces set in k lines
        best: list[dict[int, tuple[float, float, list[str]]]] = [{0: (0.0, 0.0, [])}]
        for _ in range(count):
            row: dict[int, tuple[float, float, list[str]]] = {}
            for start, (cost, widest, lines) in best[-1].items():
                penalty = 0.0 if start == 0 else _cost(pieces[start - 1], pieces[start]) * width
                for end in range(start + 1, n + 1):
                    line = "".join(pieces[start:end])
                    w = measure(line)
                    if w > width:
                        break
                    wide = max(widest, w)
                    candidate = (cost - widest + wide + penalty, wide, [*lines, line])
                    if end not in row or candidate[0] < row[end][0]:
                        row[end] = candidate
            best.append(row)
        if n in best[-1]:
            return best[-1][n][2]
    return None


def _cost(before: str, after: str) -> float:
    """What a break between these pieces costs, in line widths: nothing where a reader pauses."""
    if _PAUSE.search(before) or _LINK.search(after):
        return 0.0
    return 2 * _ELSEWHERE if before[:1].isupper() and after[:1].isupper() else _ELSEWHERE


def broken_titles(lines: tuple[Line, ...], t: Typography) -> tuple[Line, ...]:
    """The masthead with its title (between the label indents, at the title size) and its agenda
    items' titles (the full measure, at the body size) broken by :func:`balanced`."""
    out = []
    for line in lines:
        if line.role in _TITLES and len(line.content) == 1 and isinstance(line.content[0], Span):
            size, indents = (t.title_size, 2) if line.role == "title" else (t.body_size, 0)
            width = (TEXT_WIDTH_CM - indents * t.label_indent_cm) * POINTS_PER_CM
            span = line.content[0]
            text = balanced(span.text, width, lambda s, size=size: label_width(  # type: ignore[misc]
                s, t.heading_font, t.east_asian_heading_font, size, bold=True))
            line = evolve(line, content=(Span(text, span.bold, span.italic, terms=span.terms),))
        out.append(line)
    return tuple(out)


_TITLES = frozenset({"title", "item-title"})
