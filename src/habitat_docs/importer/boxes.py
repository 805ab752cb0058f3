"""Boxes read back by their titles, printed by the templates: a target box's ("Targets", "目标")
opens it, the bulleted lines under it its targets; the summary's ("Summary", "摘要") opens the
summary box of a PDF or text file, which holds the rest of the masthead."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from habitat_docs.check.document import Line
from habitat_docs.compose.language import available, language
from habitat_docs.importer.words import flat

__all__ = ["opens_box", "summary_box"]


@cache
def _titles(name: str = "targets_title") -> frozenset[str]:
    return frozenset(flat(language(code).phrase(name)) for code in available())


def opens_box(ln: Line) -> bool:
    """Whether ``ln`` is a target box's title, in any language: a DOCX sets it in the box's
    own style, a PDF in bold."""
    if ln.style is not None and ln.style != "UNBox":
        return False
    return ln.bold is not False and flat(ln.text) in _titles()


def summary_box(masthead: Sequence[Line]) -> list[Line]:
    """The lines of a PDF's or text file's summary box, its title first: from the title to
    the end of the masthead (the body starts below it). Nothing in a DOCX: it has its own
    style."""
    for k, ln in enumerate(masthead):
        if ln.style is None and ln.bold is not False and flat(ln.text) in _titles("summary_title"):
            return list(masthead[k:])
    return []
