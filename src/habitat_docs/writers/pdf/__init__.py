"""The Typst PDF writer: the composed tree as JSON, printed by ``un.typ``; fonts."""

from habitat_docs.writers.pdf.writer import PdfError, write_pdf

__all__ = ["PdfError", "write_pdf"]
