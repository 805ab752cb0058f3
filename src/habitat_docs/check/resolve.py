"""Tokens to a document structure: each label decided in context (paragraph or heading,
letter or roman numeral, section or subsection) and put into its numbering stream."""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from habitat_docs.check.classify import STRUCTURAL, SUB_SCHEMES, Token
from habitat_docs.check.document import DocumentText, Line
from habitat_docs.check.findings import Finding

__all__ = ["Item", "Structure", "resolve"]


@frozen
class Item:
    """A resolved label. ``stream`` groups the items numbered as one sequence; ``scheme``
    says how its labels print (labels.fmt); ``owner`` is the index of the paragraph a
    subparagraph belongs to, or of the section a subsection belongs to."""

    kind: str  # para operative section subsection heading sub annex decision figure table note star ref star-ref bullet
    value: int
    label: str
    line: Line
    stream: tuple[object, ...] = ()
    scheme: str = ""
    part: int = 0  # 0 = body, k = annex k
    depth: int = 0
    owner: int = -1


@frozen
class Structure:
    """The labels of a document read back, each resolved into its numbering stream."""

    document: DocumentText
    items: tuple[Item, ...]
    findings: tuple[Finding, ...]  # what resolving found ambiguous


_STYLE_DEPTH = re.compile(r"(?:UN)?Subparagraph(\d)")
_HEADING_REST = 120  # a heading is short
_HEADING_STYLE = re.compile(r"(?i)heading|^(?:un)?title$|^h\d$")


def _typeset_as_heading(line: Line) -> bool | None:
    """True for a DOCX heading style or large bold PDF type; None for bold type of body
    size (a heading, or a paragraph opening with a bold title); False otherwise."""
    if line.style is not None:
        return _HEADING_STYLE.search(line.style) is not None
    if line.bold is not True or (line.size or 0) < 0.97:
        return False
    return True if (line.size or 0) >= 1.05 else None


def resolve(document: DocumentText, tokens: Sequence[Token]) -> Structure:
    return _Resolver(document, tokens).run()


