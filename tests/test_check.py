"""habitat_docs.check: numbering checks on the seed texts, on defective copies of them, and on
our own DOCX and PDF output in both languages; parity; the CLI; the pytest helpers."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from support import MASTHEAD, OnDemand
from support import SEEDS as SEED_DIR

import habitat_docs as hd
from habitat_docs import Subparagraph, Text
from habitat_docs.check import CheckError, Finding, Report, check, check_text, parity
from habitat_docs.check.document import clean
from habitat_docs.check.labels import chinese, from_chinese, from_letter, from_roman, letter, roman
from habitat_docs.check.reader import read
from habitat_docs.check.symbols import find_in_lines
from habitat_docs.cli.check import run
from habitat_docs.testing import assert_numbering, assert_parity, assert_text_numbering

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "check"
SEEDS = {p.name[:3]: p for p in SEED_DIR.glob("*.txt")}


def seed(key: str) -> str:
    return SEEDS[key].read_text(encoding="utf-8")


def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the first line containing ``fragment``."""
    for n, line in enumerate(text.split("\n"), 1):
        if fragment in line:
            return n
    raise AssertionError(f"{fragment!r} not in the text")


def summary(report: Report) -> list[tuple[int | None, int | None, str, str, str]]:
    return [(f.page, f.line, f.code, f.expected, f.found) for f in report.findings]


# --- seeds --------------------------------------------------------------------------------


def test_all_five_seeds_are_here() -> None:
    assert sorted(SEEDS) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("key", ["000", "001", "002", "004"])
def test_seed_is_consistent(key: str) -> None:
    report = assert_numbering(SEEDS[key])
    assert report.ok and str(report) == ""


@pytest.mark.parametrize(
    ("key", "paragraphs", "sections"),
    [("000", 27, 11), ("001", 15, 6), ("002", 31, 6), ("004", 43, 6)],
)
def test_seed_structure_is_read_in_full(key: str, paragraphs: int, sections: int) -> None:
    """Consistent because everything was seen, not because little was."""
    from habitat_docs.check import structure
    from habitat_docs.check.reader import from_text

    items = structure(from_text(seed(key))).items
    assert [it.value for it in items if it.kind == "para"] == list(range(1, paragraphs + 1))
    assert len([it for it in items if it.kind == "section"]) == sections


