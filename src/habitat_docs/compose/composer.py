"""Compose: a document model, its numbering and a language give the layout writers print."""

from __future__ import annotations

import re
from itertools import groupby
from typing import Any

from habitat_docs.compose.bidi import isolate_composed
from habitat_docs.compose.geometry import (
    CLOSING_RULE_CM,
    EMBLEM_HEIGHT_CM,
    FIGURE_MAX_HEIGHT_CM,
    LOGO_HEIGHT_CM,
    MASTHEAD_SPACING,
    TEXT_WIDTH_CM,
    band,
    heading_column_cm,
    picture,
    sizes,
)
from habitat_docs.compose.language import AGENDA_MARK, NBSP, Language, language
from habitat_docs.compose.measure import label_width, text_width
from habitat_docs.compose.reference_kinds import NO_ANNEX_PIN, REF_KIND, root
from habitat_docs.compose.titles import BREAK, broken_titles
from habitat_docs.compose.tree import (
    FOOT_ROLES,
    Band,
    Block,
    BoxBlock,
    ClosingRule,
    Composed,
    DecisionHeading,
    DecisionPara,
    FigureBlock,
    Heading,
    Inline,
    Line,
    Mark,
    NoteRef,
    OriginalLine,
    Para,
    Picture,
    Span,
    SummaryBlock,
    TableBlock,
)  # fmt: skip
from habitat_docs.errors import DataError, Path
from habitat_docs.load.images import image_file, image_shape
from habitat_docs.model import (
    Annex,
    Artwork,
    Document,
    DraftDecision,
    Figure,
    Operative,
    Paragraph,
    PreSession,
    Section,
    Subparagraph,
    Subsection,
    Summary,
    Table,
    TargetBox,
    Text,
    inline,
    walk,
)  # fmt: skip
from habitat_docs.number import Label, Numbering, number, runs

__all__ = ["compose", "composer_for"]



def compose(
    doc: Document, lang: str, numbering: Numbering | None = None, artwork: Artwork | None = None
) -> Composed:
    """Lay out ``doc`` in language ``lang``; every label comes from ``numbering``. The
    masthead prints the images of ``artwork``, or else those the document names."""
    doc.require_languages([lang])
    composed = _Composer(doc, language(lang), numbering or number(doc), artwork or Artwork()).run()
    return isolate_composed(composed)


def composer_for(doc: Document, lang: str, numbering: Numbering) -> _Composer:
    """The composer of ``doc`` in ``lang``, for readers who need its wording of one piece
    (the importer finds references by the way they print)."""
    return _Composer(doc, language(lang), numbering, Artwork())


