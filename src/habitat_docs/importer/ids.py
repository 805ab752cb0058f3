"""Ids that read, made from a heading or title: its first significant words, lowercased and
joined by hyphens ("Executive and strategic direction" → executive-strategic-direction), from
the first version written in Latin letters (the English one, in the UN's order of languages),
kept unique within the document."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from habitat_docs.model.characters import ID

__all__ = ["Ids", "ascii_id"]

# Words an id leaves out: they would only lengthen it. English, because an id is made from
# the English text when the document has one.
_SMALL = frozenset("a an and at by for from in into of on or the to with its their".split())
_WORD = re.compile(r"\w+")
_WORDS = 3
_CHARS = 24  # an unspaced script (Chinese) gives one long "word": its first characters


class Ids:
    """The ids given so far in one document; ``make`` gives the next, unique."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, texts: Sequence[str], fallback: str) -> str:
        """An id from the first of ``texts`` (one per version) whose words start with a Latin
        letter, as an id must; else ``fallback`` (a kind: section, table), numbered."""
        base = next((b for b in map(_slug, texts) if ID.match(b)), fallback)
        found, n = base, 2
        while found in self.taken:
            found, n = f"{base}-{n}", n + 1
        self.taken.add(found)
        return found


def _slug(text: str) -> str:
    text = re.sub(r"\{[^}]*\}", " ", text)  # markup: notes, facts, table note marks
    words = [w.lower() for w in _WORD.findall(text) if w.lower() not in _SMALL]
    return ascii_id("-".join(w[:_CHARS] for w in words[:_WORDS]).replace("_", "-"))


def ascii_id(text: str) -> str:
    """An id in ASCII letters, as ids must be: "général-para-2" → general-para-2 (accents
    dropped; a letter with no ASCII form left out)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"-{2,}", "-", plain).strip("-")
