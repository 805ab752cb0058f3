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
session supplies them (:meth:`SessionPlan.merge`, :mod:`habitat_docs.session.merge`). Where
the file gives them, they must agree with the session, else the error names both places.
Every document can cite the others with ``{doc:id}`` (and the provisional agenda with
``{doc:agenda}``); they print as symbols.

    >>> plan = load_session("examples/session-2024-1.yaml")
    >>> plan.symbol("annotations").text
    'HSP/EB.2024/1/Add.1'
    >>> docs = plan.documents()          # every document as a model, or one DataError
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

from attrs import field, frozen

from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load import parse_data, read_file, structure, structure_as
from habitat_docs.load.images import setting_image
from habitat_docs.model import Agenda, Artwork, Document, Session, Text
from habitat_docs.model.symbol import Symbol
from habitat_docs.session.agenda import AGENDA_ID, ProvisionalAgenda, read_agenda
from habitat_docs.session.allocation import Allocation, Request, allocate
from habitat_docs.session.checks import unknown_fields
from habitat_docs.session.document_file import DocumentFile, read_document_file
from habitat_docs.session.entries import Entry, read_entries
from habitat_docs.session.merge import (
    SESSION_MODEL_FIELDS,
    agenda_problems,
    cited_documents,
    kind_of,
    merged,
    raw_item,
    session_path,
    session_problems,
    symbol_problems,
)
from habitat_docs.session.register import Register, read_register

__all__ = ["SESSION_FIELDS", "SessionPlan", "load_session"]

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
    "emblem",
    "logo",
)


