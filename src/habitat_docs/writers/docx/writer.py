"""DOCX writer: prints a composed document with python-docx. It never counts: every label,
footnote mark and reference comes composed."""

from __future__ import annotations

import datetime as dt
import struct
from functools import cache
from io import BytesIO

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.shared import Cm

from habitat_docs.compose.geometry import (
    CELL_PADDING_PT,
    MARGIN_CM,
    PAGE_HEIGHT_CM,
    PAGE_WIDTH_CM,
    TABLE_RULE_PT,
    TEXT_WIDTH_CM,
    THIN_RULE_PT,
)
from habitat_docs.compose.tree import (
    BoxBlock,
    ClosingRule,
    Composed,
    DecisionHeading,
    DecisionPara,
    FigureBlock,
    Heading,
    Inline,
    OriginalLine,
    Para,
    Sizes,
    Spacing,
    Span,
    SummaryBlock,
    TableBlock,
    Typography,
)
from habitat_docs.writers.docx.front import (
    closing_rule,
    decision_heading,
    decision_para,
    original_line,
    summary_box,
)
from habitat_docs.writers.docx.masthead import masthead
from habitat_docs.writers.docx.ooxml import (
    NS,
    TAB,
    Footnotes,
    bidi_visual,
    border,
    box,
    field,
    fragment,
    para,
    qn,
    run,
    runs,
    settings,
    span_run,
    twips,
)
from habitat_docs.writers.docx.styles import styles

__all__ = ["write_docx"]




def write_docx(c: Composed) -> bytes:
    """The DOCX file of a composed document, as bytes."""
    doc = docx.Document(BytesIO(_base(c.typography, c.sizes, c.spacing, c.heading_column_cm)))
    notes = Footnotes(doc.part)
    writer = _BodyWriter(doc, c, notes)
    writer.masthead()
    for block in c.blocks:
        writer.block(block)
    writer.flush()
    _running_heads(doc, c)
    _properties(doc, c)
    out = BytesIO()
    doc.save(out)
    return _fixed_times(out.getvalue(), c.issued)


def _fixed_times(data: bytes, issued: dt.date) -> bytes:
    """The same package with every zip entry stamped with the date of issue instead of the
    time of writing, so that the same input gives byte-identical files (python-docx writes
    the parts in a fixed order, with fixed compression; only the clock varies)."""
    day = max(issued, dt.date(1980, 1, 1))  # the first date a zip entry can carry
    stamp = struct.pack("<HH", 0, (day.year - 1980) << 9 | day.month << 5 | day.day)
    buf = bytearray(data)
    end = buf.rfind(b"PK\x05\x06")
    if end < 0:
        return data
    count, _, offset = struct.unpack_from("<HII", buf, end + 10)
    for _ in range(count):  # central directory entries, each pointing at its local header
        if buf[offset : offset + 4] != b"PK\x01\x02":
            return data
        buf[offset + 12 : offset + 16] = stamp
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", buf, offset + 28)
        (local,) = struct.unpack_from("<I", buf, offset + 42)
        if buf[local : local + 4] != b"PK\x03\x04":
            return data
        buf[local + 10 : local + 14] = stamp
        offset += 46 + name_len + extra_len + comment_len
    return bytes(buf)


