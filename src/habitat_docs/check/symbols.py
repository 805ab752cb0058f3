"""UN document symbols in prose, independent of habitat_docs.model.symbol."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

__all__ = ["SYMBOL", "find", "find_in_lines"]

_SINGLE = (
    r"[A-Z]{1,6}"  # series: A, E, S, ST, HSP, UNEP …
    r"(?:/[A-Z]{1,8}(?:\.\d{1,4})?)*"  # bodies: EB.2024, AC.51, SGB, C.2, HA.2
    r"(?:/\d{1,4})?"  # session or year
    r"/(?:\d{1,5}(?: [A-Z](?![\w/]))?|L\.\d+|CRP\.?\d+|INF/\d+|RES/(?:\d+/)?\d+"
    r"|(?:PV|SR|WP|R)\.\d+)"  # document part: 309, 218 B, L.3, CRP.1, INF/1, RES/72/279
    r"(?: \(Part [IVXLC]+\))?"  # A/79/309 (Part I)
    r"(?:/(?:(?:Add|Corr|Rev|Amend)\.\d+|Summary))*"  # /Add.1/Corr.1
    r"\*?"  # reissued for technical reasons
)
SYMBOL = re.compile(rf"(?<![A-Za-z0-9/.\-]){_SINGLE}(?:[–-]{_SINGLE})?(?![A-Za-z0-9/])")


def normalize(symbol: str) -> str:
    return symbol.replace("-", "–") if re.search(r"\d-[A-Z]", symbol) else symbol


def find(text: str) -> Iterator[str]:
    """Every symbol in ``text``, in order, line breaks inside symbols mended."""
    for symbol, _ in find_in_lines(text.split("\n")):
        yield symbol


def find_in_lines(texts: Sequence[str]) -> Iterator[tuple[str, int]]:
    """Symbols in consecutive lines, each with the index of the line where it starts. Lines
    join with one space, or none inside a symbol broken after "/" or "." ("ST/SGB/" +
    "2019/8", "HSP/EB." + "2024/11")."""
    parts: list[str] = []
    starts: list[int] = []
    pos, end = 0, ""  # end: the last character so far
    for t in (t.strip() for t in texts):
        if t and end:
            broken = (end == "/" and t[:1].isalnum()) or (end == "." and t[:1].isdigit())
            if not broken:
                parts.append(" ")
                pos += 1
        end = t[-1:] or end
        starts.append(pos)
        parts.append(t)
        pos += len(t)
    for m in SYMBOL.finditer("".join(parts)):
        yield normalize(m.group()), bisect.bisect_right(starts, m.start()) - 1
