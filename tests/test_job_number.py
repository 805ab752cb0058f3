"""The job number at the foot of page 1 ("K2400512 070324"), in every writer and language."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import docx
import pypdf
import pytest

import habitat_docs as hd
from habitat_docs.errors import DataError
from habitat_docs.testing import assert_numbering, assert_parity
from habitat_docs.writers.office import pdf_from_docx

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "hsp-eb-2024-11.yaml"
LANGS = ("zh", "en")


@pytest.fixture(scope="module")
def doc() -> hd.Document:
    return attrs.evolve(hd.load(EXAMPLE), job_number="K2400512")


def pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("lang", LANGS)
def test_docx_prints_the_job_number_and_date_at_the_foot_of_page_1_only(doc, lang: str) -> None:  # type: ignore[no-untyped-def]
    section = docx.Document(io.BytesIO(hd.render(doc, lang, "docx"))).sections[0]
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_footer.paragraphs] == ["K2400512 070324"]
    assert "K2400512" not in "".join(p.text for p in section.footer.paragraphs)
    assert "K2400512" not in "".join(p.text for p in section.even_page_footer.paragraphs)


@pytest.mark.parametrize(
    "engine", ["typst", pytest.param("libreoffice", marks=[pytest.mark.office, pytest.mark.slow])]
)
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_prints_it_on_page_1_only_and_the_checker_still_agrees(doc, tmp_path, lang: str, engine: str) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / f"doc-{lang}.docx"
    source.write_bytes(hd.render(doc, lang, "docx"))
    if engine == "typst":
        path = tmp_path / f"typst-{lang}.pdf"
        path.write_bytes(hd.render(doc, lang, "pdf"))
    else:
        (path,) = pdf_from_docx([source], tmp_path / "office")
    text = pages(path.read_bytes())
    assert any(ln.strip() == "K2400512 070324" for ln in text[0].splitlines())
    assert not any("K2400512" in t for t in text[1:])
    assert_numbering(path)
    assert_numbering(source)


def test_new_york_numbers_carry_the_language(doc) -> None:  # type: ignore[no-untyped-def]
    ny = attrs.evolve(doc, job_number="24-01234")
    for lang, expected in (("en", "24-01234 (E) 070324"), ("zh", "24-01234 (C) 070324")):
        footer = docx.Document(io.BytesIO(hd.render(ny, lang, "docx"))).sections[0].first_page_footer
        assert [p.text for p in footer.paragraphs] == [expected]


def test_versions_with_a_job_number_keep_parity(doc, tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = {}
    for lang in LANGS:
        paths[lang] = tmp_path / f"{lang}.pdf"
        paths[lang].write_bytes(hd.render(doc, lang, "pdf"))
    assert_parity(paths["zh"], paths["en"])


@pytest.mark.parametrize("bad", ["K240051", "K24005123", "k2400512", "24-1234", "2400512", "K2400512 "])
def test_malformed_job_numbers_are_refused(doc, bad: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError, match=r"job_number: .* is not a job number \(UNON: K2400512"):
        attrs.evolve(doc, job_number=bad)


def test_without_a_job_number_page_1_has_no_footer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = hd.load(EXAMPLE)
    assert doc.job_number is None
    section = docx.Document(io.BytesIO(hd.render(doc, "en", "docx"))).sections[0]
    assert "".join(p.text for p in section.first_page_footer.paragraphs) == ""
    assert "070324" not in pages(hd.render(doc, "en", "pdf"))[0]
