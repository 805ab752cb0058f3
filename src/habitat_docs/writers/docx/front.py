"""Printers of the parts of a Board document around its body paragraphs: the summary box on
page 1, a draft decision, an annex's "[Original: …]" line and the closing rule. Each returns
WordprocessingML for the body writer to place; each part has a style of its own, based on the
body style it looks like, so that it follows that style and a reader can find it."""

from __future__ import annotations

from collections.abc import Callable

from habitat_docs.compose.geometry import TEXT_WIDTH_CM, THIN_RULE_PT
from habitat_docs.compose.tree import (
    ClosingRule,
    DecisionHeading,
    DecisionPara,
    Inline,
    OriginalLine,
    SummaryBlock,
)
from habitat_docs.writers.docx.ooxml import TAB, border, box, para, run, twips

__all__ = [
    "FRONT_STYLES", "closing_rule", "decision_heading", "decision_para", "original_line", "summary_box",
]  # fmt: skip

Runs = Callable[[tuple[Inline, ...]], str]

# (style id, name, the style it is based on)
_DERIVED = (
    ("UNSummary", "UN Summary", "UNUnnumbered"),
    ("UNDecisionHeading", "UN Decision Heading", "Heading1"),
    ("UNDecisionTitle", "UN Decision Title", "Heading2"),
    ("UNDecisionText", "UN Decision Preamble", "UNUnnumbered"),
    ("UNOperative", "UN Operative Paragraph", "UNParagraph"),
    ("UNOriginal", "UN Original Language", "UNUnnumbered"),
    ("UNClosingRule", "UN Closing Rule", "UNUnnumbered"),
)
# A decision's heading is in the outline (the bookmarks of a PDF), as a section is; its
# title is not, as in the Typst PDF.
_OUT_OF_OUTLINE = {"UNDecisionTitle": '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>'}
FRONT_STYLES = "".join(
    f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
    f'<w:basedOn w:val="{base}"/><w:qFormat/>{_OUT_OF_OUTLINE.get(sid, "")}</w:style>'
    for sid, name, base in _DERIVED
)


def summary_box(b: SummaryBlock, runs: Runs, indent_cm: float, right_cm: float) -> str:
    """A ruled box from the text edge to the right indent, its text the box padding inside
    (as the target box): the title centred and bold, the paragraphs justified, the action
    required with its lead in bold."""
    rules, ind = box(twips(indent_cm), twips(right_cm))
    props = f"<w:keepNext/><w:keepLines/>{rules}{ind}"
    out = [para("UNSummary", run(b.title, bold=True), f'{props}<w:jc w:val="center"/>')]
    out += [para("UNSummary", runs(p), props) for p in b.paras]
    if b.action_lead:
        out.append(para("UNSummary", run(b.action_lead, bold=True) + runs(b.action), props))
    out[-1] = out[-1].replace("<w:keepNext/>", "", 1)  # the box keeps together, not with what follows
    return "".join(out)


def decision_heading(b: DecisionHeading, runs: Runs, indent_cm: float) -> str:
    """"Draft decision 2024/…" set as a section heading without a label, the title under
    it as a subsection heading, then "The Executive Board,". Their text starts at the text
    edge, however wide the document's column of heading numerals is."""
    edge = f'<w:ind w:left="{twips(indent_cm)}" w:hanging="{twips(indent_cm)}"/>'
    out = para("UNDecisionHeading", TAB + run(b.heading), edge)
    if b.title:
        out += para("UNDecisionTitle", TAB + runs(b.title), edge)
    return out + para("UNDecisionText", run(b.opening), "<w:keepNext/>")


def decision_para(b: DecisionPara, runs: Runs) -> str:
    """A preambular paragraph (unnumbered) or an operative one, laid out as the body's."""
    if b.label is None:
        return para("UNDecisionText", runs(b.content))
    return para("UNOperative", run(b.label) + TAB + runs(b.content))


def original_line(b: OriginalLine) -> str:
    """"[Original: French]", flush right under an annex heading."""
    return para("UNOriginal", run(b.text), '<w:ind w:firstLine="0"/><w:jc w:val="right"/>')


def closing_rule(b: ClosingRule) -> str:
    """An empty paragraph whose bottom border, between equal indents, is the short rule
    centred under the last line."""
    side = twips((TEXT_WIDTH_CM - b.width_cm) / 2)
    props = (
        f'<w:pBdr>{border("bottom", THIN_RULE_PT)}</w:pBdr><w:spacing w:before="240" w:after="0"/>'
        f'<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/><w:jc w:val="center"/>'
    )
    return para("UNClosingRule", "", props)
