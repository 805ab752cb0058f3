"""Numbering (paragraphs, subparagraphs, sections, annexes, footnotes, figures, tables) and the
wording of cross-references, in English and Chinese."""

from __future__ import annotations

import datetime as dt

import pytest

from habitat_docs import (
    Agenda,
    AgendaItem,
    Annex,
    DataError,
    ExecutiveDirectorReport,
    Figure,
    Label,
    Paragraph,
    Section,
    Session,
    Subparagraph,
    Subsection,
    Symbol,
    Table,
    Text,
    compose,
    number,
)  # fmt: skip
from habitat_docs.compose.language import NBSP, language
from habitat_docs.compose.tree import FigureBlock, Heading, NoteRef, Para, Span, TableBlock

LANGS = ("en", "zh")

# --- a small factory --------------------------------------------------------------------------


def T(en: str, zh: str | None = None) -> Text:
    return Text(en=en, zh=en if zh is None else zh)


def P(en: str = "Text.", zh: str | None = None, *, id: str | None = None, subs=(), numbered=True):
    return Paragraph(text=T(en, zh), subparagraphs=tuple(subs), id=id, numbered=numbered)


def SP(en: str = "Item;", zh: str | None = None, *, id: str | None = None, subs=()):
    return Subparagraph(text=T(en, zh), subparagraphs=tuple(subs), id=id)


def S(heading: str, *content, id: str | None = None, subsections=()):
    return Section(
        heading=T(heading), content=tuple(content), subsections=tuple(subsections), id=id
    )


def SS(heading: str, *content, id: str | None = None):
    return Subsection(heading=T(heading), content=tuple(content), id=id)


def A(title: str, *content, id: str | None = None, sections=()):
    return Annex(title=T(title), content=tuple(content), sections=tuple(sections), id=id)


def FIG(title: str = "Figure title", *, id: str | None = None, notes=(), source=None):
    return Figure(title=T(title), id=id, notes=tuple(notes), source=source)


def TAB(title: str = "Table title", *, id: str | None = None, cells=("x",), notes=(), source=None):
    return Table(
        title=T(title), columns=(T("Column"),), rows=tuple((T(c),) for c in cells),
        notes=tuple(notes), source=source, id=id,
    )  # fmt: skip


def make_doc(*sections: Section, annexes=()) -> ExecutiveDirectorReport:
    return ExecutiveDirectorReport(
        symbol=Symbol("HSP/EB.2024/11"),
        issued=dt.date(2024, 3, 7),
        session=Session(
            year=2024,
            ordinal=1,
            start=dt.date(2024, 5, 6),
            end=dt.date(2024, 5, 8),
            venue=T("Nairobi", "内罗毕"),
        ),
        agenda=Agenda(
            symbol=Symbol("HSP/EB.2024/1"),
            items=(AgendaItem(number=12, title=T("Report", "报告")),),
        ),
        title=T("Title", "标题"),
        sections=tuple(sections),
        annexes=tuple(annexes),
    )


def text_of(content) -> str:
    """The text, no-break spaces as spaces (test_references_never_break checks them)."""
    text = "".join(i.text if isinstance(i, Span) else f"[{i.mark}]" for i in content)
    return text.replace(NBSP, " ")


def paras(doc, lang: str) -> list[Para]:
    return [b for b in compose(doc, lang).blocks if isinstance(b, Para)]


def para_labels(doc, lang: str) -> list[str | None]:
    return [p.label for p in paras(doc, lang) if p.depth == 0]


def headings(doc, lang: str, level: int) -> list[str]:
    return [
        b.label for b in compose(doc, lang).blocks if isinstance(b, Heading) and b.level == level
    ]


# --- paragraphs -------------------------------------------------------------------------------


def _body_and_annexes():
    return make_doc(
        S("One", P(), P(), P()),
        S("Two", P(), subsections=[SS("A", P(), P()), SS("B", P())]),
        S("Three", P()),
        annexes=[
            A("First annex", P(), P(), sections=[S("Annex section", P())]),
            A("Second annex", P(), P()),
        ],
    )


