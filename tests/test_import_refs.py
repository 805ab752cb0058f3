"""Import: references printed in the text become {ref:…} again, their targets given ids;
footnotes come back where their marks stood."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.oxml.ns import qn

import habitat_docs as hd
from habitat_docs.check import structure
from habitat_docs.check.reader import read
from habitat_docs.importer import import_data
from habitat_docs.importer.emit import dump
from habitat_docs.importer.ids import Ids
from habitat_docs.importer.refs import resolve_references
from habitat_docs.load.converter import structure as load
from habitat_docs.number import number

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
_REF = re.compile(r"\{[Rr]ef:([^}]*)\}")
_KINDS = ("section", "subsection", "para", "sub", "operative")


def _paragraphs(path: Path) -> list[tuple[str, str, str]]:
    """(kind, label, text) of every section, paragraph, subparagraph and operative
    paragraph as the checker reads them back, spacing normalised."""
    st = structure(read(path))
    return [(it.kind, it.label, re.sub(r"\s+", " ", it.line.text).strip())
            for it in st.items if it.kind in _KINDS]  # fmt: skip


def _summary(path: Path) -> list[str]:
    """The summary box's paragraphs as python-docx reads them."""
    document = docx.Document(str(path))
    return [re.sub(r"\s+", " ", p.text).strip() for p in document.paragraphs
            if p.style is not None and p.style.style_id == "UNSummary"]  # fmt: skip


def _imported(built: list[Path], tmp_path: Path) -> tuple[dict[str, Any], list[str], list[Path]]:
    """The data imported from ``built`` as its YAML loads back, the warnings, and the files
    that YAML builds."""
    warnings: list[str] = []
    data, comments = import_data(built, warnings=warnings)
    target = tmp_path / "back.yaml"
    target.write_text(dump(data, comments), encoding="utf-8")
    again = hd.build(target, tmp_path / "again")
    return yaml.safe_load(target.read_text(encoding="utf-8")), warnings, again


def _same_paragraphs(built: list[Path], again: list[Path]) -> None:
    assert [p.name for p in again] == [p.name for p in built]
    for first, second in zip(built, again, strict=True):
        expected = _paragraphs(first)
        assert len(expected) > 10
        assert _paragraphs(second) == expected, first.name
        assert _summary(second) == _summary(first), first.name


def _refs(value: Any) -> list[str]:
    """Every id a {ref:…} of ``value`` names."""
    if isinstance(value, str):
        return [i for m in _REF.finditer(value) for i in m.group(1).split(",")]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [i for v in items for i in _refs(v)]


@pytest.mark.slow
def test_the_summarys_references_resolve_in_every_language(tmp_path: Path) -> None:
    built = hd.build(EXAMPLES / "hsp-eb-2024-11.yaml", tmp_path / "first")
    data, warnings, again = _imported(built, tmp_path)
    action = data["summary"]["action"]
    assert set(action) == set(data["languages"]) and len(action) == 6
    for lang, text in action.items():
        assert len(_REF.findall(text)) == 2, lang
    assert len({tuple(_refs(text)) for text in action.values()}) == 1  # the same targets
    targets = number(load(data)).targets
    assert _refs(data) and set(_refs(data)) <= set(targets)
    assert {targets[i].kind for i in _refs(action)} == {"section", "operative"}
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in _refs(data))
    assert not [w for w in warnings if "a reference left as text" in w]
    _same_paragraphs(built, again)


