"""What ``check`` tells its reader: findings quoting the opening words of the paragraph they
are on (DOCX by paragraph, PDF and text by page and line), nothing unprintable, one line per
consistent file with what it holds (in --json too), and data files checked without building."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
import typst
from docx.oxml.ns import qn
from pypdf import PdfReader
from support import SEEDS

import habitat_docs as hd
from habitat_docs.check import Counts, check
from habitat_docs.check.quote import opening_words
from habitat_docs.cli.build import run as build_cli
from habitat_docs.cli.check import run as check_cli
from habitat_docs.number import number
from habitat_docs.writers.office import pdf_from_docx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
# what may never reach a terminal as it is: controls, C1 controls, bidi overrides and isolates
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The main example in English, as the project writes it."""
    out = tmp_path_factory.mktemp("built")
    path = out / "report.docx"
    path.write_bytes(hd.render(hd.load(EXAMPLE), "en", "docx"))
    return path


def remove_paragraph(src: Path, dst: Path, label: str) -> tuple[int, str]:
    """Remove the paragraph numbered ``label``; the number (in document order, every w:p of
    the body) and the text of the paragraph that takes its place."""
    d = docx.Document(str(src))
    paragraphs = list(d.element.body.iter(qn("w:p")))
    n, gone = next((n, p) for n, p in enumerate(paragraphs) if _text(p).startswith(label + "\t"))
    gone.getparent().remove(gone)
    d.save(str(dst))
    return n + 1, _text(paragraphs[n + 1]).replace("\u2060", "")  # word joiners: read as nothing


def _text(p: object) -> str:
    return "".join(t.text or "" if t.tag == qn("w:t") else "\t" for t in p.iter(qn("w:t"), qn("w:tab")))  # type: ignore[attr-defined]