@pytest.mark.parametrize("lang", LANGS)
def test_paragraphs_continue_across_sections_and_restart_in_each_annex(lang):
    labels = para_labels(_body_and_annexes(), lang)
    body = [f"{n}." for n in range(1, 9)]
    assert labels == [*body, "1.", "2.", "3.", "1.", "2."]


def test_paragraph_labels_as_values():
    doc = _body_and_annexes()
    num = number(doc)
    assert num.paragraphs == 8
    assert num.annexes == 2
    last_body = num.labels[("sections", 2, "content", 0)]
    assert (last_body.kind, last_body.number, last_body.annex) == ("paragraph", 8, None)
    in_annex = num.labels[("annexes", 0, "sections", 0, "content", 0)]
    assert in_annex.number == 3
    assert in_annex.annex == Label("annex", 1)
    assert num.labels[("annexes", 1, "content", 1)].annex == Label("annex", 2)


@pytest.mark.parametrize("lang", LANGS)
def test_unnumbered_paragraphs_take_no_number(lang):
    doc = make_doc(
        S("One", P(), P("Chapeau", numbered=False), P()),
        S("Two", P(numbered=False), P()),
        annexes=[A("Annex", P(numbered=False), P())],
    )
    assert para_labels(doc, lang) == ["1.", None, "2.", None, "3.", None, "1."]
    assert number(doc).paragraphs == 3


def test_subparagraphs_under_an_unnumbered_paragraph_are_labelled():
    doc = make_doc(S("One", P(numbered=False, subs=[SP(), SP()]), P(subs=[SP()])))
    assert [(p.label, p.depth) for p in paras(doc, "en")] == [
        (None, 0), ("(a)", 1), ("(b)", 1), ("1.", 0), ("(a)", 1),
    ]  # fmt: skip


# --- subparagraphs ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("depth", "number_", "expected"),
    [
        (1, 1, "(a)"), (1, 2, "(b)"), (1, 5, "(e)"), (1, 26, "(z)"), (1, 27, "(aa)"),
        (2, 1, "(i)"), (2, 2, "(ii)"), (2, 4, "(iv)"), (2, 9, "(ix)"), (2, 14, "(xiv)"),
        (3, 1, "a."), (3, 3, "c."), (3, 27, "aa."),
        (4, 1, "i."), (4, 4, "iv."), (4, 10, "x."),
    ],
)  # fmt: skip
def test_subparagraph_label_per_depth(lang, depth, number_, expected):
    label = Label("subparagraph", number_, depth, Label("paragraph", 1))
    assert language(lang).label(label) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_subparagraphs_nest_and_restart_under_each_parent(lang):
    deep = SP(subs=[SP(subs=[SP(subs=[SP(), SP()])]), SP()])
    doc = make_doc(S("One", P(subs=[SP(), deep, SP()]), P(subs=[SP(subs=[SP()])])))
    assert [(p.label, p.depth) for p in paras(doc, lang)] == [
        ("1.", 0),
        ("(a)", 1),
        ("(b)", 1), ("(i)", 2), ("a.", 3), ("i.", 4), ("ii.", 4), ("(ii)", 2),
        ("(c)", 1),
        ("2.", 0),
        ("(a)", 1), ("(i)", 2),
    ]  # fmt: skip


def test_subparagraphs_nest_at_most_four_deep():
    too_deep = SP(subs=[SP(subs=[SP(subs=[SP(subs=[SP()])])])])
    with pytest.raises(DataError) as info:
        make_doc(S("One", P(subs=[too_deep])))
    (problem,) = info.value.problems
    assert problem.message == "subparagraphs nest at most 4 deep"
    assert problem.path == (
        "sections", 0, "content", 0,
        *("subparagraphs", 0) * 5,
    )  # fmt: skip


# --- sections, subsections, annexes -----------------------------------------------------------


