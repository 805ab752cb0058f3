"""Writers print composed documents; they never compute labels."""

from __future__ import annotations

from habitat_docs.compose.tree import Composed
from habitat_docs.writers.docx.writer import write_docx
from habitat_docs.writers.pdf.writer import write_pdf

__all__ = ["FORMATS", "write", "write_docx", "write_pdf"]

# The formats a document is written in, each with its writer.
FORMATS = ("docx", "pdf")


def write(c: Composed, fmt: str, pdf_standard: str | None = None) -> bytes:
    """``c`` written in ``fmt`` (``pdf_standard``: the PDF/A or PDF/UA it declares)."""
    if fmt == "docx":
        return write_docx(c)
    if fmt == "pdf":
        return write_pdf(c, standard=pdf_standard)
    raise ValueError(f"unknown format '{fmt}' (available: {', '.join(FORMATS)})")
