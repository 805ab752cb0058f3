"""Every example, in every language it is issued in and both formats: consistent numbering,
parity of every pair of language versions, and Chinese text that is the seed's (issue 7)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from support import SEEDS

import habitat_docs as hd
from habitat_docs.testing import assert_numbering, assert_parity

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {
    "hsp-eb-2024-11.yaml": "000_46c343e28f6b042d.txt",
    "hsp-eb-2024-oios-ethics.yaml": "001_bf02f908b1777446.txt",
    "hsp-eb-2022-2.yaml": "002_9f2cbd37de539a67.txt",
    "hsp-eb-2020-1-update.yaml": "003_2be419151ba7adaf.txt",
    "hsp-eb-2020-resource-mobilization.yaml": "004_303fca5911bcf972.txt",
}
BODY_STYLES = {"Heading1", "Heading2", "UNParagraph", "UNUnnumbered"} | {
    f"UNSubparagraph{d}" for d in range(1, 5)
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    out = tmp_path_factory.mktemp("examples")
    built = {}
    for name in EXAMPLES:
        for path in hd.build(ROOT / "examples" / name, out, formats=("docx", "pdf")):
            lang = path.stem.rsplit("-", 1)[1]
            built[(name, lang, path.suffix[1:])] = path
    return built


def test_every_example_is_listed() -> None:
    assert sorted(p.name for p in (ROOT / "examples").glob("hsp-*.yaml")) == sorted(EXAMPLES)


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.slow)])
@pytest.mark.parametrize("name", EXAMPLES)
def test_numbering_and_parity(outputs: dict[tuple[str, str, str], Path], name: str, fmt: str) -> None:
    versions = [path for (example, _, kind), path in outputs.items() if example == name and kind == fmt]
    assert len(versions) == len(hd.load(ROOT / "examples" / name).languages) >= 2
    for path in versions:
        assert_numbering(path)
    assert_parity(*versions, every_pair=True)


def test_hsp_eb_2024_11_is_issued_in_the_six_languages(outputs: dict[tuple[str, str, str], Path]) -> None:
    """Arabic, Chinese, English, French, Russian and Spanish, each as DOCX and PDF."""
    langs = {lang for (example, lang, _) in outputs if example == "hsp-eb-2024-11.yaml"}
    assert langs == {"ar", "zh", "en", "fr", "ru", "es"}


def _normal(text: str) -> str:
    """Whitespace, word joiners, zero-width spaces and extraction marks (*, <>) out; year-range hyphens as en dashes;
    no footnote marks (the seeds print them as superscripts; the DOCX's are Word's own);
    colons full-width (the seeds mix both)."""
    text = re.sub(r"[\s\u2060\u200b*<>¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", text).replace(":", "：")
    return re.sub(r"(?<=\d)-(?=\d)", "–", text)


@pytest.mark.parametrize("name", EXAMPLES)
def test_chinese_paragraphs_are_the_seed_text(outputs: dict[tuple[str, str, str], Path], name: str) -> None:
    """Paragraph by paragraph, in order, the generated Chinese stands in the seed."""
    lines = (SEEDS / EXAMPLES[name]).read_text(encoding="utf-8").splitlines()
    # footnote lines stand where the page broke, inside a paragraph: take them out
    seed = _normal("\n".join(ln for ln in lines if not re.match(r"\s*(\*|[¹²³⁴⁵⁶⁷⁸⁹]+)\s+\S", ln)))
    placeholder = "［此处插入图］"  # figures without an image
    cursor = checked = 0
    for p in docx.Document(outputs[(name, "zh", "docx")]).paragraphs:
        if p.style.style_id not in BODY_STYLES:
            continue
        text = _normal(p.text.split("\t", 1)[-1])
        if text == _normal(placeholder):
            continue
        at = seed.find(text, cursor)
        assert at >= 0, f"{name}: not in the seed after character {cursor}: {text[:40]}…"
        cursor, checked = at + len(text), checked + 1
    assert checked > 20
