"""How one language prints the references to a document's targets, for readers of printed
text (the importer finds them again): the composer's own wording, nothing restated."""

from __future__ import annotations

import re

from habitat_docs.compose.composer import composer_for
from habitat_docs.compose.language import Language
from habitat_docs.compose.reference_kinds import NO_ANNEX_PIN, REF_KIND, root
from habitat_docs.model import Document
from habitat_docs.number import Label, Numbering

__all__ = ["PINS", "ReferenceWording", "form_pattern"]


class ReferenceWording:
    """The references of ``doc`` in language ``lang`` as the builder prints them."""

    def __init__(self, doc: Document, lang: str, numbering: Numbering) -> None:
        self._composer = composer_for(doc, lang, numbering)
        self.language: Language = self._composer.lang

    def reference(self, targets: tuple[str, ...], long: bool = False) -> str:
        """The printed reference to ``targets`` (ids of ``doc``): "paras. 4 and 5", or when
        ``long`` "paragraphs 4 and 5"."""
        return self._composer.reference(targets, (), long)

    def pin(self, label: Label) -> str:
        """A target's pinpoint inside a reference: "15", "5 (e)", "XI", "十一"."""
        return self._composer.pin(label)

    def group(self, label: Label) -> tuple[str, str | None]:
        """The wording kind a reference to ``label`` prints with ("paragraph" for a
        subparagraph too) and its annex pinpoint (None in the body): one reference names
        targets of one group only."""
        kind = REF_KIND[root(label).kind]
        annex = label.annex
        if annex is None or kind in NO_ANNEX_PIN:
            return kind, None
        return kind, self.language.phrase("pin_annex", annex.number, self._composer.num.annexes)


# Stand-ins for the numbers a reference prints: rendered in their place, the wording of a
# reference becomes a pattern that readers of printed text (importer, lint) look for.
PINS = ("\ue000", "\ue001", "\ue002")


def form_pattern(form: str, pin: str) -> str:
    """A reference rendered with ``PINS`` as a regular expression: each pinpoint ``pin``, its
    spaces any space, its first letter in either case (a reference may open a sentence)."""
    out: list[str] = []
    for k, ch in enumerate(form):
        if ch in PINS:
            out.append(pin)
        elif ch.isspace():
            out.append(r"\s+")
        elif k == 0 and ch.lower() != ch.upper():
            out.append(f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]")
        else:
            out.append(re.escape(ch))
    return "".join(out).replace(r"\s+\s+", r"\s+")
