"""Import: DOCX, PDF and plain-text language versions back to a data file that builds the same
paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml

import habitat_docs as hd
from habitat_docs.check import check, structure
from habitat_docs.check.reader import read
from habitat_docs.cli.main import main
from habitat_docs.importer import MisalignedError, import_data
from habitat_docs.importer.emit import dump

ROOT = Path(__file__).resolve().parent.parent
# The parts this slice reads: the body's sections, paragraphs and subparagraphs.
_KINDS = ("section", "subsection", "para", "sub")


def _paragraphs(path: Path) -> list[tuple[str, str, str]]:
    """(kind, label, text) of every section, paragraph and subparagraph, spacing normalised."""
    st = structure(read(path))
    return [
        (it.kind, it.label, re.sub(r"\s+", " ", it.line.text).strip())
        for it in st.items
        if it.kind in _KINDS
    ]


# The paragraph styles of the summary, the table notes and source, and the draft decision.
_PART_STYLES = ("UNSummary", "UNCaption", "UNNote", "UNDecisionHeading", "UNDecisionTitle",
                "UNDecisionText", "UNOperative")  # fmt: skip


def _spaced(text: str) -> str:
    """Spacing normalised: a reference read back as text loses its no-break space."""
    return re.sub(r"\s+", " ", text).strip()


def _parts(path: Path) -> dict[str, list[object]]:
    """The summary, tables and draft decision of a DOCX as read back: the checker's labels of
    operative paragraphs, and python-docx's paragraphs (by style) and table cells."""
    st = structure(read(path))
    document = docx.Document(str(path))
    tables = [t for t in document.tables
              if t.rows[0].cells[0].paragraphs[0].style.style_id == "UNTableText"]  # fmt: skip
    styled = [p for p in document.paragraphs
              if p.style is not None and p.style.style_id in _PART_STYLES]  # fmt: skip
    return {
        "operative": [
            (it.label, _spaced(it.line.text)) for it in st.items if it.kind == "operative"
        ],
        "labels": [it.label for it in st.items if it.kind in ("table", "decision")],
        "styled": [(p.style.style_id, _spaced(p.text)) for p in styled],
        "cells": [[[_spaced(c.text) for c in row.cells] for row in t.rows] for t in tables],
    }


def _round_trip(example: str, tmp_path: Path) -> None:
    built = hd.build(ROOT / "examples" / example, tmp_path / "first")
    warnings: list[str] = []
    data, comments = import_data(built, warnings=warnings)
    assert comments[("kind",)].startswith("read from the subtitle")
    target = tmp_path / "back.yaml"
    target.write_text(dump(data, comments), encoding="utf-8")
    again = hd.build(target, tmp_path / "again")
    assert [p.name for p in again] == [p.name for p in built]  # same symbol, same languages
    for first, second in zip(built, again, strict=True):
        expected = _paragraphs(first)
        assert len(expected) > 10
        assert _paragraphs(second) == expected, first.name
        assert _parts(second) == _parts(first), first.name


@pytest.mark.slow
def test_six_languages_round_trip(tmp_path: Path) -> None:
    _round_trip("hsp-eb-2024-11.yaml", tmp_path)
    for again in sorted((tmp_path / "again").glob("*.docx")):
        parts = _parts(again)
        numbers = [re.sub(r"\D", "", label) for label, _ in parts["operative"]]  # "1.", "1 -"
        assert numbers == ["1", "2", "3"], again.name
        assert len(parts["labels"]) == 2  # the table and the draft decision
        assert [len(t) for t in parts["cells"]] == [5], again.name  # columns and four rows
        styles = [style for style, _ in parts["styled"]]
        assert styles.count("UNSummary") == 3  # title, text, action required
        assert styles.count("UNNote") == 3  # two lettered notes and the source
        assert styles.count("UNDecisionText") == 3  # "The Executive Board," and the preamble
    data = yaml.safe_load((tmp_path / "back.yaml").read_text(encoding="utf-8"))
    ids = [s["id"] for s in data["sections"]]
    assert ids[:2] == ["introduction", "executive-strategic-direction"]
    assert len(set(ids)) == len(ids)
    en = data["sections"][-1]["content"][-1]["decision"]["operative"][0]["en"]
    assert en == "*Takes note* of the report of the Executive Director;"


