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
from collections.abc import Collection

from habitat_docs.diff.match import LIKENESS, Change, compare
from habitat_docs.diff.report import Difference
from habitat_docs.diff.sources import DiffError, Version, read
from habitat_docs.diff.units import Unit, units
from habitat_docs.model import in_un_order
from habitat_docs.number import number

__all__ = ["LIKENESS", "Change", "DiffError", "Difference", "Unit", "Version", "diff",
           "diff_versions"]  # fmt: skip


def diff(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    langs: Collection[str] | None = None,
) -> Difference:
    """The changes from the file ``old`` to the file ``new`` (in ``langs`` alone when
    given); DiffError when either cannot be read (the message names the file) or the two
    have no language to compare."""
    return diff_versions(read(old), read(new), langs)


def diff_versions(old: Version, new: Version, langs: Collection[str] | None = None) -> Difference:
    """The changes from ``old`` to ``new``, in each language both have (or in ``langs``,
    which both must have)."""
    langs_old, langs_new = old.document.languages, new.document.languages
    _comparable(old, new, langs)
    compared = in_un_order(set(langs) if langs else langs_old & langs_new)
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
    chosen = langs is not None and bool(langs)
    return Difference(
        old.file,
        new.file,
        compared,
        added=() if built or chosen else in_un_order(langs_new - langs_old),
        removed=() if built or chosen else in_un_order(langs_old - langs_new),
        not_compared=in_un_order((langs_old | langs_new) - set(compared))
        if built or chosen
        else (),
        changes=tuple(changes),
    )


def _comparable(old: Version, new: Version, langs: Collection[str] | None) -> None:
    """DiffError when a language asked for is missing from a version, or when the versions
    have none in common (an English DOCX and a Chinese one)."""
    for version in (old, new):
        missing = in_un_order(set(langs or ()) - version.document.languages)
        if missing:
            held = ", ".join(in_un_order(version.document.languages))
            raise DiffError(f"{version.file}: no {', '.join(missing)} version (it holds {held})")
    if not old.document.languages & new.document.languages:
        raise DiffError(
            f"{old.file} ({', '.join(in_un_order(old.document.languages))}) and {new.file} "
            f"({', '.join(in_un_order(new.document.languages))}) have no language in common"
        )
