"""Diff: two versions of one document, paragraph by paragraph in each language.

``diff(old, new)`` reads two files (data files, or built DOCX, PDF or text, or one of each)
and gives a ``Difference``: every section, paragraph, subparagraph … added, removed, changed
or renumbered (old label → new label), with its id. The labels come from the numbering of
each version (``number``), so a paragraph inserted before paragraph 5 makes 5 → 6, 6 → 7 …
renumbered, not changed. Units are paired by id where both versions give it (data files),
the rest by their sequence and the likeness of their texts (difflib). Between data files the
texts compared are the markup as written; with a built document, the text as printed."""

from __future__ import annotations

import os

from habitat_docs.diff.match import LIKENESS, Change, compare
from habitat_docs.diff.report import Difference
from habitat_docs.diff.sources import DiffError, Version, read
from habitat_docs.diff.units import Unit, units
from habitat_docs.model import in_un_order
from habitat_docs.number import number

__all__ = ["LIKENESS", "Change", "DiffError", "Difference", "Unit", "Version", "diff",
           "diff_versions"]  # fmt: skip


def diff(old: str | os.PathLike[str], new: str | os.PathLike[str]) -> Difference:
    """The changes from the file ``old`` to the file ``new``; DiffError when either cannot
    be read (the message names the file)."""
    return diff_versions(read(old), read(new))


def diff_versions(old: Version, new: Version) -> Difference:
    """The changes from ``old`` to ``new``, in each language both have."""
    langs_old, langs_new = old.document.languages, new.document.languages
    compared = in_un_order(langs_old & langs_new)
    one_side = in_un_order(langs_old ^ langs_new)
    built = old.built or new.built
    markup = not built
    labels_old, labels_new = number(old.document).labels, number(new.document).labels
    changes = [
        change
        for lang in compared
        for change in compare(
            lang,
            units(old.document, lang, markup, not old.built, labels_old),
            units(new.document, lang, markup, not new.built, labels_new),
            by_id=not built,
        )
    ]
    return Difference(
        old.file,
        new.file,
        compared,
        added=() if built else in_un_order(langs_new - langs_old),
        removed=() if built else in_un_order(langs_old - langs_new),
        not_compared=one_side if built else (),
        changes=tuple(changes),
    )
