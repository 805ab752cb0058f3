"""The kinds of target one reference may name together, as the builder groups them."""

from __future__ import annotations

from habitat_docs.number import Label

__all__ = ["NO_ANNEX_PIN", "REF_KIND", "root"]

# Label kinds a reference can group under, and the wording kind it uses.
REF_KIND = {"paragraph": "paragraph", "subparagraph": "paragraph", "section": "section",
            "subsection": "section", "figure": "figure", "table": "table", "annex": "annex",
            "operative": "operative", "decision": "decision"}  # fmt: skip
# Kinds whose references name no annex: a draft decision is one, wherever it stands.
NO_ANNEX_PIN = frozenset({"annex", "operative", "decision"})


def root(lab: Label) -> Label:
    """The paragraph a subparagraph hangs from (a body paragraph or an operative one)."""
    node = lab
    while node.kind == "subparagraph" and node.parent is not None and node.parent.number:
        node = node.parent
    return node if node.kind == "operative" else lab
