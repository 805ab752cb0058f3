"""The languages a document is issued in: declared with ``languages:`` (any of the six UN
languages, each with its templates) or, when not declared, those of its title; every text has
each of them; ``build`` and ``build-session`` make exactly those unless ``--lang`` says otherwise."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document as read_docx
from test_load import minimal

from habitat_docs import DataError, api, load, structure
from habitat_docs.cli import main
from habitat_docs.cli.session import run as run_session
from habitat_docs.compose import language as language_module
from habitat_docs.model import UN_LANGUAGES, in_un_order

ROOT = Path(__file__).resolve().parents[1]
UN_ORDER = ", ".join(UN_LANGUAGES)


def with_french(data: Any) -> Any:
    """``data`` with a French version beside every English one (the English words, which
    keep every reference, fact and footnote of the text)."""
    if isinstance(data, dict):
        out = {k: with_french(v) for k, v in data.items()}
        if "en" in data and "zh" in data and isinstance(data["en"], str):
            out["fr"] = data["en"]
        return out
    if isinstance(data, list):
        return [with_french(v) for v in data]
    return data


def write_yaml(path: Path, data: Any) -> tuple[Path, str]:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, "utf-8")
    return path, text


def line_of(text: str, needle: str, after: str | None = None) -> int:
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if after in ln) if after else 0
    return next(i for i, ln in enumerate(lines) if i >= start and needle in ln) + 1


def error_lines(path: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load(path)
    return str(info.value).splitlines()


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in read_docx(str(path)).paragraphs)


# --- declaring ----------------------------------------------------------------------------------


def test_a_declared_language_missing_from_a_text_names_file_line_field_and_language(tmp_path):
    data = {**with_french(minimal()), "languages": ["zh", "en", "fr"]}
    del data["sections"][0]["content"][1]["text"]["fr"]
    del data["sections"][1]["heading"]["fr"]
    path, text = write_yaml(tmp_path / "doc.yaml", data)
    assert error_lines(path) == [  # in the order of the document
        f"{path}:{line_of(text, 'text:', after='id: scope')}: sections[0].content[1].text: missing the fr text",
        f"{path}:{line_of(text, 'heading:', after='id: conclusion')}: sections[1].heading: missing the fr text",
    ]  # fmt: skip


def test_one_message_per_text_naming_every_language_it_lacks(tmp_path):
    data = {**minimal(), "languages": ["zh", "en", "fr"]}
    path, text = write_yaml(tmp_path / "doc.yaml", data)
    problems = error_lines(path)
    # every text of the document lacks French: one line each (title, venue, agenda item,
    # two headings, three paragraphs, two subparagraphs), no other problem
    assert len(problems) == 10 and all(p.endswith(": missing the fr text") for p in problems)
    assert f"{path}:{line_of(text, 'title:', after='  - number: 12')}: agenda.items[0].title: missing the fr text" in problems
    del data["sections"][0]["content"][1]["text"]["zh"]
    path, text = write_yaml(tmp_path / "doc.yaml", data)
    line = line_of(text, "text:", after="id: scope")
    assert f"{path}:{line}: sections[0].content[1].text: missing the fr, zh texts" in error_lines(path)


def test_a_language_beyond_the_six_is_refused_naming_the_field(tmp_path):
    path, text = write_yaml(tmp_path / "doc.yaml", {**minimal(), "languages": ["zh", "en", "de"]})
    assert error_lines(path) == [
        f"{path}:{line_of(text, 'languages:')}: languages: 'de' is not among the six UN languages ({UN_ORDER})"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("en", "languages: expected a list, got a string 'en'"),
        ([], "languages: name at least one language, e.g. [zh, en]"),
        (["en", 7], "languages[1]: expected str, got int 7"),
    ],
)
def test_languages_must_be_a_list_of_codes(tmp_path, value, message):
    path, text = write_yaml(tmp_path / "doc.yaml", {**minimal(), "languages": value})
    line = line_of(text, "- 7", after="languages:") if "[1]" in message else line_of(text, "languages:")
    assert error_lines(path) == [f"{path}:{line}: {message}"]


def test_a_declared_language_without_templates_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    for code in ("en", "zh"):
        shutil.copytree(ROOT / "templates" / code, folder / code)
    monkeypatch.setattr(language_module, "template_dirs", lambda: [folder])
    language_module.forget_languages()
    try:
        data = {**with_french(minimal()), "languages": ["zh", "en", "fr"]}
        path, text = write_yaml(tmp_path / "doc.yaml", data)
        line = line_of(text, "languages:")
        assert error_lines(path) == [
            f"{path}:{line}: languages: no templates for fr (templates/<lang>/; available: en, zh)"
        ]
    finally:
        monkeypatch.undo()
        language_module.forget_languages()


def test_undeclared_languages_are_the_titles_and_others_are_refused(tmp_path):
    data = minimal()
    assert structure(data).languages == {"en", "zh"}
    data["sections"][0]["content"][1]["text"]["fr"] = "Voir {ref:request}."
    path, text = write_yaml(tmp_path / "doc.yaml", data)
    line = line_of(text, "text:", after="id: scope")
    assert error_lines(path) == [f"{path}:{line}: sections[0].content[1].text: fr is not a language of the title"]


def test_a_declared_document_may_hold_translations_it_is_not_issued_in():
    """Editors keep a translation under way in the file; the declaration says what is issued."""
    doc = structure({**minimal(), "languages": ["en"]})
    assert doc.languages == {"en"}
    doc = structure({**with_french(minimal()), "languages": ["zh", "en"]})
    assert doc.languages == {"zh", "en"}


def test_a_translation_under_way_is_still_checked():
    data = {**with_french(minimal()), "languages": ["zh", "en"]}
    data["sections"][0]["content"][1]["text"]["fr"] = "Voir {ref:requete}."
    with pytest.raises(DataError) as info:
        structure(data)
    assert str(info.value) == "sections[0].content[1].text.fr: reference to unknown id 'requete' (did you mean 'request'?)"


def test_un_order():
    assert in_un_order({"es", "ru", "fr", "en", "zh", "ar"}) == UN_LANGUAGES
    assert in_un_order(["en", "zh"]) == ("zh", "en")


# --- building -----------------------------------------------------------------------------------


def test_build_without_langs_makes_the_declared_languages(tmp_path):
    path, _ = write_yaml(tmp_path / "doc.yaml", {**minimal(), "languages": ["en"]})
    paths = api.build(path, tmp_path / "out")
    assert [p.name for p in paths] == ["HSP-EB.2024-11-en.docx"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["HSP-EB.2024-11-en.docx"]
    text = docx_text(paths[0])
    assert "Actions to improve" in text and "改进的行动" not in text


def test_build_without_langs_makes_the_declared_languages_in_un_order(tmp_path):
    doc = load(ROOT / "examples" / "hsp-eb-2024-11.yaml")
    paths = api.build(doc, tmp_path)
    un_order = ("ar", "zh", "en", "fr", "ru", "es")
    declared = [lang for lang in un_order if lang in doc.languages]
    assert [p.name for p in paths] == [f"HSP-EB.2024-11-{lang}.docx" for lang in declared]
    zh, en = (docx_text(tmp_path / f"HSP-EB.2024-11-{lang}.docx") for lang in ("zh", "en"))
    assert "执行主任的报告" in zh and "Report of the Executive Director" in en


def test_cli_build_defaults_to_the_documents_languages(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_yaml(tmp_path / "en.yaml", {**minimal(), "languages": ["en"]})
    write_yaml(tmp_path / "both.yaml", {**minimal(), "symbol": "HSP/EB.2024/12"})
    assert main(["build", "en.yaml", "both.yaml", "-o", "out"]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(Path("out") / n) for n in
                       ("HSP-EB.2024-11-en.docx", "HSP-EB.2024-12-zh.docx", "HSP-EB.2024-12-en.docx")]  # fmt: skip
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(Path(p).name for p in printed)
    assert "导言" in docx_text(tmp_path / "out" / "HSP-EB.2024-12-zh.docx")


def test_cli_build_of_a_language_the_document_lacks_names_it_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _, text = write_yaml(tmp_path / "doc.yaml", {**minimal(), "languages": ["en"]})
    assert main(["build", "doc.yaml", "--lang", "zh,en", "-o", "out"]) == 2
    line = line_of(text, "languages:")
    assert capsys.readouterr().err == f"doc.yaml:{line}: languages: the document is not issued in zh (its languages: en)\n"
    assert not (tmp_path / "out").exists()


def test_cli_build_refuses_an_empty_language_list(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_yaml(tmp_path / "doc.yaml", minimal())
    assert main(["build", "doc.yaml", "--lang", ",", "-o", "out"]) == 2
    assert "give at least one language" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def session_with(tmp_path: Path, documents: dict[str, dict[str, Any]]) -> Path:
    for name, data in documents.items():
        write_yaml(tmp_path / f"{name}.yaml", data)
    session = {
        "year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
        "agenda": {"items": [{"number": 12, "title": {"en": "Internal management", "zh": "内部管理"}}]},
        "documents": [{"id": name, "file": f"{name}.yaml", "items": [12]} for name in documents],
    }  # fmt: skip
    path, _ = write_yaml(tmp_path / "session.yaml", session)
    return path


def session_doc(**extra: Any) -> dict[str, Any]:
    data = minimal()
    for key in ("symbol", "session", "agenda"):
        del data[key]
    return {**data, **extra}


def test_build_session_defaults_to_each_documents_languages(tmp_path):
    session = session_with(tmp_path, {"english": session_doc(languages=["en"]), "both": session_doc()})
    err = io.StringIO()
    code = run_session([str(session), "--jobs", "1", "--progress", "none", "-o", str(tmp_path / "out")],
                       stdout=io.StringIO(), stderr=err)  # fmt: skip
    assert code == 0, err.getvalue()
    index = json.loads((tmp_path / "out" / "index.json").read_text("utf-8"))
    files = {d["id"]: [f["path"] for f in d["files"]] for d in index["documents"]}
    assert files == {
        "english": ["HSP-EB.2024-2-en.docx"],
        "both": ["HSP-EB.2024-3-zh.docx", "HSP-EB.2024-3-en.docx"],
    }
    assert index["languages"] == ["zh", "en"]
    built = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert built == sorted(name for names in files.values() for name in names)
    assert "Actions to improve" in docx_text(tmp_path / "out" / "HSP-EB.2024-2-en.docx")


def test_build_session_with_a_language_a_document_lacks_fails_that_document(tmp_path):
    session = session_with(tmp_path, {"english": session_doc(languages=["en"]), "both": session_doc()})
    err = io.StringIO()
    code = run_session([str(session), "--jobs", "1", "--progress", "none", "--lang", "zh,en",
                        "-o", str(tmp_path / "out")], stdout=io.StringIO(), stderr=err)  # fmt: skip
    assert code == 1
    assert "languages: the document is not issued in zh (its languages: en)" in err.getvalue()
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == [
        "HSP-EB.2024-3-en.docx", "HSP-EB.2024-3-zh.docx",
    ]  # fmt: skip
