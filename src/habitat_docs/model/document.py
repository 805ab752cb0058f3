"""Typed, immutable document models. Every text node carries every language of its document."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path as FsPath
from typing import Any, ClassVar, Literal, TypeVar

from attrs import field, frozen
from attrs.validators import deep_iterable, ge, instance_of, le, optional

from habitat_docs.errors import DataError, Path, did_you_mean
from habitat_docs.model import inline
from habitat_docs.model.facts import Facts
from habitat_docs.model.symbol import Symbol

__all__ = [
    "BLOCK_TYPES",
    "KINDS",
    "MAX_SUBPARAGRAPH_DEPTH",
    "MAX_TEXT",
    "ActivityUpdate",
    "Agenda",
    "AgendaItem",
    "Annex",
    "Block",
    "Document",
    "DocumentRef",
    "ExecutiveDirectorReport",
    "Figure",
    "Paragraph",
    "PreSession",
    "SecretariatNote",
    "Section",
    "Session",
    "StrategyProgressNote",
    "Subparagraph",
    "Subsection",
    "Table",
    "TargetBox",
    "Text",
    "walk",
]  # fmt: skip

_FactUse = inline.Fact  # (inside Text, "inline" names its method)
_RefUse = inline.Ref
_T = TypeVar("_T")
_NAME = re.compile(r"[A-Za-z0-9][\w.-]*\Z")
# A job number: UNON's "K2400512" (K, the year in two digits, five digits) or New York's "24-01234".
_JOB = re.compile(r"(?:K[0-9]{7}|[0-9]{2}-[0-9]{5})\Z")
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*\Z")
_ID = re.compile(r"[A-Za-z][\w.-]*\Z")
_SUB = re.compile(r"[a-z]{1,3}\Z")
MAX_SUBPARAGRAPH_DEPTH = 4
#: Characters in one text of one language: far beyond any paragraph, table cell or note; a
#: longer string is a mistake (or an attack) and would only slow every stage down.
MAX_TEXT = 100_000


@frozen(init=False)
class Text:
    """One piece of prose in several languages, e.g. ``Text(en="Introduction", zh="导言")``."""

    versions: tuple[tuple[str, str], ...]
    _parsed: dict[str, tuple[inline.Inline, ...]] = field(eq=False, hash=False, repr=False)

    def __init__(self, versions: Mapping[str, str] | None = None, /, **kw: str) -> None:
        merged = {**(versions or {}), **kw}
        if not merged:
            raise DataError("text needs at least one language, e.g. {en: …, zh: …}")
        parsed = {}
        for lang, value in merged.items():
            if not isinstance(lang, str) or not _LANG.match(lang):
                raise DataError(f"'{lang}' is not a language code (e.g. en, zh)")
            if not isinstance(value, str):
                hint = "; quote it in YAML" if isinstance(value, bool | int | float) else ""
                got = "nothing" if value is None else type(value).__name__
                raise DataError(f"expected text, got {got}{hint}", (lang,))
            if not value.strip():
                raise DataError("text is empty", (lang,))
            if len(value) > MAX_TEXT:
                raise DataError(
                    f"a text of {len(value):,} characters is longer than the {MAX_TEXT:,} allowed",
                    (lang,),
                )
            try:
                parsed[lang] = inline.parse(value)
            except inline.InlineError as e:
                raise DataError(str(e), (lang,)) from None
        self.__attrs_init__(tuple(sorted(merged.items())), parsed)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._parsed)

    def __getitem__(self, lang: str) -> str:
        return dict(self.versions)[lang]

    def inline(self, lang: str) -> tuple[inline.Inline, ...]:
        return self._parsed[lang]

    def plain(self, lang: str) -> str:
        return inline.plain(self._parsed[lang])

    def notes(self, lang: str) -> int:
        return sum(1 for _ in _find(self._parsed[lang], inline.Note))

    def refs(self, lang: str) -> Iterator[_RefUse]:
        return _find(self._parsed[lang], inline.Ref)

    def facts(self, lang: str) -> Iterator[_FactUse]:
        """The ``{fact:name}`` uses of one language, footnotes included, in reading order."""
        return _find(self._parsed[lang], inline.Fact)


def _find(nodes: tuple[inline.Inline, ...], kind: type[_T]) -> Iterator[_T]:
    for n in nodes:
        if isinstance(n, kind):
            yield n
        if isinstance(n, inline.Emph | inline.Strong | inline.Note):
            yield from _find(n.children, kind)


def _id(_: object, a: object, value: Any) -> None:
    if value is not None and not (isinstance(value, str) and _ID.match(value)):
        raise DataError(f"'{value}' is not a valid id (letters, digits, '-', '_', '.')", ("id",))


def _tuple(kind: type | tuple[type, ...]) -> Any:
    return deep_iterable(instance_of(kind), instance_of(tuple))


_text = instance_of(Text)
_opt_text = optional(instance_of(Text))


@frozen
class Session:
    """A session of the Executive Board, e.g. the first session of 2024."""

    year: int = field(validator=[ge(2019), le(2999)])
    ordinal: int = field(validator=[ge(1), le(20)])
    start: dt.date = field(validator=instance_of(dt.date))
    end: dt.date = field(validator=instance_of(dt.date))
    venue: Text | None = field(default=None, validator=_opt_text)
    online: bool = False
    body: str = "HSP/EB"

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise DataError(f"the session ends ({self.end}) before it starts", ("end",))
        if self.start.year != self.year:
            raise DataError(f"the session starts in {self.start.year}, not {self.year}", ("start",))
        if self.venue is None and not self.online:
            raise DataError("give the venue, or online: true", ("venue",))


@frozen
class AgendaItem:
    """An item of the provisional agenda, possibly a sub-item such as 6 (a)."""

    number: int = field(validator=ge(1))
    title: Text = field(validator=_text)
    sub: str | None = field(default=None, validator=optional(instance_of(str)))
    id: str | None = field(default=None, validator=_id)  # for {item:id} references

    def __attrs_post_init__(self) -> None:
        if self.sub is not None and not _SUB.match(self.sub):
            raise DataError(f"a sub-item is a letter such as a, b, c; got {self.sub!r}", ("sub",))

    @property
    def label(self) -> str:
        return f"{self.number} ({self.sub})" if self.sub else str(self.number)


@frozen
class Agenda:
    """The provisional agenda as the masthead cites it: its symbol and the items covered."""

    symbol: Symbol = field(validator=instance_of(Symbol))
    items: tuple[AgendaItem, ...] = field(validator=_tuple(AgendaItem))
    # The whole provisional agenda, for {item:id} references to items not on the masthead;
    # a session build supplies it.
    provisional: tuple[AgendaItem, ...] = field(default=(), validator=_tuple(AgendaItem))

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise DataError("name at least one agenda item", ("items",))

    def item(self, item_id: str) -> AgendaItem | None:
        """The item with this id, on the masthead or anywhere on the provisional agenda."""
        return next((i for i in (*self.items, *self.provisional) if i.id == item_id), None)


@frozen
class Subparagraph:
    text: Text = field(validator=_text)
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), validator=_tuple(object))
    id: str | None = field(default=None, validator=_id)


@frozen
class Paragraph:
    """A body paragraph; numbered unless ``numbered`` is false (e.g. a chapeau in an annex)."""

    text: Text = field(validator=_text)
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), validator=_tuple(Subparagraph))
    id: str | None = field(default=None, validator=_id)
    numbered: bool = True


@frozen
class Table:
    """A table with UN rules; ``columns`` are the heads, each row has one cell per column."""

    title: Text = field(validator=_text)
    columns: tuple[Text, ...] = field(validator=_tuple(Text))
    rows: tuple[tuple[Text, ...], ...] = field(validator=_tuple(tuple))
    notes: tuple[Text, ...] = field(default=(), validator=_tuple(Text))
    source: Text | None = field(default=None, validator=_opt_text)
    id: str | None = field(default=None, validator=_id)

    def __attrs_post_init__(self) -> None:
        if not self.columns:
            raise DataError("a table needs at least one column", ("columns",))
        if not self.rows:
            raise DataError("a table needs at least one row", ("rows",))
        _check_rows(self.rows, len(self.columns))


def _check_rows(rows: tuple[tuple[Text, ...], ...], width: int) -> None:
    for i, row in enumerate(rows):
        if len(row) != width:
            raise DataError(f"row has {len(row)} cells for {width} columns", ("rows", i))
        for j, cell in enumerate(row):
            if not isinstance(cell, Text):
                raise DataError("expected text", ("rows", i, j))


@frozen
class Figure:
    """A figure: an image file (relative to the data file), a grid of text (``columns`` and
    ``rows``, e.g. a SWOT grid), or else a placeholder; with notes and a source."""

    title: Text = field(validator=_text)
    image: str | None = field(default=None, validator=optional(instance_of(str)))
    notes: tuple[Text, ...] = field(default=(), validator=_tuple(Text))
    source: Text | None = field(default=None, validator=_opt_text)
    id: str | None = field(default=None, validator=_id)
    not_edited: bool = False  # prints "* The figure has not been formally edited."
    columns: tuple[Text, ...] = field(default=(), validator=_tuple(Text))
    rows: tuple[tuple[Text, ...], ...] = field(default=(), validator=_tuple(tuple))

    def __attrs_post_init__(self) -> None:
        if self.image is not None and self.columns:
            raise DataError("a figure is an image or a grid (columns, rows), not both", ("columns",))
        if self.rows and not self.columns:
            raise DataError("a grid needs columns", ("columns",))
        if self.columns and not self.rows:
            raise DataError("a grid needs at least one row", ("rows",))
        _check_rows(self.rows, len(self.columns))


@frozen
class TargetBox:
    """A boxed list of targets (indicator and value) under a strategy's actions (seed S4)."""

    items: tuple[Text, ...] = field(validator=_tuple(Text))
    id: str | None = field(default=None, validator=_id)

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise DataError("a target box needs at least one target", ("items",))


