"""Where a finding is, in words a reader can search for: the opening words of the line or
paragraph it is on, quoted beside its location."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import attrs

from habitat_docs.check.document import DocumentText, Line
from habitat_docs.check.findings import Finding

__all__ = ["opening_words", "placed"]

_WORDS = 8
_WIDTH = 48  # columns: about 8 words of Latin text, 24 characters of Chinese


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(word: str, width: int) -> str:
    out, used = "", 0
    for c in word:
        used += _width(c)
        if used > width:
            break
        out += c
    return out


def opening_words(text: str) -> str:
    """The first words of ``text`` on one line, "…" where it is cut.

    >>> opening_words("5.\\tThe Executive Board requested the secretariat to report on the plan")
    '5. The Executive Board requested the secretariat…'
    >>> opening_words("3.\\t执行局请执行主任在第二届会议上报告战略计划的执行情况。")
    '3. 执行局请执行主任在第二届会议上报告战略计划的…'
    """
    out: list[str] = []
    used = 0
    for whole in text.split():
        word = whole[: _WIDTH + 1]  # as wide as the line or wider: the rest of a huge word costs time
        cost = _width(word) + (1 if out else 0)
        if len(out) == _WORDS or used + cost > _WIDTH:
            if len(out) < _WORDS and (not out or _width(word) > len(word)):
                out.append(_cut(word, _WIDTH - used - (1 if out else 0)))  # text without spaces
            return " ".join(w for w in out if w) + "…"
        out.append(word)
        used += cost
    return " ".join(out)


def placed(findings: Iterable[Finding], documents: Iterable[DocumentText]) -> list[Finding]:
    """``findings`` with the opening words of the line each is on, and DOCX findings located
    by paragraph."""
    by_name = {d.name: d for d in documents}
    places = {name: _places(d.lines) for name, d in by_name.items()}
    out = []
    for f in findings:
        d = by_name.get(f.file)
        if d is None:
            out.append(f)
            continue
        line = _line(places[f.file].get((f.page, f.line), []), f.found)
        quote = f.quote or (opening_words(line.text) if line is not None else "")
        out.append(attrs.evolve(f, quote=quote, paragraphs=d.kind == "docx"))
    return out


def _places(lines: Iterable[Line]) -> dict[tuple[int | None, int | None], list[Line]]:
    out: dict[tuple[int | None, int | None], list[Line]] = {}
    for ln in lines:
        out.setdefault((ln.page, ln.line), []).append(ln)
    return out


def _line(candidates: list[Line], label: str) -> Line | None:
    """The line a finding is on: a DOCX paragraph's lines and the footnotes it cites share
    its number; the one opening with the label found, else the first with text."""
    texts = [ln for ln in candidates if ln.text.strip()]
    if label:
        for ln in texts:
            if ln.text.lstrip().startswith(label):
                return ln
    body = [ln for ln in texts if ln.role != "note"]
    return next(iter(body or texts), None)
