"""habitat-docs: typed data to UN-Habitat Executive Board documents, and their numbering checked.

    >>> import tempfile
    >>> import habitat_docs as hd
    >>> doc = hd.load("examples/hsp-eb-2024-11.yaml")
    >>> [path.name for path in hd.build(doc, tempfile.mkdtemp(), langs=("zh", "en"))]
    ['HSP-EB.2024-11-zh.docx', 'HSP-EB.2024-11-en.docx']
    >>> hd.render(doc, "en", "pdf")[:5]                  # or bytes
    b'%PDF-'
"""

from habitat_docs.api import FORMATS, build, output_name, render
from habitat_docs.compose.composer import compose
from habitat_docs.compose.language import available as languages
from habitat_docs.compose.language import render as render_fact
from habitat_docs.errors import DataError, Problem
from habitat_docs.importer import Imported, ImportFailed, MisalignedError, import_document
from habitat_docs.load import load, structure
from habitat_docs.model import (
    KINDS,
    ActivityUpdate,
    Agenda,
    AgendaItem,
    Annex,
    Artwork,
    Document,
    DocumentRef,
    DraftDecision,
    ExecutiveDirector,
    ExecutiveDirectorReport,
    Figure,
    Operative,
    Paragraph,
    PreSession,
    SecretariatNote,
    Section,
    Session,
    StrategyProgressNote,
    Subparagraph,
    Subsection,
    Summary,
    Symbol,
    Table,
    TableNote,
    TargetBox,
    Text,
    facts,
)  # fmt: skip
from habitat_docs.model.facts import (
    Count,
    CycleYear,
    Date,
    DateRange,
    Fact,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
)  # fmt: skip
from habitat_docs.number import Label, Numbering, number
from habitat_docs.version import __version__ as __version__

__all__ = [
    # pipeline
    "load", "structure", "number", "compose", "render", "build", "output_name", "render_fact",
    "languages", "FORMATS", "KINDS", "DataError", "Problem", "facts",
    # reading documents back
    "import_document", "Imported", "ImportFailed", "MisalignedError",
    # document kinds
    "Document", "ExecutiveDirectorReport", "SecretariatNote", "StrategyProgressNote",
    "ActivityUpdate",
    # parts
    "Text", "Symbol", "Session", "Agenda", "AgendaItem", "DocumentRef", "Section", "Subsection",
    "Paragraph", "Subparagraph", "Table", "TableNote", "Figure", "TargetBox", "PreSession", "Annex",
    "Summary", "DraftDecision", "Operative", "Label", "Numbering", "Artwork", "ExecutiveDirector",
    # facts
    "Fact", "Money", "Percent", "Date", "DateRange", "YearRange", "CycleYear", "Count", "Ordinal",
    "SessionRef", "Quarter", "Half",
]  # fmt: skip