class _Composer:
    def __init__(self, doc: Document, lang: Language, numbering: Numbering, artwork: Artwork) -> None:
        self.doc, self.lang, self.num, self.artwork = doc, lang, numbering, artwork
        self.code = lang.code
        self.sizes = sizes(lang.typography)  # once: the masthead, images and writers use them
        self.marks: dict[str, str] = {}  # the letters of the table being composed, by note id
        self.in_cells = False  # composing a table's cells: facts in their table form ("89%")

    def run(self) -> Composed:
        doc = self.doc
        blocks: list[Block] = []
        for path, node in walk(doc):
            blocks.extend(self.blocks(path, node))
        blocks.append(ClosingRule(CLOSING_RULE_CM))
        lines = self.masthead()
        typo = self.lang.typography
        return Composed(
            lang=self.code,
            symbol=doc.symbol.text if doc.symbol else None,
            file_stem=doc.file_stem,
            title=" ".join(self.plain(doc.title, ("title",)).split()),
            issued=doc.issued,
            masthead=tuple(ln for ln in lines if ln.role not in FOOT_ROLES),
            running_head=doc.symbol.text if doc.symbol else "",
            blocks=tuple(blocks),
            typography=typo,
            sizes=self.sizes,
            band=self.band(lines),
            spacing=MASTHEAD_SPACING,
            heading_column_cm=self.heading_column(blocks),
            foot=tuple(ln for ln in lines if ln.role in FOOT_ROLES),
        )

    def heading_column(self, blocks: list[Block]) -> float:
        """The column all section and subsection numerals hang in: wide enough for the widest."""
        t = self.lang.typography
        widths = [
            label_width(b.label, t.heading_font, t.east_asian_heading_font,
                        t.section_size if b.level == 1 else t.subsection_size, bold=True)
            for b in blocks if isinstance(b, Heading) and b.level > 0
        ]  # fmt: skip
        return heading_column_cm(t, max(widths, default=0.0))

    # --- masthead ---

    def band(self, lines: tuple[Line, ...]) -> Band:
        """The bands' columns, the symbol's size measured to fit on one line, the pictures."""
        typo = self.lang.typography
        symbol = "".join(i.text for ln in lines if ln.role == "symbol" for i in ln.content if isinstance(i, Span))
        width = (lambda size: text_width(symbol, typo.heading_font, size, bold=True)) if symbol else None
        return band(width, self.sizes.symbol, self.picture("emblem", EMBLEM_HEIGHT_CM),
                    self.picture("logo", LOGO_HEIGHT_CM))  # fmt: skip

    def picture(self, name: str, height_cm: float) -> Picture | None:
        """The emblem or the logo: the build's file, else the document's own (checked as
        figure images are), else None."""
        path = getattr(self.artwork, name)
        own = getattr(self.doc, name)
        if path is None and own is not None:
            try:
                path = image_file(self.doc.base_dir, own)
            except DataError as e:
                raise e.within((name,)) from None
        return None if path is None else picture(str(path), image_shape(path), height_cm)

    def masthead(self) -> tuple[Line, ...]:
        doc = self.doc
        s = doc.session
        agenda = doc.agenda
        lines = self.lang.masthead(
            symbol=doc.symbol.text if doc.symbol else None,
            distribution=doc.distribution,
            issued=doc.issued,
            original=doc.original,
            session=s,
            venue=self.plain(s.venue, ("session", "venue")) if s.venue else "",
            items=[
                {"label": item.label, "title": self.title_text(item.title, ("agenda", "items", i, "title"))}
                for i, item in enumerate(agenda.items if agenda else ())
            ],
            # "Item 5 (a)" when the masthead gives item 5 and its sub-item (a): titles of both
            item_labels=[
                i.label for i in (agenda.items if agenda else ())
                if i.sub or not any(j.number == i.number and j.sub for j in agenda.items)  # type: ignore[union-attr]
            ],
            title=self.title_text(doc.title, ("title",)),
            subtitle=self.lang.phrase("subtitle", doc.kind, doc.executive_director.gender),
            facts=doc.facts,  # {{ facts["name"]|fact }}
            job_number=doc.job_number,
        )
        note = NoteRef("*", (Span(self.lang.phrase("agenda_note", agenda.symbol.text)),)) if agenda else None
        out = []
        for role, text in lines:
            if not text:
                continue
            before, mark, after = text.partition(AGENDA_MARK)
            content: list[Inline] = [Span(before, terms=self.lang.terms)] if before else []
            if mark:
                if note is None:
                    raise ValueError(f"masthead.j2 of '{self.code}' marks an agenda note, but there is no agenda")
                content.append(note)
                if after:
                    content.append(Span(after, terms=self.lang.terms))
            out.append(Line(role, tuple(content)))
        return broken_titles(tuple(out), self.lang.typography)

    # --- body ---

    def blocks(self, path: Path, node: object) -> list[Block]:
        """The blocks of a node: most give one, some none, a draft decision its head and
        preamble (its operative paragraphs are nodes of their own)."""
        if isinstance(node, Annex):
            label = self.lang.label(self.num.labels[path], self.num.annexes)
            out: list[Block] = [Heading(0, label, self.runs(node.title, (*path, "title")))]
            if node.original is not None and node.original != self.doc.original:
                out.append(OriginalLine(self.lang.phrase("annex_original", node.original)))
            return out
        if isinstance(node, Summary):
            return [self.summary(node)]
        if isinstance(node, DraftDecision):
            return self.decision(path, node)
        block = self.block(path, node)
        return [] if block is None else [block]

    def summary(self, s: Summary) -> SummaryBlock:
        paras = tuple(self.runs(t, ("summary", "text", i)) for i, t in enumerate(s.text))
        if s.action is None:
            return SummaryBlock(self.lang.phrase("summary_title"), paras)
        action = self.runs(s.action, ("summary", "action"))
        return SummaryBlock(self.lang.phrase("summary_title"), paras, self.lang.phrase("action_lead"), action)

    def decision(self, path: Path, d: DraftDecision) -> list[Block]:
        number = d.number or self.lang.phrase("decision_number", self.doc.session.year)
        title = self.runs(d.title, (*path, "title")) if d.title is not None else ()
        head = DecisionHeading(self.lang.phrase("decision_heading", number), title, self.lang.phrase("decision_opening"))
        preamble = [DecisionPara(None, self.runs(t, (*path, "preamble", i))) for i, t in enumerate(d.preamble)]
        return [head, *preamble]

    def block(self, path: Path, node: object) -> Block | None:
        labels = self.num.labels
        if isinstance(node, Section | Subsection):
            level = 1 if isinstance(node, Section) else 2
            label = self.lang.label(labels[path], style=self.doc.heading_style)
            return Heading(level, label, self.runs(node.heading, (*path, "heading")))
        if isinstance(node, Operative):
            return DecisionPara(self.lang.label(labels[path]), self.runs(node.text, (*path, "text")))
        if isinstance(node, Paragraph):
            number = self.lang.label(labels[path]) if node.numbered else None
            return Para(number, self.runs(node.text, (*path, "text")))
        if isinstance(node, Subparagraph):
            lab = labels[path]
            return Para(self.lang.label(lab), self.runs(node.text, (*path, "text")), lab.depth)
        if isinstance(node, Table):
            return self.table(path, node)
        if isinstance(node, Figure):
            return self.figure(path, node)
        if isinstance(node, TargetBox):
            items = tuple(self.runs(t, (*path, "items", i)) for i, t in enumerate(node.items))
            return BoxBlock(self.lang.phrase("targets_title"), items)
        if isinstance(node, PreSession):
            lead = Span(self.lang.phrase("presession", self.doc.cited(node.doc).symbol.text))
            return Para(None, (lead, *self.runs(node.description, (*path, "description"))))
        return None

    def table(self, path: Path, t: Table) -> TableBlock:
        order = self.num.table_notes.get(path, ())
        self.marks = {note_id: self.lang.phrase("table_note", i + 1) for i, note_id in enumerate(order)}
        header, rows = self.grid(path, t)
        texts = {n.id: (j, n.text) for j, n in enumerate(t.table_notes)}
        lettered = tuple(
            (Mark(self.marks[note_id]), Span(" "), *self.runs(texts[note_id][1], (*path, "table_notes", texts[note_id][0], "text")))
            for note_id in order
        )
        self.marks = {}
        notes = self.notes(path, t.notes, None) + lettered + self.notes(path, (), t.source)
        return TableBlock(
            label=self.lang.label(self.num.labels[path]),
            title=self.runs(t.title, (*path, "title")),
            header=header,
            rows=rows,
            notes=notes,
        )

    def grid(self, path: Path, node: Table | Figure) -> tuple[Any, Any]:
        # column heads in italics (for Latin script: see _merge)
        self.in_cells = True
        header = tuple(self.runs(c, (*path, "columns", j), italic=True) for j, c in enumerate(node.columns))
        rows = tuple(
            tuple(self.runs(c, (*path, "rows", i, j)) for j, c in enumerate(row))
            for i, row in enumerate(node.rows)
        )
        self.in_cells = False
        return header, rows

    def figure(self, path: Path, f: Figure) -> FigureBlock:
        header, rows = self.grid(path, f)
        image, width = None, 0.0
        if f.image is not None:
            try:
                found = image_file(self.doc.base_dir, f.image)
                width = self.image_width(image_shape(found))
            except DataError as e:
                raise e.within((*path, "image")) from None
            image = str(found)
        return FigureBlock(
            label=self.lang.label(self.num.labels[path]),
            title=self.runs(f.title, (*path, "title")),
            image=image,
            placeholder=tuple(_merge([(self.lang.phrase("figure_placeholder"), False, True)])),
            width_cm=width,
            notes=self.notes(path, f.notes, f.source)
            + (((Span(self.lang.phrase("not_edited")),),) if f.not_edited else ()),
            header=header,
            rows=rows,
        )

    def image_width(self, shape: float) -> float:
        """The full width beside the label indent, narrower for an image so tall that it
        would pass :data:`FIGURE_MAX_HEIGHT_CM` (``shape``: height over width)."""
        full = TEXT_WIDTH_CM - self.sizes.right_indent_cm - self.lang.typography.label_indent_cm
        return round(min(full, FIGURE_MAX_HEIGHT_CM / shape), 3)

    def notes(
        self, path: Path, notes: tuple[Text, ...], source: Text | None
    ) -> tuple[tuple[Inline, ...], ...]:
        out = [self.runs(n, (*path, "notes", i)) for i, n in enumerate(notes)]
        if source is not None:
            label = Span(self.lang.phrase("source_label"))
            out.append((label, *self.runs(source, (*path, "source"))))
        return tuple(out)

    # --- inline ---

    def runs(self, text: Text, path: Path, italic: bool = False) -> tuple[Inline, ...]:
        counter = iter(range(self.num.notes.get(path, 0), 1 << 30))
        out: list[_Piece] = []
        self._inline(text.inline(self.code), False, italic, counter, (*path, self.code), out)
        return tuple(_merge(out, self.lang.terms))

    def _inline(
        self, nodes: tuple[inline.Inline, ...], bold: bool, italic: bool,
        counter: object, path: Path, out: list[_Piece],
    ) -> None:  # fmt: skip
        for n in nodes:
            if isinstance(n, inline.Str):
                out.append((n.text, bold, italic))
            elif isinstance(n, inline.Emph):
                self._inline(n.children, bold, True, counter, path, out)
            elif isinstance(n, inline.Strong):
                self._inline(n.children, True, italic, counter, path, out)
            elif isinstance(n, inline.Ref):
                text = self.reference(n.targets, path, n.long)
                out.append((text[:1].upper() + text[1:] if n.capital else text, bold, italic))
            elif isinstance(n, inline.Fact):
                out.append((self.fact(n.name, path), bold, italic))
            elif isinstance(n, inline.DocRef):
                out.append((self.doc.cited(n.id).symbol.text, bold, italic))
            elif isinstance(n, inline.ItemRef):
                item = self.doc.agenda.item(n.id) if self.doc.agenda else None
                assert item is not None  # the model validates {item:id}
                out.append((self.lang.phrase("item_ref", item.label), bold, italic))
            elif isinstance(n, inline.TableMark):
                out.append(Mark(self.marks[n.id]))
            elif isinstance(n, inline.Note):
                body: list[_Piece] = []
                self._inline(n.children, False, False, counter, path, body)
                mark = str(next(counter))  # type: ignore[call-overload]
                out.append(NoteRef(mark, tuple(s for s in _merge(body, self.lang.terms) if isinstance(s, Span))))

    def fact(self, name: str, path: Path = ()) -> str:
        """The text of the fact ``name`` in this language."""
        try:
            value = self.doc.facts[name]
        except KeyError:
            raise DataError(f"unknown fact '{name}'", path) from None
        try:
            return self.lang.fact(value, self.in_cells)
        except ValueError as e:
            raise DataError(f"fact '{name}': {e}", path) from None

    def title_text(self, text: Text, path: Path) -> str:
        """A title as plain text, the line breaks its author wrote in the data kept as BREAK
        (elsewhere a line break in the data is a space)."""
        lines = dict(text.versions).get(self.code, "").strip().split("\n")
        if len(lines) == 1:
            return self.plain(text, path)
        return BREAK.join(self.plain(Text({self.code: line}), path) for line in lines)

    def plain(self, text: Text, path: Path) -> str:
        """A text without markup, facts written out (masthead lines and the title)."""
        return inline.plain(text.inline(self.code), lambda name: self.fact(name, (*path, self.code)))

    def reference(self, targets: tuple[str, ...], path: Path, long: bool = False) -> str:
        """The printed reference to ``targets``: "para. 15", or "paragraph 15" when ``long``."""
        labels = [self.num.targets[t] for t in targets]
        kinds = {REF_KIND[root(lab).kind] for lab in labels}
        if len(kinds) > 1:
            raise DataError(f"one reference cannot mix kinds ({', '.join(sorted(kinds))})", path)
        annexes = {lab.annex for lab in labels}
        if len(annexes) > 1:
            raise DataError("one reference cannot span the body and annexes", path)
        kind, annex = kinds.pop(), annexes.pop()
        pins = [self.pin(lab) for lab in labels]
        if kind in ("paragraph", "operative") and all(lab.kind == kind for lab in labels):
            pins = self.ranges([lab.number for lab in labels], long)
        annex_pin = None
        if annex is not None and kind not in NO_ANNEX_PIN:
            annex_pin = self.lang.phrase("pin_annex", annex.number, self.num.annexes)
        try:
            return self.lang.reference(kind, pins, annex_pin, long)
        except ValueError as e:
            raise DataError(str(e), path) from None

    def pin(self, lab: Label) -> str:
        if lab.kind == "subparagraph":
            chain = []
            node: Label | None = lab
            while node is not None and node.kind == "subparagraph":
                chain.append(self.lang.label(node))
                node = node.parent
            head = str(node.number) if node is not None and node.number else ""
            return NBSP.join(x for x in (head, *reversed(chain)) if x)  # "5 (e)" never breaks
        if lab.kind == "subsection":
            assert lab.parent is not None
            return self.lang.phrase("pin_subsection", lab.parent.number, lab.number)
        if lab.kind == "section":
            return self.lang.phrase("pin_section", lab.number)
        if lab.kind == "annex":
            return self.lang.phrase("pin_annex", lab.number, self.num.annexes)
        if lab.kind in ("figure", "table"):
            return self.lang.phrase(f"pin_{lab.kind}", lab.number)
        return str(lab.number)

    def ranges(self, numbers: list[int], long: bool = False) -> list[str]:
        """Runs of three or more consecutive paragraphs print as a range: 3–5 (3 to 5 in a
        long reference)."""
        out: list[str] = []
        for first, last in runs(numbers):
            if last - first >= 2:
                wide = (long,) if long else ()  # a range macro without `long` serves short ones still
                out.append(self.lang.phrase("range", first, last, *wide))
            else:
                out.extend(str(n) for n in range(first, last + 1))
        return out