class _Resolver:
    def __init__(self, document: DocumentText, tokens: Sequence[Token]) -> None:
        self.document, self.tokens = document, tokens
        self.items: list[Item] = []
        self.findings: list[Finding] = []
        self.part = 0
        self.para_last: dict[int, int] = {}
        self.sec_last: dict[int, int] = {}
        self.section = -1  # index of the current section item
        self.subsection = -1  # index of the current subsection item
        self.subsec_last = 0
        self.word_sections = False  # sections numbered 一、 or أولا -: "A." is a subsection
        self.dec: list[int] = [0, 0]  # last decimal heading: 1. / 1.1
        self.ctx = 0  # a new context starts at each paragraph or heading
        self.para = -1  # index of the current paragraph item
        self.sub_last = [0] * 5
        self.sub_depth = 0
        self.note_last = 0
        self.decisions = 0  # draft decisions so far
        self.decision = 0  # the draft decision being read (0: none; a heading ends it)
        self.operative_last = 0
        self.next_struct = self._lookahead()

    def _lookahead(self) -> list[int]:
        out, nxt = [-1] * len(self.tokens), -1
        for i in range(len(self.tokens) - 1, -1, -1):
            out[i] = nxt
            if self.tokens[i].kind in STRUCTURAL:
                nxt = i
        return out

    def run(self) -> Structure:
        for i, tok in enumerate(self.tokens):
            getattr(self, "_" + tok.kind)(i, tok)
        return Structure(self.document, tuple(self.items), tuple(self.findings))

    # --- helpers ---

    def add(
        self,
        kind: str,
        tok: Token,
        value: int,
        stream: tuple[object, ...] = (),
        scheme: str = "",
        depth: int = 0,
        owner: int = -1,
    ) -> int:
        self.items.append(
            Item(kind, value, tok.label, tok.line, stream, scheme, self.part, depth, owner)
        )
        return len(self.items) - 1

    def new_context(self) -> None:
        self.ctx += 1
        self.para = -1
        self.sub_last = [0] * 5
        self.sub_depth = 0

    def expected_para(self) -> int:
        return self.para_last.get(self.part, 0) + 1

    # --- paragraphs and decimal headings ---

    def _num(self, i: int, tok: Token) -> None:
        n, e = tok.value, self.expected_para()
        typeset = _typeset_as_heading(tok.line)
        if self.decision and not typeset:
            return self._operative(tok)
        if self._third_level(i, tok, e, typeset):
            return self._heading(tok)
        if typeset or (typeset is None and n != e):
            return self._decimal_heading(tok, n)
        nxt = self.next_struct[i]
        follow = self.tokens[nxt] if nxt >= 0 else None
        heading_like = len(tok.rest) <= _HEADING_REST and not tok.rest[:1].isdigit()
        if (
            heading_like
            and follow is not None
            and follow.kind == "dec"
            and follow.dec[:2] == (n, 1)
        ):
            return self._decimal_heading(tok, n)
        if heading_like and self.dec[0] and n == self.dec[0] + 1 and n != e:
            self.findings.append(self._ambiguous(tok, n, e))
            return self._decimal_heading(tok, n)
        if n != e and tok.rest[:1].islower():
            return  # "… paragraph\n15. and …": prose, not a label
        if tok.inline and (n != e or self._next_num(i) == n):
            return  # "… 1. …; 2. …;\n3. …": an enumeration run into the text
        if tok.before_break and (n < e or self._next_num(i) == n):
            return  # a footnote numbered like a paragraph, just before a page break
        if tok.after_prose and abs(n - e) > 2 and n != 1:
            return  # "… the total was\n85. In 2023 …": a number ending a sentence
        self.new_context()
        self.para = self.add("para", tok, n, ("para", self.part), tok.scheme)
        self.para_last[self.part] = n

    # --- third-level headings: I. / A. / 1. ---

    def _third_level(self, i: int, tok: Token, e: int, typeset: bool | None) -> bool:
        """Whether "1." under a section I. (or 一、) or a subsection A. is a heading: a
        heading style or bold, or a heading's shape where its place says so (a first 1. just
        under a heading) or the paragraphs' numbers say it is none of theirs (it is not the
        next one, or the paragraph after it is)."""
        if self.section < 0 or self.items[self.section].scheme == "para":
            return False  # no sections, or sections numbered 1., 1.1 (decimal headings)
        if typeset or (typeset is None and tok.value != e):
            return True
        if not tok.titled:
            return False
        first = tok.value == 1 and self.items[-1].kind in ("section", "subsection")
        return first or tok.value != e or self._next_num(i) == e

    def _heading(self, tok: Token) -> None:
        """A third-level heading: numbered from 1 under each section or subsection."""
        self.new_context()
        self.decision = 0
        stream = ("heading", self.part, self.section, self.subsection)
        self.add("heading", tok, tok.value, stream, tok.scheme, owner=self.subsection)

    # --- draft decisions ---

    def _decision(self, i: int, tok: Token) -> None:
        """"Draft decision 2024/…": the numbers that follow, up to the next heading, are its
        operative paragraphs, a stream of their own from 1."""
        self.new_context()
        self.decisions += 1
        self.decision, self.operative_last = self.decisions, 0
        self.add("decision", tok, self.decisions)

    def _operative(self, tok: Token) -> None:
        n = tok.value
        if n != self.operative_last + 1 and tok.rest[:1].islower():
            return  # "… paragraph\n15. and …": prose, not a label
        self.new_context()
        stream = ("operative", self.part, self.decision)
        self.para = self.add("operative", tok, n, stream, tok.scheme)
        self.operative_last = n

    def _next_num(self, i: int) -> int | None:
        j = self.next_struct[i]
        while j >= 0 and self.tokens[j].kind != "num":
            j = self.next_struct[j]
        return self.tokens[j].value if j >= 0 else None

    def _decimal_heading(self, tok: Token, n: int) -> None:
        """1. in a document numbering its headings 1., 1.1 (like S3): a section."""
        self._section(tok, n, "para")
        self.dec = [n, 0]

    def _dec(self, i: int, tok: Token) -> None:
        a, b = tok.dec[0], tok.dec[1]
        certain = _typeset_as_heading(tok.line) is not False
        if not certain and len(tok.rest) > _HEADING_REST:
            return
        fits = (a == self.dec[0] and b == self.dec[1] + 1) or (a == self.dec[0] + 1 and b == 1)
        if len(tok.dec) > 2 or not (fits or certain):
            return  # an amount, a date or a deeper heading: never a finding
        if a != self.dec[0]:  # 2.1 with no 2. before it
            self.dec = [a, 0]
        self.new_context()
        self.decision = 0
        self.add(
            "subsection",
            tok,
            b,
            ("subsection", self.part, self.section),
            f"dec:{a}",
            owner=self.section,
        )
        self.subsec_last = b
        self.dec[1] = b

    def _ambiguous(self, tok: Token, n: int, e: int) -> Finding:
        ln = tok.line
        return Finding(
            self.document.name,
            ln.page,
            ln.line,
            f"{e}.",
            tok.label,
            f"ambiguous label '{tok.label}': read as heading {n} of the numbered headings "
            f"({self.dec[0]}., {self.dec[0]}.1 …), not as a paragraph number (paragraph {e} "
            f"would come next); no {n}.1 follows to confirm it — this document numbers "
            "headings and paragraphs in the same 'N.' form",
            "ambiguous",
        )

    def _bullet(self, i: int, tok: Token) -> None:
        self.add("bullet", tok, 0, ("para", self.part))

    # --- sections, subsections, annexes ---

    def _upper(self, i: int, tok: Token) -> None:
        """I. is a section or subsection I; V., X., L., C. likewise: the reading nearer its
        expected value wins (always letters where sections are numbered 一、 or أولا -)."""
        letter, roman = tok.alt
        if letter is not None and (self.word_sections or roman is None):
            return self._subsection(tok, letter)
        if letter is None:
            return self._section(tok, roman or 0, "roman")
        assert roman is not None
        sec_next = self.sec_last.get(self.part, 0) + 1
        if abs(letter - self.subsec_last - 1) < abs(roman - sec_next):
            return self._subsection(tok, letter)
        self._section(tok, roman, "roman")

    def _chinese(self, i: int, tok: Token) -> None:
        self.word_sections = True
        self._section(tok, tok.value, tok.scheme)

    def _cjk_sub(self, i: int, tok: Token) -> None:
        """（一）: a subsection (where sections are numbered 一、 or 一.)."""
        self._subsection(tok, tok.value, tok.scheme)

    def _section_word(self, i: int, tok: Token) -> None:
        """أولا - (or الأول - in a table of contents): a section."""
        self.word_sections = True
        self._section(tok, tok.value, tok.scheme)

    def _subsection_word(self, i: int, tok: Token) -> None:
        """ألف -: a subsection."""
        self._subsection(tok, tok.value, tok.scheme)

    def _section(self, tok: Token, n: int, scheme: str) -> None:
        self.new_context()
        self.decision = 0
        self.section = self.add("section", tok, n, ("section", self.part), scheme)
        self.sec_last[self.part] = n
        self.subsec_last, self.subsection = 0, -1

    def _subsection(self, tok: Token, n: int, scheme: str = "upper") -> None:
        self.new_context()
        self.decision = 0
        self.subsection = self.add(
            "subsection",
            tok,
            n,
            ("subsection", self.part, self.section),
            scheme,
            owner=self.section,
        )
        self.subsec_last = n

    def _annex(self, i: int, tok: Token) -> None:
        self.new_context()
        self.decision = 0
        self.part += 1
        stream = ("annex",) if tok.value else ()
        self.add("annex", tok, tok.value, stream, tok.scheme)
        self.section, self.subsection, self.subsec_last, self.dec = -1, -1, 0, [0, 0]

    # --- subparagraphs ---

    def _paren(self, i: int, tok: Token) -> None:
        self._sub(tok, [(1, tok.alt[0]), (2, tok.alt[1])])

    def _dot(self, i: int, tok: Token) -> None:
        self._sub(tok, [(3, tok.alt[0]), (4, tok.alt[1])])

    def _sub(self, tok: Token, readings: list[tuple[int, int | None]]) -> None:
        options = [(d, v) for d, v in readings if v is not None]
        m = _STYLE_DEPTH.fullmatch(tok.line.style or "")
        if m and any(d == int(m.group(1)) for d, _ in options):
            options = [(d, v) for d, v in options if d == int(m.group(1))]
        last = self.sub_last
        going_on = [
            (d, v) for d, v in options if last[d] and v == last[d] + 1 and d <= self.sub_depth
        ]
        starts = [(d, v) for d, v in options if v == 1]
        if going_on:
            depth, value = max(going_on)
        elif tok.inline:
            return  # "…；(b) …；\n(c) …": an enumeration run into the text
        elif starts:
            depth, value = starts[0]
        else:
            if tok.rest[:1].isascii() and tok.rest[:1].islower():
                return  # "… under\n(c) of …": prose (Russian subparagraphs begin in lower case)
            roman_first = len(tok.label.strip("().")) > 1 and readings[1][1] is not None
            depth, value = options[-1] if roman_first else options[0]
        parents = tuple(last[1:depth])
        stream = ("sub", self.ctx, depth, parents)
        scheme = SUB_SCHEMES[tok.scheme][(depth - 1) % 2]
        self.add("sub", tok, value, stream, scheme, depth, self.para)
        last[depth] = value
        for d in range(depth + 1, 5):
            last[d] = 0
        self.sub_depth = depth

    # --- captions and footnotes ---

    def _figure(self, i: int, tok: Token) -> None:
        self._caption("figure", tok)

    def _table(self, i: int, tok: Token) -> None:
        self._caption("table", tok)

    def _caption(self, kind: str, tok: Token) -> None:
        self.add(kind, tok, tok.value, (kind,), tok.scheme)

    def _note(self, i: int, tok: Token) -> None:
        if not tok.line.sure and not 0 <= tok.value - self.note_last - 1 <= 2:
            return  # a small line at the foot of a page starting with a number: not a note
        self.add("note", tok, tok.value, ("note",), "bare")
        self.note_last = tok.value

    def _star(self, i: int, tok: Token) -> None:
        self.add("star", tok, len(tok.label))

    def _ref(self, i: int, tok: Token) -> None:
        if tok.value:
            self.add("ref", tok, tok.value, ("ref",), "bare")
        elif tok.label.startswith("*"):
            self.add("star-ref", tok, len(tok.label))