@pytest.mark.slow
def test_references_to_several_paragraphs_resolve_in_six_languages(tmp_path: Path) -> None:
    """Two paragraphs ("paras. 1 and 2"), a range ("paras. 3–5"), two apart, a section."""
    source = yaml.safe_load((EXAMPLES / "hsp-eb-2024-11.yaml").read_text(encoding="utf-8"))
    paragraphs = _numbered(source)
    for k, p in enumerate(paragraphs[:6]):
        p.setdefault("id", f"target-{k}")
    ids = [p["id"] for p in paragraphs[:6]]
    groups = [ids[0:2], ids[2:5], [ids[1], ids[5]], [source["sections"][2]["id"]]]
    for lang in source["languages"]:
        paragraphs[8]["text"][lang] += "".join(f" {{ref:{','.join(g)}}}" for g in groups)
    built = hd.build(load(source, EXAMPLES), tmp_path / "first")
    data, warnings, again = _imported(built, tmp_path)
    imported = _numbered(data)
    names = [p["id"] for p in imported[:6]]
    wanted = [",".join(names[0:2]), ",".join(names[2:5]), f"{names[1]},{names[5]}",
              data["sections"][2]["id"]]  # fmt: skip
    for lang, text in imported[8]["text"].items():
        assert [m.group(1) for m in _REF.finditer(text)] == wanted, lang
    assert names[0] == f"{data['sections'][0]['id']}-para-1"
    assert not [w for w in warnings if "a reference left as text" in w]
    _same_paragraphs(built, again)


