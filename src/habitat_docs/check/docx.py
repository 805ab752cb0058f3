"""DOCX reader: paragraph text in document order (labels are literal text, "1.\\t", "(a)\\t",
or Word's automatic list numbering, read as Word displays it), footnote reference marks, and the
running heads of the header parts. Tracked changes read as accepted: insertions kept, deletions
and moved-away text dropped, a paragraph whose mark is deleted joined to the next."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from habitat_docs.check.document import DocumentText, Header, Line, clean, no_breaks
from habitat_docs.check.findings import CheckError
from habitat_docs.check.limits import MAX_PART
from habitat_docs.check.symbols import SYMBOL
from habitat_docs.check.wordlists import WordLists

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P, R, T, TBL, SDT = _W + "p", _W + "r", _W + "t", _W + "tbl", _W + "sdt"
NOTE_REF = _W + "footnoteReference"
DEL, MOVE_FROM, PPR = _W + "del", _W + "moveFrom", _W + "pPr"
# Not read: deleted and moved-away text, and paragraphs inside a paragraph (text boxes).
_DROPPED = frozenset({DEL, MOVE_FROM, P})
_REVISIONS = tuple(_W + t for t in ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange"))
# Third-party files: no DTD, no entities, no network, no huge trees.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_CHARS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def read_docx(path: Path) -> DocumentText:
    try:
        import docx

        doc = docx.Document(str(path))
    except Exception as e:  # noqa: BLE001  not a zip, no word/document.xml, broken XML …
        raise CheckError(f"cannot read as DOCX: {_broken_part(path) or e}") from None
    body = doc.element.find(_W + "body")
    if doc.element.tag != _W + "document" or body is None:
        raise CheckError("cannot read as DOCX: part /word/document.xml is not a Word document body")
    lists = WordLists(_related(doc.part, "/numbering"), _related(doc.part, "/styles"))
    lines: list[Line] = []
    auto = [0]  # auto-numbered footnotes so far
    refs: dict[str, int] = {}  # footnote id -> the paragraph that cites it
    for n, (group, role) in enumerate(_accepted(_paragraphs(body)), 1):
        ids: list[str] = []
        at: list[list[int]] = [[] for _ in group]
        spans: list[list[tuple[int, int]]] = [[] for _ in group]
        read = [paragraph_text(q, auto, ids, a, i) for q, a, i in zip(group, at, spans, strict=True)]
        raws = [raw_text(q) for q in group]  # a custom mark's own run may differ: none kept
        kept = [list(no_breaks(r)) if clean(r) == t else [] for r, (t, _) in zip(raws, read, strict=True)]
        refs.update((i, n) for i in ids)
        p = group[-1]  # the paragraph mark that remains carries the properties
        style = _style(p)
        text = _label(lists, p, style) + "".join(t for t, _ in read)
        marks = tuple(m for _, ms in read for m in ms)
        start = len(text) - sum(len(t) for t, _ in read)
        mark_at = _offsets(start, read, at)
        italic = tuple(zip(_offsets(start, read, [[a for a, _ in s] for s in spans]),
                           _offsets(start, read, [[b for _, b in s] for s in spans]), strict=True))  # fmt: skip
        no_break = tuple(zip(_offsets(start, read, [[k for k, _ in s] for s in kept]),
                             [c for s in kept for _, c in s], strict=True))  # fmt: skip
        for part in text.split("\n"):
            fits = all(k <= len(part) for k in mark_at)
            lines.append(Line(None, n, part, role, marks, style, mark_at=mark_at if fits else (),
                              italic=tuple(s for s in italic if s[1] <= len(part)),
                              no_break=tuple(s for s in no_break if s[0] < len(part))))  # fmt: skip
            marks, mark_at, italic, no_break = (), (), (), ()
    notes = _related(doc.part, "/footnotes")
    lines.extend(_footnotes(notes, refs))
    subject = doc.core_properties.subject or ""
    hint = subject if SYMBOL.fullmatch(subject) else None
    tracked = any(_tracked(x) for x in (body, notes) if x is not None)
    lang = doc.core_properties.language or None
    return DocumentText(str(path), "docx", tuple(lines), None, _headers(doc), hint, tracked, lang)


def _broken_part(path: Path) -> str | None:
    """Which XML part of a DOCX python-docx could not parse, and why (on the error path only);
    parts larger than :data:`~habitat_docs.check.limits.MAX_PART` are not inflated."""
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.filename.endswith((".xml", ".rels")) and info.file_size <= MAX_PART:
                    try:
                        etree.fromstring(z.read(info), _PARSER)
                    except etree.XMLSyntaxError as e:
                        return f"part /{info.filename} is not well-formed XML: {e}"
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError):
        return None
    return None


def _accepted(
    paragraphs: Iterator[tuple[etree._Element, str]],
) -> Iterator[tuple[list[etree._Element], str]]:
    """Paragraphs as they read with the changes accepted: one whose paragraph mark is deleted
    joins the next paragraph of the same container (a wholly deleted one thus disappears)."""
    pending: list[etree._Element] = []
    pending_role = "body"
    for p, role in paragraphs:
        if pending and pending[-1].getparent() is not p.getparent():
            yield pending, pending_role
            pending = []
        pending.append(p)
        pending_role = role
        if not _mark_deleted(p):
            yield pending, role
            pending = []
    if pending:
        yield pending, pending_role


def _mark_deleted(p: etree._Element) -> bool:
    ppr = p.find(PPR)
    rpr = ppr.find(_W + "rPr") if ppr is not None else None
    return rpr is not None and (rpr.find(DEL) is not None or rpr.find(MOVE_FROM) is not None)


def _tracked(element: etree._Element) -> bool:
    return next(element.iter(*_REVISIONS), None) is not None


def _label(lists: WordLists, p: etree._Element, style: str | None) -> str:
    """The label Word's list numbering displays in front of the paragraph, else ""."""
    if not lists.active:
        return ""
    ppr = p.find(PPR)
    num_pr = ppr.find(_W + "numPr") if ppr is not None else None
    num_id = ilvl = None
    if num_pr is not None:
        num_el, ilvl_el = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
        num_id = num_el.get(_W + "val") if num_el is not None else None
        ilvl = ilvl_el.get(_W + "val") if ilvl_el is not None else None
    where = lists.numbering(num_id, ilvl, style)
    return lists.label(*where) if where is not None else ""


