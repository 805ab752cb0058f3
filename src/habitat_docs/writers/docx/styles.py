"""The styles part of the DOCX: document defaults and the UN paragraph styles of one typography."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement

from habitat_docs.compose.geometry import CELL_PADDING_PT
from habitat_docs.compose.tree import Sizes, Spacing, Typography
from habitat_docs.writers.docx.front import FRONT_STYLES
from habitat_docs.writers.docx.ooxml import NS, bidi, box, twips

__all__ = ["styles"]

_SINGLE = 'w:line="240" w:lineRule="auto"'  # single line spacing


def styles(t: Typography, sizes: Sizes, spacing: Spacing, heading_column_cm: float) -> BaseOxmlElement:
    """The whole styles part."""
    group = _Styles(t, sizes, spacing, twips(heading_column_cm))
    xml = f"{group.defaults()}{group.headings()}{group.paragraphs()}{group.masthead()}{group.others()}{FRONT_STYLES}"
    return parse_xml(f"<w:styles {NS}>{xml}</w:styles>")


def _half_points(pt: float) -> int:
    return round(pt * 2)


def _size(pt: float) -> str:
    """A size for every script: w:szCs sizes complex-script (Arabic) characters."""
    half = _half_points(pt)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def _fonts(latin: str, east: str) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" w:eastAsia="{east}"/>'


def _pstyle(sid: str, name: str, ppr: str, rpr: str = "") -> str:
    """A custom paragraph style based on Normal."""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
    )


class _Styles:
    """The style definitions of one typography, group by group."""

    def __init__(self, t: Typography, sizes: Sizes, spacing: Spacing, column: int) -> None:
        self.t, self.sizes, self.spacing, self.column = t, sizes, spacing, column
        self.line = f'w:line="{round(t.line_spacing * 20)}" w:lineRule="exact"' if t.line_spacing else _SINGLE
        self.ind, self.right = twips(t.label_indent_cm), twips(sizes.right_indent_cm)
        self.heading_fonts = _fonts(t.heading_font, t.east_asian_heading_font)

    def bold_heading(self, pt: float) -> str:
        """Run properties of headings: the heading fonts, bold, at ``pt`` points."""
        half = _half_points(pt)
        return f'{self.heading_fonts}<w:b/><w:bCs/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'

    def defaults(self) -> str:
        t, half = self.t, _half_points(self.t.body_size)
        return "".join([
            "<w:docDefaults><w:rPrDefault><w:rPr>", _fonts(t.body_font, t.east_asian_font),
            f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>',
            f'<w:lang w:val="{t.lang_latin}" w:eastAsia="{t.lang_east_asian}" w:bidi="ar-SA"/>',
            f'</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" {_SINGLE}/></w:pPr>',
            "</w:pPrDefault></w:docDefaults>",
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>',
            f'<w:qFormat/><w:pPr>{bidi(t)}<w:spacing w:after="0" {self.line}/></w:pPr><w:rPr/></w:style>',
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">',
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>',
            '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0"',
            ' w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>',
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        ])  # fmt: skip

    def headings(self) -> str:
        t = self.t

        def heading(level: int, pt: float) -> str:
            ppr = (
                f'<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="200" {_SINGLE}/>'
                f'<w:ind w:left="{self.column}" w:right="{self.right}" w:hanging="{self.column}"/>'
                f'<w:outlineLvl w:val="{level - 1}"/>'
            )
            return (
                f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
                f'<w:basedOn w:val="Normal"/><w:next w:val="UNParagraph"/><w:qFormat/><w:pPr>{ppr}</w:pPr>'
                f"<w:rPr>{self.bold_heading(pt)}</w:rPr></w:style>"
            )

        annex = _pstyle(
            "UNAnnex", "UN Annex Heading",
            f'<w:keepNext/><w:pageBreakBefore/><w:spacing w:after="240" {_SINGLE}/><w:outlineLvl w:val="0"/>',
            self.bold_heading(t.section_size),
        )  # fmt: skip
        return heading(1, t.section_size) + heading(2, t.subsection_size) + annex

    def paragraphs(self) -> str:
        """The UN paragraph: its number at the text edge, its text from the next tab stop, later
        lines back at the text edge. Subparagraphs indent only their first line, a step a level;
        tab stops every step, so a wide label ((viii)) moves its text on by a whole step."""
        ind, right, after = self.ind, self.right, f'<w:spacing w:after="120" {self.line}/>'
        tabs = "".join(f'<w:tab w:val="left" w:pos="{ind * k}"/>' for k in range(2, 8))
        out = [_pstyle("UNParagraph", "UN Paragraph",
                       f'<w:tabs>{tabs}</w:tabs>{after}<w:ind w:left="{ind}" w:right="{right}"/><w:jc w:val="both"/>')]  # fmt: skip
        for depth in (1, 2, 3, 4):
            out.append(_pstyle(
                f"UNSubparagraph{depth}", f"UN Subparagraph {depth}",
                f'<w:tabs>{tabs}</w:tabs>{after}<w:ind w:left="{ind}" w:right="{right}" w:firstLine="{ind * depth}"/>'
                '<w:jc w:val="both"/>',
            ))  # fmt: skip
        out.append(_pstyle("UNUnnumbered", "UN Unnumbered Paragraph",
                           f'{after}<w:ind w:left="{ind}" w:right="{right}"/><w:jc w:val="both"/>'))  # fmt: skip
        return "".join(out)

    def masthead(self) -> str:
        """Every masthead line exactly at the masthead pitch of its size (as ``un.typ`` sets
        it), so that the masthead has one height in Word, LibreOffice and the PDF."""
        t, sizes, sp = self.t, self.sizes, self.spacing

        def pitched(pt: float, before: float = 0, after: float = 0) -> str:
            return (f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}" '
                    f'w:line="{round(pt * sp.pitch * 20)}" w:lineRule="exact"/>')  # fmt: skip

        return "".join([
            _pstyle("UNMasthead", "UN Masthead", pitched(t.body_size)),
            _pstyle("UNMastheadSymbol", "UN Masthead Symbol", f'{pitched(sizes.symbol)}<w:jc w:val="right"/>',
                    f"{self.heading_fonts}<w:b/><w:bCs/>{_size(sizes.symbol)}"),
            _pstyle("UNMastheadBold", "UN Masthead Bold", pitched(t.body_size), f"{self.heading_fonts}<w:b/><w:bCs/>"),
            _pstyle("UNOrgan", "UN Masthead Organ", pitched(sizes.organ),
                    f"{self.heading_fonts}<w:b/><w:bCs/>{_size(sizes.organ)}"),
            _pstyle("UNDistribution", "UN Masthead Distribution", pitched(sizes.distribution), _size(sizes.distribution)),
            _pstyle("UNTitle", "UN Title",
                    f'<w:keepNext/>{pitched(t.title_size, sp.title_above, sp.title_below)}'
                    f'<w:ind w:left="{self.ind}" w:right="{self.ind}"/>', self.bold_heading(t.title_size)),
            _pstyle("UNSubtitle", "UN Subtitle",
                    f'<w:keepNext/>{pitched(t.subsection_size, 0, sp.subtitle_below)}<w:ind w:left="{self.ind}"/>',
                    self.bold_heading(t.subsection_size)),
        ])  # fmt: skip

    def others(self) -> str:
        """Captions, tables, notes, boxes, running heads and footnotes."""
        ind, right, sizes = self.ind, self.right, self.sizes
        rules, box_ind = box(ind, right, ind // 2)  # the target box: bullets hang in half an indent
        cell = round(CELL_PADDING_PT["y"] * 20)  # twips above and below a cell's text
        return "".join([
            _pstyle("UNCaption", "UN Caption",
                    f'<w:keepNext/><w:spacing w:before="120" w:after="60" {_SINGLE}/><w:ind w:left="{ind}"/>',
                    f"{self.heading_fonts}<w:b/><w:bCs/>"),
            _pstyle("UNTableText", "UN Table Text",
                    f'<w:spacing w:before="{cell}" w:after="{cell}" w:line="{round(sizes.table_pitch * 20)}" w:lineRule="exact"/>',
                    _size(sizes.table)),
            _pstyle("UNNote", "UN Note",
                    f'<w:spacing w:before="60" w:after="0" {_SINGLE}/><w:ind w:left="{ind}" w:right="{right}"/>',
                    _size(sizes.note)),
            _pstyle("UNBox", "UN Box",
                    f'<w:keepLines/>{rules}<w:spacing w:after="60" {_SINGLE}/>{box_ind}'),
            _pstyle("UNRunningHead", "UN Running Head", f'<w:spacing w:after="0" {_SINGLE}/>',
                    f"<w:b/><w:bCs/>{_size(sizes.running_head)}"),
            _pstyle("UNFooter", "UN Footer", f'<w:spacing w:after="0" {_SINGLE}/>', _size(sizes.foot)),
            _pstyle("FootnoteText", "footnote text",
                    f'<w:spacing w:after="40" {_SINGLE}/><w:ind w:left="{ind}" w:hanging="{ind // 2}"/>',
                    _size(sizes.note)),
            '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>',
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
        ])  # fmt: skip