def test_seed_004_subsections_figures_and_annex() -> None:
    from habitat_docs.check import structure
    from habitat_docs.check.reader import from_text

    items = structure(from_text(seed("004"))).items
    subs = [it.label for it in items if it.kind == "subsection"]
    assert subs == [
        "A.",
        "B.",
        "C.",
        *["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "I.", "J.", "K.", "L."],
    ]
    assert [it.value for it in items if it.kind == "figure"] == list(range(1, 10))
    assert [it.label for it in items if it.kind == "annex"] == ["附件"]


def test_seed_003_says_what_is_inconsistent_and_why() -> None:
    report = check(SEEDS["003"])
    assert summary(report) == [
        (None, 12, "unnumbered", "1.", "-"),
        (None, 13, "unnumbered", "2.", "-"),
        (None, 40, "ambiguous", "6.", "2."),
    ]
    first, second, third = (f.message for f in report.findings)
    assert "paragraph 1. is expected" in first and "'-' bullet" in first
    assert "paragraph 2. is expected" in second
    assert "read as heading 2" in third and "no 2.1 follows" in third
    assert "paragraph 6 would come next" in third
    lines = str(report).split("\n")
    assert lines[0].startswith(f"{SEEDS['003']}:-:12: ")


def test_seed_003_headings_are_read_as_decimal_sections() -> None:
    from habitat_docs.check import structure
    from habitat_docs.check.reader import from_text

    items = structure(from_text(seed("003"))).items
    assert [it.label for it in items if it.kind == "section"] == ["1.", "2.", "3."]
    assert [it.label for it in items if it.kind == "subsection"] == [
        "1.1",
        "1.2",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
    ]
    assert [it.value for it in items if it.kind == "para"] == list(range(3, 17))


# --- defects introduced into the seeds ----------------------------------------------------


def _renumber(text: str, start: int, stop: int, delta: int) -> str:
    """Paragraph labels start…stop (at the start of a line) shifted by ``delta``."""

    def shift(m: re.Match[str]) -> str:
        n = int(m.group(2))
        return f"{m.group(1)}{n + delta}." if start <= n <= stop else m.group(0)

    return re.sub(r"(?m)^(\s*)(\d{1,2})\.(?=\s)", shift, text)


def test_defect_gap() -> None:
    text = _renumber(seed("000"), 6, 27, +1)
    report = check_text(text, "s0-gap")
    assert summary(report) == [(None, line_of(text, "7. 人居署预算指导委员会"), "gap", "6.", "7.")]
    assert "paragraph 6. is missing: 7. follows 5." in report.findings[0].message


def test_defect_duplicate() -> None:
    text = seed("000").replace("12. 人居署于", "11. 人居署于")
    report = check_text(text, "s0-duplicate")
    assert summary(report) == [(None, line_of(text, "11. 人居署于"), "duplicate", "12.", "11.")]
    assert "repeats the number" in report.findings[0].message


def test_defect_skipped_letter() -> None:
    text = seed("000").replace("(c) 财务和人力资源管理 \n", "")
    report = check_text(text, "s0-letter")
    assert summary(report) == [(None, line_of(text, "(d) 方案管理和发展"), "gap", "(c)", "(d)")]
    assert "subparagraph (c) is missing: (d) follows (b)" in report.findings[0].message


def test_defect_wrong_section_numeral() -> None:
    text = seed("000").replace("三、 财务和人力资源管理", "五、 财务和人力资源管理")
    report = check_text(text, "s0-numeral")
    assert summary(report) == [
        (None, line_of(text, "五、 财务和人力资源管理"), "wrong", "三、", "五、")
    ]


def test_defect_restart_without_annex() -> None:
    text = _renumber(seed("000"), 22, 27, -21)
    report = check_text(text, "s0-restart")
    assert summary(report) == [
        (None, line_of(text, "1. 2024 年 1 月 9 日"), "restart", "22.", "1.")
    ]
    assert "no annex begins" in report.findings[0].message


def test_restart_after_annex_heading_is_allowed() -> None:
    text = seed("000").replace("十一、 结论 \n", "附件 \n\n一、 结论 \n")
    text = _renumber(text, 27, 27, -26)
    assert check_text(text).ok


def test_defect_subsection_letter() -> None:
    text = seed("004").replace("C. 联合实施国家方案", "D. 联合实施国家方案")
    report = check_text(text, "s4-letter")
    assert summary(report) == [(None, line_of(text, "D. 联合实施国家方案"), "wrong", "C.", "D.")]


def test_defect_figure_number() -> None:
    text = seed("004").replace(" 图 3 \n", " 图 4 \n")
    report = check_text(text, "s4-figure")
    assert summary(report) == [(None, line_of(text, " 图 4 "), "wrong", "图 3", "图 4")]


def test_defect_footnote_number() -> None:
    text = seed("002").replace("¹ www.un.org", "² www.un.org")
    report = check_text(text, "s2-note")
    assert summary(report) == [(None, line_of(text, "² www.un.org"), "gap", "1", "²")]


def test_defect_roman_subparagraph_in_docx_style_text() -> None:
    text = "1. Text:\n(a) One;\n(i) Sub one;\n(iii) Sub three;\n(b) Two.\n2. End.\n"
    assert summary(check_text(text)) == [(None, 4, "gap", "(ii)", "(iii)")]


# --- English text shaped like a UN PDF extraction -------------------------------------------

UN_LIKE = FIXTURES / "un-like-en.txt"


def test_un_like_english_text_is_consistent() -> None:
    """Contents lines, job numbers, barcodes, "(e))", "(a) of decision …", "85. In 2023 …"
    and "15. The rest." after "paragraph" raise no alarm."""
    from habitat_docs.check import structure
    from habitat_docs.check.reader import read

    assert_numbering(UN_LIKE)
    items = structure(read(UN_LIKE)).items
    assert [it.label for it in items if it.kind in ("section", "subsection")] == [
        "I.",
        "II.",
        "A.",
        "B.",
    ]
    assert [it.value for it in items if it.kind == "para"] == [1, 2, 3, 4, 5]
    assert [it.label for it in items if it.kind == "sub"] == ["(a)", "(b)", "(c)"] * 2


@pytest.mark.parametrize(
    ("old", "new", "code", "expected"),
    [
        ("3. UN-Habitat maintains", "4. UN-Habitat maintains", "wrong", "3."),
        ("B. Oversight", "C. Oversight", "gap", "B."),
        (
            "II. Executive and strategic direction\n2.",
            "III. Executive and strategic direction\n2.",
            "gap",
            "II.",
        ),
        ("(b) Alignment", "(b) Alignment\n(b) Again", "duplicate", "(c)"),
        ("\fHSP/EB.2024/11\n", "\fHSP/EB.2024/12\n", "head", "HSP/EB.2024/11"),
    ],
)
def test_un_like_english_defects(old: str, new: str, code: str, expected: str) -> None:
    text = UN_LIKE.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    [finding] = check_text(text, "un-like").findings
    assert (finding.code, finding.expected) == (code, expected)
    assert finding.page == (1 if text.index(new) < text.index("\f") else 2)


# --- never a false alarm from page furniture, years, dates or amounts ---------------------

NOISE = [
    "HSP/EB.2024/11", "2", "17", "HSP/EB.2024/11 3", "4 HSP/EB.2024/11", "HSP/EB.2024/115",
    "2021 年 4 月，人居署采用了", "2022–2023 两年期", "2 200 万美元，某些", "13 日于阿布扎比举行",
    "1.5246 亿美元，其次是", "1.1 亿美元", "12.5 per cent of the total", "31.12.2023",
    "10.30 a.m.", "2019.", "2024 年 1 月 9 日", "K2400512 070324", "5%的小幅", "384 586 115 美元",
    "1 360 万美元", "2020-2023 年期间", "* HSP/EB.2024/1。", "  ", "",
]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from(["000", "001", "002", "004"]),
    inserts=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(NOISE)), max_size=12),
    spaces=st.integers(1, 8),
)
def test_noise_never_raises_an_alarm(
    key: str, inserts: list[tuple[float, str]], spaces: int
) -> None:
    lines = seed(key).split("\n")
    for where, noise in inserts:
        lines.insert(int(where * len(lines)), noise)
    text = re.sub(r"(?m)^(\s*\d{1,2}\.) ", lambda m: m.group(1) + " " * spaces, "\n".join(lines))
    assert_text_numbering(text, f"seed {key} with noise")


