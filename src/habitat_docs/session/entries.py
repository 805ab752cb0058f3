"""The documents a session file lists: each one's id, data file, agenda items, kind and symbol."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

from attrs import frozen

from habitat_docs.errors import DataError, Path, Problem, did_you_mean
from habitat_docs.load import structure_as
from habitat_docs.model import KINDS, AgendaItem
from habitat_docs.model.symbol import Symbol
from habitat_docs.session.agenda import AGENDA_ID, ProvisionalAgenda, id_problem
from habitat_docs.session.allocation import Request
from habitat_docs.session.checks import outside_folder, unknown_fields

__all__ = ["ENTRY_FIELDS", "Entry", "read_entries"]

ENTRY_FIELDS = ("id", "file", "items", "kind", "symbol", "addendum_of")


@frozen
class Entry:
    """One document of the session, as the session file lists it."""

    id: str
    file: FsPath
    position: int  # index in the session file's documents list
    items: tuple[AgendaItem, ...] = ()
    item_positions: tuple[int, ...] = ()  # indexes of those items in the session's agenda
    kind: str | None = None
    symbol: Symbol | None = None  # fixed in the session file
    addendum_of: str | None = None


def carries_symbol(kind: str | None) -> bool:
    """Whether a document of this kind carries a symbol (an informal one does not)."""
    return kind is None or getattr(KINDS[kind], "parliamentary", True)


def read_entries(
    raw: Any, base_dir: FsPath, agenda: ProvisionalAgenda
) -> tuple[list[Entry], list[Request], list[Problem]]:
    """The session file's ``documents:``: the valid entries, what allocation needs of each
    document with a usable id, and every problem."""
    if not isinstance(raw, list) or not raw:
        message = "list the session's documents: [{id, file, items}, …]"
        return [], [], [Problem(message, ("documents",))]
    entries: list[Entry] = []
    requests: list[Request] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}  # id -> position in the list
    for i, d in enumerate(raw):
        here: Path = ("documents", i)
        if not isinstance(d, Mapping):
            problems.append(Problem("expected a document: {id: …, file: …, items: […]}", here))
            continue
        problems += unknown_fields(d, ENTRY_FIELDS, here)
        doc_id, id_problems = _read_id(d.get("id"), here, seen)
        problems += id_problems
        if doc_id is None:
            continue
        seen[doc_id] = i
        request, entry, probs = _entry(doc_id, d, i, base_dir, agenda)
        problems += probs
        requests.append(request)
        if entry is not None and not id_problems:
            entries.append(entry)
    return entries, requests, problems


def _read_id(raw: Any, here: Path, seen: Mapping[str, int]) -> tuple[str | None, list[Problem]]:
    """A document's id, None when the document cannot be read on (no id, an invalid one,
    one used before); and the problems."""
    path = (*here, "id")
    if raw is None:
        return None, [Problem("required field is missing", path)]
    if (problem := id_problem(raw)) is not None:
        return None, [Problem(problem, path)]
    doc_id = str(raw)
    problems = []
    if doc_id == AGENDA_ID:
        message = f"'{AGENDA_ID}' is the id of the provisional agenda; choose another"
        problems.append(Problem(message, path))
    if doc_id in seen:
        problems.append(
            Problem(f"id '{doc_id}' is already used by documents[{seen[doc_id]}]", path)
        )
        return None, problems
    return doc_id, problems


def _entry(
    doc_id: str, d: Mapping[str, Any], position: int, base_dir: FsPath, agenda: ProvisionalAgenda
) -> tuple[Request, Entry | None, list[Problem]]:
    """One listed document: what allocation needs of it, the entry (None when anything is
    wrong with it) and the problems."""
    here: Path = ("documents", position)
    file, problems = _file(d.get("file"), here, base_dir)
    kind, probs = _kind(d.get("kind"), here)
    problems += probs
    symbol, probs = _symbol(d.get("symbol"), here)
    problems += probs
    addendum_of, probs = _addendum_of(d.get("addendum_of"), here)
    problems += probs
    positions, probs = _items(d.get("items"), here, carries_symbol(kind), agenda)
    problems += probs
    request = Request(doc_id, symbol, addendum_of, carries_symbol(kind))
    if problems or file is None:
        return request, None, problems
    entry = Entry(
        id=doc_id,
        file=base_dir / file,
        position=position,
        items=tuple(agenda.items[k] for k in positions),
        item_positions=tuple(positions),
        kind=kind,
        symbol=symbol,
        addendum_of=addendum_of,
    )
    return request, entry, problems


def _file(file: Any, here: Path, base_dir: FsPath) -> tuple[str | None, list[Problem]]:
    if not isinstance(file, str) or not file.strip():
        message = (
            "required field is missing" if file is None else "expected the name of a data file"
        )
        return None, [Problem(message, (*here, "file"))]
    if (outside := outside_folder(base_dir, file)) is not None:
        return None, [Problem(outside, (*here, "file"))]
    return file, []


def _kind(kind: Any, here: Path) -> tuple[str | None, list[Problem]]:
    if kind is None or kind in KINDS:
        return kind, []
    message = f"unknown document kind {kind!r}{did_you_mean(str(kind), KINDS)} (known: {', '.join(KINDS)})"
    return None, [Problem(message, (*here, "kind"))]


def _symbol(raw: Any, here: Path) -> tuple[Symbol | None, list[Problem]]:
    """The symbol the session file fixes for a document, if any."""
    if raw is None:
        return None, []
    try:
        return structure_as(raw, Symbol), []
    except DataError as e:
        return None, [Problem(p.message, (*here, "symbol", *p.path)) for p in e.problems]


def _addendum_of(raw: Any, here: Path) -> tuple[str | None, list[Problem]]:
    if raw is None or isinstance(raw, str):
        return raw, []
    return None, [
        Problem("expected the id of another document (or 'agenda')", (*here, "addendum_of"))
    ]


def _items(
    raw: Any, here: Path, numbered: bool, agenda: ProvisionalAgenda
) -> tuple[list[int], list[Problem]]:
    """The positions, in agenda order, of the agenda items a document is listed under."""
    path = (*here, "items")
    if raw is None:
        if not numbered:
            return [], []
        informal = [k for k in KINDS if not carries_symbol(k)]
        hint = f" (an informal document says so here: kind: {informal[0]})" if informal else ""
        return [], [Problem(f"give the agenda items of the document, e.g. items: [12]{hint}", path)]
    if not isinstance(raw, list) or not raw:
        return [], [Problem('expected a list of agenda items, e.g. [12] or ["6 (a)"]', path)]
    positions: list[int] = []
    problems: list[Problem] = []
    for j, ref in enumerate(raw):
        k = agenda.find(ref)
        if isinstance(k, str):
            problems.append(Problem(k, (*path, j)))
        elif k in positions:
            problems.append(Problem(f"item {agenda.items[k].label} is listed twice", (*path, j)))
        else:
            positions.append(k)
    return sorted(positions), problems
