"""Document kinds beyond the executive director's report, and their blocks (issue 7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import docx
import pytest

import habitat_docs as hd
from habitat_docs import Text as T
from habitat_docs.compose.language import language
from habitat_docs.compose.tree import BoxBlock, FigureBlock, Heading, Line, Para

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _text(content: tuple[object, ...]) -> str:
    return "".join(getattr(x, "text", "") for x in content).replace("\u00a0", " ")


def _update(**kw: object) -> hd.ActivityUpdate:
    fields: dict[str, object] = dict(  # noqa: C408 (keyword arguments read as the model's fields)
        name="update-2020-1",
        issued=dt.date(2020, 6, 29),
        session=hd.Session(year=2020, ordinal=1, start=dt.date(2020, 6, 29),
                           end=dt.date(2020, 6, 29), online=True),
        title=T(en="Update on activities", zh="活动最新情况"),
        documents=(hd.DocumentRef("fin", hd.Symbol("HSP/EB.2020/2")),),
        sections=(
            hd.Section(T(en="Item 3", zh="项目3"), subsections=(
                hd.Subsection(T(en="Finance", zh="财务"), (
                    hd.PreSession("fin", T(en="report on the financial status", zh="关于财务状况的报告")),
                    hd.Paragraph(T(en="See {doc:fin}.", zh="见{doc:fin}。")),
                )),
                hd.Subsection(T(en="Structure", zh="结构"), (hd.Paragraph(T(en="B.", zh="乙。")),)),
            )),
            hd.Section(T(en="Item 4", zh="项目4"), (hd.Paragraph(T(en="C.", zh="丙。")),)),
        ),
    )
    fields.update(kw)
    return hd.ActivityUpdate(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_activity_update_has_decimal_headings_and_no_symbol(lang: str) -> None:
    c = hd.compose(_update(), lang)
    labels = [b.label for b in c.blocks if isinstance(b, Heading)]
    assert labels == ["1.", "1.1", "1.2", "2."]
    assert [b.label for b in c.blocks if isinstance(b, Para) and b.label] == ["1.", "2.", "3."]
    roles = [ln.role for ln in c.masthead]
    assert "symbol" not in roles and "item" not in roles and "distr" not in roles
    assert (c.symbol, c.file_stem, c.running_head) == (None, "update-2020-1", "")


def test_pre_session_line_and_document_citation() -> None:
    zh, en = (hd.compose(_update(), lang) for lang in ("zh", "en"))
    zh_lines = [_text(b.content) for b in zh.blocks if isinstance(b, Para)]
    en_lines = [_text(b.content) for b in en.blocks if isinstance(b, Para)]
    assert zh_lines[:2] == ["会前文件HSP/EB.2020/2：关于财务状况的报告", "见HSP/EB.2020/2。"]
    assert en_lines[:2] == ["Pre-session document HSP/EB.2020/2: report on the financial status",
                            "See HSP/EB.2020/2."]  # fmt: skip


def test_a_parliamentary_kind_needs_a_symbol_and_an_informal_one_a_name() -> None:
    doc = _update()
    with pytest.raises(hd.DataError, match="name"):
        _update(name=None)
    with pytest.raises(hd.DataError, match="symbol"):
        hd.StrategyProgressNote(
            issued=doc.issued, session=doc.session, title=doc.title, sections=doc.sections,
            documents=doc.documents,
        )  # fmt: skip


def test_unknown_pre_session_document_names_the_field() -> None:
    with pytest.raises(hd.DataError) as err:
        _update(documents=())
    assert "sections[0].subsections[0].content[0].doc: unknown document 'fin'" in str(err.value)


def test_strategy_note_blocks(tmp_path: Path) -> None:
    doc = hd.load(EXAMPLES / "hsp-eb-2020-resource-mobilization.yaml")
    zh, en = (hd.compose(doc, lang) for lang in ("zh", "en"))
    boxes = [b for b in zh.blocks if isinstance(b, BoxBlock)]
    assert boxes and {b.title for b in boxes} == {"目标"}
    assert {b.title for b in en.blocks if isinstance(b, BoxBlock)} == {"Targets"}
    figures = [b for b in en.blocks if isinstance(b, FigureBlock)]
    assert [f.label for f in figures] == [f"Figure {n}" for n in ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]]  # X: the results framework at the end
    grid = figures[2]  # the SWOT grid is figure III, as in the seed
    assert [_text(h) for h in grid.header] == ["Strengths", "Weaknesses", "Opportunities", "Threats"]
    notes = [_text(n) for f in figures for n in f.notes]
    assert "* The figure has not been formally edited." in notes
    assert any(n.startswith("Source: ") for n in notes)
    cited = [_text(b.content) for b in en.blocks if isinstance(b, Para)]
    assert any(t.startswith("Figure III summarizes") for t in cited)  # {Ref:…} capitalised
    # read the DOCX back: the box is bordered paragraphs; the grid is a table after its caption
    path = hd.build(doc, tmp_path, langs=("zh",))[0]
    document = docx.Document(path)
    box = [p.text for p in document.paragraphs if p.style.style_id == "UNBox"]
    assert box[0] == "目标" and all(t.startswith("•\t") for t in box[1:3])
    headers = [t.rows[0].cells[0].text for t in document.tables]
    assert "优势" in headers


@pytest.mark.parametrize(("lang", "line"), [("en", "Item 5 (a) of the provisional agenda"), ("zh", "临时议程项目5 (a)")])
def test_item_with_its_sub_item_prints_the_sub_item(lang: str, line: str) -> None:
    doc = hd.load(EXAMPLES / "hsp-eb-2020-resource-mobilization.yaml")
    lines: tuple[Line, ...] = hd.compose(doc, lang).masthead
    assert [_text(ln.content) for ln in lines if ln.role == "item"] == [line]
    assert len([ln for ln in lines if ln.role == "item-title"]) == 2


def test_secretariat_note_subtitle_and_two_items() -> None:
    doc = hd.load(EXAMPLES / "hsp-eb-2024-oios-ethics.yaml")
    lines = {ln.role: _text(ln.content) for ln in hd.compose(doc, "en").masthead}
    assert lines["subtitle"] == "Note by the secretariat"
    assert lines["item"] == "Items 11 and 12 of the provisional agenda"


def test_agenda_items_are_cited_by_id() -> None:
    doc = hd.load(EXAMPLES / "hsp-eb-2024-11.yaml")
    agenda = hd.Agenda(
        doc.agenda.symbol,  # type: ignore[union-attr]
        doc.agenda.items,  # type: ignore[union-attr]
        provisional=(hd.AgendaItem(3, T(en="Finance", zh="财务"), sub="b", id="finance"),),
    )
    para = hd.Paragraph(T(en="Under {item:finance}, see {doc:fin}.", zh="在{item:finance}下，见{doc:fin}。"))
    cited = attrs.evolve(
        doc, agenda=agenda, sections=(hd.Section(T(en="A", zh="甲"), (para,)),), summary=None,
        languages=["zh", "en"],
        documents=(hd.DocumentRef("fin", hd.Symbol("HSP/EB.2024/2")),),
    )  # fmt: skip
    texts = [_text(b.content) for lang in ("en", "zh") for b in hd.compose(cited, lang).blocks
             if isinstance(b, Para)]  # fmt: skip
    assert texts == ["Under item 3 (b), see HSP/EB.2024/2.", "在项目3 (b)下，见HSP/EB.2024/2。"]
    with pytest.raises(hd.DataError, match="unknown agenda item 'finance'"):
        attrs.evolve(cited, agenda=doc.agenda)



def test_references_never_break() -> None:
    """A no-break space binds "para." to its number and a paragraph to its subparagraph, so
    no line of the output starts with a label ("15." or "III.") that is really a reference."""
    en = language("en")
    assert en.reference("paragraph", ["4", "5"], None) == "paras.\u00a04 and 5"
    assert en.reference("section", ["II"], "I") == "annex\u00a0I, sect.\u00a0II"
    assert en.phrase("item_ref", "3 (b)") == "item\u00a03 (b)"