def test_footnotes_numbered_like_paragraphs_before_a_page_break() -> None:
    """A footnote printed "1. …" at the foot of a page is not paragraph 1 again."""
    text = seed("000").replace(
        "* HSP/EB.2024/1。 \n", "* HSP/EB.2024/1。 \n1. 见 A/79/309。\n2. 同上。\n"
    )
    assert "2. 同上" in text and check_text(text).ok


def test_enumerations_run_into_the_text_are_not_labels() -> None:
    """A wrapped line can start with "(c)" or "3." of an enumeration inside a paragraph."""
    text = "1. 力求实现：(a) 减少；(b) 加强；\n(c) 加强气候；(d) 有效。\n"
    text += "2. 以下领域：1. 起草；2. 根据；\n3. 支持。\n3. 下一段。\n(a) 一\n(b) 二\n"
    assert check_text(text).ok
    gap = "1. 力求实现：(a) 减少；(b) 加强；\n(c) 加强气候；(d) 有效。\n3. 下一段。\n"
    assert summary(check_text(gap)) == [(None, 3, "gap", "2.", "3.")]


def test_enumerations_in_full_width_parentheses_run_into_the_text() -> None:
    """"(c)" opening a line continues the "（a）…（b）" of the line before, whichever
    parentheses each is printed in."""
    assert check_text("1. 力求实现：（a）减少；（b）加强；\n(c) 加强气候。\n2. 下一段。\n").ok


def test_clean_drops_invisible_characters_and_plains_spaces() -> None:
    assert clean("HSP\u2060/\u2060EB.2024\u2060/\u206011") == "HSP/EB.2024/11"
    mixed = "\u200e١٢\u200f\u00a0non\u2011break\u202fing\ufeff\u00ad\u2066x\u2069"
    assert clean(mixed) == "١٢ non-break ingx"
    assert clean("人居署 2024") == "人居署 2024"


def test_paragraph_text_starting_with_years_and_amounts() -> None:
    text = "1. 2021 年 4 月，人居署采用了。\n2.       治理和机构改革。\n 3. 1.5246 亿美元。\n4.2023 年。\n"
    assert check_text(text).ok


# --- our own DOCX and PDF output ----------------------------------------------------------


def rich_document() -> hd.Document:
    """tests/fixtures/check/rich.yaml with four depths of subparagraphs under paragraph 3."""
    doc = hd.load(FIXTURES / "rich.yaml")
    S, T = Subparagraph, Text
    deep = S(T(en="Cash and investments;", zh="现金和投资；"), (
        S(T(en="Held in the cash pool;", zh="存放于现金池的；"), (
            S(T(en="Short-term;", zh="短期；"), (
                S(T(en="Within three months;", zh="三个月内；")),
                S(T(en="Within one year; and", zh="一年内；")),
            )),
            S(T(en="Long-term;", zh="长期；")),
        )),
        S(T(en="Held outside the pool;", zh="存放于现金池以外的；")),
    ))  # fmt: skip
    section = doc.sections[1]
    assets = section.subsections[0]
    para = attrs.evolve(
        assets.content[0], subparagraphs=(deep, *assets.content[0].subparagraphs[1:])
    )
    assets = attrs.evolve(assets, content=(para, *assets.content[1:]))
    section = attrs.evolve(section, subsections=(assets, *section.subsections[1:]))
    return attrs.evolve(doc, sections=(doc.sections[0], section, *doc.sections[2:]))


