"""Writers print composed documents; they never compute labels."""

from .docx import write_docx
from .pdf import write_pdf

__all__ = ["write_docx", "write_pdf"]
