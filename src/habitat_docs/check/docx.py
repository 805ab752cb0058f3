"""DOCX reader: paragraph text in document order (labels are literal text, "1.\\t", "(a)\\t"),
footnote reference marks, and the running heads of the header parts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from habitat_docs.check.document import DocumentText, Header, Line, clean
from habitat_docs.check.findings import CheckError
from habitat_docs.check.symbols import SYMBOL

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P, R, T, TBL, SDT = _W + "p", _W + "r", _W + "t", _W + "tbl", _W + "sdt"
NOTE_REF = _W + "footnoteReference"
_CHARS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def read_docx(path: Path) -> DocumentText:
    try:
        import docx

        doc = docx.Document(str(path))
    except Exception as e:  # noqa: BLE001  not a zip, no word/document.xml, broken XML …
        raise CheckError(f"cannot read as DOCX: {e}") from None
    body = doc.element.body
    lines: list[Line] = []
    auto = [0]  # auto-numbered footnotes so far
    refs: dict[str, int] = {}  # footnote id -> the paragraph that cites it
    for n, (p, role) in enumerate(_paragraphs(body), 1):
        ids: list[str] = []
        text, marks = paragraph_text(p, auto, ids)
        refs.update((i, n) for i in ids)
        style = _style(p)
        for part in text.split("\n"):
            lines.append(Line(None, n, part, role, marks, style))
            marks = ()
    lines.extend(_footnotes(doc, refs))
    subject = doc.core_properties.subject or ""
    hint = subject if SYMBOL.fullmatch(subject) else None
    return DocumentText(str(path), "docx", tuple(lines), None, _headers(doc), hint)


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


def paragraph_text(
    p: etree._Element, auto: list[int] | None = None, ids: list[str] | None = None
) -> tuple[str, tuple[str, ...]]:
    """The text of a paragraph and its footnote marks (a mark's characters are not text);
    ``ids`` collects the ids of the footnotes cited."""
    auto = auto if auto is not None else [0]
    nested = [x for x in p.iter(P) if x is not p]
    inside = {id(el) for x in nested for el in x.iter()} if nested else set()
    out: list[str] = []
    marks: list[str] = []
    skip_next = False
    for r in p.iter(R):
        if id(r) in inside:
            continue
        ref = r.find(NOTE_REF)
        if ref is not None:
            if ids is not None:
                ids.append(ref.get(_W + "id", ""))
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
        for el in r:
            if el.tag == T:
                out.append(el.text or "")
            elif el.tag in _CHARS:
                out.append(_CHARS[el.tag])
    return clean("".join(out)), tuple(clean(m) for m in marks)


def _headers(doc: object) -> tuple[Header, ...]:
    """The running heads of pages 2 onwards, section by section (inherited when absent)."""
    body = doc.element.body  # type: ignore[attr-defined]
    parts = doc.part.related_parts  # type: ignore[attr-defined]
    even_odd = bool(doc.settings.odd_and_even_pages_header_footer)  # type: ignore[attr-defined]
    sects = list(body.iter(_W + "sectPr"))
    current: dict[str, str | None] = {"default": None, "even": None, "first": None}
    out: list[Header] = []
    for s, sect in enumerate(sects, 1):
        for ref in sect.findall(_W + "headerReference"):
            part = parts.get(ref.get(_R + "id"))
            if part is not None:
                current[ref.get(_W + "type", "default")] = _part_text(part)
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
    element = getattr(part, "element", None)
    if element is None:
        element = etree.fromstring(part.blob)  # type: ignore[attr-defined]
    return "\n".join(paragraph_text(p)[0] for p in element.iter(P))


def _footnotes(doc: object, refs: dict[str, int]) -> list[Line]:
    """Footnote texts as note lines, located at the paragraph citing them."""
    rels = doc.part.rels.values()  # type: ignore[attr-defined]
    rel = next((r for r in rels if r.reltype.endswith("/footnotes")), None)
    if rel is None or rel.is_external:
        return []
    part = rel.target_part
    element = getattr(part, "element", None)
    if element is None:
        element = etree.fromstring(part.blob)
    out = []
    for note in element.iter(_W + "footnote"):
        nid = note.get(_W + "id", "")
        if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(paragraph_text(p)[0] for p in note.iter(P)).replace("\t", " ")
        out.append(Line(None, refs.get(nid, 0), text, "note"))
    return out
