"""A draft decision of a PDF or text file, read from its lines (a DOCX gives it by paragraph
style: importer/parts.py): under its heading, its title (set bold in a PDF), the opening the
templates print ("The Executive Board,"), the preamble's paragraphs, then the operative
paragraphs the checker labels, each with the lines it wraps onto. A PDF's text layer has no
paragraph breaks: the preamble is parted where the page leaves more space between two lines
(importer/placement.py), else where a line ends as the opening does (with its comma)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from attrs import define, field

from habitat_docs.check.document import Line, clean
from habitat_docs.check.resolve import Item
from habitat_docs.compose.language import available, language
from habitat_docs.importer.parts import Decision
from habitat_docs.importer.placement import Placement, emphasised, paragraphs, rejoined
from habitat_docs.importer.words import ESCAPE, flat

__all__ = ["DecisionLines", "decision_of", "opening"]

UNREAD_EMPHASIS = ("the italic words that open the preamble's and operative paragraphs are not "
                   "read from this file's text: mark them *…* by hand")  # fmt: skip
PARTED_BY_COMMAS = ("the preamble's paragraphs told apart where a line ends as the opening "
                    "does (the text has no paragraph breaks): check them")  # fmt: skip


@cache
def _openings() -> frozenset[str]:
    return frozenset(flat(language(code).phrase("decision_opening")) for code in available())


def opening(code: str) -> str:
    """The words every draft decision of ``code`` opens with ("The Executive Board,")."""
    return clean(language(code).phrase("decision_opening")).strip()


@define
class DecisionLines:
    """The lines of one draft decision, sorted as they are read: ``take`` says whether a line
    (with its labels ``items``) is one of them."""

    heading: Line
    title: list[Line] = field(factory=list)
    opening: Line | None = None
    preamble: list[Line] = field(factory=list)
    operative: list[tuple[str, list[Line]]] = field(factory=list)  # (label, lines)

    def take(self, ln: Line, items: tuple[Item, ...] | list[Item]) -> bool:
        if ln.role != "body":
            return False
        if items:
            if items[0].kind != "operative":
                return False  # a section, paragraph or annex after the decision
            self.operative.append((items[0].label, [ln]))
            return True
        if self.operative:  # a wrapped line; text set otherwise ends the decision
            first = self.operative[-1][1][0]
            if (ln.size, ln.bold) != (first.size, first.bold):
                return False
            self.operative[-1][1].append(ln)
        elif self.opening is None and flat(ln.text) in _openings():
            self.opening = ln
        elif self.opening is None and not self.title and _alike(ln, self.heading):
            pass  # the heading wraps: it is printed from the labels, not data
        elif self.opening is None and not (self.title and self.title[0].bold and not ln.bold):
            self.title.append(ln)
        else:
            self.preamble.append(ln)
        return True


def _alike(a: Line, b: Line) -> bool:
    return (a.size, a.bold) == (b.size, b.bold) and a.bold is not None


def decision_of(
    lines: DecisionLines, code: str, placement: Placement | None,
    warn: Callable[[Line, str], None],
) -> tuple[Decision, list[str]]:  # fmt: skip
    """The draft decision ``lines`` hold, in ``code``, and how it was guessed (comments);
    lines after its last paragraph that the page sets apart from it are reported."""
    guesses: list[str] = []
    comma = opening(code)[-1:]
    ops = [group for _, group in lines.operative]
    if ops and (last := paragraphs(ops[-1], placement, lambda _: False, ops[:-1])):
        ops[-1] = last[0]
        for ln in (ln for group in last[1:] for ln in group):
            warn(ln, "text after a draft decision's last paragraph, set apart from it")
    split = paragraphs(lines.preamble, placement, lambda ln: ln.text.rstrip().endswith(comma), ops)
    if split is None:
        split = _by_line_ends(lines.preamble, comma)
        if len(lines.preamble) > 1:
            guesses.append(PARTED_BY_COMMAS)
    if lines.opening is None:
        guesses.append(f"no opening “{opening(code)}” recognised: the lines above the first "
                       "operative paragraph read as the title")  # fmt: skip
    if placement is None or not all(_runs(placement, ln) for g in (*split, *ops) for ln in g):
        guesses.append(UNREAD_EMPHASIS)
    decision = Decision(
        title=_text(lines.title, placement),
        head=_text([lines.opening], placement) if lines.opening is not None else "",
        preamble=[_text(group, placement) for group in split],
        operative=[_text(group, placement, label)
                   for (label, _), group in zip(lines.operative, ops, strict=True)],
    )  # fmt: skip
    return decision, guesses


def _runs(placement: Placement, ln: Line) -> bool:
    """Whether the runs of ``ln`` are known, and with them its italic words."""
    placed = placement.line(ln)
    return placed is not None and bool(placed.runs)


def _text(group: list[Line], placement: Placement | None, label: str = "") -> str:
    """The lines of one paragraph as data, its label left out, its italic words starred."""
    parts = []
    for k, ln in enumerate(group):
        s = clean(ln.text).strip()
        if k == 0 and label and s.startswith(label):
            s = s[len(label) :].strip()
        placed = placement.line(ln) if placement is not None else None
        parts.append(emphasised(s.translate(ESCAPE), placed))
    return rejoined([p for p in parts if p])


def _by_line_ends(lines: list[Line], comma: str) -> list[list[Line]]:
    out: list[list[Line]] = []
    fresh = True
    for ln in lines:
        if fresh:
            out.append([])
        out[-1].append(ln)
        fresh = bool(comma) and clean(ln.text).rstrip().endswith(comma)
    return out
