"""The masthead of the DOCX: the bands as a table of the composed columns, the emblem and the
logo as pictures, then the masthead lines; every size and space comes composed."""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml.xmlchemy import serialize_for_reading
from docx.parts.document import DocumentPart
from docx.shared import Cm

from habitat_docs.compose.geometry import MASTHEAD_RULE_PT, THIN_RULE_PT
from habitat_docs.compose.tree import Band, Composed, Inline, Line, Picture
from habitat_docs.writers.docx.ooxml import bidi_visual, border, para, twips

__all__ = ["masthead"]

_LINE_STYLES = {
    "session": "UNMastheadBold", "item-title": "UNMastheadBold", "title": "UNTitle",
    "subtitle": "UNSubtitle", "organ": "UNMastheadBold",
}  # fmt: skip
_BAND_ROLES = {"un", "symbol", "organ", "distr"}
_CELL_STYLES = {"un": "UNOrgan", "organ": "UNOrgan", "symbol": "UNMastheadSymbol", "distr": "UNDistribution"}

# LibreOffice sets a table that opens a document one empty line of the Normal style lower
# than Word does; a hairline paragraph before the bands takes that place in both.
_HAIRLINE = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="2" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
# A picture's paragraph: single automatic spacing, or an exact pitch would cut the picture.
_PICTURE_SPACING = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'


def masthead(c: Composed, runs: Callable[[tuple[Inline, ...]], str], part: DocumentPart) -> str:
    """The masthead's markup: ``runs`` prints a line's content, ``part`` takes the pictures."""
    out = [_HAIRLINE, _band(c, runs, part)]
    first = True
    for ln in c.masthead:
        if ln.role in _BAND_ROLES:
            continue
        props = f'<w:spacing w:before="{twips_pt(c.spacing.after_band)}"/>' if first else ""
        first = False
        out.append(para(_LINE_STYLES.get(ln.role, "UNMasthead"), runs(ln.content), props))
    return "".join(out)


def twips_pt(pt: float) -> int:
    """Points in twentieths of a point."""
    return round(pt * 20)


def _band(c: Composed, runs: Callable[[tuple[Inline, ...]], str], part: DocumentPart) -> str:
    """The bands: row 1 (United Nations, the logo, the symbol) over a heavy rule, row 2
    (the emblem, the organ, the distribution column) over a thin one."""
    b, widths = c.band, [twips(w) for w in c.band.columns_cm]
    lines = {role: [ln for ln in c.masthead if ln.role == role] for role in _BAND_ROLES}
    rows = []
    for y, row in enumerate(b.rows):
        top = len(b.rows) > 1 and y == 0
        rule = border("bottom", MASTHEAD_RULE_PT if top else THIN_RULE_PT)
        at, cells = 0, []
        for role, span in row:
            width = sum(widths[at : at + span])
            at += span
            content = _cell(role, lines.get(role, []), b, c.spacing.pitch, runs, part)
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                + f'<w:tcBorders>{rule}</w:tcBorders><w:vAlign w:val="{"bottom" if top else "top"}"/></w:tcPr>'
                + f"{content}</w:tc>"
            )
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    inset_top, inset_bottom = twips_pt(c.spacing.inset_top), twips_pt(c.spacing.inset_bottom)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr>{bidi_visual(c.typography)}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{inset_top}" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        f'<w:bottom w:w="{inset_bottom}" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def _cell(
    role: str, lines: list[Line], b: Band, pitch: float,
    runs: Callable[[tuple[Inline, ...]], str], part: DocumentPart,
) -> str:  # fmt: skip
    """A cell's paragraphs: a picture, or the lines of its role (an empty paragraph if none:
    a cell must hold one)."""
    if role in ("emblem", "logo"):
        pic = b.emblem if role == "emblem" else b.logo
        assert pic is not None
        jc = f'<w:jc w:val="{"right" if role == "logo" else "left"}"/>'
        return para("UNMasthead", _picture(pic, part, 1 if role == "emblem" else 2), _PICTURE_SPACING + jc)
    style = _CELL_STYLES[role]
    # a left-to-right column in a right-to-left document (Arabic's English Distr. column)
    props = '<w:bidi w:val="0"/>' if lines and all(ln.ltr for ln in lines) else ""
    if role == "symbol":  # the size composed to fit the symbol on one line, at the masthead pitch
        line = twips_pt(b.symbol_size * pitch)
        props += f'<w:spacing w:line="{line}" w:lineRule="exact"/>'
        size = f'<w:sz w:val="{round(b.symbol_size * 2)}"/><w:szCs w:val="{round(b.symbol_size * 2)}"/>'
        return "".join(para(style, _sized(runs(ln.content), size), props) for ln in lines) or para(style, "")
    return "".join(para(style, runs(ln.content), props) for ln in lines) or para("UNMasthead", "")


def _sized(runs_xml: str, size: str) -> str:
    """Runs with a type size of their own."""
    return runs_xml.replace("<w:r><w:rPr>", f"<w:r><w:rPr>{size}").replace(
        "<w:r><w:t", f"<w:r><w:rPr>{size}</w:rPr><w:t"
    )


def _picture(p: Picture, part: DocumentPart, shape_id: int) -> str:
    """A run holding the picture as an inline drawing, its image stored in ``part``; the
    masthead's drawings are the document's first, numbered 1 and 2 (python-docx numbers
    a drawing after those already in the body, and these are not there yet)."""
    inline = part.new_pic_inline(p.path, Cm(p.width_cm), Cm(p.height_cm))
    inline.docPr.set("id", str(shape_id))
    for side in ("distT", "distB", "distL", "distR"):  # else LibreOffice keeps 0.32 cm around it
        inline.set(side, "0")
    return f"<w:r><w:drawing>{serialize_for_reading(inline)}</w:drawing></w:r>"
