"""Merging what a session supplies into a document's data, once the data file agrees with it.

A document's data file may omit ``session``, ``agenda``, ``symbol`` and ``documents``: the
session supplies them. Where the file gives them, they must agree with the session, else the
problem names both places: ``where`` gives the file and line of a path of the session file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load import structure_as
from habitat_docs.model import KINDS, Agenda, AgendaItem, Session, Text
from habitat_docs.model.symbol import Symbol
from habitat_docs.session.entries import Entry, carries_symbol

__all__ = [
    "SESSION_MODEL_FIELDS",
    "Where",
    "agenda_problems",
    "cited_documents",
    "kind_of",
    "merged",
    "raw_item",
    "session_path",
    "session_problems",
    "symbol_problems",
]  # fmt: skip

#: The session's fields every document of it gets (``session:``).
SESSION_MODEL_FIELDS = ("year", "ordinal", "start", "end", "venue", "online")

#: The file and line of a path of the session file: ``session.yaml:40``.
Where = Callable[[Path], str]


def kind_of(entry: Entry, data: Mapping[str, Any], where: Where) -> tuple[Any, list[Problem]]:
    """The document's kind: the session file's, else the data file's; and the problem when
    they differ, or when the file's kind carries no symbol but the session gives none."""
    file_kind = data.get("kind")
    place = where(("documents", entry.position, "kind"))
    if entry.kind is None:
        if isinstance(file_kind, str) and file_kind in KINDS and not carries_symbol(file_kind):
            message = (
                f"a {file_kind} carries no symbol: say kind: {file_kind} for "
                f"document '{entry.id}' in the session file ({place})"
            )
            return file_kind, [Problem(message, ("kind",))]
        return file_kind, []
    if file_kind is not None and file_kind != entry.kind:
        message = f"the file gives kind {file_kind!r}, the session file {entry.kind!r} ({place})"
        return entry.kind, [Problem(message, ("kind",))]
    return entry.kind, []


def symbol_problems(
    entry: Entry, given: Any, symbol: Symbol | None, how: str, where: Where
) -> list[Problem]:
    """The problem when the symbol a data file gives is not the one the session gives
    (``how``: "fixed", "allocated" or "addendum")."""
    if symbol is None:
        if given is None:
            return []
        message = (
            f"the session gives document '{entry.id}' no symbol "
            f"(its kind is informal; {where(('documents', entry.position))})"
        )
        return [Problem(message, ("symbol",))]
    if isinstance(given, str) and _same_symbol(given, symbol):
        return []
    source = "fixed" if how == "fixed" else f"{how} by the session"
    place = where(("documents", entry.position, *(("symbol",) if how == "fixed" else ())))
    message = (
        f"the file gives symbol {given}, but the session file gives document '{entry.id}' "
        f"{symbol.text} ({source}, {place})"
    )
    return [Problem(message, ("symbol",))]


def _same_symbol(given: str, symbol: Symbol) -> bool:
    try:
        return Symbol(given) == symbol
    except DataError:
        return False


def session_problems(given: Any, session: Session, where: Where) -> list[Problem]:
    """How the ``session:`` a data file gives differs from the session's."""
    try:
        theirs = structure_as(given, Session)
    except DataError as e:
        return [Problem(p.message, ("session", *p.path)) for p in e.problems]
    out = []
    for name in SESSION_MODEL_FIELDS:
        a, b = getattr(theirs, name), getattr(session, name)
        if a != b:
            message = f"the file gives {_show(a)}, the session file {_show(b)} ({where((name,))})"
            out.append(Problem(message, ("session", name)))
    return out


def agenda_problems(
    entry: Entry, given: Any, symbol: Symbol, symbol_place: str, where: Where
) -> list[Problem]:
    """How the ``agenda:`` a data file gives differs from the session's: its ``symbol``
    (given or allocated at ``symbol_place``) and the entry's items."""
    try:
        theirs = structure_as(given, Agenda)
    except DataError as e:
        return [Problem(p.message, ("agenda", *p.path)) for p in e.problems]
    out = []
    if theirs.symbol != symbol:
        message = (
            f"the file gives {theirs.symbol.text}, the session file {symbol.text} ({symbol_place})"
        )
        out.append(Problem(message, ("agenda", "symbol")))
    return out + _items_problems(entry, theirs.items, where)


