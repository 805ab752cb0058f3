"""The DOCX writer: python-docx and the OOXML it lacks."""

from habitat_docs.writers.docx.writer import write_docx

__all__ = ["write_docx"]