@frozen
class PreSession:
    """A line naming the pre-session document of an agenda item (seed S3):
    "Pre-session document HSP/EB.2020/2: <description>"."""

    doc: str = field(validator=instance_of(str))
    description: Text = field(validator=_text)
    id: str | None = field(default=None, validator=_id)


Block = Paragraph | Table | Figure | TargetBox | PreSession
BLOCK_TYPES = (Paragraph, Table, Figure, TargetBox, PreSession)


@frozen
class Subsection:
    heading: Text = field(validator=_text)
    content: tuple[Block, ...] = field(default=(), validator=_tuple(BLOCK_TYPES))
    id: str | None = field(default=None, validator=_id)


@frozen
class Section:
    heading: Text = field(validator=_text)
    content: tuple[Block, ...] = field(default=(), validator=_tuple(BLOCK_TYPES))
    subsections: tuple[Subsection, ...] = field(default=(), validator=_tuple(Subsection))
    id: str | None = field(default=None, validator=_id)

    def __attrs_post_init__(self) -> None:
        if len(self.subsections) == 1:
            raise DataError("a lone subsection: if there is an A there must be a B", ("subsections",))


@frozen
class Annex:
    """An annex; its paragraphs are numbered from 1 again."""

    title: Text = field(validator=_text)
    content: tuple[Block, ...] = field(default=(), validator=_tuple(BLOCK_TYPES))
    sections: tuple[Section, ...] = field(default=(), validator=_tuple(Section))
    original: str | None = None
    id: str | None = field(default=None, validator=_id)


