"""``habitat-docs diff``: two versions of a document compared paragraph by paragraph in each
language, a paragraph inserted or removed shown as such and the paragraphs after it as
renumbered (old label → new label), not changed; data files, built DOCX, or one of each."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import MASTHEAD, dump_toml

import habitat_docs as hd
from habitat_docs.cli.main import main
from habitat_docs.diff import Difference, DiffError, Version, diff, diff_versions
from habitat_docs.diff.units import mark
from habitat_docs.number import Label


def _para(n: int, pid: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"text": {"en": f"English paragraph number {n} of the report, about topic {n}.",
                                     "zh": f"报告第{n}段，关于议题{n}的中文内容。"}}  # fmt: skip
    if pid:
        item["id"] = pid
    return item


def _data(
    paras: list[dict[str, Any]], second: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    data = copy.deepcopy(MASTHEAD)
    data["sections"] = [{"heading": {"en": "Introduction", "zh": "导言"}, "content": paras}]
    if second is not None:
        data["sections"].append(
            {"heading": {"en": "Findings", "zh": "调查结果"}, "content": second}
        )
    return data


def _write(path: Path, data: dict[str, Any]) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif path.suffix == ".toml":
        path.write_text(dump_toml(data), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _diff(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> Difference:
    return diff(_write(tmp_path / "old.yaml", old), _write(tmp_path / "new.yaml", new))


def _summary(d: Difference, lang: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.change, c.old.label if c.old else None, c.new.label if c.new else None)
            for c in d.changes if c.lang == lang]  # fmt: skip


BASE = [_para(n) for n in range(1, 5)]


def test_an_inserted_paragraph_renumbers_those_after_it(tmp_path: Path) -> None:
    d = _diff(tmp_path, _data(BASE), _data([*BASE[:2], _para(9), *BASE[2:]]))
    for lang in ("en", "zh"):
        assert _summary(d, lang) == [("added", None, "¶3"), ("renumbered", "¶3", "¶4"),
                                     ("renumbered", "¶4", "¶5")]  # fmt: skip
    lines = list(d.lines())
    assert "en ¶3 → ¶4 (renumbered)" in lines
    assert "en ¶3 added: “English paragraph number 9 of the report, about topic 9.”" in lines
    assert lines[-1].endswith("2 added, 4 renumbered (languages zh, en)")


def test_a_removed_paragraph_renumbers_and_runs_on_across_sections(tmp_path: Path) -> None:
    d = _diff(tmp_path, _data(BASE, [_para(5)]), _data([BASE[0], *BASE[2:]], [_para(5)]))
    assert _summary(d, "en") == [("removed", "¶2", None), ("renumbered", "¶3", "¶2"),
                                 ("renumbered", "¶4", "¶3"), ("renumbered", "¶5", "¶4")]  # fmt: skip


def test_a_changed_paragraph_is_changed_not_removed_and_added(tmp_path: Path) -> None:
    new = copy.deepcopy(BASE)
    new[1]["text"]["en"] = new[1]["text"]["en"].replace("topic 2", "the second topic")
    d = _diff(tmp_path, _data(BASE), _data(new))
    assert _summary(d, "en") == [("changed", "¶2", "¶2")]
    assert _summary(d, "zh") == []  # a change in one language is reported in that one alone
    (change,) = d.changes
    assert change.old is not None and change.new is not None
    assert "topic 2" in change.old.text and "the second topic" in change.new.text
    assert (
        next(d.lines())
        == "en ¶2 changed: “…report, about topic 2.” → “…report, about the second topic.”"
    )


def test_a_change_in_one_language_only(tmp_path: Path) -> None:
    new = copy.deepcopy(BASE)
    new[3]["text"]["zh"] = "报告第4段，关于议题4的修订后中文内容。"
    d = _diff(tmp_path, _data(BASE), _data(new))
    assert [(c.lang, c.change, c.new.label if c.new else None) for c in d.changes] == [
        ("zh", "changed", "¶4")
    ]


def test_a_changed_and_moved_paragraph_is_both(tmp_path: Path) -> None:
    new = copy.deepcopy([_para(9), *BASE])
    new[2]["text"]["en"] += " A sentence added."
    d = _diff(tmp_path, _data(BASE), _data(new))
    assert ("changed", "¶2", "¶3") in _summary(d, "en")
    assert any(line.startswith("en ¶2 → ¶3 changed: “") for line in d.lines())


def test_ids_pair_paragraphs_that_swapped_places(tmp_path: Path) -> None:
    old = [_para(1, "first"), _para(2, "second"), _para(3, "third")]
    d = _diff(tmp_path, _data(old), _data([old[1], old[0], old[2]]))
    assert [(c.change, c.id) for c in d.changes if c.lang == "en"] == [
        ("renumbered", "second"), ("renumbered", "first")]  # fmt: skip
    assert "en ¶2 → ¶1 (renumbered)  second" in list(d.lines())
    # without ids the same swap is a paragraph removed and another added
    plain = _diff(tmp_path, _data(BASE[:3]), _data([BASE[1], BASE[0], BASE[2]]))
    assert {c.change for c in plain.changes} == {"added", "removed", "renumbered"}


def test_subparagraphs_and_headings_are_compared(tmp_path: Path) -> None:
    old = _data([{**_para(1), "subparagraphs": [{"en": "first item;", "zh": "第一项；"},
                                                {"en": "second item.", "zh": "第二项。"}]}])  # fmt: skip
    new = copy.deepcopy(old)
    new["sections"][0]["heading"]["en"] = "Background"
    new["sections"][0]["content"][0]["subparagraphs"].pop(0)
    d = _diff(tmp_path, old, new)
    assert _summary(d, "en") == [("changed", "§I", "§I"), ("removed", "¶1(a)", None),
                                 ("renumbered", "¶1(b)", "¶1(a)")]  # fmt: skip


def test_a_language_added_is_a_difference(tmp_path: Path) -> None:
    d = _diff(tmp_path, {**_data(BASE), "languages": ["en"]}, _data(BASE))
    assert d.added == ("zh",) and d.compared == ("en",) and not d.changes and not d.equal
    assert next(d.lines()) == "zh: language added"


def test_the_same_document_in_yaml_json_and_toml_is_equal(tmp_path: Path) -> None:
    data = _data(BASE, [_para(5)])
    yaml_file = _write(tmp_path / "a.yaml", data)
    assert diff(yaml_file, _write(tmp_path / "a.json", data)).equal
    assert diff(_write(tmp_path / "a.toml", data), yaml_file).equal


def test_json_output_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _write(tmp_path / "old.yaml", _data(BASE))
    new = _write(tmp_path / "new.json", _data([_para(0, "new-first"), *BASE]))
    assert main(["diff", str(old), str(old)]) == 0
    assert "no changes" in capsys.readouterr().out
    assert main(["diff", str(old), str(new), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["equal"] is False
    assert report["languages"] == {
        "compared": ["zh", "en"],
        "added": [],
        "removed": [],
        "not_compared": [],
    }
    first = report["changes"][0]
    assert first == {"language": "zh", "change": "added", "kind": "paragraph", "id": "new-first",
                     "old": None, "new": {"label": "¶1", "id": "new-first", "text": first["new"]["text"]}}  # fmt: skip
    assert (
        report["changes"][1]["old"]["label"] == "¶1"
        and report["changes"][1]["new"]["label"] == "¶2"
    )
    assert {c["change"] for c in report["changes"]} == {"added", "renumbered"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.yaml", None, "missing.yaml: cannot read"),
        ("notes.md", "# notes", "cannot tell what it holds from '.md'"),
        ("bad.yaml", "kind: [unclosed\n", "bad.yaml"),
        ("bad.docx", "not a zip", "bad.docx"),
    ],
)
def test_a_file_that_cannot_be_read_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, message: str
) -> None:
    good = _write(tmp_path / "good.yaml", _data(BASE))
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert main(["diff", str(good), str(tmp_path / name)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err and captured.out == ""


@pytest.mark.slow
def test_two_built_docx_and_a_data_file_against_its_docx(tmp_path: Path) -> None:
    old, new = _data(BASE, [_para(5)]), _data([*BASE[:1], _para(9), *BASE[1:]], [_para(5)])
    new["sections"][1]["content"][0]["text"]["en"] = "A paragraph rewritten, about topic 5."
    files = {}
    for name, data in (("old", old), ("new", new)):
        source = _write(tmp_path / f"{name}.yaml", data)
        files[name] = tmp_path / f"{name}-en.docx"
        files[name].write_bytes(hd.render(hd.load(source), "en", "docx"))
    d = diff(files["old"], files["new"])
    assert d.compared == ("en",) and d.not_compared == ()
    assert _summary(d, "en") == [("added", None, "¶2"), ("renumbered", "¶2", "¶3"), ("renumbered", "¶3", "¶4"),
                                 ("renumbered", "¶4", "¶5"), ("changed", "¶5", "¶6")]  # fmt: skip
    # a data file and the DOCX built from it: the same, in the one language the DOCX holds
    mixed = diff(tmp_path / "new.yaml", files["new"])
    assert mixed.equal and mixed.compared == ("en",) and mixed.not_compared == ("zh",)
    assert main(["diff", str(tmp_path / "old.yaml"), str(files["new"])]) == 1


def test_labels_read_the_same_in_every_language() -> None:
    annex = Label("annex", 2)
    paragraph = Label("paragraph", 3, parent=annex)
    item = Label("subparagraph", 2, 1, paragraph)
    section = Label("section", 4)
    decision = Label("decision", 1)
    assert [mark(x) for x in (annex, paragraph, item, Label("subparagraph", 4, 2, item),
                              Label("subsection", 2, parent=section), Label("section", 1, parent=annex),
                              Label("operative", 2, parent=decision), Label("table", 3),
                              Label("subparagraph", 27, 1, Label("paragraph", 0)),
                              Label("subparagraph", 1, 1, Label("paragraph", 0, parent=annex)))] == [
        "annex II", "annex II ¶3", "annex II ¶3(b)", "annex II ¶3(b)(iv)", "§IV.B",
        "annex II §I", "decision 1 ¶2", "table 3", "(aa)", "annex II (a)"]  # fmt: skip


def test_as_printed_the_spaces_a_line_break_leaves_are_not_a_change(tmp_path: Path) -> None:
    broken = copy.deepcopy(BASE)
    broken[0]["text"]["en"] = broken[0]["text"]["en"].replace(
        "paragraph number", "para graph number"
    )
    old = hd.load(_write(tmp_path / "old.yaml", _data(BASE)))
    new = hd.load(_write(tmp_path / "new.yaml", _data(broken)))
    assert diff_versions(Version("old", old, built=True), Version("new", new, built=True)).equal
    as_written = diff_versions(Version("old", old, built=False), Version("new", new, built=False))
    assert _summary(as_written, "en") == [("changed", "¶1", "¶1")]


def test_lang_chooses_the_languages_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = copy.deepcopy(BASE)
    new[0]["text"]["zh"] = "报告第1段，经修订。"
    old_file, new_file = (
        _write(tmp_path / "old.yaml", _data(BASE)),
        _write(tmp_path / "new.yaml", _data(new)),
    )
    assert main(["diff", str(old_file), str(new_file), "--lang", "en"]) == 0
    assert capsys.readouterr().out.endswith("no changes (languages en; not compared: zh)\n")
    assert main(["diff", str(old_file), str(new_file), "--lang", "zh"]) == 1
    assert "zh ¶1 changed" in capsys.readouterr().out
    assert main(["diff", str(old_file), str(new_file), "--lang", "fr"]) == 2
    assert "old.yaml: no fr version (it holds zh, en)" in capsys.readouterr().err


def test_versions_without_a_language_in_common_cannot_be_compared(tmp_path: Path) -> None:
    old = hd.load(_write(tmp_path / "old.yaml", {**_data(BASE), "languages": ["en"]}))
    new = hd.load(_write(tmp_path / "new.yaml", {**_data(BASE), "languages": ["zh"]}))
    with pytest.raises(DiffError, match=r"old \(en\) and new \(zh\) have no language in common"):
        diff_versions(Version("old", old, built=True), Version("new", new, built=True))
