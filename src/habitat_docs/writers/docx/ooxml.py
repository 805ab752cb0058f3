"""WordprocessingML pieces python-docx has no API for: runs, borders, footnotes, fields.

Markup is built as strings and parsed once per fragment (lxml), which is faster than
building elements one by one.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from habitat_docs.compose.bidi import right_to_left
from habitat_docs.compose.geometry import BOX_PADDING_PT, THIN_RULE_PT
from habitat_docs.compose.titles import BREAK
from habitat_docs.compose.tree import Inline, Mark, NoteRef, Span, Typography
from habitat_docs.model.symbol_find import NARROW_NO_BREAK_SPACE, nobreak
from habitat_docs.model.symbol_grammar import DASHES, WORD_JOINER

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
TWIPS_PER_CM = 567
_DASH = re.compile(f"[{DASHES}]")


def twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


def border(side: str, pt: float, space: int = 0) -> str:
    """A single black rule of ``pt`` points (Word counts eighths of a point)."""
    return f'<w:{side} w:val="single" w:sz="{round(pt * 8)}" w:space="{space}" w:color="000000"/>'


def box(left: int, right: int, hanging: int = 0) -> tuple[str, str]:
    """The borders and the indents of a box whose rules lie on the text edges ``left`` and
    ``right`` (twips from the margins), its text the box padding inside them: a rule lies
    w:space points outside the indents. (Word and LibreOffice draw one box round
    neighbouring paragraphs with the same borders and indents.)"""
    pad = round(BOX_PADDING_PT)
    sides = "".join(border(side, THIN_RULE_PT, pad) for side in ("top", "left", "bottom", "right"))
    first = f'w:hanging="{hanging}"' if hanging else 'w:firstLine="0"'
    return f"<w:pBdr>{sides}</w:pBdr>", f'<w:ind w:left="{left + pad * 20 + hanging}" w:right="{right + pad * 20}" {first}/>'


def bidi(t: Typography) -> str:
    """The paragraph property of a right-to-left document (Normal has it, so every paragraph
    style does): indents, tab stops and alignment mirror, and the text reads from the right."""
    return "<w:bidi/>" if t.direction == "rtl" else ""


def bidi_visual(t: Typography) -> str:
    """The table property of a right-to-left document: the first column on the right."""
    return "<w:bidiVisual/>" if t.direction == "rtl" else ""


def fragment(xml: str) -> list[etree._Element]:
    """Parse body-level markup (several w:p / w:tbl) into elements."""
    return list(parse_xml(f"<w:body {NS}>{xml}</w:body>"))


def text(s: str, unbroken: tuple[tuple[int, int], ...] = ()) -> str:
    """A w:t element; the pieces at ``unbroken`` (start, end) get word joiners and no-break
    spaces, so that none breaks across lines: a UN symbol as :func:`nobreak` binds it, a
    number range or a hyphened name ("UN-Habitat") with joiners around its dash, a grouped
    number ("2 200") with narrow no-break spaces (LibreOffice breaks Chinese lines at U+00A0),
    a day and its month ("15 July") with a no-break space."""
    pieces, at = [], 0
    for start, end in unbroken:
        piece = s[start:end]
        bound = nobreak(piece)
        if bound == piece:  # no symbol: a range, a name, a number, a day and its month
            bound = _DASH.sub(f"{WORD_JOINER}\\g<0>{WORD_JOINER}", piece)
            bound = bound.replace("\u00a0", NARROW_NO_BREAK_SPACE).replace(" ", "\u00a0")
        pieces += [s[at:start], bound]
        at = end
    body = escape("".join(pieces) + s[at:]).replace(BREAK, '</w:t><w:br/><w:t xml:space="preserve">')
    return f'<w:t xml:space="preserve">{body}</w:t>'


def run(
    s: str, bold: bool = False, italic: bool = False, unbroken: tuple[tuple[int, int], ...] = ()
) -> str:
    """A run; one holding right-to-left letters is a right-to-left run, whose bold and italic
    are the complex-script ones (Word prints Arabic with w:bCs and w:iCs, not w:b and w:i)."""
    rtl = right_to_left(s)
    props = (
        ("<w:b/><w:bCs/>" if bold and rtl else "<w:b/>" if bold else "")
        + ("<w:i/><w:iCs/>" if italic and rtl else "<w:i/>" if italic else "")
        + ("<w:rtl/>" if rtl else "")
    )
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{text(s, unbroken)}</w:r>"


def span_run(span: Span, bold: bool = False) -> str:
    """The run of a composed span (``bold``: whatever the span says)."""
    return run(span.text, bold or span.bold, span.italic, span.unbroken)


TAB = "<w:r><w:tab/></w:r>"


def para(style: str, body: str, props: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{props}</w:pPr>{body}</w:p>'


def field(instr: str, shown: str, bold: bool = False) -> str:
    """A simple field such as PAGE; ``shown`` is the cached result until the field updates."""
    return f'<w:fldSimple w:instr=" {instr} ">{run(shown, bold)}</w:fldSimple>'


class Footnotes:
    """The footnotes part, created on demand; the marks are the library's labels."""

    def __init__(self, document_part: object) -> None:
        self._document_part = document_part
        self._part: XmlPart | None = None
        self._next_id = 1
        self._next_number = 1  # the number Word and LibreOffice give the next numbered note

    def _element(self) -> etree._Element:
        if self._part is None:
            sep = "".join(
                f'<w:footnote w:type="{kind}" w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"'
                f' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
                for i, kind in ((-1, "separator"), (0, "continuationSeparator"))
            )
            xml = f"<w:footnotes {NS}>{sep}</w:footnotes>"
            pkg = self._document_part.package  # type: ignore[attr-defined]
            self._part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), pkg)
            self._document_part.relate_to(self._part, RT.FOOTNOTES)  # type: ignore[attr-defined]
        return self._part.element

    def add(self, note: NoteRef) -> str:
        """Add a footnote; return the reference run for the body.

        A mark that is the next number of the sequence (1, 2, …) is left to the application's
        footnote numbering, which then prints exactly that label; any other mark ("*") is a
        custom mark. (LibreOffice prints custom marks of two or more characters twice.)"""
        root = self._element()
        nid = self._next_id
        self._next_id += 1
        numbered = note.mark == str(self._next_number)
        if numbered:
            self._next_number += 1
        body = "".join(span_run(s) for s in note.content)
        root.append(
            parse_xml(
                f'<w:footnote {NS} w:id="{nid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                # the note repeats its reference's mark
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                f"{TAB}{body}</w:p></w:footnote>"
            )
        )
        ref = (
            f'<w:footnoteReference w:id="{nid}"/>'
            if numbered
            else f'<w:footnoteReference w:customMarkFollows="1" w:id="{nid}"/><w:t>{escape(note.mark)}</w:t>'
        )
        return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>{ref}</w:r>'


def runs(content: tuple[Inline, ...], notes: Footnotes, bold: bool = False) -> str:
    out = []
    for item in content:
        if isinstance(item, Span):
            out.append(span_run(item, bold))
        elif isinstance(item, Mark):  # a table note's letter, raised
            out.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>{text(item.text)}</w:r>')
        else:
            out.append(notes.add(item))
    return "".join(out)


def settings(settings_element: etree._Element, typo: Typography) -> None:
    """Footnote separators, East-Asian theme language, even/odd headers."""
    compat = settings_element.find(qn("w:compat"))
    fpr = parse_xml(f'<w:footnotePr {NS}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    if compat is not None:
        compat.addprevious(fpr)
    theme = settings_element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), typo.lang_latin)
        theme.set(qn("w:eastAsia"), typo.lang_east_asian)
