"""PDF reader: pypdf's plain ``extract_text()`` per page (never layout mode), with its text
visitor telling font sizes, so that footnote text, superscript note marks, running heads
and table text are told apart from body lines."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from attrs import evolve

from habitat_docs.check.document import DocumentText, Line, clean
from habitat_docs.check.findings import CheckError
from habitat_docs.check.furniture import furniture_role
from habitat_docs.check.limits import MAX_PAGES, MAX_PDF_TEXT
from habitat_docs.check.rtl import RTL, Piece, Reversal, reading_order

__all__ = ["Chunk", "page_lines", "read_pdf", "sized_line"]

_MARK = re.compile(r"\d{1,3}|\*{1,3}|[a-z]")
_NOTE_START = re.compile(r"\s*\d{1,3}\s+\S")
_SUPER = 0.8  # a mark set at most this fraction of the body size is a superscript
_RAISED = 0.7  # a footnote's own mark, at most this fraction of its text (page numbers are larger)
_SMALL = 0.95  # a line set below this fraction of the body size is not body text
_BOLD = ("bold", "black", "heavy", "semibold", "demi")

# A chunk: text, effective font size, bold.
Chunk = tuple[str, float, bool]


def read_pdf(path: Path) -> DocumentText:
    pages, lang = _extract(path)
    if not any(t.strip() for t, _ in pages):
        raise CheckError("no text in this PDF (a scan?): not a checkable document")
    body = _body_size(pages)
    lines: list[Line] = []
    for number, (text, chunks) in enumerate(pages, 1):
        lines.extend(page_lines(number, text, chunks, body))
    return DocumentText(str(path), "pdf", tuple(lines), len(pages), lang=lang)


def _extract(path: Path) -> tuple[list[tuple[str, list[list[Chunk]] | None]], str | None]:
    """Each page's text and chunks, and the language tag of the catalogue. Pages that draw the same content streams with the same
    resources are read once (a hostile file may give thousands of pages one large stream);
    past MAX_PAGES pages or MAX_PDF_TEXT characters the file is refused."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError

        reader = PdfReader(path)
        try:
            if reader.is_encrypted and not reader.decrypt(""):
                raise CheckError("encrypted PDF: it opens only with a password")
        except DependencyError:
            raise CheckError(
                "encrypted PDF (AES): reading it needs the Python package 'cryptography', "
                "which is not installed (pip install cryptography)"
            ) from None
        if len(reader.pages) > MAX_PAGES:
            raise CheckError(f"PDF of {len(reader.pages):,} pages: more than the {MAX_PAGES:,} the checker reads")
        catalogue: Any = reader.trailer["/Root"]
        lang = catalogue.get("/Lang")
        return _pages(reader), str(lang) if isinstance(lang, str) and lang.strip() else None
    except CheckError:
        raise
    except Exception as e:  # noqa: BLE001  pypdf raises many kinds of errors on broken files
        raise CheckError(f"cannot read as PDF: {e}") from None


def _pages(reader: Any) -> list[tuple[str, list[list[Chunk]] | None]]:
    out = []
    seen: dict[tuple[Any, ...], tuple[str, list[list[Chunk]] | None]] = {}
    size = 0
    for page in reader.pages:
        key = _drawing(page)
        if key is None or key not in seen:
            raw: list[tuple[str, list[float], list[float], object, float]] = []
            text = page.extract_text(visitor_text=lambda *chunk, _add=raw.append: _add(chunk))
            made = (clean(text), _lines_of_chunks(text, raw))
            if key is not None:
                seen[key] = made
        else:
            made = seen[key]
        size += len(made[0])
        if size > MAX_PDF_TEXT:
            raise CheckError(f"PDF of more than {MAX_PDF_TEXT // 2**20} MiB of text: more than the checker reads")
        out.append(made)
    return out


