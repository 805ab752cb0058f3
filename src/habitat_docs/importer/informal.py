"""What an informal document (an activity update: no symbol, no agenda line, no subtitle) gives
back that a parliamentary one prints elsewhere: its kind, told by what it lacks; its name,
from the file's; a session held online, as the venue line says; and the pre-session
documents its paragraphs cite, from the lines that open with them ("Pre-session document
HSP/EB.2020/2: …"), which become ``presession`` blocks and the ``documents`` list."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from habitat_docs.compose.language import figures_of, language
from habitat_docs.importer.lines import Version
from habitat_docs.importer.words import flat
from habitat_docs.model.document import KINDS
from habitat_docs.model.masthead import Session
from habitat_docs.model.symbol_find import FIND

__all__ = ["cited_documents", "informal_kind", "name_of", "online", "printed_masthead"]

Comments = dict[tuple[str | int, ...], str]
_MARK = "\x00"  # where the symbol stands in a rendered phrase
_VENUE_EDGES = " ,，、:：;；\t"
_DAY = dt.date(2020, 6, 29)  # any day: the venue line is rendered to find its word for online


def informal_kind(version: Version, code: str) -> str | None:
    """The kind of a document printed without subtitle and symbol: the one kind that needs
    neither, when the version labels its first section in that kind's style (1. and not I.)."""
    found = [cls for cls in KINDS.values() if not cls.parliamentary]
    first = next((it for ln in version.body for it in version.of(ln) if it.kind == "section"), None)
    if len(found) != 1 or first is None:
        return None
    printed = language(code).phrase("section", first.value, found[0].heading_style)
    return found[0].kind if flat(printed) == flat(first.label) else None


def name_of(path: str, code: str) -> str:
    """The name of a document's output files, from one version's file name without its
    language ("hsp-eb-2020-1-update-en.docx" → hsp-eb-2020-1-update), its other characters
    made those a name may have."""
    name = Path(path).stem.removesuffix(f"-{code}")
    name = re.sub(r"[^\w.-]+", "-", name).strip("-._")
    return name if re.match(r"[A-Za-z0-9]", name) else "document"


@cache
def printed_masthead(code: str) -> dict[str, str]:
    """The masthead lines of ``code`` by role, for a session held online on any day: the
    words every masthead prints the same (the organ, "Online")."""
    session = Session(_DAY.year, 1, _DAY, _DAY, online=True)
    lines = language(code).masthead(session=session, venue="", items=[], item_labels=[],
                                    symbol=None, title="", subtitle="", job_number=None)  # fmt: skip
    return dict(lines)


def _online_word(code: str) -> str:
    """What the venue line of ``code`` prints for a session held online ("Online", "在线")."""
    venue = printed_masthead(code).get("venue", "")
    return venue.replace(figures_of(code).dates(_DAY, _DAY), "").strip(_VENUE_EDGES)


def online(venues: dict[str, object]) -> bool:
    """Whether every version's venue is its language's word for a session held online."""
    return bool(venues) and all(
        isinstance(text, str) and text and flat(text) == flat(_online_word(code))
        for code, text in venues.items()
    )


@cache
def _presession(code: str) -> tuple[str, str]:
    """The words a pre-session line prints before and after the document's symbol."""
    before, _, after = language(code).phrase("presession", _MARK).partition(_MARK)
    return before.strip(), after.strip()


def _cites(code: str, text: str) -> tuple[str, str] | None:
    """(symbol, description) of a pre-session line of ``code``, else None."""
    before, after = _presession(code)
    if not before or not text.startswith(before):
        return None
    rest = text[len(before) :].lstrip()
    symbol = FIND.match(rest)
    if symbol is None or not rest[symbol.end() :].lstrip().startswith(after):
        return None
    description = rest[symbol.end() :].lstrip()[len(after) :].strip()
    return (symbol.group(0).strip(), description) if description else None


def _blocks(sections: Sequence[object]) -> Iterator[list[object]]:
    """Every list of content blocks of the sections and their subsections."""
    for section in sections:
        if isinstance(section, dict):
            if isinstance(section.get("content"), list):
                yield section["content"]
            yield from _blocks(section.get("subsections") or [])


def _doc_id(symbol: str) -> str:
    """An id that reads as the symbol it stands for (HSP/EB.2020/2 → hsp-eb-2020-2)."""
    return re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-")


def cited_documents(sections: list[dict[str, object]]) -> list[dict[str, object]]:
    """The documents cited by pre-session lines, each such unnumbered paragraph of
    ``sections`` made a ``presession`` block in place; a line counts only when every
    version opens with its language's words and the same symbol."""
    documents: dict[str, dict[str, object]] = {}
    for content in _blocks(sections):
        for k, block in enumerate(content):
            text = block.get("text") if isinstance(block, dict) else None
            if not isinstance(block, dict) or block.get("numbered") is not False:
                continue
            if not isinstance(text, dict) or block.keys() != {"text", "numbered"}:
                continue
            found = {code: _cites(code, t) for code, t in text.items()}
            symbols = {f[0] for f in found.values() if f is not None}
            if None in found.values() or len(symbols) != 1:
                continue
            symbol = symbols.pop()
            ref = documents.setdefault(symbol, {"id": _doc_id(symbol), "symbol": symbol})
            description = {code: f[1] for code, f in found.items() if f is not None}
            content[k] = {"presession": {"doc": ref["id"], "description": description}}
    return list(documents.values())
