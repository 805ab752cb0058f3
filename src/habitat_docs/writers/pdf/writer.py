"""PDF writer: prints a composed document with Typst (the ``typst`` Python package).

The document goes to Typst as data: :func:`document_data` turns the composed document into
JSON (every label and footnote mark exactly as composed, never recomputed), passed through
``sys.inputs``; a fixed layout, ``un.typ``, prints it. No user text is ever pasted into
markup, so none can break or inject markup.

One font book and one compiler serve the whole process. The same input gives a
byte-identical PDF: the timestamp is the date of issue and the fonts are a fixed set of files.

    >>> import habitat_docs as hd
    >>> composed = hd.compose(hd.load("examples/hsp-eb-2024-11.yaml"), "zh")
    >>> write_pdf(composed)[:8]
    b'%PDF-1.7'
    >>> pdf = write_pdf(composed, standard="a-2a")       # or "ua-1", "a-2b", "a-2a,ua-1" …
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from habitat_docs.compose.tree import Composed
from habitat_docs.version import __version__
from habitat_docs.writers.pdf.amend import amend
from habitat_docs.writers.pdf.data import GAP, document_data
from habitat_docs.writers.pdf.fonts import (
    CJK_SANS,
    CJK_SERIF,
    LATIN,
    FontError,
    book,
    faces,
    require,
    uncovered,
)
from habitat_docs.writers.pdf.fonts import reset as reset_fonts
from habitat_docs.writers.pdf.parts import PART_BLOCKS, Place, print_in_parts

if TYPE_CHECKING:  # pypdf is imported when a PDF is amended, not with the package
    from pypdf import PdfReader
    from pypdf.generic import PdfObject

__all__ = ["STANDARDS", "FontError", "PdfError", "document_data", "prepare", "producer", "write_pdf"]

# PDF standards Typst can declare.
STANDARDS = (
    "1.4", "1.5", "1.6", "1.7", "2.0", "a-1a", "a-1b", "a-2a", "a-2b", "a-2u", "a-3a", "a-3b",
    "a-3u", "a-4", "a-4e", "a-4f", "ua-1",
)  # fmt: skip


def prepare() -> None:
    """Load what every PDF needs and no thread holds (pypdf, the list of installed fonts), so
    that worker processes forked afterwards share it instead of each loading it again."""
    import pypdf  # noqa: F401

    faces(LATIN)


class PdfError(RuntimeError):
    """Typst could not lay out the document (the message carries Typst's diagnostic)."""


def write_pdf(c: Composed, *, standard: str | None = None) -> bytes:
    """The PDF of a composed document, as bytes.

    ``standard``: None (tagged PDF 1.7), or one or more of :data:`STANDARDS` separated by
    commas, e.g. "a-2a" (PDF/A-2a), "ua-1" (PDF/UA-1), "a-2a,ua-1". Raises
    :class:`~habitat_docs.writers.pdf.fonts.FontError` (a RuntimeError) when a font or glyph is
    missing, :class:`PdfError` when Typst fails, ValueError for an unknown standard."""
    standards = _standards(standard)
    data, root = document_data(c)
    needed = _check_fonts(c, data)
    engine = _engine(needed)
    printer = _Printer(engine, c, root, standards)
    with engine.lock:
        if len(data["blocks"]) <= PART_BLOCKS:
            return _finish(printer.print(data))
        try:
            pdf = print_in_parts(data, printer, PART_BLOCKS)
        except (PdfError, FontError, MemoryError):
            raise
        except Exception as e:  # pikepdf could not read or join the parts
            raise PdfError(f"could not join the parts of {_name(c)}: {e}") from e
        return _finish(pdf)


class _Printer:
    """Typst printing one composed document, whole or in parts (:mod:`.parts`)."""

    def __init__(self, engine: _Engine, c: Composed, root: str | None, standards: list[str]) -> None:
        self.engine, self.c, self.root, self.standards = engine, c, root, standards
        self.source = ""  # the data last printed, as Typst reads it

    def print(self, data: dict[str, Any]) -> bytes:
        c = self.c
        standards = self.standards
        if data.get("pages-before", 0):
            # PDF/UA-1 wants a document's first heading at level 1; a later part may begin
            # inside a subsection. The joined document's first heading is the first part's.
            standards = [s for s in standards if s != "ua-1"]
        self.source = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            pdf, warnings = self.engine.compiler.compile_with_warnings(
                input=cast(Any, {"main.typ": _layout()}),  # the stub omits a dict of files
                root=self.root,
                sys_inputs={"doc": self.source},
                timestamp=_timestamp(c.issued),
                pdf_standards=cast(Any, standards),  # checked by _standards
            )
        except Exception as e:  # typst.TypstError
            raise PdfError(f"Typst could not lay out {_name(c)}: {_message(e)}") from e
        for w in warnings:
            text = str(getattr(w, "message", w))
            if "font" in text.lower():  # "unknown font family: …": never print a fallback face
                raise FontError(f"cannot make the PDF of {_name(c)}: {text}")
        assert isinstance(pdf, bytes)  # one PDF, not pages
        return pdf

    def places(self) -> list[Place]:
        import typst

        # a second compiler on the same input: Typst answers from the layout it just cached
        layout = typst.Compiler(
            input=cast(Any, {"main.typ": _layout()}),
            root=self.root,
            font_paths=self.engine.book,
            ignore_system_fonts=True,
            sys_inputs={"doc": self.source},
        )
        try:
            found = json.loads(layout.eval(_PLACES))
        except Exception as e:  # typst.TypstError, RuntimeError
            raise PdfError(f"Typst could not lay out {_name(self.c)}: {_message(e)}") from e
        return [Place(int(i), int(page), float(y)) for i, page, y in found]

    def forget(self) -> None:
        """Empty Typst's cache of layouts. typst-py keeps what a compilation laid out until ten
        more have not used it, which, over parts of a long document, holds ten parts' worth:
        ten compilations of nothing age it out."""
        for _ in range(11):
            self.engine.compiler.compile(input=b"", sys_inputs={})


# Where each paragraph marked ``probe`` begins: its mark, page and distance from the top (pt).
_PLACES = "query(<hd-probe>).map(m => (m.value, m.location().page(), m.location().position().y / 1pt))"


def _name(c: Composed) -> str:
    return f"{c.symbol or c.file_stem} ({c.lang})"


def producer(engine: str | None = None) -> str:
    """The PDF producer string: this library and the engine ("Typst 0.15.1")."""

    return f"habitat-docs {__version__} ({engine or 'Typst ' + _typst_version()})"


# --- fonts -------------------------------------------------------------------------------------


def _families(chain: list[Any]) -> list[str]:
    return [f["name"] if isinstance(f, dict) else f for f in chain]


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            if k not in ("kind", "fonts", "role", "image", "tag", "lang", "region"):
                yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)


