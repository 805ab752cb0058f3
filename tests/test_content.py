"""What a real Board document carries beyond its body (issue 13, points 9–11): the summary on
page 1, draft decisions, lettered table notes, "[Original: …]" under annexes and the closing
rule, read back from the DOCX (python-docx) and the PDF (pdftotext, pdftoppm)."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from support import MASTHEAD

import habitat_docs as hd
from habitat_docs.check import check, check_text, parity
from habitat_docs.writers.office import Office, pdf_from_docx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("content")
    return {(p.stem.rsplit("-", 1)[1], p.suffix[1:]): p for p in hd.build(EXAMPLE, out, formats=("docx", "pdf"))}


def styled(path: Path, style: str) -> list[Any]:
    return [p for p in docx.Document(str(path)).paragraphs if p.style.style_id == style]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def office() -> Office:
    with Office() as o:
        yield o


# --- summary ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "title", "lead"), [
    ("en", "Summary", "Action required of the Executive Board: "), ("zh", "摘要", "需要执行局采取的行动："),
])  # fmt: skip
def test_summary_is_a_ruled_box_under_the_title(built, lang: str, title: str, lead: str) -> None:  # type: ignore[no-untyped-def]
    paras = styled(built[lang, "docx"], "UNSummary")
    assert paras[0].text == title
    assert len(paras) == 3  # title, one paragraph, the action required
    for p in paras:  # every paragraph of the box ruled on all four sides alike
        sides = p._p.pPr.find(qn("w:pBdr"))
        assert sides is not None and {c.tag.split("}")[1] for c in sides} == {"top", "left", "bottom", "right"}
    action = paras[-1]
    assert action.runs[0].text == lead and action.runs[0].bold
    body = [p for p in docx.Document(str(built[lang, "docx"])).paragraphs]
    order = [p.style.style_id for p in body]
    assert order.index("UNSummary") < order.index("Heading1")  # on page 1, before the first section
    page1 = squash(pdf_text(built[lang, "pdf"]).split("\f")[0])
    assert squash(title) in page1 and squash(lead) in page1
    assert page1.index(squash(title)) < page1.index(squash(paras[1].text)[:20])


# --- draft decision -----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "heading", "opening", "ref"), [
    ("en", "Draft decision 2024/…", "The Executive Board,", "paragraph\u00a03 of the draft decision"),
    ("zh", "第2024/…号决定草案", "执行局，", "决定草案第3段"),
])  # fmt: skip
def test_draft_decision_in_the_docx(built, lang: str, heading: str, opening: str, ref: str) -> None:  # type: ignore[no-untyped-def]
    path = built[lang, "docx"]
    assert [p.text.strip() for p in styled(path, "UNDecisionHeading")] == [heading]
    preamble = styled(path, "UNDecisionText")
    assert preamble[0].text == opening
    assert len(preamble) == 3  # the opening and two preambular paragraphs
    operative = styled(path, "UNOperative")
    assert [p.text.split("\t")[0] for p in operative] == ["1.", "2.", "3."]
    if lang == "en":  # the opening participle and verbs in italics, as the data marks them
        assert [(p.runs[0].text, p.runs[0].italic) for p in preamble[1:]] == [
            ("Recalling", True), ("Having considered", True)]  # fmt: skip
        assert [p.runs[2].text for p in operative if p.runs[2].italic] == ["Takes note", "Welcomes", "Requests"]
    assert ref in styled(path, "UNSummary")[-1].text
    # the body's paragraphs go on 1 … 27; the decision's restart at 1 and are no defect
    assert not check(path).findings
    assert not parity(built["en", "docx"], built["zh", "docx"]).findings


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_draft_decision_in_the_pdf(built, lang: str) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(built[lang, "pdf"])
    tail = text[text.index("2024/…"):].splitlines()[1:]
    numbers = [ln.split()[0] for ln in tail if ln.lstrip()[:1].isdigit()]
    assert numbers == ["1.", "2.", "3."]
    assert not check(built[lang, "pdf"]).findings
    assert not check_text(text.rstrip("\f")).findings


def test_checker_still_catches_a_missing_operative_paragraph(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(str(built["en", "docx"]))
    second = next(p for p in document.paragraphs if p.style.style_id == "UNOperative" and p.text.startswith("2."))
    second._p.getparent().remove(second._p)
    damaged = tmp_path / "damaged.docx"
    document.save(str(damaged))
    (finding,) = check(damaged).findings
    assert (finding.code, finding.expected, finding.found) == ("gap", "2.", "3.")
    assert "operative paragraph" in finding.message
    text = "Draft decision 2024/…\nThe Executive Board,\n1. Takes note of the report;\n3. Requests a report.\n"
    assert [f.code for f in check_text(text).findings] == ["gap"]


def decision_doc(**decision: Any) -> dict[str, Any]:
    data = copy.deepcopy(MASTHEAD)
    para = {"id": "p1", "text": {"en": "See {ref:op2}.", "zh": "见{ref:op2}。"}}
    operative = [{"en": "*Takes note*;", "zh": "注意到；"},
                 {"id": "op2", "text": {"en": "*Requests*.", "zh": "请。"},
                  "subparagraphs": [{"id": "op2a", "text": {"en": "A;", "zh": "甲；"}}]}]  # fmt: skip
    data["sections"] = [{"heading": {"en": "Intro", "zh": "导言"}, "content": [
        para, {"decision": {"operative": operative, **decision}}]}]  # fmt: skip
    return data


def test_operative_paragraphs_are_numbered_apart_and_cited() -> None:
    doc = hd.structure(decision_doc(number="2025/7"))
    numbering = hd.number(doc)
    assert numbering.paragraphs == 1  # the body's paragraphs only
    assert numbering.targets["op2"].kind == "operative" and numbering.targets["op2"].number == 2
    en = hd.compose(doc, "en")
    texts = ["".join(getattr(i, "text", "") for i in getattr(b, "content", ())) for b in en.blocks]
    assert "See paragraph\u00a02 of the draft decision." in texts
    assert any(getattr(b, "heading", "") == "Draft decision 2025/7" for b in en.blocks)
    data = decision_doc()
    data["sections"][0]["content"][0]["text"] = {"en": "See {ref:op2a}.", "zh": "见{ref:op2a}。"}
    zh = hd.compose(hd.structure(data), "zh")
    assert any("决定草案第2\u00a0(a)段" in "".join(getattr(i, "text", "") for i in getattr(b, "content", ()))
               for b in zh.blocks)  # fmt: skip


def test_a_decision_needs_an_operative_paragraph() -> None:
    data = decision_doc()
    data["sections"][0]["content"][1]["decision"]["operative"] = []
    with pytest.raises(hd.DataError, match="at least one operative paragraph"):
        hd.structure(data)


# --- table notes --------------------------------------------------------------------------------


def test_table_notes_are_lettered_in_order_of_first_mark(built) -> None:  # type: ignore[no-untyped-def]
    for lang in ("en", "zh"):
        document = docx.Document(str(built[lang, "docx"]))
        (table,) = document.tables[1:]  # the first table is the masthead
        raised = [(i, run.text)
                  for i, row in enumerate(table.rows) for cell in row.cells
                  for p in cell.paragraphs for run in p.runs if run.font.superscript]  # fmt: skip
        assert raised == [(1, "a"), (2, "a"), (4, "b")]
        notes = [p for p in document.paragraphs if p.style.style_id == "UNNote"]
        heads = [(p.runs[0].text, bool(p.runs[0].font.superscript)) for p in notes]
        assert heads[:2] == [("a", True), ("b", True)]
        assert notes[2].text.startswith(("Source:", "资料来源："))


def table_doc(cells: list[str], notes: list[str]) -> dict[str, Any]:
    data = copy.deepcopy(MASTHEAD)
    rows = [[{"en": c, "zh": c}] for c in cells]
    table = {"title": {"en": "T", "zh": "表"}, "columns": [{"en": "A", "zh": "甲"}], "rows": rows,
             "table_notes": [{"id": n, "text": {"en": n, "zh": n}} for n in notes]}  # fmt: skip
    data["sections"] = [{"heading": {"en": "Intro", "zh": "导言"}, "content": [{"table": table}]}]
    return data


def test_table_note_letters_follow_the_cells_not_the_list() -> None:
    doc = hd.structure(table_doc(["x{tnote:late}", "y{tnote:early}{tnote:late}"], ["early", "late"]))
    (table,) = [b for b in hd.compose(doc, "en").blocks if type(b).__name__ == "TableBlock"]
    marks = [[i.text for i in cell if type(i).__name__ == "Mark"] for row in table.rows for cell in row]
    assert marks == [["a"], ["b", "a"]]
    assert [n[0].text + "".join(s.text for s in n[1:]) for n in table.notes] == ["a late", "b early"]


@pytest.mark.parametrize(("cells", "notes", "message"), [
    (["x{tnote:nope}"], ["yes"], "unknown table note 'nope'"),
    (["x"], ["unused"], "table note 'unused' is marked in no cell"),
])  # fmt: skip
def test_table_note_marks_must_match_the_notes(cells: list[str], notes: list[str], message: str) -> None:
    with pytest.raises(hd.DataError, match=message):
        hd.structure(table_doc(cells, notes))


def test_table_note_marks_belong_in_tables() -> None:
    data = copy.deepcopy(MASTHEAD)
    data["sections"] = [{"heading": {"en": "I", "zh": "一"}, "content": [{"en": "x{tnote:a}", "zh": "x{tnote:a}"}]}]
    with pytest.raises(hd.DataError, match="belongs in a table's cells"):
        hd.structure(data)


# --- annexes in another language, and the closing rule ------------------------------------------


def annex_doc(original: str) -> dict[str, Any]:
    data = copy.deepcopy(MASTHEAD)
    data["sections"] = [{"heading": {"en": "I", "zh": "一"}, "content": [{"en": "Body.", "zh": "正文。"}]}]
    data["annexes"] = [{"title": {"en": "Letter", "zh": "信"}, "original": original,
                        "content": [{"en": "Text.", "zh": "案文。"}]}]  # fmt: skip
    return data


@pytest.mark.parametrize(("lang", "line"), [("en", "[Original: French]"), ("zh", "[原件：法文]")])
def test_annex_in_another_language_says_so(lang: str, line: str, tmp_path: Path) -> None:
    doc = hd.structure(annex_doc("fr"))
    path = tmp_path / f"annex-{lang}.docx"
    path.write_bytes(hd.render(doc, lang, "docx"))
    (p,) = styled(path, "UNOriginal")
    assert p.text == line and p.alignment == 2  # flush right
    order = [q.style.style_id for q in docx.Document(str(path)).paragraphs]
    assert order.index("UNOriginal") == order.index("UNAnnex") + 1
    assert squash(line) in squash(pdf_text_of(hd.render(doc, lang, "pdf"), tmp_path))
    same = hd.structure(annex_doc("en"))  # written in the document's own language: no line
    path.write_bytes(hd.render(same, lang, "docx"))
    assert not styled(path, "UNOriginal")


def test_annex_original_must_be_a_language() -> None:
    with pytest.raises(hd.DataError, match="unknown language code 'xx'"):
        hd.structure(annex_doc("xx"))


def pdf_text_of(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "text.pdf"
    pdf.write_bytes(data)
    return pdf_text(pdf)


def last_rule_cm(pdf: Path, dpi: int = 100) -> tuple[float, float, float]:
    """The last horizontal dark run of the last page as pdftoppm renders it: its width, and
    its left and right margins to the page edges, in centimetres."""
    pages = len(pdf_text(pdf).rstrip("\f").split("\f"))
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(pages), "-l", str(pages), str(pdf)],
                         capture_output=True, check=True).stdout  # fmt: skip
    magic, width, height, _, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5"
    w, h = int(width), int(height)
    for y in range(h - 1, -1, -1):
        row = pixels[y * w : (y + 1) * w]
        dark = [x for x in range(w) if row[x] < 128]
        if dark:
            left, right = min(dark), max(dark)
            assert len(dark) == right - left + 1, "the last thing on the page is a rule"
            cm = 2.54 / dpi
            return (right - left + 1) * cm, left * cm, (w - right - 1) * cm
    raise AssertionError("blank page")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_document_ends_with_a_short_centred_rule(built, lang: str) -> None:  # type: ignore[no-untyped-def]
    last = docx.Document(str(built[lang, "docx"])).paragraphs[-1]
    assert last.style.style_id == "UNClosingRule" and not last.text
    assert last._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None
    width, left, right = last_rule_cm(built[lang, "pdf"])
    assert width == pytest.approx(3.8, abs=0.1)
    assert left == pytest.approx(right, abs=0.1)


@pytest.mark.office
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_libreoffice_prints_the_summary_decision_and_closing_rule(built, office, lang: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (pdf,) = pdf_from_docx([built[lang, "docx"]], tmp_path, office=office)
    text = pdf_text(pdf)
    assert ("Summary" if lang == "en" else "摘要") in text.split("\f")[0]
    assert not check(pdf).findings
    width, left, right = last_rule_cm(pdf)
    assert width == pytest.approx(3.8, abs=0.1)
    assert left == pytest.approx(right, abs=0.1)