# A piece of text in a style (text, bold, italic), a note or a table note's mark: what
# _inline collects before _merge makes each run of one style a Span, once (a span finds its
# symbols when made).
_Piece = tuple[str, bool, bool] | NoteRef | Mark


def _merge(items: list[_Piece], terms: re.Pattern[str] | None = None) -> list[Inline]:
    """Join neighbouring pieces of the same style into one span (``terms``: the language's
    own terms to keep on one line, see :class:`Span`)."""
    out: list[Inline] = []
    for style, group in groupby(items, key=lambda it: it[1:] if isinstance(it, tuple) else None):
        if style is None:
            out.extend(it for it in group if not isinstance(it, tuple))
        else:
            text = "".join(it[0] for it in group if isinstance(it, tuple))
            bold, italic = style
            out.extend(_upright(_URL.sub(_breakable, text) if "://" in text else text, bold, italic, terms))
    return out


# A web address may break after "/" and ".", where a zero-width space lets it: unbroken, a
# long address stretches its line (and a Chinese line to 1.4 em a character).
_URL = re.compile(r"https?://[^\s\u3000-\u303f\uff00-\uffef]+")
_ZWSP = "\u200b"


def _breakable(m: re.Match[str]) -> str:
    """
    >>> _URL.sub(_breakable, "see https://a.org/b/c.") == "see https://\u200ba.\u200borg/\u200bb/\u200bc."
    True
    """
    url = m.group()
    head, _, rest = url.partition("://")
    body = re.sub(r"([/.])(?=.)", lambda d: d.group() + _ZWSP, rest)
    return f"{head}://{_ZWSP}{body}"


# Italics are for Latin script: Chinese characters and full-width punctuation stay upright
# (a slanted Chinese character is a synthetic oblique, never UN typography).
_UPRIGHT = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")


def _upright(text: str, bold: bool, italic: bool, terms: re.Pattern[str] | None = None) -> list[Span]:
    """The spans of a text in one style, East Asian runs of an italic text set upright.

    >>> [(s.text, s.italic) for s in _upright("预算 (Budget)", False, True)]
    [('预算', False), (' (Budget)', True)]
    """
    if not italic or not _UPRIGHT.search(text):
        return [Span(text, bold, italic, terms=terms)]
    out, at = [], 0
    for m in _UPRIGHT.finditer(text):
        out += [Span(text[at : m.start()], bold, True, terms=terms)] if m.start() > at else []
        out.append(Span(m.group(), bold, False))
        at = m.end()
    return out + ([Span(text[at:], bold, True, terms=terms)] if at < len(text) else [])