@cache
def _base(typo: Typography, sizes: Sizes, spacing: Spacing, heading_column_cm: float) -> bytes:
    """A styled, empty A4 document for one typography (and heading column), built once per
    process."""
    doc = docx.Document()
    styles_part = doc.part._styles_part
    styles_part._element = styles(typo, sizes, spacing, heading_column_cm)
    settings(doc.settings.element, typo)
    doc.settings.odd_and_even_pages_header_footer = True
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    sec.top_margin, sec.bottom_margin = Cm(MARGIN_CM["top"]), Cm(MARGIN_CM["bottom"])
    sec.left_margin, sec.right_margin = Cm(MARGIN_CM["left"]), Cm(MARGIN_CM["right"])
    sec.header_distance = sec.footer_distance = Cm(1.2)
    sec.different_first_page_header_footer = True
    if typo.direction == "rtl":  # the section reads from the right (ECMA-376 §17.6.1)
        sec._sectPr.insert_element_before(
            parse_xml(f"<w:bidi {NS}/>"), "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"
        )
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    _drop_parts(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


# Parts of python-docx's default template that no UN document uses (the thumbnail would show
# python-docx's own preview); dropping them shrinks every file and its save time.
_UNUSED = ("thumbnail", "stylesWithEffects", "webSettings", "customXml", "numbering")


def _drop_parts(doc: DocxDocument) -> None:
    for owner in (doc.part.package, doc.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.rsplit("/", 1)[1] in _UNUSED:
                del owner.rels[rid]


class _BodyWriter:
    def __init__(self, doc: DocxDocument, c: Composed, notes: Footnotes) -> None:
        self.doc, self.c, self.notes = doc, c, notes
        self.sect_pr = doc.element.body.sectPr
        self.parts: list[str] = []
        self.ind = twips(c.typography.label_indent_cm)

    def flush(self) -> None:
        if self.parts:
            for el in fragment("".join(self.parts)):
                self.sect_pr.addprevious(el)
            self.parts.clear()

    def runs(self, content: tuple[Inline, ...], bold: bool = False) -> str:
        return runs(content, self.notes, bold)

    # --- masthead ---

    def masthead(self) -> None:
        self.parts.append(masthead(self.c, self.runs, self.doc.part))

    # --- body ---

    def block(self, b: object) -> None:
        if isinstance(b, Para):
            if b.label is None:
                self.parts.append(para("UNUnnumbered", self.runs(b.content)))
            else:
                style = f"UNSubparagraph{b.depth}" if b.depth else "UNParagraph"
                self.parts.append(para(style, run(b.label) + TAB + self.runs(b.content)))
        elif isinstance(b, Heading):
            style = {0: "UNAnnex", 1: "Heading1", 2: "Heading2"}[b.level]
            if b.level == 0:  # "Annex I" over its title
                self.parts.append(para(style, run(b.label) + "<w:r><w:br/></w:r>" + self.runs(b.content)))
            else:
                self.parts.append(para(style, run(b.label) + TAB + self.runs(b.content)))
        elif isinstance(b, TableBlock):
            self.table(b)
        elif isinstance(b, FigureBlock):
            self.figure(b)
        elif isinstance(b, BoxBlock):
            self.parts.append(para("UNBox", run(b.title, bold=True)))
            self.parts.extend(para("UNBox", run(b.bullet) + TAB + self.runs(item)) for item in b.items)
        else:
            self.front(b)

    def front(self, b: object) -> None:
        """The parts around the body paragraphs (``front.py``)."""
        if isinstance(b, SummaryBlock):
            self.parts.append(summary_box(b, self.runs, self.c.typography.label_indent_cm, self.c.sizes.right_indent_cm))
        elif isinstance(b, DecisionHeading):
            self.parts.append(decision_heading(b, self.runs, self.c.typography.label_indent_cm))
        elif isinstance(b, DecisionPara):
            self.parts.append(decision_para(b, self.runs))
        elif isinstance(b, OriginalLine):
            self.parts.append(original_line(b))
        elif isinstance(b, ClosingRule):
            # the last paragraph keeps with the rule, which never stands alone atop a page
            last = self.parts[-1] if self.parts else ""
            if last.startswith("<w:p><w:pPr><w:pStyle ") and "<w:keepNext/>" not in last:
                self.parts[-1] = last.replace("/>", "/><w:keepNext/>", 1)
            self.parts.append(closing_rule(b))
        else:
            raise TypeError(f"cannot write {type(b).__name__}")

    def caption(self, label: str, title: tuple[Inline, ...]) -> None:
        self.parts.append(para("UNCaption", run(label) + "<w:r><w:br/></w:r>" + self.runs(title, bold=True)))

    def notes_below(self, notes: tuple[tuple[Inline, ...], ...]) -> None:
        self.parts.extend(para("UNNote", self.runs(n)) for n in notes)

    def table(self, t: TableBlock) -> None:
        self.caption(t.label, t.title)
        self.grid(t.header, t.rows)
        self.notes_below(t.notes)

    def grid(self, header: tuple[tuple[Inline, ...], ...], body: tuple[tuple[tuple[Inline, ...], ...], ...]) -> None:
        """A table with UN rules: above, under the heads, below; no vertical rules."""
        width = twips(TEXT_WIDTH_CM - self.c.sizes.right_indent_cm) - self.ind
        col = width // len(header)
        pad = round(CELL_PADDING_PT["x"] * 20)  # twips

        def row(cells: tuple[tuple[Inline, ...], ...], head: bool, last: bool) -> str:
            rule = border("bottom", TABLE_RULE_PT if last else THIN_RULE_PT) if head or last else ""
            tcs = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/><w:tcBorders>{rule}</w:tcBorders></w:tcPr>'
                + para("UNTableText", self.runs(c))
                + "</w:tc>"
                for c in cells
            )
            trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if head else "<w:trPr><w:cantSplit/></w:trPr>"
            return f"<w:tr>{trpr}{tcs}</w:tr>"

        rows = [row(header, True, not body)]
        rows += [row(r, False, i == len(body) - 1) for i, r in enumerate(body)]
        self.parts.append(
            f'<w:tbl><w:tblPr>{bidi_visual(self.c.typography)}<w:tblW w:w="{col * len(header)}" w:type="dxa"/>'
            f'<w:tblInd w:w="{self.ind}" w:type="dxa"/><w:tblBorders>'
            f'{border("top", TABLE_RULE_PT)}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>'
            + f'<w:gridCol w:w="{col}"/>' * len(header)
            + "</w:tblGrid>"
            + "".join(rows)
            + "</w:tbl>"
        )

    def figure(self, f: FigureBlock) -> None:
        self.caption(f.label, f.title)
        if f.header:
            self.grid(f.header, f.rows)
        elif f.image is None:
            rules, indent = box(self.ind, twips(self.c.sizes.right_indent_cm))
            props = f'{rules}<w:spacing w:before="240" w:after="240"/>{indent}<w:jc w:val="center"/>'
            self.parts.append(para("UNUnnumbered", self.runs(f.placeholder), props))
        else:
            self.flush()
            p = self.doc.add_paragraph(style=None)
            p._p.style = "UNUnnumbered"
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            # the body's exact line height would cut the picture to a sliver: single, automatic
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            p.add_run().add_picture(f.image, width=Cm(f.width_cm))
        self.notes_below(f.notes)


def _running_heads(doc: DocxDocument, c: Composed) -> None:
    """From page 2: the symbol and the page number at the outer edge (odd right, even left).
    Page 1: no head; at its foot, the job number line if there is one."""
    sec = doc.sections[0]
    sec.first_page_header.is_linked_to_previous = False  # page 1: empty
    if c.foot:
        element = sec.first_page_footer._element
        sec.first_page_footer.is_linked_to_previous = False
        for p in list(element):
            element.remove(p)
        lines = ("".join(span_run(i) for i in ln.content if isinstance(i, Span)) for ln in c.foot)
        for el in fragment("".join(para("UNFooter", line) for line in lines)):
            element.append(el)
    for header, align in ((sec.header, "right"), (sec.even_page_header, "left")):
        header.is_linked_to_previous = False
        element = header._element
        for p in list(element):
            element.remove(p)
        jc = f'<w:jc w:val="{align}"/>'
        head = para("UNRunningHead", span_run(Span(c.running_head)), jc) if c.running_head else ""
        for el in fragment(head + para("UNRunningHead", field("PAGE", "2"), jc)):
            element.append(el)


def _properties(doc: DocxDocument, c: Composed) -> None:
    props = doc.core_properties
    props.title = _property(c.title)
    props.subject = _property(c.symbol)
    props.language = c.typography.tag
    props.author = "United Nations"
    props.last_modified_by = "habitat-docs"
    props.comments = ""
    props.keywords = _property(c.symbol)
    props.revision = 1
    when = dt.datetime.combine(c.issued, dt.time(), tzinfo=dt.UTC)
    props.created = props.modified = when
    props.last_printed = when


def _property(value: str | None) -> str | None:
    """A core property value: python-docx (like Word) takes at most 255 characters."""
    return value if value is None or len(value) <= 255 else value[:254] + "…"
