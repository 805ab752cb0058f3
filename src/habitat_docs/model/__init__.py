"""The document model: document kinds, Text, UN symbols, inline markup and facts, as frozen attrs values."""

from habitat_docs.model.blocks import (
    BLOCK_TYPES,
    MAX_SUBPARAGRAPH_DEPTH,
    Block,
    DraftDecision,
    Figure,
    Operative,
    Paragraph,
    PreSession,
    Subparagraph,
    Table,
    TableNote,
    TargetBox,
)  # fmt: skip
from habitat_docs.model.document import (
    KINDS,
    ActivityUpdate,
    Document,
    ExecutiveDirectorReport,
    SecretariatNote,
    StrategyProgressNote,
)  # fmt: skip
from habitat_docs.model.masthead import (
    Agenda,
    AgendaItem,
    Artwork,
    DocumentRef,
    ExecutiveDirector,
    Session,
)  # fmt: skip
from habitat_docs.model.nodes import texts, walk
from habitat_docs.model.sections import Annex, Section, Subsection
from habitat_docs.model.summary import Summary
from habitat_docs.model.symbol import Symbol
from habitat_docs.model.text import MAX_TEXT, UN_LANGUAGES, Text, in_un_order

__all__ = [
    # documents
    "KINDS", "Document", "ExecutiveDirectorReport", "SecretariatNote", "StrategyProgressNote",
    "ActivityUpdate",
    # parts
    "Text", "MAX_TEXT", "Symbol", "Session", "Agenda", "AgendaItem", "Artwork", "DocumentRef", "ExecutiveDirector",
    "Section",
    "Subsection", "Annex", "Block", "BLOCK_TYPES", "Paragraph", "Subparagraph",
    "MAX_SUBPARAGRAPH_DEPTH", "Table", "TableNote", "Figure", "TargetBox", "PreSession",
    "DraftDecision", "Operative", "Summary",
    # languages
    "UN_LANGUAGES", "in_un_order",
    # traversal
    "walk", "texts",
]  # fmt: skip
