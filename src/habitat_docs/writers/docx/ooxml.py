"""WordprocessingML pieces python-docx has no API for: styles, runs, footnotes, fields.

Markup is built as strings and parsed once per fragment (lxml), which is faster than
building elements one by one.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from habitat_docs.compose.tree import Inline, NoteRef, Span, Typography
from habitat_docs.model.symbol_find import nobreak

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = f'xmlns:w="{W}" xmlns:r="{R}"'
TWIPS_PER_CM = 567


def twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


def fragment(xml: str) -> list[etree._Element]:
    """Parse body-level markup (several w:p / w:tbl) into elements."""
    return list(parse_xml(f"<w:body {_NS}>{xml}</w:body>"))


def text(s: str) -> str:
    """A w:t element; UN symbols in it get word joiners so they never break across lines."""
    return f'<w:t xml:space="preserve">{escape(nobreak(s))}</w:t>'


def run(s: str, bold: bool = False, italic: bool = False, style: str | None = None) -> str:
    props = (f'<w:rStyle w:val="{style}"/>' if style else "") + ("<w:b/>" if bold else "") + (
        "<w:i/>" if italic else ""
    )
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{text(s)}</w:r>"


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
            xml = f"<w:footnotes {_NS}>{sep}</w:footnotes>"
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
        body = "".join(run(s.text, s.bold, s.italic) for s in note.content)
        root.append(
            parse_xml(
                f'<w:footnote {_NS} w:id="{nid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
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
            out.append(run(item.text, bold or item.bold, item.italic))
        else:
            out.append(notes.add(item))
    return "".join(out)


def settings(settings_element: etree._Element, typo: Typography) -> None:
    """Footnote separators, East-Asian theme language, even/odd headers."""
    compat = settings_element.find(qn("w:compat"))
    fpr = parse_xml(f'<w:footnotePr {_NS}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    if compat is not None:
        compat.addprevious(fpr)
    theme = settings_element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), typo.lang_latin)
        theme.set(qn("w:eastAsia"), typo.lang_east_asian)


def styles(typo: Typography) -> BaseOxmlElement:
    """The whole styles part: document defaults and the UN paragraph styles."""
    t = typo
    half = lambda pt: round(pt * 2)
    line = f'w:line="{round(t.line_spacing * 20)}" w:lineRule="exact"' if t.line_spacing else (
        'w:line="240" w:lineRule="auto"'
    )
    ind = twips(t.label_indent_cm)
    right = twips(1.0)

    def fonts(latin: str, east: str) -> str:
        return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" w:eastAsia="{east}"/>'

    heading_fonts = fonts(t.heading_font, t.east_asian_heading_font)

    def pstyle(sid: str, name: str, ppr: str, rpr: str = "", based: str = "Normal", extra: str = "") -> str:
        return (
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="{based}"/>{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
        )

    def sub(depth: int) -> str:
        return pstyle(
            f"UNSubparagraph{depth}", f"UN Subparagraph {depth}",
            f'<w:spacing w:after="120" {line}/><w:ind w:left="{ind * (depth + 1)}" w:right="{right}"'
            f' w:hanging="{ind}"/><w:jc w:val="both"/>',
        )  # fmt: skip

    heading = lambda level, size, keep="<w:keepNext/><w:keepLines/>": (
        f'{keep}<w:spacing w:before="{240 if level == 0 else 200}" w:after="{200}" w:line="240"'
        f' w:lineRule="auto"/><w:ind w:left="{ind}" w:right="{right}" w:hanging="{ind}"/>'
        f'<w:outlineLvl w:val="{max(level - 1, 0)}"/>'
    )
    hrpr = lambda size: f"{heading_fonts}<w:b/><w:bCs/><w:sz w:val=\"{half(size)}\"/><w:szCs w:val=\"{half(size)}\"/>"
    body = "".join([
        '<w:docDefaults><w:rPrDefault><w:rPr>',
        fonts(t.body_font, t.east_asian_font),
        f'<w:sz w:val="{half(t.body_size)}"/><w:szCs w:val="{half(t.body_size)}"/>',
        f'<w:lang w:val="{t.lang_latin}" w:eastAsia="{t.lang_east_asian}" w:bidi="ar-SA"/>',
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240"',
        ' w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>',
        f'<w:qFormat/><w:pPr><w:spacing w:after="0" {line}/></w:pPr><w:rPr/></w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">',
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>',
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0"',
        ' w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>',
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>',
        f'<w:basedOn w:val="Normal"/><w:next w:val="UNParagraph"/><w:qFormat/><w:pPr>{heading(1, t.section_size)}</w:pPr>',
        f"<w:rPr>{hrpr(t.section_size)}</w:rPr></w:style>",
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>',
        f'<w:basedOn w:val="Normal"/><w:next w:val="UNParagraph"/><w:qFormat/><w:pPr>{heading(2, t.subsection_size)}</w:pPr>',
        f"<w:rPr>{hrpr(t.subsection_size)}</w:rPr></w:style>",
        pstyle("UNAnnex", "UN Annex Heading",
               '<w:keepNext/><w:pageBreakBefore/><w:spacing w:after="240" w:line="240" w:lineRule="auto"/>'
               '<w:outlineLvl w:val="0"/>', hrpr(t.section_size)),
        pstyle("UNParagraph", "UN Paragraph",
               f'<w:spacing w:after="120" {line}/><w:ind w:left="{ind}" w:right="{right}" w:hanging="{ind}"/>'
               '<w:jc w:val="both"/>'),
        *(sub(d) for d in (1, 2, 3, 4)),
        pstyle("UNUnnumbered", "UN Unnumbered Paragraph",
               f'<w:spacing w:after="120" {line}/><w:ind w:left="{ind}" w:right="{right}"/><w:jc w:val="both"/>'),
        pstyle("UNMasthead", "UN Masthead", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'),
        pstyle("UNMastheadSymbol", "UN Masthead Symbol",
               '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>',
               f'{heading_fonts}<w:b/><w:sz w:val="{half(t.title_size + 3)}"/>'),
        pstyle("UNMastheadBold", "UN Masthead Bold", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               f"{heading_fonts}<w:b/><w:bCs/>"),
        pstyle("UNOrgan", "UN Masthead Organ", '<w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/>',
               f'{heading_fonts}<w:b/><w:sz w:val="{half(t.subsection_size + 2)}"/>'),
        pstyle("UNDistribution", "UN Masthead Distribution", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               f'<w:sz w:val="{half(10)}"/>'),
        pstyle("UNTitle", "UN Title",
               f'<w:keepNext/><w:spacing w:before="360" w:after="240" w:line="240" w:lineRule="auto"/>'
               f'<w:ind w:left="{ind}" w:right="{ind}"/>', hrpr(t.title_size)),
        pstyle("UNSubtitle", "UN Subtitle",
               f'<w:keepNext/><w:spacing w:after="240" w:line="240" w:lineRule="auto"/><w:ind w:left="{ind}"/>',
               hrpr(t.subsection_size)),
        pstyle("UNCaption", "UN Caption",
               f'<w:keepNext/><w:spacing w:before="120" w:after="60" w:line="240" w:lineRule="auto"/><w:ind w:left="{ind}"/>',
               f"{heading_fonts}<w:b/><w:bCs/>"),
        pstyle("UNTableText", "UN Table Text", '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
               f'<w:sz w:val="{half(t.body_size - 1)}"/>'),
        pstyle("UNNote", "UN Note",
               f'<w:spacing w:before="60" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="{ind}" w:right="{right}"/>',
               f'<w:sz w:val="{half(t.body_size - 1.5)}"/>'),
        pstyle("UNBox", "UN Box",
               '<w:keepLines/><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="000000"/>'
               '<w:left w:val="single" w:sz="4" w:space="4" w:color="000000"/>'
               '<w:bottom w:val="single" w:sz="4" w:space="4" w:color="000000"/>'
               '<w:right w:val="single" w:sz="4" w:space="4" w:color="000000"/></w:pBdr>'
               f'<w:spacing w:after="60" w:line="240" w:lineRule="auto"/>'
               f'<w:ind w:left="{ind * 2}" w:right="{right + ind}" w:hanging="{ind // 2}"/>'),
        pstyle("UNRunningHead", "UN Running Head", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               f'<w:b/><w:sz w:val="{half(9)}"/>'),
        pstyle("UNFooter", "UN Footer", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               f'<w:sz w:val="{half(9)}"/>'),
        pstyle("FootnoteText", "footnote text",
               f'<w:spacing w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:left="{ind}" w:hanging="{ind // 2}"/>',
               f'<w:sz w:val="{half(t.body_size - 1.5)}"/>'),
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>',
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
    ])  # fmt: skip
    return parse_xml(f"<w:styles {_NS}>{body}</w:styles>")