Distribution = Literal["general", "limited", "restricted"]


@frozen
class DocumentRef:
    """Another document this one cites by id with ``{doc:id}``; printed as its symbol."""

    id: str = field(validator=_id)
    symbol: Symbol = field(validator=instance_of(Symbol))
    title: Text | None = field(default=None, validator=_opt_text)


@frozen(kw_only=True)
class Document:
    """What every Board document has: masthead facts, title and body."""

    kind: ClassVar[str] = ""
    # Parliamentary documents carry a symbol and an agenda item line; informal ones need neither.
    parliamentary: ClassVar[bool] = True
    # Heading labels: "un" (I., A. / 一、, A.) or "decimal" (1., 1.1).
    heading_style: ClassVar[str] = "un"

    symbol: Symbol | None = field(default=None, validator=optional(instance_of(Symbol)))
    name: str | None = field(default=None, validator=optional(instance_of(str)))
    issued: dt.date = field(validator=instance_of(dt.date))
    session: Session = field(validator=instance_of(Session))
    agenda: Agenda | None = field(default=None, validator=optional(instance_of(Agenda)))
    title: Text = field(validator=_text)
    sections: tuple[Section, ...] = field(validator=_tuple(Section))
    annexes: tuple[Annex, ...] = field(default=(), validator=_tuple(Annex))
    distribution: Distribution = field(default="general")
    original: str = field(default="en")
    base_dir: FsPath | None = field(default=None, eq=False, repr=False)
    # The figures prose names with {fact:name}: written once, rendered per language.
    facts: Facts = field(factory=Facts, converter=Facts, validator=instance_of(Facts))
    # Documents cited with {doc:id}; a session build supplies those of its session.
    documents: tuple[DocumentRef, ...] = field(default=(), validator=_tuple(DocumentRef))
    # The conference services' job number, printed with the date at the foot of page 1.
    job_number: str | None = field(default=None, validator=optional(instance_of(str)))

    def __attrs_post_init__(self) -> None:
        if self.parliamentary:
            for name in ("symbol", "agenda"):
                if getattr(self, name) is None:
                    raise DataError(f"a {self.kind} needs a {name}", (name,))
        elif self.symbol is None and not self.name:
            raise DataError("without a symbol, give a name for the output files", ("name",))
        if self.name is not None and not _NAME.match(self.name):
            raise DataError(f"'{self.name}' is not a file name (letters, digits, '-', '.')", ("name",))
        if self.job_number is not None and not _JOB.match(self.job_number):
            raise DataError(
                f"'{self.job_number}' is not a job number (UNON: K2400512; New York: 24-01234)",
                ("job_number",),
            )
        _check_language("original", self.original)
        if self.distribution not in ("general", "limited", "restricted"):
            raise DataError(
                f"'{self.distribution}' is not one of general, limited, restricted",
                ("distribution",),
            )
        _validate(self)

    @property
    def languages(self) -> frozenset[str]:
        return self.title.languages

    @property
    def file_stem(self) -> str:
        """Output files are named after the symbol (HSP-EB.2024-11), else after ``name``."""
        return self.symbol.file_stem if self.symbol is not None else str(self.name)

    def cited(self, doc_id: str) -> DocumentRef:
        """The document cited as ``{doc:doc_id}``."""
        return next(d for d in self.documents if d.id == doc_id)