def _items_problems(entry: Entry, items: Sequence[AgendaItem], where: Where) -> list[Problem]:
    labels = [i.label for i in items]
    wanted = [i.label for i in entry.items]
    if not wanted:
        message = (
            f"the session file gives document '{entry.id}' no agenda items "
            f"({where(('documents', entry.position))}); give them there"
        )
        return [Problem(message, ("agenda",))]
    if labels != wanted:
        message = (
            f"the file gives item{'s' if len(labels) != 1 else ''} {', '.join(labels)}, the "
            f"session file {', '.join(wanted)} ({where(('documents', entry.position, 'items'))})"
        )
        return [Problem(message, ("agenda", "items"))]
    out = []
    for j, (a, b) in enumerate(zip(items, entry.items, strict=True)):
        if a.title != b.title:
            place = where(("agenda", "items", entry.item_positions[j], "title"))
            message = f"the title of item {a.label} differs from the session file's ({place})"
            out.append(Problem(message, ("agenda", "items", j, "title")))
    return out


def cited_documents(
    data: Mapping[str, Any], refs: Sequence[Mapping[str, Any]], place_of: Callable[[str], str]
) -> tuple[list[Any], list[Problem]]:
    """The documents a data file cites itself (outside the session), and the problem with
    each that bears the id of a document of the session (found at ``place_of(id)``)."""
    own = data.get("documents", [])
    if own is None:
        return [], []
    if not isinstance(own, list):
        return [], [Problem("expected a list of documents ({id, symbol})", ("documents",))]
    session_ids = {r["id"] for r in refs}
    problems = []
    for j, d in enumerate(own):
        if isinstance(d, Mapping) and d.get("id") in session_ids:
            message = f"'{d['id']}' is a document of the session ({place_of(d['id'])}); rename one of them"
            problems.append(Problem(message, ("documents", j, "id")))
    return own, problems


def merged(
    data: Mapping[str, Any], entry: Entry, supplied: Mapping[str, Any],
    own: list[Any], refs: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:  # fmt: skip
    """The document's data with what the session supplies (``kind``, ``symbol``,
    ``session``, ``agenda``): the documents it cites are its own, then the session's."""
    out = {k: v for k, v in data.items() if k not in ("session", "agenda", "documents", "symbol")}
    out.update(supplied)
    out["documents"] = [*own, *(r for r in refs if r["id"] != entry.id)]
    return out


def raw_item(item: AgendaItem) -> dict[str, Any]:
    """An agenda item as data, as a data file would give it."""
    out: dict[str, Any] = {"number": item.number, "title": dict(item.title.versions)}
    if item.sub is not None:
        out["sub"] = item.sub
    if item.id is not None:
        out["id"] = item.id
    return out


def session_path(entry: Entry, path: Path, own_count: int, data: Mapping[str, Any]) -> Path | None:
    """Where in the session file a problem of a merged document lies (its ``path`` in the
    merged data), when the session supplied that field; else None (the data file's)."""
    head = path[:1]
    if head == ("session",) and "session" not in data:
        return path[1:] or ("year",)
    if head == ("agenda",) and "agenda" not in data:
        if path[1:3] and path[1] == "items" and len(path) > 2 and isinstance(path[2], int):
            k = entry.item_positions[path[2]] if path[2] < len(entry.item_positions) else 0
            return ("agenda", "items", k, *path[3:])
        if path[1:2] == ("symbol",):
            return ("agenda", "symbol")
        return ("documents", entry.position, "items")
    if head == ("symbol",) and "symbol" not in data:
        return ("documents", entry.position, "symbol")
    if head == ("kind",) and entry.kind is not None:
        return ("documents", entry.position, "kind")
    if (
        head == ("documents",)
        and len(path) > 1
        and isinstance(path[1], int)
        and path[1] >= own_count
    ):
        return ("documents", entry.position)
    return None


def _show(v: Any) -> str:
    if isinstance(v, Text):
        return " / ".join(f"{k}: {t}" for k, t in v.versions)
    if isinstance(v, dt.date):
        return v.isoformat()
    return repr(v)
