"""habitat-docs lint: each warning from a small data file, the examples clean, exit codes, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support import MASTHEAD_YAML

from habitat_docs.cli.main import main
from habitat_docs.errors import DataError
from habitat_docs.lint import LintWarning, lint
from habitat_docs.lint.numbers import Numbers, numbers
from habitat_docs.lint.rules import rules

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FACTS = """\
facts:
  total: {money: "62.32 million"}
  year: {year: 2024}
"""


def document(tmp_path: Path, *paragraphs: str, name: str = "doc.yaml") -> Path:
    """A data file: the masthead, the facts, one section of ``paragraphs`` (YAML lines of
    one paragraph each, from ``- ``), its first paragraph on line 15."""
    body = "".join(f"      {p}\n" for p in paragraphs)
    text = f"{MASTHEAD_YAML}{FACTS}sections:\n  - heading: {{en: Introduction, zh: 导言}}\n    content:\n{body}"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    return [f"{w.line}: {w.path[-1]}: {w.message}" for w in lint(path)]


def test_a_clean_document_gives_no_warning(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        "- id: first\n        text: {en: 'In May 2024, 1,250 people in seven cities: {fact:total}.', "
        "zh: '2024年5月，7个城市有1\u00a0250人：{fact:total}。'}",
        "- {en: 'As {ref:first} says, 500,000 users (48.6 per cent).', zh: '如{ref:first}所述，50万用户（48.6%）。'}",
        "- {en: 'The areas: (a) drafting; (b) support.', zh: '领域：(1) 起草；(2) 支持。'}",
    )
    assert lint(path) == []


def test_numbers_that_differ_between_languages(tmp_path: Path) -> None:
    path = document(
        tmp_path, "- {en: 'In 2023, 15 countries reported.', zh: '2024年，15个国家提交了报告。'}"
    )
    assert messages(path) == [
        "15: zh: numbers differ from the en text: 2024 here but not in en; 2023 in en but not here"
    ]


def test_numbers_of_facts_and_names_do_not_count(tmp_path: Path) -> None:
    # the fact prints 62.32 in English, 6 232 in Chinese; Local2030 is a name, 2030 its digits
    path = document(
        tmp_path,
        "- {en: '{fact:total} for the Local2030 Coalition.', zh: '{fact:total}，用于“地方2030”联盟。'}",
    )
    assert lint(path) == []


def test_references_typed_as_text(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        "- {en: First., zh: 第一。}",
        "- {en: 'As noted in para. 1 above.', zh: '如上文第1段所述。'}",
    )
    assert messages(path) == [
        "16: en: “para. 1” typed as text: write {ref:…} (or its long form {reference:…}) so that it follows the numbering",
        "16: zh: “第1段” typed as text: write {ref:…} (or its long form {reference:…}) so that it follows the numbering",
    ]


def test_references_in_the_plural_and_the_long_form(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        "- {en: One., zh: 一。}",
        "- {en: Two., zh: 二。}",
        "- {en: 'See paras. 1 and 2, and paragraph 2 above.', zh: '见第1和第2段以及上文第2段。'}",
    )
    assert messages(path) == [
        "17: en: “paras. 1 and 2” typed as text: write {ref:…} (or its long form {reference:…}) so that it follows the numbering",
        "17: en: “paragraph 2” typed as text: write {ref:…} (or its long form {reference:…}) so that it follows the numbering",
        "17: zh: “第1和第2段” typed as text: write {ref:…} (or its long form {reference:…}) so that it follows the numbering",
        "17: zh: “第2段” typed as text: write {ref:…} (or its long form {reference:…}) so that it follows the numbering",
    ]


def test_a_reference_in_one_language_only_names_another_documents_part(tmp_path: Path) -> None:
    # the English names the report's sections in words the builder does not print
    path = document(
        tmp_path, "- {en: Section IV of the report lists them., zh: 报告第四节列出了这些活动。}"
    )
    assert lint(path) == []


def test_numbers_read_as_each_language_writes_them() -> None:
    en, fr, es, zh = (rules(lang) for lang in ("en", "fr", "es", "zh"))
    same = numbers("1,250.5 and 2.0 in May, $1.1 billion", en).counted
    assert same == {"1250.5", "2.0", "5", "1100000000"}
    assert numbers("1\u202f250,5 et 2.0 en mai, 1,1 milliard", fr).counted == same
    assert numbers("1.250,5 y 2.0 en mayo, 1,1 mil millones", es).counted == same
    assert numbers("1\u00a0250.5和2.0，5月，11亿", zh).counted == same
    assert numbers("(1) COVID-19 in Local2030", en) == Numbers(
        frozenset(), frozenset({"19", "2030"})
    )


def test_a_reference_to_another_document_stays_text(tmp_path: Path) -> None:
    path = document(
        tmp_path, "- {en: 'Under para. 7 of decision 2023/4.', zh: '根据第2023/4号决定第7段。'}"
    )
    assert lint(path) == []


def test_above_and_below_against_the_order(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        "- {id: first, text: {en: First., zh: 第一。}}",
        "- {en: 'See {ref:third} above and {ref:first} above.', zh: '见上文{ref:third}和上文{ref:first}。'}",
        "- {id: third, text: {en: 'See {ref:first} below.', zh: '见下文{ref:first}。'}}",
    )
    assert messages(path) == [
        "16: en: {ref:third} is said to come before (“above”) but comes after this text",
        "16: zh: {ref:third} is said to come before (“上文”, “上”, “前文”) but comes after this text",
        "17: en: {ref:first} is said to come after (“below”) but comes before this text",
        "17: zh: {ref:first} is said to come after (“下文”, “下”, “后文”) but comes before this text",
    ]


def test_words_doubled(tmp_path: Path) -> None:
    path = document(
        tmp_path, "- {en: 'In {fact:year} the the Board met.', zh: '{fact:year}年执行局开会。'}"
    )
    assert messages(path) == [
        "15: en: “the” doubled: “In 2024 the the Board met.”",
        "15: zh: “年” doubled at the edge of {fact:year}, which prints “2024年”: “2024年年执行局开会。”",
    ]


def test_chinese_typing_slips(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        "- {en: In 2024 the office opened., zh: '在 2024年，人居署(人类住区)办公室开放。'}",
        "- {en: 'Item (a) is ready\tnow.', zh: '｛fact:year｝，项目(a) 已就绪。'}",
    )
    assert messages(path) == [
        "15: zh: a space between a digit and 在: “在 2024年，人居署(人类住…” (Word and Typst add the gap themselves)",
        "15: zh: ASCII “(” in 中文 prose (write “（”): “在 2024年，人居署(人类住区)办公室开放。”",
        "15: zh: ASCII “)” in 中文 prose (write “）”): “…24年，人居署(人类住区)办公室开放。”",
        "16: en: a tab in the text: “…(a) is ready\\tnow.”",
        "16: zh: a full-width brace around markup (type { and }): “｛fact:year｝，项目(a)…”",
    ]


def test_warnings_print_file_line_and_field(tmp_path: Path) -> None:
    path = document(tmp_path, "- {en: 'In 2023.', zh: '2024年。'}")
    (warning,) = lint(path)
    assert isinstance(warning, LintWarning)
    assert str(warning) == (f"{path}:15: sections[0].content[0].zh: numbers differ from the en text: "
                            "2024 here but not in en; 2023 in en but not here")  # fmt: skip


def test_a_file_that_does_not_load_raises_its_errors(tmp_path: Path) -> None:
    path = document(tmp_path, "- {en: 'See {ref:nowhere}.', zh: '见{ref:nowhere}。'}")
    with pytest.raises(DataError, match="nowhere"):
        lint(path)


def test_exit_codes_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = document(tmp_path, "- {en: Fine., zh: 好。}", name="clean.yaml")
    warns = document(tmp_path, "- {en: 'In 2023.', zh: '2024年。'}", name="warns.yaml")
    bad = document(tmp_path, "- {text: {en: Fine., zh: 好。}, heding: x}", name="bad.yaml")
    assert main(["lint", str(clean)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["lint", str(clean), str(warns)]) == 1
    assert capsys.readouterr().out.startswith(
        f"{warns}:15: sections[0].content[0].zh: numbers differ"
    )
    assert main(["lint", str(warns), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:" in err and "heding" in err
    assert main(["lint"]) == 2


def test_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warns = document(tmp_path, "- {en: 'In 2023.', zh: '2024年。'}", name="warns.yaml")
    assert main(["lint", "--json", str(warns)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["errors"] == []
    assert data["warnings"] == [{
        "file": str(warns), "line": 15, "field": "sections[0].content[0].zh",
        "message": "numbers differ from the en text: 2024 here but not in en; 2023 in en but not here",
    }]  # fmt: skip
    clean = document(tmp_path, "- {en: Fine., zh: 好。}", name="clean.yaml")
    assert main(["lint", "--json", str(clean)]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "warnings": [], "errors": []}


@pytest.mark.slow
def test_every_example_lints_clean(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) >= 6  # the documents and the session file (its documents with it)
    assert main(["lint", *map(str, files)]) == 0, capsys.readouterr()
