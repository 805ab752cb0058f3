"""The UN layout as it prints: measured on the pages of both PDF engines (Typst, and LibreOffice
from the DOCX) with ``pdftotext -bbox-layout``, never taken from our own writers' settings."""

from __future__ import annotations

import copy
import re
import subprocess
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest
from attrs import frozen
from docx.oxml.ns import qn
from support import MASTHEAD, OnDemand

import habitat_docs as hd
from habitat_docs.compose.composer import compose
from habitat_docs.writers.docx.writer import write_docx
from habitat_docs.writers.office import pdf_from_docx
from habitat_docs.writers.pdf.writer import write_pdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
LANGS = ("zh", "en")
CM = 72 / 2.54
XHTML = "{http://www.w3.org/1999/xhtml}"
TOLERANCE = 1.0  # points


@frozen
class Row:
    """A printed line: its page, left and right edges, and its words as (x, text)."""

    page: int
    x0: float
    x1: float
    words: tuple[tuple[float, str], ...]

    @property
    def text(self) -> str:
        return " ".join(w for _, w in self.words)


def rows(pdf: Path) -> list[Row]:
    """Every line of the PDF in reading order; a label printed apart from its text (pdftotext
    makes "4." its own line) is joined to the line it stands on."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    out: list[Row] = []
    for n, page in enumerate(ET.fromstring(xml).iter(f"{XHTML}page"), 1):
        placed: list[tuple[float, Row]] = []
        for line in page.iter(f"{XHTML}line"):
            words = tuple((float(w.get("xMin", 0)), w.text or "") for w in line.iter(f"{XHTML}word"))
            row = Row(n, float(line.get("xMin", 0)), float(line.get("xMax", 0)), words)
            base = float(line.get("yMax", 0))
            same = [i for i, (y, _) in enumerate(placed) if abs(y - base) < 3]
            if same:
                y, other = placed[same[0]]
                left, right = sorted((other, row), key=lambda r: r.x0)
                placed[same[0]] = (y, Row(n, left.x0, right.x1, left.words + right.words))
            else:
                placed.append((base, row))
        out.extend(r for _, r in sorted(placed, key=lambda p: p[0]))
    return out


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """(engine, lang): the Typst PDFs at once, the LibreOffice ones when one is first read."""
    doc = hd.load(EXAMPLE)
    numbering = hd.number(doc)
    out = tmp_path_factory.mktemp("layout")
    composed = {lang: compose(doc, lang, numbering) for lang in LANGS}
    typst = {}
    for lang, c in composed.items():
        typst["typst", lang] = out / f"{lang}.typst.pdf"
        typst["typst", lang].write_bytes(write_pdf(c))

    def libreoffice() -> dict[tuple[str, str], Path]:
        docx = []
        for lang, c in composed.items():
            docx.append(out / f"{c.file_stem}-{lang}.docx")
            docx[-1].write_bytes(write_docx(c))
        converted = pdf_from_docx(docx, out / "lo")
        return {("libreoffice", lang): path for lang, path in zip(LANGS, converted, strict=True)}

    return OnDemand(typst, libreoffice)


ENGINES = [
    pytest.param("typst", lang, marks=pytest.mark.slow) for lang in LANGS
] + [pytest.param("libreoffice", lang, marks=[pytest.mark.office, pytest.mark.slow]) for lang in LANGS]


def _paragraph(lines: list[Row], number: str, least: int = 3) -> list[Row]:
    """The lines of the first paragraph labelled ``number`` with at least ``least`` lines."""
    label = re.compile(r"\d+\.|\([a-z]+\)|[一二三四五六七八九十]+、|[IVX]+\.")
    for start in (i for i, r in enumerate(lines) if r.words[0][1] == number):
        end = next(i for i in range(start + 1, len(lines)) if label.fullmatch(lines[i].words[0][1]))
        if end - start >= least:
            return lines[start:end]
    raise AssertionError(f"no paragraph {number} of {least} lines")


@pytest.mark.parametrize(("engine", "lang"), ENGINES)
def test_paragraph_number_at_the_text_edge(pdfs, engine: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Number at the text edge, the first line's text one step (1 cm) on, every later line
    back at the text edge, under the number."""
    lines = rows(pdfs[engine, lang])
    para = _paragraph(lines, "4.")
    edge = para[0].x0
    assert para[0].words[1][0] == pytest.approx(edge + CM, abs=TOLERANCE)
    for line in para[1:]:
        assert line.x0 == pytest.approx(edge, abs=TOLERANCE), line.text
    heading = next(r for r in lines if r.text.startswith(("II. ", "二、")))
    assert heading.x0 == pytest.approx(edge - CM, abs=TOLERANCE)  # the numeral hangs
    # the example has eleven sections: its column fits "VIII." and "十一、"
    column = hd.compose(hd.load(EXAMPLE), lang).heading_column_cm * CM
    assert column > CM
    assert _heading_text_x(heading) == pytest.approx(edge - CM + column, abs=TOLERANCE)


