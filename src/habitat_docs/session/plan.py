"""A session of the Executive Board: its agenda, its documents and their symbols.

A session file (YAML, JSON or TOML) describes one session and lists its documents::

    year: 2024
    ordinal: 1
    start: 2024-05-06
    end: 2024-05-08
    venue: {en: Nairobi, zh: 内罗毕}          # or online: true
    agenda:
      symbol: HSP/EB.2024/1                  # optional: /1 for a first session, else next free
      items:
        - {number: 12, title: {en: …, zh: …}}
        - {number: 6, sub: a, id: budget, title: {en: …, zh: …}}
    register:                                # numbers used earlier in the year (§1.3)
      previous: [1, "2-10", HSP/EB.2024/11]  # and/or
      file: register-2024.yaml
    documents:
      - {id: internal-management, file: report.yaml, items: [12], symbol: HSP/EB.2024/11}
      - {id: budget, file: budget.yaml, items: ["6 (a)"]}          # allocated: next free
      - {id: budget-annex, file: annex.yaml, items: [budget], addendum_of: budget}

Symbols are allocated from the session file alone, before anything is written
(:mod:`habitat_docs.session.allocation`).

A document's data file may omit ``session``, ``agenda``, ``symbol`` and ``documents``: the
session supplies them (:meth:`SessionPlan.merge`). Where the file gives them, they must agree
with the session, else the error names both places. Every document can cite the others with
``{doc:id}`` (and the provisional agenda with ``{doc:agenda}``); they print as symbols.

    >>> plan = load_session("examples/session-2024-1/session.yaml")
    >>> plan.symbol("annotations").text
    'HSP/EB.2024/1/Add.1'
    >>> docs = plan.documents()          # every document as a model, or one DataError
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path as FsPath
from typing import Any

import attrs
from attrs import field, frozen

from habitat_docs.errors import DataError, Path, Problem, did_you_mean
from habitat_docs.load import parse_data, read_file, structure, structure_as
from habitat_docs.model import KINDS, Agenda, AgendaItem, Document, Session, Text
from habitat_docs.model.symbol import Symbol
from habitat_docs.session.allocation import (
    AGENDA_ID,
    Allocation,
    Register,
    Request,
    allocate,
    outside_folder,
    parse_numbers,
    read_register,
    record_register,
)

__all__ = [
    "AGENDA_ID",
    "ENTRY_FIELDS",
    "SESSION_FIELDS",
    "Allocation",
    "Entry",
    "Register",
    "Request",
    "SessionPlan",
    "Source",
    "allocate",
    "load_session",
    "parse_numbers",
    "read_register",
    "read_source",
    "record_register",
]  # fmt: skip

SESSION_FIELDS = (
    "year",
    "ordinal",
    "start",
    "end",
    "venue",
    "online",
    "agenda",
    "register",
    "documents",
)
ENTRY_FIELDS = ("id", "file", "items", "kind", "symbol", "addendum_of")
_SESSION_MODEL_FIELDS = ("year", "ordinal", "start", "end", "venue", "online")
_AGENDA_FIELDS = ("symbol", "items")
_ID = re.compile(r"[A-Za-z][\w.-]*\Z")
_LABEL = re.compile(r"\s*([1-9][0-9]*)\s*(?:\(\s*([a-z]{1,3})\s*\)|([a-z]{1,3}))?\s*\Z")


# ============================================================================ the session file


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

    @property
    def numbered(self) -> bool:
        return self.kind is None or getattr(KINDS[self.kind], "parliamentary", True)


@frozen
class Source:
    """A document's data file as read: its data and line map, or the problems reading it."""

    file: str
    data: Any = None
    lines: Mapping[Path, int] = field(factory=dict)
    problems: tuple[Problem, ...] = ()


def read_source(file: str | FsPath) -> Source:
    """Read a data file (in a worker process or not); never raises for bad data."""
    name = str(file)
    try:
        data, lines = parse_data(read_file(file), FsPath(file).suffix.lower(), name)
    except DataError as e:
        return Source(name, problems=tuple(e.problems))
    return Source(name, data, lines)


