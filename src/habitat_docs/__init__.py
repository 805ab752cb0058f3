"""habitat-docs: typed data to UN-Habitat Executive Board documents in Chinese and English.

    >>> import habitat_docs as hd
    >>> doc = hd.load("examples/hsp-eb-2024-11.yaml")
    >>> hd.build(doc, "out", langs=("zh", "en"))       # writes HSP-EB.2024-11-zh.docx, …
    >>> data = hd.render(doc, "en", "docx")             # or bytes
"""

from .api import FORMATS, build, output_name, render
from .compose import compose
from .errors import DataError, Problem
from .language import available as languages
from .load import load, structure
from .model import (
    KINDS, Agenda, AgendaItem, Annex, Document, ExecutiveDirectorReport, Figure, Paragraph,
    SecretariatNote,
    Section, Session, Subparagraph, Subsection, Table, Text,
)  # fmt: skip
from .number import Label, Numbering, number
from .symbol import Symbol

__version__ = "0.1.0"

__all__ = [
    "load", "structure", "render", "build", "output_name", "compose", "number", "languages",
    "FORMATS", "KINDS", "DataError", "Problem", "Document", "ExecutiveDirectorReport", "SecretariatNote", "Text",
    "Symbol", "Session", "Agenda", "AgendaItem", "Section", "Subsection", "Paragraph",
    "Subparagraph", "Table", "Figure", "Annex", "Label", "Numbering",
]  # fmt: skip