def _drawing(page: Any) -> tuple[Any, ...] | None:
    """What a page draws, by object: its content streams and resources, or None when its
    content streams are not indirect objects (and cannot be told apart)."""
    contents = page.get("/Contents")
    refs = contents if isinstance(contents, list) else [contents]
    resources = page.get("/Resources")
    ids = [getattr(r, "idnum", None) for r in refs]
    # pypdf gives pages the resources they inherit as one shared object: its identity serves
    ids.append(getattr(resources, "idnum", None) or id(resources))
    return None if None in ids else tuple(ids)


def _lines_of_chunks(
    text: str, raw: list[tuple[str, list[float], list[float], object, float]]
) -> list[list[Chunk]] | None:
    """The visitor's chunks grouped by output line; None when they do not add up to the
    text (then the page is read without sizes). Hot: one pass, little work per chunk. On a page
    with right-to-left letters, each line is also kept as pieces placed on the page, to be read
    in reading order."""
    if "".join([r[0] for r in raw]) != text:
        return None
    invisible = clean(text) != text
    turn = Reversal() if RTL.search(text) else None
    pieces: list[list[Piece]] = [[]]
    bold_of: dict[int, bool] = {}
    line: list[Chunk] = []
    lines = [line]
    for t, cm, tm, font, size in raw:
        if not t:
            continue
        m3 = tm[2] * cm[1] + tm[3] * cm[3]
        if abs(m3) > 1e-3:  # the vertical scale, skew (italics) aside
            eff = size * abs(m3)
        else:  # rotated text
            eff = size * math.hypot(tm[2] * cm[0] + tm[3] * cm[2], m3)
        bold = bold_of.get(id(font))
        if bold is None:
            name = str(font.get("/BaseFont", "")).lower() if isinstance(font, dict) else ""
            bold = bold_of[id(font)] = any(w in name for w in _BOLD)
        if turn is not None:
            _place(pieces, t, turn.turned(t), (eff, bold, tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))
        if invisible:
            t = clean(t)
        if "\n" not in t:
            line.append((t, eff, bold))
            continue
        for k, part in enumerate(t.split("\n")):
            if k:
                line = []
                lines.append(line)
            if part:
                line.append((part, eff, bold))
    if turn is None:
        return lines
    return [reading_order(p, _is_mark) or ln for p, ln in zip(pieces, lines, strict=True)]


def _is_mark(text: str, size: float, largest: float) -> bool:
    return size <= largest * _SUPER and _MARK.fullmatch(text.strip()) is not None


def _place(
    lines: list[list[Piece]], text: str, turned: bool, at: tuple[float, bool, float]
) -> None:
    """A run's text, line by line, as its glyphs stand (left to right), with its size, bold
    and x."""
    for k, part in enumerate(clean(text).split("\n")):
        if k:
            lines.append([])
        if part:
            lines[-1].append(((part[::-1] if turned else part), *at))


_NUMBERED = re.compile(r"\s*\d{1,4}\.(?:\s|\Z)")


def _body_size(pages: list[tuple[str, list[list[Chunk]] | None]]) -> float:
    """The size most characters of numbered paragraphs are set in (of all lines, when none is
    numbered): tables and figures, often set smaller, must not pass for the body."""
    weights: Counter[float] = Counter()
    numbered: Counter[float] = Counter()
    for _, chunks in pages:
        for line in chunks or ():
            counts = numbered if line and _NUMBERED.match(line[0][0]) else weights
            for t, size, _b in line:
                counts[round(size * 2) / 2] += len(t.strip())
    weights = numbered or weights + numbered
    return weights.most_common(1)[0][0] if weights else 0.0


def page_lines(page: int, text: str, chunks: list[list[Chunk]] | None, body: float) -> list[Line]:
    """The lines of one page, told apart by their sizes (relative to ``body``) when the
    chunks of each line are known, else by their text alone."""
    texts = text.split("\n")
    if chunks is None or body <= 0:
        return [Line(page, n, t, furniture_role(t) or "body") for n, t in enumerate(texts, 1)]
    out = [sized_line(page, n, line, body) for n, line in enumerate(_joined_marks(chunks, body), 1)]
    _mark_furniture(out)
    _trailing_notes(out)
    return out


