"""The composed document as the JSON data ``un.typ`` prints: labels, marks, sizes and rules
are copied from the composed tree, never recomputed."""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_left, bisect_right
from itertools import pairwise
from pathlib import Path
from typing import Any

import attrs

from habitat_docs.compose import geometry
from habitat_docs.compose.measure import label_width
from habitat_docs.compose.tree import (
    Band,
    BoxBlock,
    ClosingRule,
    Composed,
    DecisionHeading,
    DecisionPara,
    FigureBlock,
    Heading,
    Inline,
    Mark,
    NoteRef,
    OriginalLine,
    Para,
    Picture,
    Span,
    SummaryBlock,
    TableBlock,
    Typography,
)
from habitat_docs.writers.pdf.fonts import pdf_family

__all__ = ["AUTHOR", "document_data"]

AUTHOR = "United Nations"

Json = dict[str, Any]

_PAGE = {
    "width-cm": geometry.PAGE_WIDTH_CM,
    "height-cm": geometry.PAGE_HEIGHT_CM,
    "margin-cm": geometry.MARGIN_CM,
    "distribution-cm": geometry.DISTRIBUTION_WIDTH_CM,
}
_RULES = {
    "masthead": geometry.MASTHEAD_RULE_PT,
    "table": geometry.TABLE_RULE_PT,
    "thin": geometry.THIN_RULE_PT,
    "cell-x": geometry.CELL_PADDING_PT["x"],
    "cell-y": geometry.CELL_PADDING_PT["y"],
    "box": geometry.BOX_PADDING_PT,
}  # points (rule weights, and the padding of table cells and boxes)


def document_data(c: Composed) -> tuple[Json, str | None]:
    """The JSON-ready document for ``un.typ``, and the folder Typst may read images from
    (None without images).

    Image paths in the data are relative to that folder, the deepest one holding every
    image; the layout reads nothing else. (Images are checked when the document is composed.)"""
    images = [b.image for b in c.blocks if isinstance(b, FigureBlock) and b.image is not None]
    images += [p.path for p in (c.band.emblem, c.band.logo) if p is not None]
    root = os.path.commonpath([os.path.dirname(p) for p in images]) if images else None
    lang, _, region = c.typography.tag.partition("-")
    body, heading, latin = font_chains(c.typography)
    data = {
        "lang": lang.lower(),
        "direction": c.typography.direction,
        "region": region.lower() or None,
        "tag": c.typography.tag,
        "title": c.title,
        "symbol": c.symbol,  # None for informal documents
        "author": AUTHOR,
        "running-head": c.running_head,
        "fonts": {"body": body, "heading": heading, "latin": latin},
        "typography": _typography(c),
        "page": _PAGE,
        "rules": _RULES,
        "masthead": [{"role": ln.role, "content": _inline(ln.content), "ltr": ln.ltr} for ln in c.masthead],
        "band": _band(c.band, root),
        "spacing": attrs.asdict(c.spacing),
        "foot": [_inline(ln.content) for ln in c.foot],
        "blocks": _blocks(c, root),
    }
    return data, root


def font_chains(t: Typography) -> tuple[list[Any], list[Any], str]:
    """Typst font lists for body text and headings, and the Latin family.

    East Asian text (Chinese): Latin letters in the Latin face, the rest in the East Asian
    face (Noto Serif CJK SC for the body, Noto Sans CJK SC for headings). Latin text
    (English): the Latin face, then the East Asian faces for any Chinese characters."""
    latin, latin_heading = pdf_family(t.body_font), pdf_family(t.heading_font)
    east, east_heading = pdf_family(t.east_asian_font), pdf_family(t.east_asian_heading_font)
    if t.east_asian_text:
        return (
            [{"name": latin, "covers": "latin-in-cjk"}, east],
            [{"name": latin_heading, "covers": "latin-in-cjk"}, east_heading],
            latin,
        )
    return [latin, east], [latin_heading, east_heading], latin


