"""End to end: build the HSP/EB.2024/11 example and read the DOCX back with python-docx."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from support import SEEDS

import habitat_docs as hd
from habitat_docs.compose.numerals import roman, zh_numeral

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
SEED = SEEDS / "000_46c343e28f6b042d.txt"
SYMBOL = "HSP/EB.2024/11"
JOINER = "\u2060"  # the writer binds symbols with word joiners


def _plain(text: str) -> str:
    """Text as read: without the word joiners and no-break spaces that keep words together."""
    return text.replace(JOINER, "").replace("\xa0", " ")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("out")
    paths = hd.build(EXAMPLE, out, langs=("zh", "en"), formats=("docx",))
    return {p.stem.rsplit("-", 1)[1]: p for p in paths}


def _labelled(document: docx.document.Document, style: str) -> list[tuple[str, str]]:
    """(label, text) of every paragraph of a style; labels end at the first tab."""
    out = []
    for p in document.paragraphs:
        if p.style.style_id == style:
            label, _, text = p.text.partition("\t")
            out.append((label, text))
    return out


def test_file_names_carry_the_symbol(built: dict[str, Path]) -> None:
    assert sorted(p.name for p in built.values()) == [
        "HSP-EB.2024-11-en.docx", "HSP-EB.2024-11-zh.docx",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_paragraphs_are_numbered_1_to_27(built: dict[str, Path], lang: str) -> None:
    labels = [label for label, _ in _labelled(docx.Document(built[lang]), "UNParagraph")]
    assert labels == [f"{n}." for n in range(1, 28)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_subparagraphs_a_to_i_under_paragraph_1(built: dict[str, Path], lang: str) -> None:
    paragraphs = docx.Document(built[lang]).paragraphs
    ids = [p.style.style_id for p in paragraphs]
    first = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1.\t"))
    second = next(i for i, p in enumerate(paragraphs) if p.text.startswith("2.\t"))
    between = zip(paragraphs[first + 1 : second], ids[first + 1 : second], strict=True)
    subs = [p.text.split("\t")[0] for p, style in between if style == "UNSubparagraph1"]
    assert subs == [f"({c})" for c in "abcdefghi"]


@pytest.mark.parametrize(("lang", "numeral", "after"), [("zh", zh_numeral, "、"), ("en", roman, ".")])
def test_section_labels(built: dict[str, Path], lang: str, numeral, after: str) -> None:  # type: ignore[no-untyped-def]
    labels = [label for label, _ in _labelled(docx.Document(built[lang]), "Heading1")]
    assert labels == [numeral(n) + after for n in range(1, 12)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_agenda_footnote_is_a_real_footnote(built: dict[str, Path], lang: str) -> None:
    document = docx.Document(built[lang])
    part = next(p for p in document.part.package.iter_parts() if p.partname == "/word/footnotes.xml")
    xml = _plain(part.blob.decode("utf-8"))
    assert "HSP/EB.2024/1" + ("。" if lang == "zh" else ".") in xml
    body = document.element.body.xml
    refs = re.findall(r'<w:footnoteReference w:customMarkFollows="1" w:id="(\d+)"/>\s*<w:t>([^<]*)</w:t>', body)
    assert refs and refs[0][1] == "*"
    assert f'w:id="{refs[0][0]}"' in xml


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_running_heads_from_page_2_only(built: dict[str, Path], lang: str) -> None:
    section = docx.Document(built[lang]).sections[0]
    assert section.different_first_page_header_footer
    assert all(not p.text for p in section.first_page_header.paragraphs)
    for header in (section.header, section.even_page_header):
        assert _plain(header.paragraphs[0].text) == SYMBOL
        assert ' PAGE ' in header._element.xml
    aligns = {h.paragraphs[0].alignment for h in (section.header, section.even_page_header)}
    assert len(aligns) == 2  # mirrored


@pytest.mark.parametrize(("lang", "tag"), [("zh", "zh-CN"), ("en", "en-GB")])
def test_page_fonts_languages_and_properties(built: dict[str, Path], lang: str, tag: str) -> None:
    document = docx.Document(built[lang])
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(".//" + qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    heading = document.styles["heading 1"].element
    assert heading.find(".//" + qn("w:rFonts")).get(qn("w:eastAsia")) == "SimHei"
    props = document.core_properties
    assert (props.subject, props.language) == (SYMBOL, tag)
    assert props.title == hd.load(EXAMPLE).title.plain(lang)


def test_masthead_lines(built: dict[str, Path]) -> None:
    zh = _plain("\n".join(p.text for p in docx.Document(built["zh"]).paragraphs[:8]))
    en = _plain("\n".join(p.text for p in docx.Document(built["en"]).paragraphs[:8]))
    for expected in ("2024年第一次会议", "2024年5月6日至8日，内罗毕", "临时议程*项目12", "执行主任的报告"):
        assert expected in zh
    for expected in ("First session of 2024", "Nairobi, 6–8 May 2024",
                     "Item 12 of the provisional agenda*", "Report of the Executive Director"):  # fmt: skip
        assert expected in en
    cells = [_plain(c.text) for row in docx.Document(built["en"]).tables[0].rows for c in row.cells]
    assert cells[:2] == ["United Nations", SYMBOL]
    assert "Distr.: General\n7 March 2024\nOriginal: English" in cells


def test_chinese_text_is_the_seed_text(built: dict[str, Path]) -> None:
    """Every Chinese heading and paragraph stands in the seed, in order (whitespace aside)."""
    seed = re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))
    cursor, found = 0, 0
    for p in docx.Document(built["zh"]).paragraphs:
        if p.style.style_id not in ("Heading1", "UNParagraph", "UNSubparagraph1"):
            continue
        label, _, text = p.text.partition("\t")
        text = re.sub(r"\s+", "", text).replace(JOINER, "")
        at = seed.find(re.sub(r"\s+", "", label) + text, cursor)
        assert at >= 0, f"not in the seed after position {cursor}: {label} {text[:30]}…"
        cursor, found = at + len(text), found + 1
    assert found == 11 + 27 + 13


def test_symbols_never_break() -> None:
    """Word joiners bind every symbol in the text: ST/SGB/2019/2 never splits over lines."""
    doc = hd.load(EXAMPLE)
    xml = docx.Document(io.BytesIO(hd.render(doc, "zh"))).element.body.xml
    assert "ST/\u2060SGB/\u20602019/\u20602" in xml
    assert "ST/SGB" not in xml


def test_render_gives_the_document_build_writes(built: dict[str, Path]) -> None:
    doc = hd.load(EXAMPLE)
    data = hd.render(doc, "en", "docx")
    assert data[:2] == b"PK"
    reread = docx.Document(io.BytesIO(data))
    assert [p.text for p in reread.paragraphs] == [p.text for p in docx.Document(built["en"]).paragraphs]