def _related(part: object, reltype: str) -> etree._Element | None:
    """The XML of the part ``part`` refers to with a relationship of that type, if any."""
    rels = part.rels.values()  # type: ignore[attr-defined]
    rel = next((r for r in rels if r.reltype.endswith(reltype) and not r.is_external), None)
    return _element(rel.target_part) if rel is not None else None


def _element(part: object) -> etree._Element:
    """A part's XML: as python-docx parsed it, else parsed here (hardened); CheckError
    naming the part when it is not well-formed XML."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return etree.fromstring(part.blob, _PARSER)  # type: ignore[attr-defined]
    except (etree.XMLSyntaxError, ValueError) as e:
        name = getattr(part, "partname", "?")
        raise CheckError(f"cannot read the DOCX part {name}: {e}") from None


def _paragraphs(parent: etree._Element, role: str = "body") -> Iterator[tuple[etree._Element, str]]:
    for child in parent:
        if child.tag == P:
            yield child, role
        elif child.tag == TBL:
            for p in child.iter(P):
                yield p, "table"
        elif child.tag == SDT:
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _paragraphs(content, role)


def _style(p: etree._Element) -> str | None:
    ppr = p.find(_W + "pPr")
    st = ppr.find(_W + "pStyle") if ppr is not None else None
    return st.get(_W + "val") if st is not None else None


def _offsets(
    start: int, read: list[tuple[str, tuple[str, ...]]], at: list[list[int]]
) -> tuple[int, ...]:
    """Where the marks of a paragraph read in parts (``read``, marks ``at`` within each)
    stood in its whole text, whose first ``start`` characters are its label."""
    out: list[int] = []
    for (text, _), offsets in zip(read, at, strict=True):
        out += [start + k for k in offsets]
        start += len(text)
    return tuple(out)


def paragraph_text(
    p: etree._Element,
    auto: list[int] | None = None,
    ids: list[str] | None = None,
    at: list[int] | None = None,
    italic: list[tuple[int, int]] | None = None,
) -> tuple[str, tuple[str, ...]]:
    """The text of a paragraph and its footnote marks (a mark's characters are not text);
    ``ids`` collects the ids of the footnotes cited, ``at`` where each mark stood, ``italic``
    the spans its italic runs set (adjacent ones made one, spaces at their ends left out)."""
    auto = auto if auto is not None else [0]
    out: list[str] = []
    marks: list[str] = []
    skip_next = False
    for r in _runs(p):
        ref = r.find(NOTE_REF)
        if ref is not None:
            if ids is not None:
                ids.append(ref.get(_W + "id", ""))
            if at is not None:
                at.append(len(clean("".join(out))))
            if ref.get(_W + "customMarkFollows") in ("1", "true", "on"):
                mark = "".join(t.text or "" for t in r.iter(T))
                skip_next = not mark
                marks.append(mark or "?")
            else:
                auto[0] += 1
                marks.append(str(auto[0]))
            continue
        if skip_next:  # a custom mark in the run after its reference
            mark = "".join(t.text or "" for t in r.iter(T))
            if mark:
                marks[-1], skip_next = mark, False
                continue
        before = len(out)
        for el in r:
            if el.tag == T:
                out.append(el.text or "")
            elif el.tag in _CHARS:
                out.append(_CHARS[el.tag])
        if italic is not None and len(out) > before and _italic(r):
            _span(italic, clean("".join(out[:before])), clean("".join(out)))
    return clean("".join(out)), tuple(clean(m) for m in marks)


def raw_text(p: etree._Element) -> str:
    """The text of a paragraph's runs as written, footnote marks left out (``paragraph_text``
    before ``clean``): where its no-break spaces stand."""
    out: list[str] = []
    for r in _runs(p):
        if r.find(NOTE_REF) is not None:
            continue
        out += [el.text or "" if el.tag == T else _CHARS.get(el.tag, "") for el in r]
    return "".join(out)


def _italic(run: etree._Element) -> bool:
    """Whether a run is set in italics by its own properties."""
    i = run.find(f"{_W}rPr/{_W}i")
    return i is not None and i.get(_W + "val", "true") not in ("0", "false", "off")


def _span(spans: list[tuple[int, int]], before: str, after: str) -> None:
    """The italic run that took the text from ``before`` to ``after``, as a span; one with the
    span it touches."""
    start = len(before) + (len(after[len(before) :]) - len(after[len(before) :].lstrip()))
    end = len(after.rstrip())
    if end <= start:
        return
    if spans and after[spans[-1][1] : start].strip() == "":
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def _runs(parent: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph as accepted, in order (inside insertions, hyperlinks, fields …)."""
    for child in parent:
        if child.tag == R:
            yield child
        elif child.tag not in _DROPPED and child.tag != PPR:
            yield from _runs(child)