def test_section_labels_one_to_twenty():
    doc = make_doc(*[S(f"Section {n}", P()) for n in range(1, 21)])
    assert headings(doc, "en", 1) == [
        "I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.",
        "XI.", "XII.", "XIII.", "XIV.", "XV.", "XVI.", "XVII.", "XVIII.", "XIX.", "XX.",
    ]  # fmt: skip
    assert headings(doc, "zh", 1) == [
        "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
        "十一、", "十二、", "十三、", "十四、", "十五、", "十六、", "十七、", "十八、", "十九、", "二十、",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_subsections_are_lettered_and_restart_in_each_section(lang):
    doc = make_doc(
        S("One", subsections=[SS("a", P()), SS("b", P()), SS("c", P())]),
        S("Two", subsections=[SS("a", P()), SS("b", P())]),
    )
    assert headings(doc, lang, 2) == ["A.", "B.", "C.", "A.", "B."]


def test_a_lone_subsection_is_refused():
    with pytest.raises(DataError) as info:
        S("One", subsections=[SS("only", P())])
    assert info.value.problems[0].path == ("subsections",)


def test_sections_restart_in_each_annex():
    doc = make_doc(
        S("One", P()), S("Two", P()),
        annexes=[A("X", sections=[S("a", P()), S("b", P())]), A("Y", sections=[S("c", P())])],
    )  # fmt: skip
    assert headings(doc, "en", 1) == ["I.", "II.", "I.", "II.", "I."]
    assert headings(doc, "zh", 1) == ["一、", "二、", "一、", "二、", "一、"]


def test_annex_headings():
    one = make_doc(S("One", P()), annexes=[A("Only", P())])
    two = make_doc(S("One", P()), annexes=[A("X", P()), A("Y", P())])
    assert headings(one, "en", 0) == ["Annex"]
    assert headings(one, "zh", 0) == ["附件"]
    assert headings(two, "en", 0) == ["Annex I", "Annex II"]
    assert headings(two, "zh", 0) == ["附件一", "附件二"]


# --- footnotes --------------------------------------------------------------------------------


def _note_doc():
    return make_doc(
        S(
            "One",
            P("a{note:n1} b{note:n2}", "甲{note:注1}乙{note:注2}",
              subs=[SP("s{note:n3}", "子{note:注3}")]),
            TAB(cells=("plain",), notes=[T("tn{note:n4}", "表注{note:注4}")],
                source=T("src{note:n5}", "来源{note:注5}")),
            P("no note", "无注"),
        ),
        S(
            "Two",
            FIG(notes=[T("fn{note:n6}", "图注{note:注6}")]),
            P("*c*{note:n7} and **d{note:n8}**", "*丙*{note:注7}和**丁{note:注8}**"),
        ),
        annexes=[A("Annex", P("ann{note:n9}", "附{note:注9}"))],
    )  # fmt: skip


def _notes(doc, lang: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def collect(content):
        found.extend((i.mark, text_of(i.content)) for i in content if isinstance(i, NoteRef))

    for b in compose(doc, lang).blocks:
        if isinstance(b, Para | Heading):
            collect(b.content)
        elif isinstance(b, TableBlock):
            collect(b.title)
            for h in b.header:
                collect(h)
            for row in b.rows:
                for cell in row:
                    collect(cell)
            for n in b.notes:
                collect(n)
        elif isinstance(b, FigureBlock):
            collect(b.title)
            for n in b.notes:
                collect(n)
    return found


def test_footnotes_are_numbered_through_the_document_in_reading_order():
    assert _notes(_note_doc(), "en") == [(str(n), f"n{n}") for n in range(1, 10)]


def test_footnote_numbers_are_equal_between_chinese_and_english():
    doc = _note_doc()
    en, zh = _notes(doc, "en"), _notes(doc, "zh")
    assert [m for m, _ in zh] == [m for m, _ in en] == [str(n) for n in range(1, 10)]
    assert [t for _, t in zh] == [f"注{n}" for n in range(1, 10)]


def test_footnote_numbering_knows_where_each_text_starts():
    notes = number(_note_doc()).notes
    assert notes[("sections", 0, "content", 0, "text")] == 1
    assert notes[("sections", 0, "content", 0, "subparagraphs", 0, "text")] == 3
    assert ("sections", 0, "content", 2, "text") not in notes
    assert notes[("annexes", 0, "content", 0, "text")] == 9


# --- figures and tables -----------------------------------------------------------------------


def _figures_and_tables():
    return make_doc(
        S("One", FIG(), P(), TAB(), FIG()),
        S("Two", subsections=[SS("A", TAB()), SS("B", FIG())]),
        annexes=[A("X", TAB(), FIG()), A("Y", TAB())],
    )


def test_figures_and_tables_are_numbered_through_the_document():
    doc = _figures_and_tables()
    for lang, figs, tabs in [
        ("en", ["Figure I", "Figure II", "Figure III", "Figure IV"],
         ["Table 1", "Table 2", "Table 3", "Table 4"]),
        ("zh", ["图1", "图2", "图3", "图4"], ["表1", "表2", "表3", "表4"]),
    ]:  # fmt: skip
        blocks = compose(doc, lang).blocks
        assert [b.label for b in blocks if isinstance(b, FigureBlock)] == figs
        assert [b.label for b in blocks if isinstance(b, TableBlock)] == tabs


def test_figures_and_tables_do_not_take_paragraph_numbers():
    assert para_labels(_figures_and_tables(), "en") == ["1."]


# --- cross-references -------------------------------------------------------------------------


def ref_doc(query_en: str, query_zh: str | None = None):
    """A document with targets of every kind; the last body paragraph (16) holds the query."""
    return make_doc(
        S("One", P(id="p1"), P(id="p2"), P(id="p3"), FIG(id="fig1"), TAB(id="tab1"), id="s1"),
        S(
            "Two",
            P(id="p4"),
            P(id="p5", subs=[SP(id="p5a"), SP(), SP(), SP(), SP(id="p5e", subs=[SP(), SP(id="p5e-ii")])]),
            id="s2",
            subsections=[
                SS("A", P(id="p6"), id="s2a"),
                SS("B", P(id="p7"), FIG(id="fig2"), TAB(id="tab2"), id="s2b"),
            ],
        ),
        S("Three", *[P(id=f"p{n}") for n in range(8, 16)], P(query_en, query_zh), id="s3"),
        annexes=[
            A("First", P(id="a1p1"), id="ann1"),
            A("Second", P(), P(), P(id="ann2-p3"), FIG(id="fig3"), id="ann2"),
        ],
    )  # fmt: skip


def rendered(query_en: str, query_zh: str | None = None) -> dict[str, str]:
    doc = ref_doc(query_en, query_zh)
    out = {}
    for lang in LANGS:
        (q,) = [p for p in paras(doc, lang) if p.label == "16."]
        out[lang] = text_of(q.content)
    return out


def test_ref_doc_numbers_as_intended():
    num = number(ref_doc("Q"))
    assert num.targets["p15"] == Label("paragraph", 15)
    assert num.targets["p5e"].number == 5
    assert num.targets["s2a"] == Label("subsection", 1, parent=Label("section", 2))
    assert num.targets["ann2-p3"].number == 3
    assert num.targets["fig3"].number == 3


@pytest.mark.parametrize(
    ("ref", "en", "zh"),
    [
        ("{ref:p15}", "para. 15", "第15段"),
        ("{ref:p1}", "para. 1", "第1段"),
        ("{ref:p4,p5}", "paras. 4 and 5", "第4和第5段"),
        ("{ref:p3,p4,p5}", "paras. 3–5", "第3至5段"),
        ("{ref:p3,p4,p5,p6}", "paras. 3–6", "第3至6段"),
        ("{ref:p1,p3,p5}", "paras. 1, 3 and 5", "第1、第3和第5段"),
        ("{ref:s2}", "sect. II", "第二节"),
        ("{ref:s1,s3}", "sects. I and III", "第一和第三节"),
        ("{ref:ann2-p3}", "annex II, para. 3", "附件二第3段"),
        ("{ref:ann1}", "annex I", "附件一"),
        ("{ref:ann2}", "annex II", "附件二"),
        ("{ref:fig1}", "figure I", "图1"),
        ("{ref:fig1,fig2}", "figures I and II", "图1和2"),
        ("{ref:tab2}", "table 2", "表2"),
        ("{ref:tab1,tab2}", "tables 1 and 2", "表1和2"),
    ],
)
def test_reference_wording(ref, en, zh):
    assert rendered(f"See {ref}.", f"见{ref}。") == {"en": f"See {en}.", "zh": f"见{zh}。"}


def test_reference_to_a_subparagraph():
    out = rendered("See {ref:p5e}.", "见{ref:p5e}。")
    assert out["en"] == "See para. 5 (e)."
    assert out["zh"].startswith("见第5") and out["zh"].endswith("段。") and "(e)" in out["zh"]


def test_reference_to_a_nested_subparagraph():
    assert rendered("See {ref:p5e-ii}.")["en"] == "See para. 5 (e) (ii)."


def test_reference_to_a_subsection():
    out = rendered("See {ref:s2a}.", "见{ref:s2a}。")
    assert out["en"] == "See sect. II.A."
    assert out["zh"].startswith("见第二") and "A" in out["zh"] and out["zh"].endswith("节。")


def test_reference_to_a_paragraph_of_the_only_annex():
    doc = make_doc(S("One", P("See {ref:x}.", "见{ref:x}。")), annexes=[A("Only", P(), P(id="x"))])
    assert text_of(paras(doc, "en")[0].content) == "See annex, para. 2."
    assert text_of(paras(doc, "zh")[0].content) == "见附件第2段。"


def test_reference_inside_a_footnote_and_emphasis():
    doc = ref_doc("*See {ref:p4}*{note:Compare {ref:p2}.}", "*见{ref:p4}*{note:比较{ref:p2}。}")
    (q,) = [p for p in paras(doc, "en") if p.label == "16."]
    assert q.content == (
        Span(f"See para.{NBSP}4", italic=True),
        NoteRef("1", (Span(f"Compare para.{NBSP}2."),)),
    )
    (q,) = [p for p in paras(doc, "zh") if p.label == "16."]
    # italics stay on the Latin digit; Chinese characters are never slanted
    assert q.content == (
        Span("见第"), Span("4", italic=True), Span("段"), NoteRef("1", (Span("比较第2段。"),))
    )


def test_mixing_kinds_in_one_reference_is_a_data_error_naming_the_path():
    doc = ref_doc("See {ref:p1,s1}.", "见{ref:p1}。")
    with pytest.raises(DataError) as info:
        compose(doc, "en")
    (problem,) = info.value.problems
    assert problem.path == ("sections", 2, "content", 8, "text", "en")
    assert problem.message == "one reference cannot mix kinds (paragraph, section)"
    assert str(info.value) == (
        "sections[2].content[8].text.en: one reference cannot mix kinds (paragraph, section)"
    )
    compose(doc, "zh")  # the Chinese text refers to one kind only


def test_mixing_figures_and_tables_in_one_reference_is_a_data_error():
    doc = ref_doc("See {ref:fig1,tab1}.")
    for lang in LANGS:
        with pytest.raises(DataError) as info:
            compose(doc, lang)
        assert info.value.problems[0].path == ("sections", 2, "content", 8, "text", lang)
        assert "cannot mix kinds (figure, table)" in str(info.value)


def test_one_reference_cannot_span_body_and_annex():
    with pytest.raises(DataError) as info:
        compose(ref_doc("See {ref:p1,ann2-p3}."), "en")
    assert info.value.problems[0].path == ("sections", 2, "content", 8, "text", "en")
