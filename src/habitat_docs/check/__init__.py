"""Check the numbering of Executive Board documents: DOCX and PDF files (ours or the UN's)
and plain text extracted from them.

    >>> from habitat_docs.check import check
    >>> report = check("tests/fixtures/seeds/003_2be419151ba7adaf.txt")
    >>> report.ok
    False
    >>> print(str(report).splitlines()[0])       # "FILE:PAGE:LINE: message" lines
    tests/fixtures/seeds/003_2be419151ba7adaf.txt:-:12: unnumbered item ('-' bullet) where ...

``parity(path, other_path, …)`` compares language versions of one document the same way: any
two of the six languages, or several files at once (each against the first, or every pair).

A pipeline of small steps: read (reader: text, pdf, docx) → classify lines into label tokens →
resolve them in context into numbering streams → check each stream, the running heads and,
for two language versions, their parity.
"""

from __future__ import annotations

import os

from habitat_docs.check.classify import classify
from habitat_docs.check.document import DocumentText
from habitat_docs.check.findings import CheckError, Finding, Report
from habitat_docs.check.heads import check_heads
from habitat_docs.check.parity import compare
from habitat_docs.check.reader import from_text, read
from habitat_docs.check.resolve import Structure, resolve
from habitat_docs.check.sequence import check_sequences

__all__ = [
    "CheckError",
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
    findings = [*st.findings, *check_sequences(st, _STREAMS[document.kind]), *check_heads(st)]
    notes = (f"{document.name}: {TRACKED_NOTE}",) if document.tracked_changes else ()
    return Report(tuple(findings), (document.name,), notes)


def check(path: str | os.PathLike[str], *, kind: str | None = None) -> Report:
    """Check one file: ``kind`` is text, docx or pdf (sniffed from the content when None).
    Raises CheckError when the file cannot be read or is not a document."""
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
    return Report(tuple(f for *_, r in pairs for f in r.findings), tuple(names))


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
    return [
        (docs[i].name, docs[j].name, Report(tuple(compare(structures[i], structures[j])), (docs[i].name, docs[j].name)))
        for i, j in pairs
    ]
