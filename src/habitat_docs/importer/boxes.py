"""Target boxes read back: the box's title ("Targets", "目标"), printed by the templates, opens
it; the bulleted lines under it are its targets."""

from __future__ import annotations

from functools import cache

from habitat_docs.check.document import Line
from habitat_docs.compose.language import available, language
from habitat_docs.importer.words import flat

__all__ = ["opens_box"]


@cache
def _titles() -> frozenset[str]:
    return frozenset(flat(language(code).phrase("targets_title")) for code in available())


def opens_box(ln: Line) -> bool:
    """Whether ``ln`` is a target box's title, in any language: a DOCX sets it in the box's
    own style, a PDF in bold."""
    if ln.style is not None and ln.style != "UNBox":
        return False
    return ln.bold is not False and flat(ln.text) in _titles()