def to_pdf(files: list[Path], out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail(
            "LibreOffice (soffice) is needed to test PDF output: install libreoffice-writer"
        )
    profile = (out / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    missing = [f for f in files if not (out / f.with_suffix(".pdf").name).is_file()]
    assert not missing, f"LibreOffice made no PDF of {missing}"


def edit_docx(src: Path, dst: Path, old: str, new: str, *, whole: bool = False) -> int:
    """Replace ``old`` by ``new`` in the first run that holds it (that is it, if ``whole``);
    return the paragraph's number in document order (every w:p of the body, tables included)."""
    d = docx.Document(str(src))
    for n, p in enumerate(d.element.body.iter(qn("w:p")), 1):
        for r in p.iter(qn("w:r")):
            for t in r.iter(qn("w:t")):
                text = (t.text or "").replace("\u2060", "")  # word joiners inside symbols
                if text and (text == old if whole else old in text):
                    t.text = text.replace(old, new, 1)
                    d.save(str(dst))
                    return n
    raise AssertionError(f"{old!r} not in {src}")


def long_document(paragraphs: int = 48) -> hd.Document:
    """Some 15 pages in Chinese: running heads, footnotes and lists on many pages."""
    doc = rich_document()
    zh = (
        "人居署与联合国道德操守办公室合作，加强遵守联合国人员道德守则，2023年共审查了114个项目。"
        * 3
    )
    en = "UN-Habitat has worked with the Ethics Office to strengthen compliance in 2023. " * 4
    note_zh, note_en = "{note:见ST/SGB/2019/8。}", "{note:See ST/SGB/2019/8.}"
    paras = tuple(
        hd.Paragraph(
            Text(zh=zh + (note_zh if k % 5 == 0 else ""), en=en + (note_en if k % 5 == 0 else "")),
            tuple(Subparagraph(Text(zh=f"第{j}项；", en=f"Item {j};")) for j in range(k % 4)),
        )
        for k in range(paragraphs)
    )
    section = hd.Section(Text(zh="长节", en="A long section"), paras)
    return attrs.evolve(doc, sections=(*doc.sections, section))


EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("hsp-*.yaml"))
# the rich document and the main example; the long one and the other examples only in the full run
# (each case takes up to 2 s, all of them some 30 s)
DOCUMENTS = [
    "rich",
    pytest.param("long", marks=pytest.mark.slow),
    *(e if e == "hsp-eb-2024-11" else pytest.param(e, marks=pytest.mark.slow) for e in EXAMPLES),
]
LIBREOFFICE_PDF = pytest.param("pdf", marks=pytest.mark.office)  # "typst.pdf": the Typst one


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """rich-zh.docx, rich-en.pdf (LibreOffice), rich-en.typst.pdf, <example>-zh.docx … for
    every file in examples/, and defective copies: built once for the module; the LibreOffice
    PDFs (every DOCX converted in one batch) when one of them is first read."""
    out = tmp_path_factory.mktemp("own-output")
    files: dict[str, Path] = {}
    docs = {"rich": rich_document(), "long": long_document()}
    docs.update({e: hd.load(ROOT / "examples" / f"{e}.yaml") for e in EXAMPLES})
    for name, doc in docs.items():  # DOCX, and PDF from Typst (the default PDF engine)
        for path in hd.build(doc, out / name, langs=("zh", "en"), formats=("docx", "pdf")):
            key = f"{name}-{path.stem.rsplit('-', 1)[1]}" + (
                ".docx" if path.suffix == ".docx" else ".typst.pdf"
            )
            files[key] = path.rename(out / key)
    # a paragraph label changed in the Chinese DOCX: 5. printed as 6.
    bad = out / "bad-label-zh.docx"
    files["bad-label-zh.docx"] = bad
    line = edit_docx(files["rich-zh.docx"], bad, "5.", "6.", whole=True)
    files["bad-label-line"] = Path(str(line))
    docx_files = {k: f for k, f in files.items() if k.endswith(".docx")}

    def libreoffice() -> dict[str, Path]:
        to_pdf(list(docx_files.values()), out)  # PDF from LibreOffice
        return {
            key.replace(".docx", ".pdf"): out / Path(key).with_suffix(".pdf").name
            for key in docx_files
        }

    return OnDemand(files, libreoffice)


@pytest.mark.parametrize("name", DOCUMENTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["docx", LIBREOFFICE_PDF, "typst.pdf"])
def test_own_output_is_consistent(outputs: dict[str, Path], name: str, lang: str, fmt: str) -> None:
    assert_numbering(outputs[f"{name}-{lang}.{fmt}"])


@pytest.mark.parametrize("name", DOCUMENTS)
@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("docx", "docx"),
        pytest.param("pdf", "pdf", marks=pytest.mark.office),
        ("typst.pdf", "typst.pdf"),
        pytest.param("docx", "pdf", marks=pytest.mark.office),
        pytest.param("pdf", "typst.pdf", marks=pytest.mark.office),
    ],
)
def test_own_output_parity(outputs: dict[str, Path], name: str, zh: str, en: str) -> None:
    assert_parity(outputs[f"{name}-zh.{zh}"], outputs[f"{name}-en.{en}"])