def _heading_text_x(row: Row) -> float:
    """Where a heading's text starts; pdftotext makes "二、行政和战略指导" one word, whose
    Chinese text (14 pt a character) ends at the word's right edge."""
    if len(row.words) > 1:
        return row.words[1][0]
    return row.x1 - 14 * len(row.text.removeprefix("二、"))


@pytest.mark.parametrize(("engine", "lang"), ENGINES)
def test_subparagraph_indents_its_first_line_only(pdfs, engine: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    lines = rows(pdfs[engine, lang])
    edge = _paragraph(lines, "4.")[0].x0
    item = _paragraph(lines, "(a)", 2)
    label_x, text_x = item[0].words[0][0], item[0].words[1][0]
    assert label_x == pytest.approx(edge + CM, abs=TOLERANCE)
    assert text_x == pytest.approx(edge + 2 * CM, abs=TOLERANCE)
    for line in item[1:]:
        assert line.x0 == pytest.approx(edge, abs=TOLERANCE), line.text


@pytest.mark.slow
def test_chinese_lines_set_solid(pdfs) -> None:  # type: ignore[no-untyped-def]
    """The Chinese measure is a whole number of characters (34 of 12 pt: 408 pt), so a full
    line of Chinese between Chinese lines prints solid, 12 pt a character; and no line squeezes
    its full-width punctuation to half an em."""
    lines = rows(pdfs["typst", "zh"])
    edge = _paragraph(lines, "4.")[0].x0
    han = re.compile(r"[\u4e00-\u9fff，。、：；（）“”]+")
    full = [(r, nxt) for r, nxt in pairwise(lines) if r.x0 == pytest.approx(edge, abs=0.5)
            and han.fullmatch(r.text) and len(r.text) >= 30]  # fmt: skip
    assert len(full) > 20
    for r, _ in full:
        assert r.x1 - r.x0 >= 12 * len(r.text) - 0.6, f"squeezed: {r.text}"
    between = [r for r, nxt in full if re.match(r"[\u4e00-\u9fff]", r.text[-1]) and re.match(r"[\u4e00-\u9fff]", nxt.text)]
    assert len(between) > 10
    for r in between:
        assert r.x1 - r.x0 == pytest.approx(12 * len(r.text), abs=0.6), r.text
    assert max(len(r.text) for r in between) == 34


@pytest.mark.parametrize(("engine", "lang"), ENGINES)
def test_hyphened_names_and_ranges_never_break(pdfs, engine: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """"UN-Habitat" and "2022–2023" print whole on one line, in both engines."""
    lines = rows(pdfs[engine, lang])
    names = sum("UN-Habitat" in r.text for r in lines)
    assert names > 3 or lang == "zh"  # the Chinese text says 人居署
    for r in lines:
        assert not re.search(r"(UN|\d{4})[-–]$", r.text), r.text


@pytest.mark.slow
@pytest.mark.parametrize("lang", sorted(hd.load(EXAMPLE).languages))
def test_hyphened_names_never_break_in_any_language(tmp_path: Path, lang: str) -> None:
    """No line of the Typst PDF ends in an acronym and its hyphen ("UN-", "ONU-", "ООН-"), in
    every language the example is issued in: the name after it may be accented or Cyrillic."""
    pdf = tmp_path / f"{lang}.pdf"
    pdf.write_bytes(hd.render(hd.load(EXAMPLE), lang, "pdf"))
    for r in rows(pdf):
        assert not re.search(r"(?<![\w-])[A-ZА-ЯЁ]{1,6}-$", r.text), r.text


def _docx_runs(lang: str, tmp_path: Path) -> list[tuple[str, bool]]:
    doc = hd.load(ROOT / "examples" / "hsp-eb-2020-resource-mobilization.yaml")
    (path,) = hd.build(doc, tmp_path, langs=(lang,))
    import docx

    out = []
    for table in docx.Document(str(path)).tables:
        if table.rows[0]._tr.find(".//" + qn("w:tblHeader")) is None:
            continue  # the masthead
        for cell in table.rows[0].cells:
            out += [(run.text, bool(run.italic)) for p in cell.paragraphs for run in p.runs]
    return out


def test_italics_never_slant_chinese(tmp_path: Path) -> None:
    """Column heads are italic in Latin script only: read back from the DOCX's runs."""
    zh = _docx_runs("zh", tmp_path)
    assert any(re.search(r"[\u4e00-\u9fff]", t) for t, _ in zh)
    assert all(not italic for t, italic in zh if re.search(r"[\u4e00-\u9fff]", t))
    en = _docx_runs("en", tmp_path)
    assert en and all(italic for t, italic in en if t.strip())


def test_web_addresses_may_break_after_slashes_and_dots(tmp_path: Path) -> None:
    doc = hd.load(ROOT / "examples" / "hsp-eb-2020-1-update.yaml")
    (path,) = hd.build(doc, tmp_path, langs=("zh",))
    import docx

    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    urls = re.findall(r"https?://[^\s（）。，]+", text)
    assert urls
    for url in urls:
        assert "urbanpolicyplatform.\u200borg/\u200b" in url, url


def eleven_sections(tmp_path: Path) -> dict[tuple[str, str], Path]:
    """A report of eleven sections ("XI.", "十一、"), as Typst PDFs and DOCX files."""
    data = copy.deepcopy(MASTHEAD)
    data["sections"] = [
        {"heading": {"en": f"Section heading {n}", "zh": f"第{n}节标题"},
         "content": [{"en": f"Text of section {n}.", "zh": f"第{n}节的案文。"}]}
        for n in range(1, 12)
    ]  # fmt: skip
    doc = hd.structure(data)
    out = {}
    for lang in LANGS:
        out["typst", lang] = tmp_path / f"{lang}.pdf"
        out["typst", lang].write_bytes(hd.render(doc, lang, "pdf"))
        out["docx", lang] = tmp_path / f"{lang}.docx"
        out["docx", lang].write_bytes(hd.render(doc, lang, "docx"))
    return out


def _heading_edges(pdf: Path) -> list[tuple[float, float]]:
    """Each section heading's numeral (its right edge) and where its text starts."""
    numeral = re.compile(r"[IVX]+\.|[一二三四五六七八九十]+、")
    out = []
    for r in rows(pdf):
        m = numeral.match(r.text)
        if m and ("Section heading" in r.text or "节标题" in r.text):
            if len(r.words) > 1 and r.words[0][1] == m.group():
                text_x = r.words[1][0]
            else:  # "十一、第11节标题" is one word: its Chinese text, 14 pt a character, ends it
                text_x = r.x1 - 14 * len(r.text[m.end():])
            out.append((r.x0, text_x))
    return out


@pytest.mark.slow
@pytest.mark.office
def test_heading_numerals_fit_their_column(tmp_path: Path) -> None:
    """The widest numeral ("VIII.", "十一、") fits the column every heading hangs in, so all
    eleven headings start their text at one edge, in Typst and in LibreOffice alike."""
    files = eleven_sections(tmp_path)
    converted = pdf_from_docx([files["docx", lang] for lang in LANGS], tmp_path / "lo")
    for pdf in [files["typst", lang] for lang in LANGS] + converted:
        edges = _heading_edges(pdf)
        assert len(edges) == 11, pdf
        starts = [x for _, x in edges]
        assert max(starts) - min(starts) < TOLERANCE, (pdf, starts)
        assert all(x0 == pytest.approx(edges[0][0], abs=TOLERANCE) for x0, _ in edges)
        assert starts[0] - edges[0][0] > CM, "the column widened beyond the 1 cm indent"


@pytest.mark.parametrize(("engine", "lang"), ENGINES)
def test_titles_break_at_their_joints(pdfs, engine: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The title prints in the lines the composer chose (balanced, broken where a reader
    pauses, never inside a word), one printed line for each."""
    (title,) = [ln for ln in hd.compose(hd.load(EXAMPLE), lang).masthead if ln.role == "title"]
    text = "".join(s.text for s in title.content if hasattr(s, "text"))
    chosen = text.split("\u2028")
    printed = [r.text.replace(" ", "") for r in rows(pdfs[engine, lang])]
    at = printed.index(chosen[0].replace(" ", ""))
    assert printed[at : at + len(chosen)] == [c.replace(" ", "") for c in chosen]
    if lang == "en":
        assert len(chosen) == 3 and chosen[-1].startswith("of ")  # "… procedures | of the United …"


def test_title_breaks_read_back_from_the_docx(tmp_path: Path) -> None:
    import docx

    (path,) = hd.build(hd.load(EXAMPLE), tmp_path, langs=("en",))
    (title,) = [p for p in docx.Document(str(path)).paragraphs if p.style.style_id == "UNTitle"]
    breaks = title._p.findall(".//" + qn("w:br"))
    assert len(breaks) == 2
    assert title.text.split("\n")[-1].startswith("of the United Nations")


def test_a_break_the_author_wrote_is_kept() -> None:
    data = copy.deepcopy(MASTHEAD)
    data["title"] = {"en": "Actions to improve\ninternal management", "zh": "改进内部\n管理的行动"}
    data["sections"] = [{"heading": {"en": "A", "zh": "甲"}, "content": [{"en": "Text.", "zh": "案文。"}]}]
    doc = hd.structure(data)
    for lang, lines in (("en", ["Actions to improve", "internal management"]), ("zh", ["改进内部", "管理的行动"])):
        c = hd.compose(doc, lang)
        (title,) = [ln for ln in c.masthead if ln.role == "title"]
        assert title.content[0].text.split("\u2028") == lines
        assert "\u2028" not in c.title and "\n" not in c.title  # the PDF's metadata title


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hsp-eb-2024-oios-ethics", "hsp-eb-2020-1-update", "hsp-eb-2024-11"])
def test_spacing_marks_never_reach_the_text(name: str) -> None:
    """The marks the Typst data carries (where Chinese meets Latin, where an address may break)
    print as space or nothing: none is in the PDF's text or its bookmarks."""
    import io

    import pypdf

    data = hd.render(hd.load(ROOT / "examples" / f"{name}.yaml"), "zh", "pdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)

    def titles(items: list) -> list[str]:  # type: ignore[type-arg]
        return [t for it in items for t in (titles(it) if isinstance(it, list) else [it.title])]

    marks = re.compile("[\ue000\u200b\u2028]")
    assert re.search(r"[\u4e00-\u9fff] ?\d", text)  # Chinese beside digits is there to check
    assert not marks.search(text)
    assert titles(reader.outline) and not any(marks.search(t) for t in titles(reader.outline))


def test_the_last_paragraph_keeps_with_the_closing_rule(tmp_path: Path) -> None:
    """In the DOCX the closing rule never stands alone atop a page: the paragraph before it
    keeps with it (read back with python-docx)."""
    import docx

    (path,) = hd.build(hd.load(EXAMPLE), tmp_path, langs=("zh",))
    paragraphs = docx.Document(str(path)).paragraphs
    at = [p.style.style_id for p in paragraphs].index("UNClosingRule")
    assert at == len(paragraphs) - 1
    assert paragraphs[at - 1].paragraph_format.keep_with_next