@frozen
class ExecutiveDirectorReport(Document):
    """Report of the Executive Director (seeds S0, S2)."""

    kind: ClassVar[str] = "executive-director-report"


@frozen
class SecretariatNote(Document):
    """Note by the secretariat, e.g. summarising OIOS and Ethics Office reports (seed S1)."""

    kind: ClassVar[str] = "secretariat-note"


@frozen
class StrategyProgressNote(Document):
    """Progress on the strategic plan, with target boxes, figures and annexes (seed S4)."""

    kind: ClassVar[str] = "strategy-progress-note"


@frozen
class ActivityUpdate(Document):
    """The Executive Director's update on activities by agenda item: informal, no symbol,
    decimal headings and pre-session document lines (seed S3)."""

    kind: ClassVar[str] = "activity-update"
    parliamentary: ClassVar[bool] = False
    heading_style: ClassVar[str] = "decimal"


KINDS: dict[str, type[Document]] = {
    cls.kind: cls
    for cls in (ExecutiveDirectorReport, SecretariatNote, StrategyProgressNote, ActivityUpdate)
}


# --- traversal ---------------------------------------------------------------------------

Node = object


def walk(doc: Document) -> Iterator[tuple[Path, Node]]:
    """Every structural node with its path, in reading order (masthead first)."""
    yield ("session",), doc.session
    for i, item in enumerate(doc.agenda.items if doc.agenda else ()):
        yield ("agenda", "items", i), item
    for i, s in enumerate(doc.sections):
        yield from _walk_section(("sections", i), s)
    for i, a in enumerate(doc.annexes):
        yield ("annexes", i), a
        yield from _walk_blocks(("annexes", i, "content"), a.content)
        for j, s in enumerate(a.sections):
            yield from _walk_section(("annexes", i, "sections", j), s)