@pytest.mark.parametrize("fmt", ["docx", LIBREOFFICE_PDF, "typst.pdf"])
def test_rich_output_is_read_in_full(outputs: dict[str, Path], fmt: str) -> None:
    from habitat_docs.check import structure
    from habitat_docs.check.reader import read

    items = structure(read(outputs[f"rich-en.{fmt}"])).items
    assert [it.value for it in items if it.kind == "para"] == [1, 2, 3, 4, 5, 6, 7, 1, 2, 1, 2]
    assert [it.depth for it in items if it.kind == "sub"] == [1, 2, 3, 4, 4, 3, 2, 1, 1, 1, 1]
    assert [it.label for it in items if it.kind == "annex"] == ["Annex I", "Annex II"]
    assert [it.label for it in items if it.kind == "figure"] == ["Figure I"]
    assert [it.label for it in items if it.kind == "table"] == ["Table 1", "Table 2"]
    notes = [it.value for it in items if it.kind == ("ref" if fmt == "docx" else "note")]
    assert notes == [1, 2, 3, 4]


@pytest.mark.slow  # the long document, like its cases above
@pytest.mark.parametrize("fmt", [LIBREOFFICE_PDF, "typst.pdf"])
def test_long_output_has_a_running_head_on_every_page(outputs: dict[str, Path], fmt: str) -> None:
    from habitat_docs.check.furniture import head_symbol
    from habitat_docs.check.reader import read

    for key in (f"long-zh.{fmt}", f"long-en.{fmt}"):
        source = read(outputs[key])
        assert source.pages is not None and source.pages >= 6
        heads = {ln.page for ln in source.lines if ln.role == "head" and head_symbol(ln.text)}
        assert heads == set(range(2, source.pages + 1))


@pytest.mark.office
def test_pdf_footnote_marks_do_not_stick_to_symbols(outputs: dict[str, Path]) -> None:
    """pypdf glues note 2 to "ST/SGB/2019/8" ("ST/SGB/2019/82"); the reader takes it off."""
    from habitat_docs.check.reader import read

    lines = read(outputs["rich-en.pdf"]).lines
    symbols = {s for s, _ in find_in_lines([ln.text for ln in lines])}
    assert "ST/SGB/2019/8" in symbols and "ST/SGB/2019/82" not in symbols
    assert any(ln.marks == ("2",) for ln in lines)


def test_pdf_lines_from_sized_chunks() -> None:
    """Font sizes tell superscript marks, footnote lines and small running heads apart."""
    from habitat_docs.check.pdf import sized_line

    text = [("total value of $384,586,115.", 10.0, False), ("28", 5.8, False), ("28", 10.0, False)]
    line = sized_line(1, 5, text, 10.0)  # LibreOffice prints a two-digit custom mark twice
    assert (line.text, line.marks, line.role) == ("total value of $384,586,115.", ("28",), "body")
    head = sized_line(2, 1, [("HSP/EB.2024/", 9.0, True), ("11", 9.0, True)], 10.0)
    assert (head.text, head.marks) == ("HSP/EB.2024/11", ())
    note = sized_line(
        1, 30, [("1", 5.5, False), ("1", 5.5, False), ("See HSP/EB.2023/14.", 8.5, False)], 10.0
    )
    assert (note.role, note.text) == ("note", "1 See HSP/EB.2023/14.")


def test_pdf_footnote_running_on_to_a_line_starting_with_a_year() -> None:
    from habitat_docs.check import structure
    from habitat_docs.check.document import DocumentText
    from habitat_docs.check.pdf import page_lines

    page = [
        [("1.", 10.0, False), (" 正文。", 10.0, False)],
        [("1", 5.5, False), ("见人居署的报告，其中列出了", 8.5, False)],
        [("2019 年的数据。", 8.5, False)],
        [("2", 5.5, False), ("同上。", 8.5, False)],
    ]
    lines = page_lines(1, "\n".join("".join(c[0] for c in ln) for ln in page), page, 10.0)
    assert [ln.role for ln in lines] == ["body", "note", "note", "note"]
    items = structure(DocumentText("p.pdf", "pdf", tuple(lines), 1)).items
    assert [it.value for it in items if it.kind == "note"] == [1, 2]


def test_defect_in_docx_label_is_found(outputs: dict[str, Path]) -> None:
    report = check(outputs["bad-label-zh.docx"])
    line = int(str(outputs["bad-label-line"]))
    assert summary(report) == [(None, line, "wrong", "5.", "6.")]


@pytest.mark.office
def test_defect_in_pdf_label_is_found_on_its_page_and_line(outputs: dict[str, Path]) -> None:
    pdf = outputs["bad-label-zh.pdf"]
    report = check(pdf)
    [finding] = report.findings
    assert (finding.code, finding.expected, finding.found) == ("wrong", "5.", "6.")
    page_text = PdfReader(pdf).pages[finding.page - 1].extract_text()
    assert page_text.split("\n")[finding.line - 1].startswith("6.")