def _headers(doc: object) -> tuple[Header, ...]:
    """The running heads of pages 2 onwards, section by section (inherited when absent)."""
    body = doc.element.body  # type: ignore[attr-defined]
    parts = doc.part.related_parts  # type: ignore[attr-defined]
    even_odd = bool(doc.settings.odd_and_even_pages_header_footer)  # type: ignore[attr-defined]
    sects = list(body.iter(_W + "sectPr"))
    current: dict[str, str | None] = {"default": None, "even": None, "first": None}
    out: list[Header] = []
    read: dict[int, str] = {}  # sections may all point at one header part: read it once
    for s, sect in enumerate(sects, 1):
        for ref in sect.findall(_W + "headerReference"):
            part = parts.get(ref.get(_R + "id"))
            if part is not None:
                if id(part) not in read:
                    read[id(part)] = _part_text(part)
                current[ref.get(_W + "type", "default")] = read[id(part)]
        title_page = sect.find(_W + "titlePg")
        title_pg = title_page is not None and title_page.get(_W + "val") not in (
            "0",
            "false",
            "off",
        )
        prefix = f"section {s} " if len(sects) > 1 else ""
        wanted = [("default", "odd pages" if even_odd else "all pages")]
        if even_odd:
            wanted.append(("even", "even pages"))
        if title_pg and s > 1:
            wanted.append(("first", "first page"))
        for kind, where in wanted:
            out.append(Header(f"{prefix}header ({where})", current[kind] or ""))
    return tuple(out)


def _part_text(part: object) -> str:
    return "\n".join(paragraph_text(p)[0] for p in _element(part).iter(P))


def _footnotes(element: etree._Element | None, refs: dict[str, int]) -> list[Line]:
    """Footnote texts as note lines, located at the paragraph citing them."""
    if element is None:
        return []
    out = []
    for note in element.iter(_W + "footnote"):
        nid = note.get(_W + "id", "")
        if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(paragraph_text(p)[0] for p in note.iter(P)).replace("\t", " ")
        out.append(Line(None, refs.get(nid, 0), text, "note"))
    return out
