"""habitat-docs: typed data to UN-Habitat Executive Board documents in Chinese and English.

    >>> import habitat_docs as hd
    >>> doc = hd.load("examples/hsp-eb-2024-11.yaml")
    >>> hd.build(doc, "out", langs=("zh", "en"))       # writes HSP-EB.2024-11-zh.docx, …
    >>> data = hd.render(doc, "en", "docx")             # or bytes
"""

from . import facts
from .api import FORMATS, build, output_name, render
from .compose import compose
from .errors import DataError, Problem
from .facts import render as render_fact
from .language import available as languages
from .load import load, structure
from .model import (
    KINDS,
    ActivityUpdate,
    Agenda,
    AgendaItem,
    Annex,
    Document,
    DocumentRef,
    ExecutiveDirectorReport,
    Figure,
    Paragraph,
    PreSession,
    SecretariatNote,
    Section,
    Session,
    StrategyProgressNote,
    Subparagraph,
    Subsection,
    Table,
    TargetBox,
    Text,
)  # fmt: skip
from .number import Label, Numbering, number
from .symbol import Symbol

__version__ = "0.1.0"

__all__ = [
    # pipeline
    "load", "structure", "number", "compose", "render", "build", "output_name", "render_fact",
    "languages", "FORMATS", "KINDS", "DataError", "Problem", "facts",
    # document kinds
    "Document", "ExecutiveDirectorReport", "SecretariatNote", "StrategyProgressNote",
    "ActivityUpdate",
    # parts
    "Text", "Symbol", "Session", "Agenda", "AgendaItem", "DocumentRef", "Section", "Subsection",
    "Paragraph", "Subparagraph", "Table", "Figure", "TargetBox", "PreSession", "Annex", "Label",
    "Numbering",
]  # fmt: skip
