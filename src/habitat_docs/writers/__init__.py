"""Writers print composed documents; they never compute labels."""

from .docx import write_docx

__all__ = ["write_docx"]