@pytest.mark.slow
def test_two_languages_round_trip_with_masthead(tmp_path: Path) -> None:
    _round_trip("hsp-eb-2022-2.yaml", tmp_path)
    data = yaml.safe_load((tmp_path / "back.yaml").read_text(encoding="utf-8"))
    original = yaml.safe_load(
        (ROOT / "examples" / "hsp-eb-2022-2.yaml").read_text(encoding="utf-8")
    )
    for key in ("kind", "symbol", "issued", "distribution", "original", "session", "title"):
        assert data[key] == original[key], key
    assert data["agenda"]["symbol"] == original["agenda"]["symbol"]
    assert data["agenda"]["items"][0]["title"] == original["agenda"]["items"][0]["title"]


@pytest.mark.slow
def test_misaligned_versions_name_both_files(tmp_path: Path) -> None:
    source = ROOT / "examples" / "hsp-eb-2022-2.yaml"
    (en,) = hd.build(source, tmp_path / "en", langs=("en",))
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    del data["sections"][0]["content"][2]  # the Chinese version loses paragraph 3
    shorter = tmp_path / "shorter.yaml"
    shorter.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (zh,) = hd.build(shorter, tmp_path / "zh", langs=("zh",))
    with pytest.raises(MisalignedError) as e:
        import_data([en, zh])
    assert str(en) in str(e.value) and str(zh) in str(e.value)
    assert "section 2" in str(e.value) or "paragraph" in str(e.value)


@pytest.mark.slow
def test_command_line_writes_a_data_file_and_reports_what_it_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = hd.build(ROOT / "examples" / "hsp-eb-2024-11.yaml", tmp_path, langs=("en", "fr"))
    out = tmp_path / "doc.yaml"
    assert main(["import", *map(str, built), "-o", str(out), "--lang", "en,fr"]) == 0
    err = capsys.readouterr().err
    assert "not imported" not in err  # the summary, the table and the draft decision too
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["languages"] == ["en", "fr"] and len(data["sections"]) == 11
    assert set(data["summary"]) == {"text", "action"}


@pytest.mark.slow
def test_typst_pdfs_round_trip(tmp_path: Path) -> None:
    # Arabic is left out: the PDF's text layer gives its vowel marks out of order, so what
    # reads back is not the text that was set (the DOCX round trip covers Arabic).
    langs = ("zh", "en", "fr", "ru", "es")
    built = hd.build(
        ROOT / "examples" / "hsp-eb-2024-11.yaml", tmp_path / "first", langs, formats=("pdf",)
    )
    data, comments = import_data(built)
    assert data["symbol"] == "HSP/EB.2024/11" and data["agenda"]["symbol"] == "HSP/EB.2024/1"
    target = tmp_path / "back.yaml"
    target.write_text(dump(data, comments), encoding="utf-8")
    again = hd.build(target, tmp_path / "again", formats=("pdf",))
    assert [p.name for p in again] == [p.name for p in built]
    for first, second in zip(built, again, strict=True):
        expected = _paragraphs(first)
        assert len(expected) > 10
        assert _paragraphs(second) == expected, first.name


@pytest.mark.slow
def test_seed_plain_text_imports_to_a_document_that_passes_the_checker(tmp_path: Path) -> None:
    (seed,) = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("000_*.txt"))
    warnings: list[str] = []
    data, comments = import_data([seed], ["zh"], warnings=warnings)
    # the masthead as far as the text goes: the symbol from the running heads, the agenda's
    # from its footnote, the item's title joined from its two lines
    assert data["symbol"] == "HSP/EB.2024/11" and data["agenda"]["symbol"] == "HSP/EB.2024/1"
    assert data["agenda"]["items"][0]["title"]["zh"].endswith(
        "人居署内部管理、政策和程序的行动的报告"
    )
    assert comments[("issued",)].startswith("not in the source")  # a stand-in, said so
    assert all("HSP/EB.2024/1。" not in w for w in warnings)  # the footnote is read, not text
    target = tmp_path / "seed.yaml"
    target.write_text(dump(data, comments), encoding="utf-8")
    (built,) = hd.build(target, tmp_path / "out")
    report = check(built)
    assert report.ok, report
    st = structure(read(built))
    assert sum(it.kind == "para" for it in st.items) == 27
    labels = {it.label for it in structure(read(seed)).items if it.kind == "para"}
    assert labels == {it.label for it in st.items if it.kind == "para"}
    sub_i = data["sections"][0]["content"][0]["subparagraphs"][8]["text"]["zh"]
    assert sub_i == "资源调动。"  # the page's footnote and furniture are not run into it