def _walk_section(path: Path, s: Section) -> Iterator[tuple[Path, Node]]:
    yield path, s
    yield from _walk_blocks((*path, "content"), s.content)
    for k, sub in enumerate(s.subsections):
        yield (*path, "subsections", k), sub
        yield from _walk_blocks((*path, "subsections", k, "content"), sub.content)


def _walk_blocks(path: Path, blocks: tuple[Block, ...]) -> Iterator[tuple[Path, Node]]:
    for i, b in enumerate(blocks):
        yield (*path, i), b
        if isinstance(b, Paragraph):
            yield from _walk_subs((*path, i), b.subparagraphs)


def _walk_subs(path: Path, subs: tuple[Subparagraph, ...]) -> Iterator[tuple[Path, Node]]:
    for i, s in enumerate(subs):
        yield (*path, "subparagraphs", i), s
        yield from _walk_subs((*path, "subparagraphs", i), s.subparagraphs)


def texts(path: Path, node: Node) -> Iterator[tuple[Path, Text]]:
    """The Text fields a node owns directly (not those of its child nodes)."""
    if isinstance(node, Session):
        if node.venue is not None:
            yield (*path, "venue"), node.venue
    elif isinstance(node, AgendaItem):
        yield (*path, "title"), node.title
    elif isinstance(node, Section | Subsection):
        yield (*path, "heading"), node.heading
    elif isinstance(node, Paragraph | Subparagraph):
        yield (*path, "text"), node.text
    elif isinstance(node, Annex):
        yield (*path, "title"), node.title
    elif isinstance(node, Table | Figure):
        yield (*path, "title"), node.title
        for j, c in enumerate(node.columns):
            yield (*path, "columns", j), c
        for i, row in enumerate(node.rows):
            for j, c in enumerate(row):
                yield (*path, "rows", i, j), c
        yield from _listed(path, "notes", node.notes)
        if node.source is not None:
            yield (*path, "source"), node.source
    elif isinstance(node, TargetBox):
        yield from _listed(path, "items", node.items)
    elif isinstance(node, PreSession):
        yield (*path, "description"), node.description


def _listed(path: Path, name: str, items: tuple[Text, ...]) -> Iterator[tuple[Path, Text]]:
    for j, t in enumerate(items):
        yield (*path, name, j), t


# Texts that are set as headings or masthead lines cannot carry notes or references.
_PLAIN = {"heading", "title", "venue"}