@frozen
class SessionPlan:
    """A validated session file: the session, its agenda, its documents and their symbols."""

    path: FsPath
    session: Session
    agenda: Agenda  # every item of the provisional agenda, with its symbol
    entries: tuple[Entry, ...]
    allocation: Allocation
    register_file: FsPath | None
    lines: Mapping[Path, int] = field(repr=False)
    raw_session: Mapping[str, Any] = field(repr=False)  # the session fields, as data
    # The masthead's images for every document (emblem:, logo:, beside the session file)
    artwork: Artwork = field(factory=Artwork)

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

    # --- documents ---

    def merge(
        self, entry: Entry, file: DocumentFile, refs: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """The document's data with what the session supplies (session, agenda, symbol,
        documents, kind). Raises a DataError, located in the data file or the session file,
        when the file contradicts the session (naming both places)."""
        if file.problems:
            raise DataError(list(file.problems))
        data = file.data
        if not isinstance(data, Mapping):
            raise DataError(
                Problem(
                    "the file must hold a mapping of fields (kind, title, …)",
                    file=file.name,
                    line=1,
                )
            )
        refs = self.refs() if refs is None else refs
        kind, problems = kind_of(entry, data, self.where)
        if "symbol" in data:
            how = self.allocation.how.get(entry.id, "")
            problems += symbol_problems(
                entry, data["symbol"], self.symbol(entry.id), how, self.where
            )
        if "session" in data:
            problems += session_problems(data["session"], self.session, self.where)
        if "agenda" in data:
            problems += agenda_problems(
                entry,
                data["agenda"],
                self.allocation.agenda,
                self._agenda_symbol_place(),
                self.where,
            )
        own, probs = cited_documents(data, refs, self._place_of)
        problems += probs
        if problems:
            raise DataError(problems).located(file.name, dict(file.lines))
        return merged(data, entry, self._supplied(entry, kind), own, refs)

    def locate(self, entry: Entry, file: DocumentFile, error: DataError) -> DataError:
        """Locate the problems of a merged document: fields the session supplied point at
        the session file, the others at the document's data file."""
        own = file.fields.get("documents", [])
        own_count = len(own) if isinstance(own, list) else 0
        out: list[Problem] = []
        for p in error.problems:
            if p.file is not None:
                out.append(p)
                continue
            target = session_path(entry, p.path, own_count, file.fields)
            if target is None:
                out += DataError([p]).located(file.name, dict(file.lines)).problems
            else:
                located = DataError([Problem(p.message, target)]).located(
                    str(self.path), dict(self.lines)
                )
                out += located.problems
        return DataError(out)

    def document(
        self,
        entry: Entry,
        file: DocumentFile | None = None,
        refs: list[dict[str, Any]] | None = None,
    ) -> Document:
        """One document of the session as a model (reads its file unless given)."""
        file = file or read_document_file(entry.file)
        data = self.merge(entry, file, refs)
        try:
            return structure(data, base_dir=entry.file.parent)
        except DataError as e:
            raise self.locate(entry, file, e) from None

    def document_files(self) -> dict[str, DocumentFile]:
        """Every document's data file, read, by document id."""
        return {e.id: read_document_file(e.file) for e in self.entries}

    def titles(self, files: Mapping[str, DocumentFile]) -> dict[str, Any]:
        """The raw titles of the documents that could be read (for ``refs``)."""
        return {doc_id: f.fields.get("title") for doc_id, f in files.items() if not f.problems}

    def documents(self) -> list[Document]:
        """Every document of the session as a model; all problems in one DataError."""
        files = self.document_files()
        refs = self.refs(self.titles(files))
        docs, problems = [], []
        for e in self.entries:
            try:
                docs.append(self.document(e, files[e.id], refs))
            except DataError as err:
                problems += err.problems
        if problems:
            raise DataError(problems)
        return docs

    # --- what the session supplies ---

    def _supplied(self, entry: Entry, kind: Any) -> dict[str, Any]:
        """The fields the session gives the document: kind, symbol, session, agenda."""
        out: dict[str, Any] = {"kind": kind}
        symbol = self.symbol(entry.id)
        if symbol is not None:
            out["symbol"] = symbol.text
        out["session"] = dict(self.raw_session)
        if entry.items:
            out["agenda"] = {
                "symbol": self.allocation.agenda.text,
                "items": [raw_item(self.agenda.items[k]) for k in entry.item_positions],
                "provisional": [raw_item(item) for item in self.agenda.items],
            }
        return out

    def _agenda_symbol_place(self) -> str:
        """Where the session file gives the agenda's symbol, or says it is allocated."""
        if ("agenda", "symbol") in self.lines:
            return self.where(("agenda", "symbol"))
        return f"allocated by the session, {self.where(('agenda',))}"

    def _place_of(self, doc_id: str) -> str:
        """Where the session file names a document (or the agenda's symbol)."""
        if doc_id == AGENDA_ID:
            return self.where(("agenda", "symbol"))
        return self.where(("documents", self.entry(doc_id).position, "id"))


def _valid_text(value: Any) -> bool:
    if not isinstance(value, Mapping):
        return False
    try:
        Text(value)
    except DataError:
        return False
    return True


# ============================================================================ the session file


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
    problems = unknown_fields(data, SESSION_FIELDS, ())
    raw_session = {k: data[k] for k in SESSION_MODEL_FIELDS if k in data}
    session, probs = _session(raw_session)
    problems += probs
    agenda, probs = read_agenda(data.get("agenda"))
    problems += probs
    register, register_file, probs = _register(data.get("register"), session, path.parent)
    problems += probs
    entries, requests, probs = read_entries(data.get("documents"), path.parent, agenda)
    problems += probs
    artwork, probs = _artwork(data, path.parent)
    problems += probs
    if session is None:
        raise DataError(problems)
    allocation, probs = _allocation(session, requests, agenda, register)
    problems += probs
    if problems or allocation is None or not agenda.items:
        raise DataError(problems)
    problems = _collisions(entries, allocation)
    if problems:
        raise DataError(problems)
    return SessionPlan(
        path=path,
        session=session,
        agenda=Agenda(allocation.agenda, agenda.items),
        entries=tuple(entries),
        allocation=allocation,
        register_file=register_file,
        lines=lines,
        raw_session=raw_session,
        artwork=artwork,
    )


def _artwork(data: Mapping[str, Any], folder: FsPath) -> tuple[Artwork, list[Problem]]:
    """The images the session file names for every masthead (relative to its folder, and
    inside it, as a data file's images are), checked before anything is built."""
    found: dict[str, FsPath] = {}
    problems: list[Problem] = []
    for name in ("emblem", "logo"):
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(Problem("give the file name of a PNG, JPEG or GIF image", (name,)))
            continue
        try:
            found[name] = setting_image(value, name, folder)
        except DataError as e:
            problems += e.problems
    return Artwork(**found), problems


def _session(raw: Mapping[str, Any]) -> tuple[Session | None, list[Problem]]:
    try:
        return structure_as(raw, Session), []
    except DataError as e:
        return None, e.problems


def _register(
    spec: Any, session: Session | None, base_dir: FsPath
) -> tuple[Register, FsPath | None, list[Problem]]:
    """The register the session file names (empty until the session's year is known)."""
    if session is None:
        return Register(), None, []
    try:
        register, file = read_register(spec, session.year, session.ordinal, base_dir)
    except DataError as e:
        return Register(), None, e.problems
    return register, file, []


def _allocation(
    session: Session, requests: list[Request], agenda: ProvisionalAgenda, register: Register
) -> tuple[Allocation | None, list[Problem]]:
    try:
        allocation = allocate(
            session.year, session.ordinal, requests, agenda=agenda.symbol, register=register
        )
    except DataError as e:
        return None, e.problems
    return allocation, []


def _collisions(entries: list[Entry], allocation: Allocation) -> list[Problem]:
    """Documents whose output files would overwrite those of an earlier one."""
    problems = []
    stems: dict[str, str] = {}  # file stem -> id of the document that has it
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
    return problems