_known_lock = threading.Lock()
_known: dict[tuple[str, ...], set[str]] = {}  # font list -> characters known to have glyphs


def _check_fonts(c: Composed, data: dict[str, Any]) -> set[str]:
    """Stop before Typst runs if a family is missing or a character has no glyph, so the PDF
    never shows boxes or a substituted face; return the families the PDF uses. A document of
    Latin text that needs no East Asian glyph drops the East Asian faces from its font lists
    (so it builds without them)."""
    body = _families(data["fonts"]["body"])
    heading = _families(data["fonts"]["heading"])
    east_asian = c.typography.east_asian_text
    require([body[0], heading[0]] + (body[1:] + heading[1:] if east_asian else []))
    # GAP: a mark un.typ prints as space; format characters (bidi isolates, joiners) print
    # nothing, so need no glyph
    chars = {ch for ch in "".join(_strings(data)) if unicodedata.category(ch) != "Cf"} - {GAP}
    with _known_lock:
        latin_known = _known.setdefault((body[0],), set())
        chars -= latin_known
    rest = uncovered(chars, body[:1])
    with _known_lock:
        latin_known |= chars - set(rest)
    if not rest and not east_asian:
        data["fonts"]["body"], data["fonts"]["heading"] = (
            data["fonts"]["body"][:1],
            data["fonts"]["heading"][:1],
        )
        return {body[0], heading[0], data["fonts"]["latin"]}
    if rest:  # characters the Latin face lacks: the East Asian faces must have them
        require(body[1:] + heading[1:])
        with _known_lock:
            known = _known.setdefault(tuple(body), set())
            todo = set(rest) - known
        rest = uncovered(todo, body)
        with _known_lock:
            known |= todo - set(rest)
    if rest:
        shown = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} ({ch})" for ch in rest[:10])
        more = f" and {len(rest) - 10} more" if len(rest) > 10 else ""
        families = list(dict.fromkeys(body + heading))
        raise FontError(
            f"cannot make the PDF of {_name(c)}: no glyph for {shown}{more} in the fonts "
            f"{', '.join(families)}; the PDF would show boxes",
            families,
        )
    return set(body + heading + [data["fonts"]["latin"]])