def _validate(doc: Document) -> None:
    problems: list[DataError] = []
    langs = doc.languages
    ids: dict[str, Path] = {}
    refs: list[tuple[Path, str]] = []
    uses: list[tuple[Path, str]] = []
    cites: list[tuple[Path, str]] = []
    items: list[tuple[Path, str]] = []
    all_texts: list[tuple[Path, Text]] = [(("title",), doc.title)]
    for path, node in walk(doc):
        node_id = getattr(node, "id", None)
        if node_id is not None:
            if node_id in ids:
                problems.append(
                    DataError(f"id '{node_id}' is already used at {_fmt(ids[node_id])}", (*path, "id"))
                )
            ids.setdefault(node_id, path)
        if isinstance(node, Subparagraph) and path.count("subparagraphs") > MAX_SUBPARAGRAPH_DEPTH:
            problems.append(
                DataError(f"subparagraphs nest at most {MAX_SUBPARAGRAPH_DEPTH} deep", path)
            )
        if isinstance(node, PreSession):
            cites.append(((*path, "doc"), node.doc))
        all_texts.extend(texts(path, node))
    for path, text in all_texts:
        missing, extra = langs - text.languages, text.languages - langs
        if missing:
            problems.append(DataError(f"missing the {', '.join(sorted(missing))} text", path))
        if extra:
            problems.append(
                DataError(f"{', '.join(sorted(extra))} is not a language of the title", path)
            )
        found = {lang: _markup(text.inline(lang)) for lang in text.languages}
        counts = {lang: len(m[inline.Note]) for lang, m in found.items()}
        if len(set(counts.values())) > 1:
            detail = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
            problems.append(DataError(f"footnote counts differ between languages ({detail})", path))
        for lang in sorted(text.languages):
            m, here = found[lang], (*path, lang)
            if path[-1] in _PLAIN and (m[inline.Note] or m[inline.Ref]):
                problems.append(
                    DataError("a heading or title cannot carry footnotes or references", here)
                )
            refs.extend((here, t) for r in m[inline.Ref] for t in r.targets)
            uses.extend((here, f.name) for f in m[inline.Fact])
            cites.extend((here, d.id) for d in m[inline.DocRef])
            items.extend((here, i.id) for i in m[inline.ItemRef])
        named = {lang: {f.name for f in m[inline.Fact]} for lang, m in found.items()}
        if len({frozenset(v) for v in named.values()}) > 1:
            detail = "; ".join(f"{k}: {', '.join(sorted(v)) or 'none'}" for k, v in sorted(named.items()))
            problems.append(DataError(f"the languages name different facts ({detail})", path))
    for path, target in refs:
        if target not in ids:
            problems.append(DataError(f"reference to unknown id '{target}'", path))
    for path, name in uses:
        if name not in doc.facts:
            problems.append(DataError(f"unknown fact '{name}'{_suggest_fact(name, doc)}", path))
    for path, item_id in items:
        if doc.agenda is None or doc.agenda.item(item_id) is None:
            problems.append(DataError(f"unknown agenda item '{item_id}' (give it an id in the agenda)", path))
    known = [d.id for d in doc.documents]
    for i, d in enumerate(doc.documents):
        if known.index(d.id) != i:
            problems.append(DataError(f"document id '{d.id}' is listed twice", ("documents", i, "id")))
    for path, doc_id in cites:
        if doc_id not in known:
            hint = did_you_mean(doc_id, known) or " (list it under documents:)"
            problems.append(DataError(f"unknown document '{doc_id}'{hint}", path))
    if problems:
        raise DataError.join(problems)


def _markup(nodes: tuple[inline.Inline, ...]) -> defaultdict[type, list[Any]]:
    """Every markup node of a text (notes, references, facts …) by type, in one walk."""
    out: defaultdict[type, list[Any]] = defaultdict(list)
    stack = list(reversed(nodes))
    while stack:
        n = stack.pop()
        if not isinstance(n, inline.Str):
            out[type(n)].append(n)
        if isinstance(n, inline.Emph | inline.Strong | inline.Note):
            stack.extend(reversed(n.children))
    return out


def _check_language(name: str, code: object) -> None:
    """``original``: a language code the masthead can name ("Original: English")."""
    from habitat_docs.compose.style import language_name

    if not isinstance(code, str) or not _LANG.match(code):
        raise DataError(f"expected a language code such as en or zh, got {code!r}", (name,))
    try:
        language_name(code, "en")
    except ValueError:
        raise DataError(f"unknown language code '{code}'", (name,)) from None


def _suggest_fact(name: str, doc: Document) -> str:
    if not doc.facts:
        return " (declare it under facts:)"
    return did_you_mean(name, doc.facts) or " (not declared under facts:)"


def _fmt(path: Path) -> str:
    from habitat_docs.errors import format_path

    return format_path(path)