def test_defect_in_docx_footnote_mark(outputs: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad-note.docx"
    d = docx.Document(str(outputs["rich-en.docx"]))
    refs = [
        r for r in d.element.body.iter(qn("w:r")) if r.find(qn("w:footnoteReference")) is not None
    ]
    # marks *, 1, 2, 3, 4 become *, 1, 2, 3, 5: the last note gets the custom mark "5"
    assert len(refs) == 5
    refs[4].find(qn("w:footnoteReference")).set(qn("w:customMarkFollows"), "1")
    mark = refs[4].makeelement(qn("w:t"), {})
    mark.text = "5"
    refs[4].append(mark)
    d.save(str(bad))
    [finding] = check(bad).findings
    assert (finding.code, finding.expected, finding.found) == ("gap", "4", "5")
    assert "footnote mark" in finding.message


def test_defect_in_docx_running_head(outputs: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad-head.docx"
    with zipfile.ZipFile(outputs["rich-en.docx"]) as z, zipfile.ZipFile(bad, "w") as w:
        for item in z.infolist():
            data = z.read(item)
            if item.filename.startswith("word/header"):
                text = data.decode("utf-8").replace("\u2060", "")  # word joiners in symbols
                data = text.replace("HSP/EB.2024/13", "HSP/EB.2024/31").encode("utf-8")
            w.writestr(item, data)
    report = check(bad)
    assert {(f.code, f.expected, f.found) for f in report.findings} == {
        ("head", "HSP/EB.2024/13", "HSP/EB.2024/31")
    }
    assert any("odd pages" in f.message for f in report.findings)
    assert str(report).split("\n")[0].startswith(f"{bad}: header (odd pages): ")


@pytest.mark.office
def test_running_heads_in_paged_text(outputs: dict[str, Path]) -> None:
    """Text with form feeds (as pdftotext writes it) knows its pages."""
    pages = [p.extract_text() for p in PdfReader(outputs["rich-en.pdf"]).pages]
    assert check_text("\f".join(pages)).ok
    pages[2] = pages[2].replace("HSP/EB.2024/13\n", "HSP/EB.2024/31\n", 1)
    pages[3] = pages[3].replace("HSP/EB.2024/13\n", "", 1)
    report = check_text("\f".join(pages), "paged")
    assert [(f.page, f.code, f.found) for f in report.findings] == [
        (3, "head", "HSP/EB.2024/31"),
        (4, "head", ""),
    ]


@pytest.mark.office
def test_defect_in_english_text(outputs: dict[str, Path]) -> None:
    pages = [p.extract_text() for p in PdfReader(outputs["rich-en.pdf"]).pages]
    page = next(k for k, p in enumerate(pages, 1) if "(b) Receivables" in p)
    text = "\f".join(pages).replace("(b) Receivables", "(c) Receivables")
    report = check_text(text)
    assert [(f.page, f.code, f.expected, f.found) for f in report.findings] == [
        (page, "wrong", "(b)", "(c)")
    ]
    assert "(c) is out of sequence: expected (b), and (c) follows" in report.findings[0].message


def test_parity_finds_a_missing_subparagraph(outputs: dict[str, Path], tmp_path: Path) -> None:
    en = tmp_path / "rich-en.docx"
    d = docx.Document(str(outputs["rich-en.docx"]))
    last = next(p for p in d.paragraphs if p.text.startswith("(c)\tOther assets"))
    last._p.getparent().remove(last._p)
    d.save(str(en))
    assert check(en).ok  # each version is numbered consistently …
    report = parity(outputs["rich-zh.docx"], en)  # … but they differ
    [finding] = report.findings
    assert finding.file == str(outputs["rich-zh.docx"]) and finding.code == "parity"
    assert (
        "paragraph 3. has subparagraphs (a) [(i) [a. [i., ii.], b.], (ii)], (b), (c) here"
        in finding.message
    )
    assert finding.expected == "subparagraphs (a) [(i) [a. [i., ii.], b.], (ii)], (b)"


def test_parity_finds_a_symbol_cited_in_one_version(
    outputs: dict[str, Path], tmp_path: Path
) -> None:
    en = tmp_path / "hsp-eb-2024-11-en.docx"
    edit_docx(outputs["hsp-eb-2024-11-en.docx"], en, "ST/SGB/2019/3", "ST/SGB/2019/4")
    report = parity(outputs["hsp-eb-2024-11-zh.docx"], en)
    assert sorted((Path(f.file).name, f.found) for f in report.findings) == [
        ("hsp-eb-2024-11-en.docx", "ST/SGB/2019/4"),
        ("hsp-eb-2024-11-zh.docx", "ST/SGB/2019/3"),
    ]


@pytest.mark.office
def test_parity_between_different_documents(outputs: dict[str, Path]) -> None:
    report = parity(outputs["hsp-eb-2024-11-zh.pdf"], outputs["rich-en.pdf"])
    codes = {f.code for f in report.findings}
    assert codes == {"parity"}
    text = str(report)
    assert "paragraph 8. has no counterpart" in text and "27 paragraphs here, 7 there" in text
    assert "annex Annex I has no counterpart" in text


def test_assert_helpers_fail_with_the_report(outputs: dict[str, Path]) -> None:
    with pytest.raises(
        AssertionError,
        match=r"numbering problems in .*bad-label-zh.docx \(1 problem\):\n.*:¶\d+ “6\. [^”]+”: paragraph 6\.",
    ):
        assert_numbering(outputs["bad-label-zh.docx"])
    with pytest.raises(AssertionError, match=r"differ \(\d+ problems\):"):
        assert_parity(outputs["hsp-eb-2024-11-zh.docx"], outputs["rich-en.docx"])
    with pytest.raises(AssertionError, match=r"<text>:-:2: “3\. Two\.”: paragraph 3\. is out of sequence"):
        assert_text_numbering("1. One.\n3. Two.\n3. Three.\n")


# --- the command line ---------------------------------------------------------------------


def test_cli_exit_0_when_consistent(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(SEEDS["000"]), str(SEEDS["004"])]) == 0
    out = capsys.readouterr().out.strip().split("\n")  # one line per file, with what it holds
    assert [line.split(": ok — ")[0] for line in out] == [str(SEEDS["000"]), str(SEEDS["004"])]


def test_cli_exit_1_with_one_finding_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(SEEDS["000"]), str(SEEDS["003"])]) == 1
    out = capsys.readouterr().out.strip().split("\n")
    assert [line.split(": ", 1)[0] for line in out] == [
        *(f"{SEEDS['003']}:-:{n}" for n in (12, 13, 40)),
        str(SEEDS["000"]),  # the consistent file's line comes after the findings
    ]