def _joined_marks(chunks: list[list[Chunk]], body: float) -> list[list[Chunk]]:
    """Lines with a footnote's mark standing alone on the line before its small text joined
    to it: LibreOffice's right-to-left footnotes give pypdf the mark ("*") as a line of its own.
    (The joined line keeps its place: line numbers count pypdf's lines.)"""
    out = [list(line) for line in chunks]
    for i in range(len(out) - 1):
        line, following = out[i], out[i + 1]
        sizes = [c[1] for c in following if c[0].strip()]
        # a mark is raised: smaller than the note's own text (a page number is not)
        if (line and following and sizes and max(sizes) < body * _SMALL
                and _MARK.fullmatch("".join(c[0] for c in line).strip())
                and all(c[1] <= max(sizes) * _RAISED for c in line if c[0].strip())):  # fmt: skip
            out[i + 1] = [*line, (" ", line[-1][1], False), *following]
            out[i] = []
    return out


def sized_line(page: int, n: int, chunks: list[Chunk], body: float) -> Line:
    """One output line: superscript marks taken out of the text, footnote lines recognised
    by the small mark they start with."""
    kept: list[Chunk] = []
    marks: list[str] = []
    at: list[int] = []  # where each mark stood in the text
    lead: str | None = None
    largest = max((c[1] for c in chunks if c[0].strip()), default=0.0)
    after_mark: str | None = None
    for chunk in chunks:
        s = chunk[0].strip()
        small = chunk[1] <= body * _SUPER and chunk[1] <= largest * _SUPER  # smaller than its line
        if s and small and _MARK.fullmatch(s):
            if not kept or all(not k[0].strip() for k in kept):
                lead = lead or s  # a leading mark: the label of a footnote, or a mark
            marks.append(s)
            at.append(sum(len(k[0]) for k in kept))
            after_mark = s
            continue
        if s and s == after_mark:
            after_mark = None  # LibreOffice prints a custom mark twice: "115.²⁸28"
            continue
        after_mark = None if s else after_mark
        kept.append(chunk)
    main = max(kept, key=lambda c: len(c[0].strip()), default=None)
    size = main[1] / body if main else None
    bold = main[2] if main else None
    text = "".join(c[0] for c in kept)
    if lead is not None and (size is None or size < _SMALL):
        # footnote text: "1 See …"; its label is not a reference mark
        del at[marks.index(lead)]
        marks.remove(lead)
        return Line(page, n, f"{lead} {text.lstrip()}", "note", tuple(marks), None, size, bold)
    role = "small" if size is not None and size < _SMALL else "body"
    return Line(page, n, text, role, tuple(marks), None, size, bold, mark_at=tuple(at))


def _mark_furniture(lines: list[Line]) -> None:
    """Running heads and page numbers at the top of the page, footers at the bottom, and
    footnote continuation lines (small lines after a footnote)."""
    for i, ln in enumerate(lines):
        role = furniture_role(ln.text)
        if role is None and ln.text.strip():
            break
        if role is not None:
            lines[i] = _with_role(ln, role)
    for i in range(len(lines) - 1, -1, -1):
        role = furniture_role(lines[i].text)
        if role is None and lines[i].text.strip():
            break
        if role is not None:
            lines[i] = _with_role(lines[i], role)
    in_note = False
    for i, ln in enumerate(lines):
        if ln.role == "note":
            in_note = True
        elif in_note and ln.role == "small":  # a footnote's next line: a number there is text
            lines[i] = _with_role(ln, "note", sure=False)
        elif ln.role == "body" and ln.text.strip():
            in_note = False


def _with_role(ln: Line, role: str, sure: bool = True) -> Line:
    return evolve(ln, role=role, sure=sure)


def _trailing_notes(lines: list[Line]) -> None:
    """Footnotes whose labels are set full size (Typst uses superscript glyphs): small lines
    at the foot of the page, after the last body line, starting "4 Umoja …"."""
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if ln.role in ("head", "foot", "note") or not ln.text.strip():
            continue
        if ln.role != "small":
            break
        if _NOTE_START.match(ln.text):
            lines[i] = _with_role(ln, "note", sure=False)