@frozen
class SessionPlan:
    """A validated session file: the session, its agenda, its documents and their symbols."""

    path: FsPath
    session: Session
    agenda: Agenda  # every item of the provisional agenda, with its symbol
    item_ids: Mapping[str, int]
    entries: tuple[Entry, ...]
    allocation: Allocation
    register: Register
    register_file: FsPath | None
    lines: Mapping[Path, int] = field(repr=False)
    raw_session: Mapping[str, Any] = field(repr=False)  # the session fields, as data

    # --- lookups ---

    @property
    def year(self) -> int:
        return self.session.year

    @property
    def ordinal(self) -> int:
        return self.session.ordinal

    def entry(self, doc_id: str) -> Entry:
        return next(e for e in self.entries if e.id == doc_id)

    def symbol(self, doc_id: str) -> Symbol | None:
        """The symbol of a document (fixed or allocated); None for an informal one."""
        if doc_id == AGENDA_ID:
            return self.allocation.agenda
        return self.allocation.symbols.get(doc_id)

    def where(self, path: Path) -> str:
        """``session.yaml:40``: the file and line of a path of the session file."""
        for cut in range(len(path), -1, -1):
            line = self.lines.get(path[:cut])
            if line is not None:
                return f"{self.path}:{line}"
        return str(self.path)

    # --- documents ---

    def refs(self, titles: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """The ``documents:`` list every document gets, as data: the provisional agenda and
        each numbered document of the session (id, symbol, and title when ``titles`` has a
        valid one)."""
        titles = titles or {}
        out: list[dict[str, Any]] = [{"id": AGENDA_ID, "symbol": self.allocation.agenda.text}]
        for e in self.entries:
            sym = self.symbol(e.id)
            if sym is None:
                continue
            ref: dict[str, Any] = {"id": e.id, "symbol": sym.text}
            title = titles.get(e.id)
            if isinstance(title, Mapping) and _valid_text(title):
                ref["title"] = dict(title)
            out.append(ref)
        return out

    def merge(
        self, entry: Entry, source: Source, refs: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """The document's data with what the session supplies (session, agenda, symbol,
        documents, kind). Raises a DataError, located in the data file or the session file,
        when the file contradicts the session (naming both places)."""
        if source.problems:
            raise DataError(list(source.problems))
        name = source.file
        data = source.data
        if not isinstance(data, Mapping):
            raise DataError(
                Problem(
                    "the file must hold a mapping of fields (kind, title, …)", file=name, line=1
                )
            )
        problems: list[Problem] = []
        here = self._here(entry)

        def conflict(path: Path, message: str) -> None:
            problems.append(Problem(message, path))

        # kind
        kind = entry.kind
        file_kind = data.get("kind")
        if kind is None:
            kind = file_kind
            if (
                isinstance(kind, str)
                and kind in KINDS
                and not getattr(KINDS[kind], "parliamentary", True)
            ):
                conflict(
                    ("kind",),
                    f"a {kind} carries no symbol: say kind: {kind} for "
                    f"document '{entry.id}' in the session file ({here('kind')})",
                )
        elif file_kind is not None and file_kind != kind:
            conflict(
                ("kind",),
                f"the file gives kind {file_kind!r}, the session file {kind!r} ({here('kind')})",
            )
        # symbol
        symbol = self.symbol(entry.id)
        if "symbol" in data:
            how = self.allocation.how.get(entry.id, "")
            given = data["symbol"]
            if symbol is None:
                if given is not None:
                    conflict(
                        ("symbol",),
                        f"the session gives document '{entry.id}' no symbol "
                        f"(its kind is informal; {here()})",
                    )
            else:
                try:
                    same = Symbol(given) == symbol if isinstance(given, str) else False
                except DataError:
                    same = False
                if not same:
                    src = "fixed" if how == "fixed" else f"{how} by the session"
                    conflict(
                        ("symbol",),
                        f"the file gives symbol {given}, but the session file "
                        f"gives document '{entry.id}' {symbol.text} ({src}, "
                        f"{here('symbol' if how == 'fixed' else None)})",
                    )
        # session
        if "session" in data:
            problems += self._compare_session(data["session"])
        # agenda
        items = entry.items
        agenda_data: dict[str, Any] | None = None
        if items:
            agenda_data = {
                "symbol": self.allocation.agenda.text,
                "items": [self._raw_item(k) for k in entry.item_positions],
                "provisional": [self._raw_item(k) for k in range(len(self.agenda.items))],
            }
        if "agenda" in data:
            problems += self._compare_agenda(entry, data["agenda"])
        # documents cited: the file's own (documents outside the session) + the session's
        refs = self.refs() if refs is None else refs
        own = data.get("documents", [])
        if own is None:
            own = []
        if not isinstance(own, list):
            conflict(("documents",), "expected a list of documents ({id, symbol})")
            own = []
        session_ids = {r["id"]: r for r in refs}
        for j, d in enumerate(own):
            if isinstance(d, Mapping) and d.get("id") in session_ids:
                other = d["id"]
                place = self.where(
                    ("agenda", "symbol")
                    if other == AGENDA_ID
                    else ("documents", self.entry(other).position, "id")
                )
                conflict(
                    ("documents", j, "id"),
                    f"'{other}' is a document of the session ({place}); rename one of them",
                )
        if problems:
            raise DataError(problems).located(name, dict(source.lines))
        merged = {
            k: v for k, v in data.items() if k not in ("session", "agenda", "documents", "symbol")
        }
        merged["kind"] = kind
        if symbol is not None:
            merged["symbol"] = symbol.text
        merged["session"] = dict(self.raw_session)
        if agenda_data is not None:
            merged["agenda"] = agenda_data
        merged["documents"] = [*own, *(r for r in refs if r["id"] != entry.id)]
        return merged

    def locate(self, entry: Entry, source: Source, error: DataError) -> DataError:
        """Locate the problems of a merged document: fields the session supplied point at
        the session file, the others at the document's data file."""
        own = source.data.get("documents", []) if isinstance(source.data, Mapping) else []
        own_count = len(own) if isinstance(own, list) else 0
        out: list[Problem] = []
        for p in error.problems:
            if p.file is not None:
                out.append(p)
                continue
            target = self._session_path(entry, p.path, own_count, source)
            if target is None:
                out += DataError([p]).located(source.file, dict(source.lines)).problems
            else:
                out += (
                    DataError([Problem(p.message, target)])
                    .located(str(self.path), dict(self.lines))
                    .problems
                )
        return DataError(out)

    def _session_path(
        self, entry: Entry, path: Path, own_count: int, source: Source
    ) -> Path | None:
        head = path[:1]
        data = source.data if isinstance(source.data, Mapping) else {}
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

    def document(
        self, entry: Entry, source: Source | None = None, refs: list[dict[str, Any]] | None = None
    ) -> Document:
        """One document of the session as a model (reads its file unless given)."""
        source = source or read_source(entry.file)
        data = self.merge(entry, source, refs)
        try:
            return structure(data, base_dir=entry.file.parent)
        except DataError as e:
            raise self.locate(entry, source, e) from None

    def sources(self) -> dict[str, Source]:
        return {e.id: read_source(e.file) for e in self.entries}

    def titles(self, sources: Mapping[str, Source]) -> dict[str, Any]:
        """The raw titles of the documents that could be read (for ``refs``)."""
        out = {}
        for doc_id, s in sources.items():
            if not s.problems and isinstance(s.data, Mapping):
                out[doc_id] = s.data.get("title")
        return out

    def documents(self) -> list[Document]:
        """Every document of the session as a model; all problems in one DataError."""
        sources = self.sources()
        refs = self.refs(self.titles(sources))
        docs, problems = [], []
        for e in self.entries:
            try:
                docs.append(self.document(e, sources[e.id], refs))
            except DataError as err:
                problems += err.problems
        if problems:
            raise DataError(problems)
        return docs

    # --- helpers ---

    def _here(self, entry: Entry) -> Callable[..., str]:
        def here(key: str | None = None) -> str:
            path: Path = ("documents", entry.position)
            if key is not None and (*path, key) in self.lines:
                path = (*path, key)
            return self.where(path)

        return here

    def _raw_item(self, k: int) -> dict[str, Any]:
        item = self.agenda.items[k]
        out: dict[str, Any] = {"number": item.number, "title": dict(item.title.versions)}
        if item.sub is not None:
            out["sub"] = item.sub
        if item.id is not None:
            out["id"] = item.id
        return out

    def _compare_session(self, given: Any) -> list[Problem]:
        try:
            theirs = structure_as(given, Session)
        except DataError as e:
            return [Problem(p.message, ("session", *p.path)) for p in e.problems]
        out = []
        for name in _SESSION_MODEL_FIELDS:
            a, b = getattr(theirs, name), getattr(self.session, name)
            if a != b:
                out.append(
                    Problem(
                        f"the file gives {_show(a)}, the session file {_show(b)} ({self.where((name,))})",
                        ("session", name),
                    )
                )
        return out

    def _compare_agenda(self, entry: Entry, given: Any) -> list[Problem]:
        try:
            theirs = structure_as(given, Agenda)
        except DataError as e:
            return [Problem(p.message, ("agenda", *p.path)) for p in e.problems]
        out = []
        mine = self.allocation.agenda
        if theirs.symbol != mine:
            src = (
                self.where(("agenda", "symbol"))
                if ("agenda", "symbol") in self.lines
                else (f"allocated by the session, {self.where(('agenda',))}")
            )
            out.append(
                Problem(
                    f"the file gives {theirs.symbol.text}, the session file {mine.text} ({src})",
                    ("agenda", "symbol"),
                )
            )
        labels = [i.label for i in theirs.items]
        wanted = [i.label for i in entry.items]
        if not wanted:
            out.append(
                Problem(
                    f"the session file gives document '{entry.id}' no agenda items "
                    f"({self.where(('documents', entry.position))}); give them there",
                    ("agenda",),
                )
            )
        elif labels != wanted:
            out.append(
                Problem(
                    f"the file gives item{'s' if len(labels) != 1 else ''} {', '.join(labels)}, the "
                    f"session file {', '.join(wanted)} ({self.where(('documents', entry.position, 'items'))})",
                    ("agenda", "items"),
                )
            )
        else:
            for j, (a, b) in enumerate(zip(theirs.items, entry.items, strict=True)):
                if a.title != b.title:
                    k = entry.item_positions[j]
                    out.append(
                        Problem(
                            f"the title of item {a.label} differs from the session file's "
                            f"({self.where(('agenda', 'items', k, 'title'))})",
                            ("agenda", "items", j, "title"),
                        )
                    )
        return out


def _show(v: Any) -> str:
    if isinstance(v, Text):
        return " / ".join(f"{k}: {t}" for k, t in v.versions)
    if isinstance(v, dt.date):
        return v.isoformat()
    return repr(v)


def _valid_text(value: Any) -> bool:
    if not isinstance(value, Mapping):
        return False
    try:
        Text(value)
    except DataError:
        return False
    return True


def load_session(path: str | FsPath) -> SessionPlan:
    """Read and validate a session file and allocate its symbols. Raises one DataError with
    every problem (file, line, field) when anything is wrong; reads no document file."""
    path = FsPath(path)
    name = str(path)
    data, lines = parse_data(read_file(path), path.suffix.lower(), name)
    try:
        return _plan(path, data, lines)
    except DataError as e:
        raise e.located(name, lines) from None


def _plan(path: FsPath, data: Any, lines: Mapping[Path, int]) -> SessionPlan:
    if not isinstance(data, Mapping):
        raise DataError(
            "a session file holds a mapping of fields (year, ordinal, agenda, documents …)"
        )
    problems: list[Problem] = []
    for k in data:
        if k not in SESSION_FIELDS:
            problems.append(Problem(f"unknown field '{k}'{did_you_mean(str(k), SESSION_FIELDS)}", (k,)))
    raw_session = {k: data[k] for k in _SESSION_MODEL_FIELDS if k in data}
    session: Session | None = None
    try:
        session = structure_as(raw_session, Session)
    except DataError as e:
        problems += e.problems
    # agenda items
    agenda_data = data.get("agenda")
    items: list[AgendaItem] = []
    ids: dict[str, int] = {}
    agenda_symbol: Symbol | None = None
    if not isinstance(agenda_data, Mapping):
        problems.append(
            Problem("give the provisional agenda: {items: [{number, title}, …]}", ("agenda",))
        )
        agenda_data = {}
    for k in agenda_data:
        if k not in _AGENDA_FIELDS:
            problems.append(
                Problem(f"unknown field '{k}'{did_you_mean(str(k), _AGENDA_FIELDS)}", ("agenda", k))
            )
    if "symbol" in agenda_data:
        try:
            agenda_symbol = structure_as(agenda_data["symbol"], Symbol)
        except DataError as e:
            problems += [Problem(p.message, ("agenda", "symbol", *p.path)) for p in e.problems]
    raw_items = agenda_data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        if isinstance(data.get("agenda"), Mapping):
            problems.append(
                Problem("list the items of the provisional agenda", ("agenda", "items"))
            )
        raw_items = []
    labels: dict[str, int] = {}
    for i, it in enumerate(raw_items):
        here: Path = ("agenda", "items", i)
        if not isinstance(it, Mapping):
            problems.append(Problem("expected an item: {number: 12, title: {en: …, zh: …}}", here))
            continue
        item_id = it.get("id")
        try:
            item = structure_as({k: v for k, v in it.items() if k != "id"}, AgendaItem)
        except DataError as e:
            problems += [Problem(p.message, (*here, *p.path)) for p in e.problems]
            continue
        if item.sub is not None and not re.fullmatch(r"[a-z]{1,3}", item.sub):
            problems.append(
                Problem(f"a sub-item is a letter such as a, b, c; got {item.sub!r}", (*here, "sub"))
            )
        if item.label in labels:
            problems.append(
                Problem(
                    f"item {item.label} is listed twice (also agenda.items[{labels[item.label]}])",
                    here,
                )
            )
            continue
        labels[item.label] = len(items)
        if item_id is not None:
            if not isinstance(item_id, str) or not _ID.match(item_id):
                problems.append(
                    Problem(
                        f"'{item_id}' is not a valid id (letters, digits, '-', '_', '.')",
                        (*here, "id"),
                    )
                )
            elif item_id in ids:
                problems.append(
                    Problem(
                        f"id '{item_id}' is already used by item {items[ids[item_id]].label}",
                        (*here, "id"),
                    )
                )
            else:
                ids[item_id] = len(items)
                item = attrs.evolve(item, id=item_id)
        items.append(item)
    # register
    register, register_file = Register(), None
    if session is not None:
        try:
            register, register_file = read_register(
                data.get("register"), session.year, session.ordinal, path.parent
            )
        except DataError as e:
            problems += e.problems
    # documents
    entries, requests, probs = _entries(data.get("documents"), path.parent, items, labels, ids)
    problems += probs
    if session is None:
        raise DataError(problems)
    allocation: Allocation | None = None
    try:
        allocation = allocate(
            session.year, session.ordinal, requests, agenda=agenda_symbol, register=register
        )
    except DataError as e:
        problems += e.problems
    if problems or allocation is None or not items:
        raise DataError(problems)
    # output names must not collide
    stems: dict[str, str] = {}
    for entry in entries:
        sym = allocation.symbols.get(entry.id)
        if sym is None:
            continue
        stem = sym.file_stem
        if stem in stems:
            problems.append(
                Problem(
                    f"its files ({stem}-…) would overwrite those of document '{stems[stem]}'",
                    ("documents", entry.position, "symbol"),
                )
            )
        stems.setdefault(stem, entry.id)
    if problems:
        raise DataError(problems)
    return SessionPlan(
        path=path,
        session=session,
        agenda=Agenda(allocation.agenda, tuple(items)),
        item_ids=ids,
        entries=tuple(entries),
        allocation=allocation,
        register=register,
        register_file=register_file,
        lines=lines,
        raw_session=raw_session,
    )


def _entries(
    raw: Any,
    base_dir: FsPath,
    items: list[AgendaItem],
    labels: Mapping[str, int],
    ids: Mapping[str, int],
) -> tuple[list[Entry], list[Request], list[Problem]]:
    problems: list[Problem] = []
    entries: list[Entry] = []
    requests: list[Request] = []
    if not isinstance(raw, list) or not raw:
        return (
            [],
            [],
            [Problem("list the session's documents: [{id, file, items}, …]", ("documents",))],
        )
    seen: dict[str, int] = {}
    for i, d in enumerate(raw):
        here: Path = ("documents", i)
        if not isinstance(d, Mapping):
            problems.append(Problem("expected a document: {id: …, file: …, items: […]}", here))
            continue
        bad = False
        for k in d:
            if k not in ENTRY_FIELDS:
                problems.append(
                    Problem(f"unknown field '{k}'{did_you_mean(str(k), ENTRY_FIELDS)}", (*here, k))
                )
        doc_id = d.get("id")
        if not isinstance(doc_id, str) or not _ID.match(doc_id):
            problems.append(
                Problem(
                    "required field is missing"
                    if doc_id is None
                    else f"'{doc_id}' is not a valid id (letters, digits, '-', '_', '.')",
                    (*here, "id"),
                )
            )
            continue
        if doc_id == AGENDA_ID:
            problems.append(
                Problem(
                    f"'{AGENDA_ID}' is the id of the provisional agenda; choose another",
                    (*here, "id"),
                )
            )
            bad = True
        if doc_id in seen:
            problems.append(
                Problem(
                    f"id '{doc_id}' is already used by documents[{seen[doc_id]}]", (*here, "id")
                )
            )
            continue
        seen[doc_id] = i
        file = d.get("file")
        if not isinstance(file, str) or not file.strip():
            problems.append(
                Problem(
                    "required field is missing"
                    if file is None
                    else "expected the name of a data file",
                    (*here, "file"),
                )
            )
            bad = True
        elif (outside := outside_folder(base_dir, file)) is not None:
            problems.append(Problem(outside, (*here, "file")))
            bad = True
        kind = d.get("kind")
        if kind is not None and kind not in KINDS:
            problems.append(
                Problem(
                    f"unknown document kind {kind!r}{did_you_mean(str(kind), KINDS)} "
                    f"(known: {', '.join(KINDS)})",
                    (*here, "kind"),
                )
            )
            bad, kind = True, None
        numbered = kind is None or getattr(KINDS[kind], "parliamentary", True)
        symbol = None
        if d.get("symbol") is not None:
            try:
                symbol = structure_as(d["symbol"], Symbol)
            except DataError as e:
                problems += [Problem(p.message, (*here, "symbol", *p.path)) for p in e.problems]
                bad = True
        addendum_of = d.get("addendum_of")
        if addendum_of is not None and not isinstance(addendum_of, str):
            problems.append(
                Problem("expected the id of another document (or 'agenda')", (*here, "addendum_of"))
            )
            bad, addendum_of = True, None
        doc_items, positions = [], []
        raw_items = d.get("items")
        if raw_items is None:
            if numbered:
                informal = [k for k, c in KINDS.items() if not getattr(c, "parliamentary", True)]
                hint = (
                    f" (an informal document says so here: kind: {informal[0]})" if informal else ""
                )
                problems.append(Problem(f"give the agenda items of the document, e.g. items: [12]{hint}",
                                        (*here, "items")))  # fmt: skip
                bad = True
        elif not isinstance(raw_items, list) or not raw_items:
            problems.append(
                Problem('expected a list of agenda items, e.g. [12] or ["6 (a)"]', (*here, "items"))
            )
            bad = True
        else:
            for j, ref in enumerate(raw_items):
                k = _find_item(ref, items, labels, ids)
                if isinstance(k, str):
                    problems.append(Problem(k, (*here, "items", j)))
                    bad = True
                elif k in positions:
                    problems.append(
                        Problem(f"item {items[k].label} is listed twice", (*here, "items", j))
                    )
                    bad = True
                else:
                    positions.append(k)
            positions.sort()
            doc_items = [items[k] for k in positions]
        requests.append(Request(doc_id, symbol, addendum_of, numbered))
        if not bad:
            entries.append(
                Entry(
                    id=doc_id,
                    file=base_dir / str(file),
                    position=i,
                    items=tuple(doc_items),
                    item_positions=tuple(positions),
                    kind=kind,
                    symbol=symbol,
                    addendum_of=addendum_of,
                )
            )
    return entries, requests, problems


def _find_item(
    ref: Any, items: list[AgendaItem], labels: Mapping[str, int], ids: Mapping[str, int]
) -> int | str:
    """The position of the agenda item a document names (12, "6 (a)", "6a" or an item id),
    or the error message."""
    if isinstance(ref, bool) or not isinstance(ref, int | str):
        return f'expected an item number (12), a sub-item ("6 (a)") or an item id, got {ref!r}'
    if isinstance(ref, int):
        label = str(ref)
    elif m := _LABEL.fullmatch(ref):
        sub = m[2] or m[3]
        label = f"{m[1]} ({sub})" if sub else m[1]
    elif ref in ids:
        return ids[ref]
    else:
        return f"no agenda item has the id '{ref}'{did_you_mean(ref, ids)}"
    if label in labels:
        return labels[label]
    number = label.split(" ")[0]
    subs = [i.label for i in items if str(i.number) == number]
    hint = f" (it has {', '.join(subs)})" if subs else ""
    return f"item {label} is not on the provisional agenda{hint}"