def _numbered(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The numbered paragraphs of the body's sections and subsections, in order."""
    boxes = [b for s in data["sections"] for b in (s, *s.get("subsections", []))]
    return [p for b in boxes for p in b.get("content", [])
            if "text" in p and p.get("numbered", True)]  # fmt: skip


@pytest.mark.slow
def test_every_reference_of_figures_and_the_annex_comes_back(tmp_path: Path) -> None:
    """Figures ("figure III", "Figure IV shows …") and the only annex ("the annex")."""
    example = EXAMPLES / "hsp-eb-2020-resource-mobilization.yaml"
    built = hd.build(example, tmp_path / "first")
    data, warnings, again = _imported(built, tmp_path)
    source = yaml.safe_load(example.read_text(encoding="utf-8"))
    for lang in data["languages"]:
        assert len(_refs(_in(data, lang))) == len(_refs(_in(source, lang))) > 10, lang
    targets = number(load(data)).targets
    assert {targets[i].kind for i in _refs(data)} == {"figure", "annex"}
    assert not [w for w in warnings if "a reference left as text" in w]
    _same_paragraphs(built, again)


def _in(value: Any, lang: str) -> list[str]:
    """Every text of ``value`` in ``lang``."""
    if isinstance(value, dict):
        if isinstance(value.get(lang), str):
            return [value[lang]]
        return [t for v in value.values() for t in _in(v, lang)]
    return [t for v in value for t in _in(v, lang)] if isinstance(value, list) else []


@pytest.mark.slow
def test_footnotes_come_back_where_their_marks_stood(tmp_path: Path) -> None:
    built = hd.build(EXAMPLES / "hsp-eb-2022-2.yaml", tmp_path / "first")
    data, _, again = _imported(built, tmp_path)
    paragraphs = [p for s in data["sections"] for p in s.get("content", [])]
    texts = [t for p in paragraphs for t in p.get("text", {}).values()]
    inside = [t for t in texts if re.search(r"\{note:[^}]*\}\s*\S", t)]
    assert inside  # a note in the middle of its paragraph stays there
    for first, second in zip(built, again, strict=True):
        assert _before_marks(second) == _before_marks(first), first.name


@pytest.mark.slow
def test_footnotes_of_a_pdf_come_back_where_their_superscripts_stood(tmp_path: Path) -> None:
    example = EXAMPLES / "hsp-eb-2022-2.yaml"
    pdfs = hd.build(example, tmp_path / "pdf", formats=("pdf",))
    warnings: list[str] = []
    data, comments = import_data(pdfs, warnings=warnings)
    assert not [w for w in warnings if "the footnote of mark" in w]
    target = tmp_path / "back.yaml"
    target.write_text(dump(data, comments), encoding="utf-8")
    again = hd.build(target, tmp_path / "again")
    originals = hd.build(example, tmp_path / "docx")
    for first, second in zip(originals, again, strict=True):
        assert _before_marks(first)  # the example has footnotes in its body
        assert _before_marks(second) == _before_marks(first), first.name


def _before_marks(path: Path) -> list[str]:
    """The text before each footnote mark of the body, as python-docx reads the runs."""
    out = []
    for p in docx.Document(str(path)).paragraphs:
        before = ""
        for r in p._p.iter(qn("w:r")):
            if r.find(qn("w:footnoteReference")) is not None:
                out.append(re.sub(r"\s+", " ", before).strip())
            before += "".join(t.text or "" for t in r.iter(qn("w:t")))
    return out


def _document(en: list[str], zh: list[str]) -> dict[str, Any]:
    """A small document whose one section holds paragraphs of these texts."""
    return {
        "kind": "secretariat-note", "symbol": "HSP/EB.2024/99", "issued": "2024-01-05",
        "languages": ["zh", "en"],
        "session": {"year": 2024, "ordinal": 1, "start": "2024-03-29", "end": "2024-03-31",
                    "venue": {"zh": "内罗毕", "en": "Nairobi"}},
        "agenda": {"symbol": "HSP/EB.2024/1",
                   "items": [{"number": 3, "title": {"zh": "议题", "en": "Item"}}]},
        "title": {"zh": "标题", "en": "Title"},
        "sections": [{"id": "introduction", "heading": {"zh": "导言", "en": "Introduction"},
                      "content": [{"text": {"zh": z, "en": e}} for e, z in zip(en, zh, strict=True)]}],
    }  # fmt: skip


def test_a_reference_to_no_paragraph_stays_text_and_is_reported() -> None:
    data = _document(["First.", "As para. 15 says."], ["第一段。", "如第15段所述。"])
    warnings: list[str] = []
    comments: dict[tuple[str | int, ...], str] = {}
    resolve_references(data, ["zh", "en"], warnings, comments)
    second = data["sections"][0]["content"][1]
    assert second["text"] == {"en": "As para. 15 says.", "zh": "如第15段所述。"}
    assert "id" not in data["sections"][0]["content"][0]
    assert any("para. 15" in w and "sections[0].content[1].text" in w for w in warnings)
    assert "no paragraph 15" in comments[("sections", 0, "content", 1, "text")]


def test_references_the_languages_disagree_on_stay_text() -> None:
    data = _document(["First.", "Second.", "As para. 1 says, and para. 2."],
                     ["第一段。", "第二段。", "如第1段所述，以及第1段。"])  # fmt: skip
    warnings: list[str] = []
    resolve_references(data, ["zh", "en"], warnings, {})
    third = data["sections"][0]["content"][2]["text"]
    assert third["en"] == "As para. 1 says, and para. 2."  # para. 1: once here, twice in zh
    assert third["zh"] == "如第1段所述，以及第1段。"
    (warning,) = warnings
    assert "not found in every language" in warning
    assert warning.count("“第1段” (zh)") == 2 and "“para. 2” (en)" in warning


def test_a_reference_every_language_makes_names_its_target() -> None:
    data = _document(["First.", "As para. 1 says."], ["第一段。", "如第1段所述。"])
    warnings: list[str] = []
    resolve_references(data, ["zh", "en"], warnings, {})
    first, second = data["sections"][0]["content"]
    assert first["id"] == "introduction-para-1"
    assert second["text"] == {"en": "As {ref:introduction-para-1} says.",
                              "zh": "如{ref:introduction-para-1}所述。"}  # fmt: skip
    assert warnings == []


def test_ids_given_are_ascii() -> None:
    data = _document(["First.", "As para. 1 says."], ["第一段。", "如第1段所述。"])
    data["sections"][0]["id"] = Ids().make(["Généralités"], "section")
    resolve_references(data, ["zh", "en"], [], {})
    assert data["sections"][0]["id"] == "generalites"
    assert data["sections"][0]["content"][0]["id"] == "generalites-para-1"


def test_a_paragraph_of_another_document_stays_text() -> None:
    data = _document(["First.", "As para. 1 of decision 2023/4 says."],
                     ["第一段。", "如第2023/4号决定第1段所述。"])  # fmt: skip
    warnings: list[str] = []
    comments: dict[tuple[str | int, ...], str] = {}
    resolve_references(data, ["zh", "en"], warnings, comments)
    assert data["sections"][0]["content"][1]["text"]["zh"] == "如第2023/4号决定第1段所述。"
    assert "para. 1 of decision" in data["sections"][0]["content"][1]["text"]["en"]
    assert warnings == []  # the text is as it should be: a comment says what was read
    assert "2023/4, another document" in comments[("sections", 0, "content", 1, "text")]
