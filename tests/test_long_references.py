"""Long-form references: {reference:id} prints "paragraph 15" where {ref:id} prints "para. 15",
in every language (the wording of each language's labels.j2), in the DOCX and the Typst PDF;
the checker reads documents holding them without a finding, and the importer makes each form
its own markup again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

import habitat_docs as hd
from habitat_docs.check import check
from habitat_docs.check.reader import read
from habitat_docs.compose.language import Language
from habitat_docs.importer import import_data
from habitat_docs.importer.emit import dump
from habitat_docs.model import inline

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
NBSP = "\u00a0"
# Each reference of the query paragraph, in its markup.
QUERY = [
    "{ref:p2}", "{reference:p2}", "{reference:p1,p2}", "{reference:p1,p2,p3}", "{ref:p1,p2,p3}",
    "{ref:intro}", "{reference:intro}", "{Reference:p2}", "{reference:annexed}",
]  # fmt: skip
# As each language prints them (spaces as plain spaces): the short and long forms UN editing
# uses, as each templates/<lang>/labels.j2 records them with their evidence; Chinese, Russian
# and Arabic write one form both ways.
PRINTED = {
    "en": ["para. 2", "paragraph 2", "paragraphs 1 and 2", "paragraphs 1 to 3", "paras. 1–3",
           "sect. I", "section I", "Paragraph 2", "annex, paragraph 1"],
    "fr": ["par. 2", "paragraphe 2", "paragraphes 1 et 2", "paragraphes 1 à 3", "par. 1 à 3",
           "sect. I", "section I", "Paragraphe 2", "annexe, paragraphe 1"],
    "es": ["párr. 2", "párrafo 2", "párrafos 1 y 2", "párrafos 1 a 3", "párrs. 1 a 3",
           "secc. I", "sección I", "Párrafo 2", "anexo, párrafo 1"],
    "ru": ["пункт 2", "пункт 2", "пункты 1 и 2", "пункты 1–3", "пункты 1–3",
           "раздел I", "раздел I", "Пункт 2", "пункт 1 приложения"],
    "zh": ["第2段", "第2段", "第1和第2段", "第1至3段", "第1至3段", "第一节", "第一节", "第2段",
           "附件第1段"],
    "ar": ["الفقرة 2", "الفقرة 2", "الفقرتين 1 و 2", "الفقرات من 1 إلى 3", "الفقرات من 1 إلى 3",
           "الفرع الأول", "الفرع الأول", "الفقرة 2", "المرفق، الفقرة 1"],
}  # fmt: skip
# Invisible marks the writers bind or isolate figures with (word joiners, bidi isolates).
_MARKS = re.compile("[\u2060\u2066-\u2069]")
_FOURTH = re.compile(r"4(?:\.|\s-)\s*")
# Text of the other paragraphs, in each language's script (a reader tells a language by it).
_FILLER = {"ar": "نص.", "zh": "正文。", "ru": "Текст."}


def _every(text: str) -> dict[str, str]:
    return {lang: text for lang in LANGS}


def _filler() -> dict[str, str]:
    return {lang: _FILLER.get(lang, "Text.") for lang in LANGS}


def _data(query: str) -> dict[str, Any]:
    """A document in six languages: three paragraphs, the query paragraph 4, a section and an
    annex."""
    return {
        "kind": "secretariat-note", "symbol": "HSP/EB.2024/99", "issued": "2024-01-05",
        "languages": LANGS,
        "session": {"year": 2024, "ordinal": 1, "start": "2024-03-29", "end": "2024-03-31",
                    "venue": _every("Nairobi")},
        "agenda": {"symbol": "HSP/EB.2024/1", "items": [{"number": 3, "title": _every("Item")}]},
        "title": _every("Title"),
        "sections": [
            {"id": "intro", "heading": _filler(), "content": [
                {"id": "p1", "text": _filler()}, {"id": "p2", "text": _filler()},
                {"id": "p3", "text": _filler()}, {"text": _every(query)}]},
            {"id": "two", "heading": _filler(), "content": [{"text": _filler()}]},
        ],
        "annexes": [{"id": "appendix", "title": _filler(),
                     "content": [{"id": "annexed", "text": _filler()}]}],
    }  # fmt: skip


def _built(tmp_path: Path, formats: tuple[str, ...] = ("docx",)) -> list[Path]:
    source = tmp_path / "long.yaml"
    source.write_text(yaml.safe_dump(_data(" ; ".join(QUERY))), encoding="utf-8")
    return hd.build(source, tmp_path / "built", formats=formats)


def _query(texts: list[str]) -> list[str]:
    """The references of the query paragraph (4.) among ``texts``."""
    line = next(t for t in texts if _FOURTH.match(t))
    body = _FOURTH.sub("", _MARKS.sub("", line).replace(NBSP, " "))
    return [part.strip() for part in body.split(";")]


def _lang(path: Path) -> str:
    return path.stem.rsplit("-", 1)[1]


@pytest.mark.parametrize(
    ("source", "node"),
    [
        ("{reference:p15}", inline.Ref(("p15",), long=True)),
        ("{Reference:p4,p5}", inline.Ref(("p4", "p5"), capital=True, long=True)),
        ("{ref:p15}", inline.Ref(("p15",))),
        ("{Ref:p15}", inline.Ref(("p15",), capital=True)),
    ],
)
def test_the_markup_of_both_forms(source: str, node: inline.Ref) -> None:
    assert inline.parse(source) == (node,)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("See {refl:p15}.", "unknown markup '{refl:' (a reference is {ref:…}"),
        ("See {REFERENCE:p15}.", "or its long form {reference:…}"),
        ("See {ref:p15|long}.", "'p15|long' is not a valid label id (the long form is {reference:p15})"),
        ("See {reference:}.", "'' is not a valid label id"),
        ("See {reference:p1,,p2}.", "'' is not a valid label id"),
        ("See {Reference:p15.", "'{Reference:' is never closed"),
    ],
)
def test_a_malformed_reference_is_refused_saying_why(source: str, message: str) -> None:
    with pytest.raises(inline.InlineError) as info:
        inline.parse(source)
    assert message in str(info.value)
    assert info.value.offset == 4  # where the markup opens


def test_a_malformed_reference_in_a_data_file_names_its_place(tmp_path: Path) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(yaml.safe_dump(_data("See {refrence:p2}.")), encoding="utf-8")
    with pytest.raises(hd.DataError) as info:
        hd.load(source)
    message = str(info.value)
    assert "bad.yaml:" in message and "{reference:…}" in message
    assert "sections[0].content[3].text" in message


@pytest.mark.slow
def test_every_language_prints_both_forms_in_its_docx(tmp_path: Path) -> None:
    built = _built(tmp_path)
    assert sorted(map(_lang, built)) == sorted(LANGS)
    for path in built:
        texts = [p.text for p in docx.Document(str(path)).paragraphs]
        assert _query(texts) == PRINTED[_lang(path)], path.name


@pytest.mark.slow
def test_the_typst_pdf_prints_both_forms_and_the_checker_finds_nothing(tmp_path: Path) -> None:
    built = _built(tmp_path, ("docx", "pdf"))
    for path in built:
        report = check(path)
        assert not report.findings, path.name
        if path.suffix == ".pdf" and _lang(path) != "ar":  # Arabic PDF lines read in visual order
            lines = [ln.text for ln in read(path).lines]
            at = next(k for k, t in enumerate(lines) if re.match(r"4\.\s", t))
            printed = [_unspaced(x) for x in _query([" ".join(lines[at : at + 4])])]
            # spaces as the extraction gives them ("第 2 段" where Typst sets a gap); the last
            # reference runs on into the lines after the paragraph
            expected = [_unspaced(x) for x in PRINTED[_lang(path)]]
            assert printed[:-1] == expected[:-1] and printed[-1].startswith(expected[-1])


def _unspaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _refs(text: str) -> list[str]:
    """The markup names of the references of ``text``: "ref", "Reference" …"""
    return re.findall(r"\{(ref|Ref|reference|Reference):", text)


@pytest.mark.slow
def test_the_import_keeps_each_form(tmp_path: Path) -> None:
    built = _built(tmp_path)
    warnings: list[str] = []
    data, comments = import_data(built, warnings=warnings)
    assert not [w for w in warnings if "a reference left as text" in w]
    query = data["sections"][0]["content"][3]["text"]
    wanted = [re.match(r"\{(\w+):", q).group(1) for q in QUERY]  # type: ignore[union-attr]
    for lang in LANGS:
        # a language with one form follows the others; "annex, paragraph 1" is long in English
        assert _refs(query[lang]) == wanted, lang
    again = tmp_path / "again.yaml"
    again.write_text(dump(data, comments), encoding="utf-8")
    for path in hd.build(again, tmp_path / "again"):
        texts = [p.text for p in docx.Document(str(path)).paragraphs]
        assert _query(texts) == PRINTED[_lang(path)], path.name


def test_a_language_folder_without_long_references_says_what_to_give(tmp_path: Path) -> None:
    """A folder of its own (HABITAT_DOCS_TEMPLATES) whose reference macro predates the long
    form keeps its short references and refuses a long one, naming the macro."""
    folder = tmp_path / "xx"
    shutil.copytree(Path(__file__).resolve().parents[1] / "templates" / "en", folder)
    (folder / "labels.j2").write_text(
        "{% macro reference(kind, items, annex) %}para.{{ nbsp }}{{ items|join_list }}{% endmacro %}",
        encoding="utf-8",
    )
    lang = Language("xx", folder)
    assert lang.reference("paragraph", ["15"], None) == f"para.{NBSP}15"
    with pytest.raises(ValueError, match="give the 'reference' macro of its labels.j2 a 'long'"):
        lang.reference("paragraph", ["15"], None, long=True)
