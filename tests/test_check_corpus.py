"""habitat_docs.check on documents the project did not write: a corpus of texts in the shapes
of UN reports (I. / A. / 1. headings, annexes), a General Assembly resolution, an Executive
Board decision and Chinese reports (一. and （一）), each clean and with one defect injected
(tests/fixtures/check/corpus/README.md). Clean files give no finding; each defect gives the
finding it should, and only that one."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from support import SEEDS

from habitat_docs.check import check, check_text, structure
from habitat_docs.check.reader import from_text, read

CORPUS = Path(__file__).resolve().parent / "fixtures" / "check" / "corpus"
CLEAN = sorted(p.name for p in CORPUS.glob("*.txt") if p.name.count(".") == 1)

# A defect copy → (its clean file, a fragment of the line the finding is on, code, expected
# label, label found).
DEFECTS = {
    "en-report.skipped-paragraph.txt": ("en-report.txt", "The Urban Monitoring", "gap", "9.", "10."),
    "en-report.duplicated-paragraph.txt": ("en-report.txt", "also advised", "duplicate", "6.", "5."),
    "en-report.heading-skipped.txt": ("en-report.txt", "Strengthened climate", "gap", "3.", "4."),
    "en-report.annex-runs-on.txt": ("en-report.txt", "of outcome 1", "runs-on", "1.", "14."),
    "en-report.restart-without-annex.txt": ("en-report.txt", "The portfolio", "restart", "11.", "1."),
    "en-resolution.duplicated-paragraph.txt": ("en-resolution.txt", "Requests the Exec", "duplicate", "4.", "3."),
    "en-decision.skipped-paragraph.txt": ("en-decision.txt", "Decides to review", "gap", "4.", "5."),
    "zh-report.subsection-skipped.txt": ("zh-report.txt", "业务活动", "gap", "（三）", "（四）"),
    "zh-report.skipped-paragraph.txt": ("zh-report.txt", "城市监测框架", "gap", "7.", "8."),
    "zh-report.annex-runs-on.txt": ("zh-report.txt", "结果 1 的指标", "runs-on", "1.", "11."),
    "zh-report.restart-without-annex.txt": ("zh-report.txt", "五个旗舰方案", "restart", "6.", "1."),
    "zh-decision.duplicated-paragraph.txt": ("zh-decision.txt", "请执行主任", "duplicate", "3.", "2."),
}


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if fragment in line)


def labels(name: str, kind: str) -> list[str]:
    return [it.label for it in structure(read(CORPUS / name)).items if it.kind == kind]


def test_every_corpus_file_is_tested() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.txt")) == sorted([*CLEAN, *DEFECTS])
    assert {clean for clean, *_ in DEFECTS.values()} == set(CLEAN)


@pytest.mark.parametrize("name", CLEAN)
def test_clean_file_gives_no_finding(name: str) -> None:
    report = check(CORPUS / name)
    assert report.ok, str(report)


@pytest.mark.parametrize("name", DEFECTS)
def test_defect_gives_its_finding_and_only_it(name: str) -> None:
    clean, fragment, code, expected, found = DEFECTS[name]
    path = CORPUS / name
    changed = [
        a for a, b in zip(path.read_text("utf-8").split("\n"), (CORPUS / clean).read_text("utf-8").split("\n"))
        if a != b
    ]
    assert changed, "the defect copy differs from its clean file"
    report = check(path)
    got = [(f.line, f.code, f.expected, f.found) for f in report.findings]
    assert got == [(line_of(path, fragment), code, expected, found)], str(report)


def test_third_level_headings_are_a_stream_of_their_own() -> None:
    """1., 2., 3. under A. and again from 1. under B. and in the annex; the paragraphs run on
    past them 1 to 13 in the body, from 1 in each annex."""
    items = structure(read(CORPUS / "en-report.txt")).items
    headings = [(it.label, it.stream) for it in items if it.kind == "heading"]
    assert [label for label, _ in headings] == ["1.", "2.", "3.", "1.", "2.", "1.", "2."]
    assert len({stream for _, stream in headings}) == 3  # under A., under B., under annex I's A.
    paras = [(it.part, it.value) for it in items if it.kind == "para"]
    assert paras == [
        *((0, n) for n in range(1, 14)),
        *((1, n) for n in range(1, 5)),
        *((2, n) for n in range(1, 3)),
    ]


def test_a_heading_skipped_is_named_a_heading() -> None:
    (finding,) = check(CORPUS / "en-report.heading-skipped.txt").findings
    assert finding.message == "heading 3. is missing: 4. follows 2."


def test_paragraphs_running_across_an_annex_are_a_finding() -> None:
    (finding,) = check(CORPUS / "en-report.annex-runs-on.txt").findings
    assert "runs on across the annex heading at 14." in finding.message
    assert "restart at 1. in each annex" in finding.message


def test_chinese_sections_with_a_dot_and_subsections_in_parentheses() -> None:
    """一. and （一） read as sections and subsections; "（一）非洲 …；（二）亚洲" inside a
    paragraph is an enumeration, not headings."""
    assert labels("zh-report.txt", "section") == ["一.", "二.", "三.", "一."]
    assert labels("zh-report.txt", "subsection") == ["（一）", "（二）", "（三）", "（一）", "（二）"]
    assert labels("zh-report.txt", "sub") == ["(a)", "(b)", "(c)", "(a)", "(b)"]  # (c) printed （c）


def test_chinese_section_numerals_with_either_mark_read_alike() -> None:
    text = (SEEDS / "000_46c343e28f6b042d.txt").read_text(encoding="utf-8")
    dotted = text.replace("、 ", ". ")
    assert dotted != text
    sections = [it.value for it in structure(from_text(dotted)).items if it.kind == "section"]
    assert sections == list(range(1, 12))
    assert check_text(dotted).ok
    wrong = dotted.replace("三. 财务和人力资源管理", "四. 财务和人力资源管理")
    assert [(f.code, f.expected, f.found) for f in check_text(wrong).findings] == [("wrong", "三.", "四.")]


def test_resolution_preamble_is_not_numbered() -> None:
    """Preambular paragraphs carry no number; a preambular line wrapped before "(b) of the
    annex" is prose, and the operative paragraphs are read 1 to 5 with (a)–(c), (i)–(ii)."""
    assert [it.label for it in structure(read(CORPUS / "en-resolution.txt")).items] == [
        "1.", "2.", "3.", "(a)", "(b)", "(i)", "(ii)", "(c)", "4.", "5.",
    ]  # fmt: skip


def _word_report(path: Path, third: list[str]) -> Path:
    """A DOCX whose third-level headings are told only by their style (Heading 3); their
    titles end with a full stop, so their shape alone would not tell them."""
    d = docx.Document()
    d.add_paragraph("I.\tProgramme performance", style="Heading 1")
    d.add_paragraph("A.\tResults", style="Heading 2")
    n = 0
    for label in third:
        d.add_paragraph(f"{label}\tA heading ending with a stop.", style="Heading 3")
        for _ in range(2):
            n += 1
            d.add_paragraph(f"{n}.\tThe Programme supported 42 countries in 2024.")
    d.save(path)
    return path


def test_docx_heading_style_tells_a_third_level_heading(tmp_path: Path) -> None:
    clean = _word_report(tmp_path / "clean.docx", ["1.", "2.", "3."])
    assert check(clean).ok
    assert [it.value for it in structure(read(clean)).items if it.kind == "heading"] == [1, 2, 3]
    skipped = _word_report(tmp_path / "skipped.docx", ["1.", "2.", "4."])
    assert [(f.code, f.expected, f.found) for f in check(skipped).findings] == [("gap", "3.", "4.")]
