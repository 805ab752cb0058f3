"""An annex's line "[Original: French]": the language it was written in, told by rendering
what every language's templates print for each language."""

from __future__ import annotations

from functools import cache

from habitat_docs.check.document import Line
from habitat_docs.compose.language import available, language
from habitat_docs.importer.words import flat

__all__ = ["original_of"]


@cache
def _originals() -> dict[str, str]:
    """The printed line, compared flat, to the code of the language it names."""
    codes = available()
    return {flat(language(lang).phrase("annex_original", code)): code
            for lang in codes for code in codes}  # fmt: skip


def original_of(ln: Line) -> str | None:
    """The language ``ln`` says an annex was written in, when it is that line."""
    return _originals().get(flat(ln.text))