def _typography(c: Composed) -> Json:
    t, sizes = c.typography, c.sizes
    return {
        "body-size": t.body_size,
        "section-size": t.section_size,
        "subsection-size": t.subsection_size,
        "title-size": t.title_size,
        "symbol-size": sizes.symbol,
        "organ-size": sizes.organ,
        "distribution-size": sizes.distribution,
        "table-size": sizes.table,
        "table-pitch": sizes.table_pitch,
        "note-size": sizes.note,
        "running-head-size": sizes.running_head,
        "foot-size": sizes.foot,
        # Typst has no "single" spacing: 1.2 times the size stands in for it
        "line-pitch": t.line_spacing or round(t.body_size * 1.2, 2),
        "para-after": sizes.para_after,
        "cjk-latin-gap-em": geometry.CJK_LATIN_GAP_EM,
        "heading-column-cm": c.heading_column_cm,
        "indent-cm": t.label_indent_cm,
        "right-cm": sizes.right_indent_cm,
    }


def _para(b: Para, t: Typography) -> Json:
    """A numbered paragraph. ``steps``: how many indent steps the label's box takes, for a label
    longer than un.typ sets unmeasured ("12345.", "(viii)"), when the writer's own measurement
    leaves no doubt; Typst then need not measure it: a measuring context in each paragraph
    costs a 100,000-paragraph document gigabytes of memory."""
    para: Json = {"kind": "para", "label": b.label, "depth": b.depth, "content": _inline(b.content)}
    if b.label and len(b.label) > _UNMEASURED:
        step = t.label_indent_cm * geometry.POINTS_PER_CM
        end = b.depth + label_width(b.label, t.body_font, t.east_asian_font, t.body_size) / step
        if _DOUBT < end % 1 < 1 - _DOUBT:
            para["steps"] = math.floor(end) + 1
    return para


# un.typ sets labels of up to this many ASCII characters in one step unmeasured
_UNMEASURED = 4
# a label ending this close (in steps) to a step boundary is left to Typst to measure
_DOUBT = 0.01


def _blocks(c: Composed, root: str | None) -> list[Json]:
    out = []
    in_annex = False
    for b in c.blocks:
        if isinstance(b, Heading):
            in_annex = in_annex or b.level == 0
            outline = max(b.level, 1) + (1 if in_annex and b.level > 0 else 0)
            out.append({
                "kind": "heading", "level": b.level, "outline": outline, "label": b.label,
                "content": _inline(b.content), "plain": _plain(b.content),
            })  # fmt: skip
        elif isinstance(b, Para):
            out.append(_para(b, c.typography))
        elif isinstance(b, TableBlock):
            out.append({
                "kind": "table", "label": _marked(b.label), "title": _inline(b.title), **_grid(b.header, b.rows),
                "notes": [_inline(n) for n in b.notes],
            })  # fmt: skip
        elif isinstance(b, FigureBlock):
            out.append(_figure(b, root))
        elif isinstance(b, BoxBlock):
            out.append({"kind": "box", "title": _marked(b.title), "bullet": b.bullet,
                        "items": [_inline(i) for i in b.items]})  # fmt: skip
        else:
            out.append(_front(b))
    return out


def _band(b: Band, root: str | None) -> Json:
    return {
        "columns-cm": list(b.columns_cm),
        "rows": [[{"role": role, "span": span} for role, span in row] for row in b.rows],
        "symbol-size": b.symbol_size,
        "emblem": _picture(b.emblem, root),
        "logo": _picture(b.logo, root),
    }


def _picture(p: Picture | None, root: str | None) -> Json | None:
    if p is None:
        return None
    return {"image": _relative(p.path, root), "width-cm": p.width_cm, "height-cm": p.height_cm}


def _relative(path: str, root: str | None) -> str:
    """An image's path as Typst reads it: from the root folder it may read."""
    assert root is not None
    return "/" + Path(os.path.relpath(path, root)).as_posix()


