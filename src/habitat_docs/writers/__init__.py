"""Writers print composed documents; they never compute labels."""

from habitat_docs.writers.docx.writer import write_docx
from habitat_docs.writers.pdf.writer import write_pdf

__all__ = ["write_docx", "write_pdf"]
