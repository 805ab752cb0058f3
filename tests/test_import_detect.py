"""Import, issue 16 point 4: each file's language is told by its script, its masthead's
words, or the language tag the file declares, and the YAML says which told it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import habitat_docs as hd
from habitat_docs.check.reader import read

ROOT = Path(__file__).resolve().parent.parent


def _third_party(path: Path, tag: str | None) -> Path:
    """A French report as a word processor writes it: no masthead, typed numbers."""
    document = docx.Document()
    document.add_paragraph("I. Introduction")
    document.add_paragraph("1. Le présent rapport est soumis en application de la décision.")
    document.add_paragraph("2. Il rend compte des progrès accomplis.")
    if tag is not None:
        document.core_properties.language = tag
    document.save(str(path))
    return path


def test_a_file_without_masthead_is_told_by_its_language_tag(tmp_path: Path) -> None:
    imported = hd.import_document([_third_party(tmp_path / "rapport.docx", "fr-FR")])
    assert imported.data["languages"] == ["fr"]
    assert imported.comments[("languages", 0)].startswith("fr: detected from its language tag fr-FR")
    texts = [p["text"]["fr"] for p in imported.data["sections"][0]["content"]]  # type: ignore[index]
    assert texts[1] == "Il rend compte des progrès accomplis."


def test_a_file_nothing_tells_the_language_of_asks_for_it(tmp_path: Path) -> None:
    path = _third_party(tmp_path / "rapport.docx", None)
    with pytest.raises(hd.ImportFailed, match="cannot tell its language: give it with --lang"):
        hd.import_document([path])
    assert hd.import_document([path], ["fr"]).data["languages"] == ["fr"]


@pytest.mark.slow
def test_script_and_subtitle_come_before_the_tag(tmp_path: Path) -> None:
    built = hd.build(ROOT / "examples" / "hsp-eb-2024-11.yaml", tmp_path, ("ar", "ru", "fr"))
    for path in built:  # both writers declare the language: the DOCX's core properties
        assert (read(path).lang or "").startswith(path.stem[-2:]), path.name
    imported = hd.import_document(built)
    said = [imported.comments[("languages", n)] for n in range(3)]  # in the UN's order
    assert said[0].startswith("ar: detected from its script")
    assert said[1].startswith("fr: detected from its subtitle")
    assert said[2].startswith("ru: detected from its script")


@pytest.mark.slow
def test_a_pdf_declares_its_language_in_its_catalogue(tmp_path: Path) -> None:
    built = hd.build(ROOT / "examples" / "hsp-eb-2022-2.yaml", tmp_path, formats=("pdf",))
    assert [(read(p).lang or "")[:2] for p in built] == ["zh", "en"]
