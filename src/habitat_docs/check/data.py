"""A data file checked without building: loaded, numbered and composed in each of its
languages, so it fails with the errors ``build`` gives, and counted from its numbering."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from habitat_docs.check.findings import Counts, Report
from habitat_docs.compose.composer import compose
from habitat_docs.errors import DataError
from habitat_docs.load import load_with_lines
from habitat_docs.load.parse import SUFFIXES
from habitat_docs.model import in_un_order
from habitat_docs.number import Numbering, number

__all__ = ["check_data", "is_data"]


def is_data(path: str | os.PathLike[str]) -> bool:
    """A data file (YAML, JSON, TOML), by its name."""
    return Path(path).suffix.lower() in SUFFIXES


def check_data(path: str | os.PathLike[str]) -> Report:
    """A Report without findings, counting each language version; a DataError (the one
    ``build`` raises, naming file, line and field) when the file is invalid. The language
    versions are equal in number by construction: one model holds every language."""
    name = str(path)
    doc, lines = load_with_lines(Path(path))
    numbering = number(doc)
    langs = in_un_order(doc.languages)
    try:
        for lang in langs:
            compose(doc, lang, numbering)
    except DataError as e:
        raise e.located(name, lines) from None
    return Report((), (name,), tuple(_counts(name, lang, numbering) for lang in langs))


def _counts(file: str, lang: str, numbering: Numbering) -> Counts:
    kinds = Counter(label.kind for label in numbering.labels.values())
    return Counts(
        file,
        lang,
        paragraphs=kinds["paragraph"] + kinds["operative"],
        sections=kinds["section"],
        subsections=kinds["subsection"],
        subparagraphs=kinds["subparagraph"],
        footnotes=numbering.footnotes,
        annexes=kinds["annex"],
    )