# --- the engine ----------------------------------------------------------------------------------


class _Engine:
    """The font book (exactly the files of ``families``) and the compiler using it."""

    def __init__(self, families: frozenset[str]) -> None:
        import typst

        self.families = families
        self.book = book(families)
        self.compiler = typst.Compiler(font_paths=self.book, ignore_system_fonts=True)
        self.lock = threading.Lock()


def _default_families() -> set[str]:
    """The families the writer prints by default, whichever are installed (a missing one is
    only an error for documents that need it)."""
    wanted = [LATIN, CJK_SERIF, CJK_SANS]
    have = {f for f in wanted if faces(f)}
    if not have:
        require(wanted)  # raises, naming all three
    return have


_engine_lock = threading.Lock()
_engine_instance: _Engine | None = None


def _engine(needed: set[str] | frozenset[str] = frozenset()) -> _Engine:
    """The process-wide font book and compiler, built on first use (and rebuilt, once, if a
    document names a family the book lacks)."""
    global _engine_instance
    with _engine_lock:
        if _engine_instance is None or not set(needed) <= _engine_instance.families:
            have = _engine_instance.families if _engine_instance else _default_families()
            _engine_instance = _Engine(frozenset(have | set(needed)))
        return _engine_instance


def reset() -> None:
    """Drop the cached engine and font search (after installing fonts, or in tests)."""
    global _engine_instance
    with _engine_lock:
        _engine_instance = None
    with _known_lock:
        _known.clear()
    reset_fonts()


@cache
def _layout() -> bytes:
    return resources.files(__package__).joinpath("un.typ").read_bytes()


@cache
def _typst_version() -> str:
    import typst

    return getattr(typst, "__version__", "?")


def _timestamp(issued: dt.date) -> int:
    return calendar.timegm(issued.timetuple())


def _standards(standard: str | None) -> list[str]:
    if not standard:
        return []
    items = [s.strip().lower() for s in re.split(r"[,\s]+", standard) if s.strip()]
    bad = [s for s in items if s not in STANDARDS]
    if bad:
        raise ValueError(
            f"unknown PDF standard {', '.join(bad)} (available: {', '.join(STANDARDS)})"
        )
    return items


def _message(e: Exception) -> str:
    """Typst's message, with the place in the layout file where it arose."""
    message = " ".join(str(getattr(e, "message", None) or e).split())
    where = re.search(r"┌─ (\S+:\d+:\d+)", str(getattr(e, "diagnostic", "") or ""))
    return f"{message} (at {where.group(1)})" if where else message


# --- producer ------------------------------------------------------------------------------------


def _finish(pdf: bytes) -> bytes:
    """Typst's PDF with ``/Producer`` in the document information (when there is one: PDF
    2.0 has none) and ``pdf:Producer`` in the XMP metadata (PDF/A wants both to agree),
    which Typst writes neither of, and without the catalog's ``/Suspects false`` (the
    default, which poppler reports as "Suspects object is wrong type (boolean)")."""
    return amend(pdf, lambda reader: [*_with_producer(reader), *_without_suspects(reader)], strict=True)


def _with_producer(reader: PdfReader) -> list[PdfObject]:
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    ref = reader.trailer.get("/Info")  # the file's own object (``reader.metadata`` is a copy)
    info = ref.get_object() if ref is not None else None
    xmp = reader.xmp_metadata
    if not isinstance(info, DictionaryObject):
        info = None
    creator = info.get("/Creator") if info is not None else xmp.xmp_creator_tool if xmp else None
    value = producer(str(creator) if creator else None)
    if info is not None:
        info[NameObject("/Producer")] = TextStringObject(value)
    if xmp is not None:
        xmp.pdf_producer = value
    return [obj for obj in (info, xmp and xmp.stream) if obj is not None]


def _without_suspects(reader: PdfReader) -> list[PdfObject]:
    from pypdf.generic import BooleanObject, DictionaryObject, IndirectObject

    catalog = reader.root_object
    marks = catalog.get("/MarkInfo")
    if not isinstance(marks, DictionaryObject) or marks.get("/Suspects") != BooleanObject(False):
        return []
    del marks["/Suspects"]
    return [marks if isinstance(catalog.raw_get("/MarkInfo"), IndirectObject) else catalog]
