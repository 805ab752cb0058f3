"""The summary box of a PDF or text file, read from its lines (a DOCX gives it by paragraph
style: importer/parts.py): under its title, its paragraphs, then the action required, which
opens with the lead the templates print ("Action required of the Executive Board:"). A PDF's
paragraphs are parted where the page leaves more space between two lines; a text file's are
not known, and its summary is read as one paragraph (a comment says so)."""

from __future__ import annotations

from functools import cache

from habitat_docs.check.document import Line, clean
from habitat_docs.compose.language import available, language
from habitat_docs.importer.boxes import summary_box
from habitat_docs.importer.lines import Version
from habitat_docs.importer.parts import Summary
from habitat_docs.importer.placement import Placement, emphasised, paragraphs, rejoined
from habitat_docs.importer.words import ESCAPE, flat

__all__ = ["ONE_PARAGRAPH", "UNREAD_ITALICS", "read_summary"]

UNREAD_ITALICS = ("the summary's italic words are not read from this file's text: mark them "
                  "*…* by hand")  # fmt: skip
ONE_PARAGRAPH = ("the summary's paragraph breaks are not in this file's text: read as one "
                 "paragraph, its italics unread")  # fmt: skip


@cache
def _leads() -> tuple[str, ...]:
    return tuple(flat(language(code).phrase("action_lead")) for code in available())


def _after_lead(text: str) -> str | None:
    """The text after the action required's lead, when ``text`` opens with one."""
    s = clean(text).strip()
    start = flat(s)
    lead = next((lead for lead in _leads() if lead and start.startswith(lead)), None)
    if lead is None:
        return None
    for k in range(len(s) + 1):  # the printed lead, however the line spaces it
        if flat(s[:k]) == lead:
            return s[k:].strip()
    return None


def read_summary(version: Version, placement: Placement | None) -> tuple[Summary | None, str]:
    """The summary of ``version`` (None when it has none) and, when its paragraphs are a
    guess, what was guessed."""
    box = summary_box([ln for ln in version.masthead if clean(ln.text).strip()])
    if not box:
        return None, ""
    lines = box[1:]
    action = next((k for k, ln in enumerate(lines) if _after_lead(ln.text) is not None), None)
    paras, acting = (lines, []) if action is None else (lines[:action], lines[action:])
    groups = paragraphs(paras, placement, lambda _: False, [acting] if acting else [])
    guess = ""
    if groups is None:
        groups, guess = ([paras] if paras else []), ONE_PARAGRAPH if len(paras) > 1 else ""
    if not guess and not all(_runs(placement, ln) for ln in lines):
        guess = UNREAD_ITALICS
    summary = Summary([_text(g, placement) for g in groups])
    if acting:
        first = _after_lead(acting[0].text) or ""
        summary.action = rejoined([t for t in (_text([acting[0]], placement, first),
                                             _text(acting[1:], placement)) if t])  # fmt: skip
    return summary, guess


def _runs(placement: Placement | None, ln: Line) -> bool:
    placed = placement.line(ln) if placement is not None else None
    return placed is not None and bool(placed.runs)


def _text(lines: list[Line], placement: Placement | None, first: str | None = None) -> str:
    parts = []
    for k, ln in enumerate(lines):
        s = first if k == 0 and first is not None else clean(ln.text).strip()
        placed = placement.line(ln) if placement is not None else None
        parts.append(emphasised(s.translate(ESCAPE), placed))
    return rejoined([p for p in parts if p])
