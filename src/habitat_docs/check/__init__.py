"""Check the numbering of Executive Board documents: DOCX and PDF files (ours or the UN's)
and plain text extracted from them.

    >>> from habitat_docs.check import check
    >>> report = check("tests/fixtures/seeds/003_2be419151ba7adaf.txt")
    >>> report.ok
    False
    >>> print(str(report).splitlines()[0])       # "FILE:PAGE:LINE: “opening words”: message"
    tests/fixtures/seeds/003_2be419151ba7adaf.txt:-:12: “- 2019 年 5 月，人居大会第一届会议核准了人居署…”: unnumbered ...
    >>> print(check("tests/fixtures/seeds/000_46c343e28f6b042d.txt").summary())
    tests/fixtures/seeds/000_46c343e28f6b042d.txt: ok — 27 paragraphs, 11 sections, 13 subparagraphs

A DOCX finding is located by paragraph, in document order: ``FILE:¶19 “opening words”: message``.
``report.counts`` says what each file holds (paragraphs, sections, subsections,
subparagraphs, footnotes, annexes). A data file (YAML, JSON, TOML) is checked without
building: ``check`` raises the DataError ``build`` would, or counts each language version.

``parity(path, other_path, …)`` compares language versions of one document the same way: any
two of the six languages, or several files at once (each against the first, or every pair).

A pipeline of small steps: read (reader: text, pdf, docx) → classify lines into label tokens →
resolve them in context into numbering streams → check each stream, the running heads and,
for two language versions, their parity.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence

from attrs import evolve

from habitat_docs.check.classify import classify
from habitat_docs.check.data import check_data, is_data
from habitat_docs.check.document import DocumentText
from habitat_docs.check.findings import CheckError, Counts, Finding, Report
from habitat_docs.check.heads import check_heads
from habitat_docs.check.parity import compare
from habitat_docs.check.quote import placed
from habitat_docs.check.reader import from_text, read
from habitat_docs.check.resolve import Structure, resolve
from habitat_docs.check.sequence import check_sequences

__all__ = [
    "CheckError",
    "Counts",
    "DocumentText",
    "Finding",
    "Report",
    "Structure",
    "TRACKED_NOTE",
    "check",
    "check_document",
    "check_text",
    "parity",
    "parity_pairs",
    "structure",
]

# Footnotes: DOCX files say exactly which marks the text carries; PDF and plain text only
# show the footnotes themselves.
_STREAMS = {
    "docx": ("para", "operative", "section", "subsection", "heading", "sub", "figure", "table", "annex", "ref"),
    "pdf": ("para", "operative", "section", "subsection", "heading", "sub", "figure", "table", "annex", "note"),
    "text": ("para", "operative", "section", "subsection", "heading", "sub", "figure", "table", "annex", "note"),
}
TRACKED_NOTE = "has tracked changes: checked as it reads with all changes accepted"
_NUMBERED = frozenset({"para", "section", "subsection", "heading", "sub"})


def structure(document: DocumentText) -> Structure:
    """The resolved labels of a document read back."""
    return resolve(document, classify(document.lines))


def check_document(document: DocumentText, *, require_document: bool = False) -> Report:
    """Check a document read back; ``require_document``: CheckError unless it has numbered
    paragraphs, headings or subparagraphs."""
    st = structure(document)
    if require_document and not any(it.kind in _NUMBERED for it in st.items):
        raise CheckError("no numbered paragraphs, headings or subparagraphs: not a document")
    streams = _STREAMS[document.kind]
    findings = [*st.findings, *check_sequences(st, streams), *check_heads(st)]
    notes = (f"{document.name}: {TRACKED_NOTE}",) if document.tracked_changes else ()
    return Report(tuple(placed(findings, [document])), (document.name,), (counts(st, streams),), notes)


def counts(st: Structure, streams: Sequence[str] = _STREAMS["text"]) -> Counts:
    """What a document holds, counted from its labels: footnotes are the marks in the text
    where ``streams`` checks them (DOCX), else the footnotes themselves."""
    kinds = Counter(it.kind for it in st.items)
    return Counts(
        st.document.name,
        paragraphs=kinds["para"] + kinds["operative"],
        sections=kinds["section"],
        subsections=kinds["subsection"],
        subparagraphs=kinds["sub"],
        footnotes=kinds["ref" if "ref" in streams else "note"],
        annexes=kinds["annex"],
    )


def check(path: str | os.PathLike[str], *, kind: str | None = None) -> Report:
    """Check one file: ``kind`` is text, docx or pdf (sniffed from the content when None).
    Raises CheckError when the file cannot be read or is not a document. A data file (by
    its name, when ``kind`` is None) is checked without building (check.data)."""
    if kind is None and is_data(path):
        return check_data(path)
    try:
        return check_document(read(path, kind), require_document=True)
    except CheckError as e:
        e.file = e.file or str(path)
        raise


def check_text(text: str, name: str = "<text>") -> Report:
    """Check plain text, such as a PDF's extracted text (form feeds separate pages)."""
    return check_document(from_text(text, name))


def parity(
    path: str | os.PathLike[str],
    *others: str | os.PathLike[str],
    kind: str | None = None,
    every_pair: bool = False,
) -> Report:
    """Compare language versions: sections, paragraphs, subparagraphs per paragraph,
    footnotes, figures, tables and the UN symbols they cite. Each of ``others`` is compared
    with ``path``, or, with ``every_pair``, every file with every other. Each finding names
    the file it is in, and its message the file it was compared with."""
    pairs = parity_pairs(path, *others, kind=kind, every_pair=every_pair)
    names = dict.fromkeys(name for a, b, _ in pairs for name in (a, b))
    held = {c.file: c for *_, r in pairs for c in r.counts}
    return Report(tuple(f for *_, r in pairs for f in r.findings), tuple(names), tuple(held.values()))


def parity_pairs(
    path: str | os.PathLike[str],
    *others: str | os.PathLike[str],
    kind: str | None = None,
    every_pair: bool = False,
) -> list[tuple[str, str, Report]]:
    """(file, other file, their report) for each pair ``parity`` compares, in order."""
    if not others:
        raise TypeError("parity needs at least two files")
    docs = [read(p, kind) for p in (path, *others)]
    structures = [structure(d) for d in docs]
    n = len(docs)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)] if every_pair else [(0, j) for j in range(1, n)]
    held = [counts(st, _STREAMS[d.kind]) for st, d in zip(structures, docs, strict=True)]
    return [
        (docs[i].name, docs[j].name,
         Report(tuple(evolve(f, other=docs[j].name if f.file == docs[i].name else docs[i].name)
                      for f in placed(compare(structures[i], structures[j]), docs)),
                (docs[i].name, docs[j].name), (held[i], held[j])))
        for i, j in pairs
    ]  # fmt: skip