def _front(b: object) -> Json:
    """The parts around the body paragraphs: summary, draft decision head, an annex's
    original language, the closing rule."""
    if isinstance(b, SummaryBlock):
        return {
            "kind": "summary", "title": _marked(b.title), "paras": [_inline(p) for p in b.paras],
            "action-lead": b.action_lead, "action": _inline(b.action),
        }  # fmt: skip
    if isinstance(b, DecisionHeading):
        return {"kind": "decision", "heading": _marked(b.heading), "heading-plain": b.heading, "title": _inline(b.title), "opening": b.opening}
    if isinstance(b, DecisionPara):  # printed as a body paragraph
        return {"kind": "para", "label": b.label, "depth": 0, "content": _inline(b.content)}
    if isinstance(b, OriginalLine):
        return {"kind": "original", "text": b.text}
    if isinstance(b, ClosingRule):
        return {"kind": "closing-rule", "width-cm": b.width_cm}
    raise TypeError(f"cannot write {type(b).__name__}")


def _figure(b: FigureBlock, root: str | None) -> Json:
    image = None if b.image is None else _relative(b.image, root)
    return {
        "kind": "figure", "label": _marked(b.label), "title": _inline(b.title), "image": image,
        "width-cm": b.width_cm, "alt": " ".join(filter(None, (b.label, _plain(b.title)))),
        "placeholder": _inline(b.placeholder), "notes": [_inline(n) for n in b.notes],
        **_grid(b.header, b.rows),
    }  # fmt: skip


def _grid(
    header: tuple[tuple[Inline, ...], ...], rows: tuple[tuple[tuple[Inline, ...], ...], ...]
) -> Json:
    return {
        "header": [_inline(cell) for cell in header],
        "rows": [[_inline(cell) for cell in row] for row in rows],
    }


def _inline(items: tuple[Inline, ...]) -> list[Json]:
    out: list[Json] = []
    for it in items:
        if isinstance(it, Span):
            out.append(_span(it))
        elif isinstance(it, NoteRef):
            out.append({"kind": "note", "mark": it.mark, "content": [_span(s) for s in it.content]})
        elif isinstance(it, Mark):
            out.append({"kind": "mark", "text": it.text})
        else:
            raise TypeError(f"cannot write {type(it).__name__}")
    return out


# Where Chinese meets a Latin letter or digit: Typst's own gap there is a quarter em, Word's
# and LibreOffice's narrower (geometry.CJK_LATIN_GAP_EM), so un.typ sets it at each GAP mark.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_MEETS = re.compile(f"(?<=[{_HAN}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{_HAN}])")
GAP = "\ue000"


def _meets(text: str) -> list[int]:
    return [] if text.isascii() else [m.start() for m in _MEETS.finditer(text)]


def _marked(text: str, cuts: list[int] | None = None) -> str:
    """``text`` with a GAP mark where Chinese meets Latin ("图1" -> "图\ue0001")."""
    cuts = _meets(text) if cuts is None else cuts
    return GAP.join(text[a:b] for a, b in pairwise([0, *cuts, len(text)])) if cuts else text


def _span(s: Span) -> Json:
    """A span as un.typ prints it: GAP marks where Chinese meets Latin, and the byte ranges
    (Typst slices strings at UTF-8 offsets) of what must not break."""
    cuts = _meets(s.text)
    text = _marked(s.text, cuts)
    d: Json = {"kind": "span", "text": text}
    if s.bold:
        d["bold"] = True
    if s.italic:
        d["italic"] = True
    if s.unbroken:  # a mark at a range's start stands before it, at its end after it
        ranges = [(a + bisect_right(cuts, a), b + bisect_left(cuts, b)) for a, b in s.unbroken]
        d["unbroken"] = [[len(text[:a].encode()), len(text[:b].encode())] for a, b in ranges]
    return d


def _plain(items: tuple[Inline, ...]) -> str:
    return "".join(it.text for it in items if isinstance(it, Span))