def test_cli_exit_2_for_unreadable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    zipped = tmp_path / "book.docx"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    prose = tmp_path / "prose.txt"
    prose.write_text("Just a sentence, without any numbering.\n")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    files = [tmp_path / "missing.pdf", png, zipped, empty, prose, broken, SEEDS["003"]]
    assert run([str(f) for f in files]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().split("\n")
    assert len(errors) == 6 and all(": " in e for e in errors)
    assert errors[0] == f"{tmp_path / 'missing.pdf'}: no such file"
    assert captured.out.count("\n") == 3  # the findings of the readable file still print


def test_cli_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["--json", str(SEEDS["003"]), str(tmp_path / "missing.txt")]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert [f["line"] for f in data["findings"]] == [12, 13, 40]
    assert set(data["findings"][0]) == {
        "file",
        "page",
        "line",
        "paragraph",
        "quote",
        "expected",
        "found",
        "message",
        "code",
        "other",
    }
    assert data["errors"] == [{"file": str(tmp_path / "missing.txt"), "message": "no such file"}]
    assert data["counts"] == [c.as_dict() for c in check(SEEDS["003"]).counts]
    assert run(["--json", str(SEEDS["000"])]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "ok": True,
        "files": [str(SEEDS["000"])],
        "counts": [c.as_dict() for c in check(SEEDS["000"]).counts],
        "findings": [],
        "errors": [],
    }


@pytest.mark.office
def test_cli_parity(outputs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--parity", str(outputs["rich-zh.pdf"]), str(outputs["rich-en.docx"])]) == 0
    assert (
        run(["--parity", str(outputs["hsp-eb-2024-11-zh.pdf"]), str(outputs["rich-en.pdf"])]) == 1
    )
    assert "has no counterpart" in capsys.readouterr().out
    assert run(["--parity", str(outputs["rich-zh.pdf"]), "missing.pdf"]) == 2
    assert capsys.readouterr().err.strip() == "missing.pdf: no such file"


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([]) == 2
    assert run(["--parity", "only-one"]) == 2
    assert run(["--help"]) == 0
    assert "--parity A B" in capsys.readouterr().out


# --- API details ----------------------------------------------------------------------------


def test_check_raises_for_non_documents(tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("No numbering here.\n")
    with pytest.raises(CheckError, match="not a document") as e:
        check(prose)
    assert e.value.file == str(prose)
    assert check_text("No numbering here.").ok  # text given directly is only checked


def test_kind_can_be_forced(tmp_path: Path) -> None:
    copy = tmp_path / "s0.data"
    copy.write_bytes(SEEDS["000"].read_bytes())
    assert check(copy, kind="text").ok
    with pytest.raises(CheckError, match="cannot read as PDF"):
        check(copy, kind="pdf")


def test_report_format_and_json() -> None:
    f = Finding("a.pdf", 3, 14, "5.", "6.", "paragraph 6. is out of sequence", "wrong")
    g = Finding("a.pdf", 1, 2, "(b)", "(c)", "subparagraph (c) …", "gap")
    report = Report((f, g), ("a.pdf",))
    assert (
        str(report) == "a.pdf:1:2: subparagraph (c) …\na.pdf:3:14: paragraph 6. is out of sequence"
    )
    assert not report.ok and Report().ok
    assert json.loads(report.to_json())["findings"][1]["expected"] == "5."


def test_windows_line_ends_keep_line_numbers() -> None:
    text = seed("000").replace("12. 人居署于", "11. 人居署于")
    crlf = check_text(text.replace("\n", "\r\n"))
    assert summary(crlf) == summary(check_text(text))


# --- labels and symbols ---------------------------------------------------------------------


@given(st.integers(1, 99))
def test_numerals_round_trip(n: int) -> None:
    assert from_roman(roman(n)) == n and from_roman(roman(n).lower()) == n
    assert from_chinese(chinese(n)) == n
    assert from_letter(letter(n)) == n if n <= 52 else True


def test_numerals() -> None:
    assert [chinese(n) for n in (1, 10, 11, 20, 21)] == ["一", "十", "十一", "二十", "二十一"]
    assert from_chinese("十二") == 12
    assert from_chinese("一十") is None and from_chinese("二二") is None
    assert from_roman("IIII") is None and from_roman("IV") == 4 and letter(27) == "aa"


def test_symbols_in_prose() -> None:
    text = [
        "见HSP/EB.2023/14，附件一 ST/SGB/2019/2 号（A/79/76）A/79/309 (Part I)/Add.1 和",
        "A/RES/72/279 A/74/73/Add.1–E/2019/4/Add.1 E/AC.51/2023/3 HSP/EB.2024/L.3",
        "HSP/EB.2023/CRP.1/Rev.1 HSP/EB.2023/INF/1 HSP/EB.2024/1* HSP/EB.2024/11/Add.1/Corr.1",
        "not symbols: D-2 IED-24-009 48/218 B 2023/24 COVID-19 Local2030",
        "https://example.org/A/79/76",
        "broken over lines: ST/SGB/",
        "2019/8 and HSP/EB.",
        "2024/11.",
    ]
    assert [s for s, _ in find_in_lines(text)] == [
        "HSP/EB.2023/14",
        "ST/SGB/2019/2",
        "A/79/76",
        "A/79/309 (Part I)/Add.1",
        "A/RES/72/279",
        "A/74/73/Add.1–E/2019/4/Add.1",
        "E/AC.51/2023/3",
        "HSP/EB.2024/L.3",
        "HSP/EB.2023/CRP.1/Rev.1",
        "HSP/EB.2023/INF/1",
        "HSP/EB.2024/1*",
        "HSP/EB.2024/11/Add.1/Corr.1",
        "ST/SGB/2019/8",
        "HSP/EB.2024/11",
    ]


def test_a_document_mostly_tables_keeps_its_footnote(tmp_path: Path) -> None:
    """Table text, set smaller than the paragraphs, outnumbers them: the body size is still
    that of the numbered paragraphs, so the agenda footnote reads as a note in both versions."""
    cell = {"en": "States board planning safety", "zh": "城市城市城市城市"}
    table = {"title": {"en": "Board", "zh": "城市"}, "columns": [cell] * 3, "rows": [[cell] * 3] * 6}
    data = {**MASTHEAD, "sections": [
        {"heading": {"en": "Energy", "zh": "能源"},
         "content": [{"text": {"en": "Youth transport.", "zh": "安全交通。"}}, {"table": table}]}
    ] * 2}  # fmt: skip
    zh, en = hd.build(hd.structure(data), tmp_path, formats=("pdf",))
    assert parity(zh, en).ok, str(parity(zh, en))
    notes = [ln.text for ln in read(zh).lines if ln.role == "note"]
    assert notes == ["* HSP/EB.2024/1。"]


def test_a_time_on_a_line_of_its_own_leaves_paragraph_one_a_paragraph() -> None:
    """"10.30 a.m." wrapped onto a line of its own is no label: the short line of paragraph 1
    above it does not become a third-level heading."""
    text = "一、 导言\n1. 2018 年，人居署启动了重大\n相关\n10.30 a.m.\n要的服务。\n2. 治理和机构\n"
    assert check_text(text).ok


def test_json_errors_of_a_data_file_give_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "bad.yaml"
    data.write_text("kind: executive-director-report\ntitle：x\n", encoding="utf-8")
    assert run(["--json", str(data)]) == 2
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert (error["line"], error["column"]) == (2, 6)
    assert "U+FF1A" in error["message"]
