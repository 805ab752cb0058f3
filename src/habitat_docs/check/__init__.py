"""Check the numbering of Executive Board documents: DOCX and PDF files (ours or the UN's)
and plain text extracted from them.

    >>> from habitat_docs.check import check
    >>> report = check("tests/fixtures/seeds/003_2be419151ba7adaf.txt")
    >>> report.ok
    False
    >>> print(str(report).splitlines()[0])       # "FILE:PAGE:LINE: message" lines
    tests/fixtures/seeds/003_2be419151ba7adaf.txt:-:12: unnumbered item ('-' bullet) where ...

``parity(path, other_path)`` compares two language versions of one document the same way.

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
    "check",
    "check_document",
    "check_text",
    "parity",
    "structure",
]

# Footnotes: DOCX files say exactly which marks the text carries; PDF and plain text only
# show the footnotes themselves.
_STREAMS = {
    "docx": ("para", "operative", "section", "subsection", "sub", "figure", "table", "annex", "ref"),
    "pdf": ("para", "operative", "section", "subsection", "sub", "figure", "table", "annex", "note"),
    "text": ("para", "operative", "section", "subsection", "sub", "figure", "table", "annex", "note"),
}
_NUMBERED = frozenset({"para", "section", "subsection", "sub"})


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
    return Report(tuple(findings), (document.name,))


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
    path: str | os.PathLike[str], other_path: str | os.PathLike[str], *, kind: str | None = None
) -> Report:
    """Compare two language versions: sections, paragraphs, subparagraphs per paragraph,
    footnotes, figures, tables and the UN symbols they cite."""
    a, b = read(path, kind), read(other_path, kind)
    return Report(tuple(compare(structure(a), structure(b))), (a.name, b.name))