def test_docx_finding_gives_the_paragraph_and_quotes_its_opening_words(
    built: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "gap.docx"
    n, text = remove_paragraph(built, bad, "5.")
    [finding] = check(bad).findings
    assert (finding.code, finding.expected, finding.found, finding.line) == ("gap", "5.", "6.", n)
    words = text.split()
    assert finding.quote.startswith(" ".join(words[:5])) and words[0] == "6."
    assert finding.quote.endswith("…") and len(finding.quote.split()) <= 8
    assert str(finding) == f"{bad}:¶{n} “{finding.quote}”: {finding.message}"


def test_pdf_finding_keeps_page_and_line_and_quotes_the_line(tmp_path: Path) -> None:
    source = tmp_path / "gap.typ"
    paragraphs = [
        "The Executive Board requested the secretariat to report on the plan of work.",
        "The Executive Board welcomed the report of the Executive Director on the audit.",
        "The Executive Board took note of the financial statements for the year 2023.",
    ]
    source.write_text("\n\n".join(f"{k}\\. {t}" for k, t in zip((1, 2, 4), paragraphs, strict=True)))
    pdf = tmp_path / "gap.pdf"
    pdf.write_bytes(typst.compile(str(source)))
    [finding] = check(pdf).findings
    assert (finding.code, finding.page) == ("gap", 1) and finding.line is not None
    line = PdfReader(pdf).pages[0].extract_text().split("\n")[finding.line - 1]
    assert line.startswith("4. The Executive Board")
    assert finding.quote == opening_words(line) and finding.quote.startswith("4. The Executive")
    assert str(finding).startswith(f"{pdf}:1:{finding.line}: “4. The Executive Board")


@pytest.mark.office
def test_pdf_from_word_finding_quotes_the_paragraph(built: Path, tmp_path: Path) -> None:
    bad = tmp_path / "gap.docx"
    _, text = remove_paragraph(built, bad, "5.")
    [pdf] = pdf_from_docx([bad], tmp_path)
    [finding] = check(pdf).findings
    assert (finding.code, finding.expected, finding.found) == ("gap", "5.", "6.")
    assert finding.quote.startswith(" ".join(text.split()[:4]))
    assert re.match(rf"{re.escape(str(pdf))}:\d+:\d+: “6\. ", str(finding))


def test_control_characters_in_file_names_and_texts_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "re\x1b[31mport\u202e.txt"
    name.write_text("1. First \x1b]0;title\x07 paragraph.\n3. Third\x9b31m paragraph.\n", encoding="utf-8")
    clean = tmp_path / "ok\x07.txt"
    clean.write_text("1. First.\n2. Second.\n", encoding="utf-8")
    assert check_cli([str(name), str(clean)]) == 1
    out = capsys.readouterr().out
    assert not RAW.search(out)
    assert "re\\x1b[31mport\\u202e.txt:-:2: “3. Third\\x9b31m paragraph.”: " in out
    assert "ok\\x07.txt: ok — 2 paragraphs" in out
    assert check_cli(["--json", str(name)]) == 1
    printed = capsys.readouterr().out
    assert not RAW.search(printed)
    assert json.loads(printed)["findings"][0]["file"] == str(name)  # the same text, escaped


def test_a_consistent_file_prints_what_it_holds(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = hd.load(EXAMPLE)
    labels = [label.kind for label in number(doc).labels.values()]
    assert check_cli([str(built)]) == 0
    out = capsys.readouterr().out
    expected = (
        f"{built}: ok — {labels.count('paragraph') + labels.count('operative')} paragraphs, "
        f"{labels.count('section')} sections, {labels.count('subparagraph')} subparagraphs"
    )
    assert out == expected + "\n"


def test_json_carries_the_counts_of_each_file(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = SEEDS / "004_303fca5911bcf972.txt"
    assert check_cli(["--json", str(built), str(seed)]) == 0
    data = json.loads(capsys.readouterr().out)
    by_file = {c["file"]: c for c in data["counts"]}
    assert set(by_file) == {str(built), str(seed)}
    d = docx.Document(str(built))
    texts = [p.text for p in d.paragraphs]
    assert by_file[str(built)]["paragraphs"] == sum(bool(re.match(r"\d+\.\t", t)) for t in texts)
    assert by_file[str(built)]["subparagraphs"] == sum(
        bool(re.match(r"\([a-z]+\)\t", t)) for t in texts
    )
    seed_lines = seed.read_text(encoding="utf-8").splitlines()
    assert by_file[str(seed)]["annexes"] == sum(line.strip() == "附件" for line in seed_lines)


def invalid_copy(tmp_path: Path, old: str, new: str, suffix: str = ".yaml") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"bad{suffix}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    heading: {en: Introduction", "    heding: {en: Introduction"),  # found while loading
        ("{ref:conclusion}", "{ref:nowhere}"),  # found while composing
    ],
)
def test_an_invalid_data_file_gives_the_errors_of_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str
) -> None:
    bad = invalid_copy(tmp_path, old, new)
    assert build_cli([str(bad), "-o", str(tmp_path / "out")]) == 2
    built = capsys.readouterr().err
    assert check_cli([str(bad)]) == 2
    checked = capsys.readouterr()
    assert checked.err == built and checked.out == ""
    assert re.match(rf"{re.escape(str(bad))}:\d+: \S+: ", checked.err)
    assert not (tmp_path / "out").exists()
    with pytest.raises(hd.DataError) as info:
        check(bad)
    assert str(info.value) + "\n" == built


@pytest.mark.slow
def test_a_good_data_file_prints_its_counts_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "report.yaml"
    shutil.copy(EXAMPLE, data)
    report = check(data)
    langs = sorted(hd.load(data).languages)
    assert report.ok and sorted(c.language or "" for c in report.counts) == langs
    assert check_cli([str(data)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(langs) and all(line.startswith(f"{data} (") for line in out)
    # what the model numbers is what the built document holds
    docx_file = tmp_path / "report.docx"
    docx_file.write_bytes(hd.render(hd.load(data), "en", "docx"))
    [read_back] = check(docx_file).counts
    for counts in report.counts:
        assert Counts(str(docx_file), None, *_numbers(counts)) == read_back
        assert out[report.counts.index(counts)] == f"{data} ({counts.language}): ok — {read_back}"
    assert check_cli(["--json", str(data)]) == 0
    assert [c["language"] for c in json.loads(capsys.readouterr().out)["counts"]] == [
        c.language for c in report.counts
    ]


def _numbers(c: Counts) -> tuple[int, ...]:
    return (c.paragraphs, c.sections, c.subsections, c.subparagraphs, c.footnotes, c.annexes)
