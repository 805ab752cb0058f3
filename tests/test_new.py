"""``habitat-docs new KIND [-o FILE]``: a commented skeleton of each kind that builds as it is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import habitat_docs as hd
from habitat_docs.check import check
from habitat_docs.cli.main import main
from habitat_docs.cli.new import skeleton

KINDS = list(hd.KINDS)


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_a_new_skeleton_builds_in_docx_and_pdf_and_checks_clean(kind: str, tmp_path: Path) -> None:
    data = tmp_path / f"{kind}.yaml"
    assert main(["new", kind, "-o", str(data)]) == 0
    assert main(["build", str(data), "--format", "docx,pdf", "-o", str(tmp_path / "out")]) == 0
    built = sorted((tmp_path / "out").iterdir())
    assert [p.suffix for p in built].count(".pdf") == 2 and len(built) == 4
    for path in built:
        report = check(path)
        assert report.ok, str(report)
        assert report.counts[0].paragraphs >= 2


@pytest.mark.parametrize("kind", KINDS)
def test_a_skeleton_is_of_its_kind_in_chinese_and_english(kind: str, tmp_path: Path) -> None:
    data = tmp_path / "doc.yaml"
    data.write_text(skeleton(kind), encoding="utf-8")
    doc = hd.load(data)
    assert (doc.kind, doc.languages) == (kind, frozenset({"zh", "en"}))
    assert doc.title["zh"] and doc.title["en"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_a_skeleton_is_explained_by_a_comment(kind: str) -> None:
    text = skeleton(kind)
    top = [line for line in text.splitlines() if re.match(r"[a-z_]+:", line)]
    assert set(yaml.safe_load(text)) == {line.split(":")[0] for line in top}
    assert [line for line in top if "#" not in line] == []


def test_without_output_it_prints_the_skeleton(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "secretariat-note"]) == 0
    assert capsys.readouterr().out == skeleton("secretariat-note")


def test_an_existing_file_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.yaml"
    target.write_text("kind: mine\n", encoding="utf-8")
    assert main(["new", "executive-director-report", "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "kind: mine\n"
    assert "already exists; not overwritten" in capsys.readouterr().err


def test_an_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "executive-directors-report"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'executive-directors-report'" in err and "secretariat-note" in err
    with pytest.raises(ValueError, match="unknown document kind"):
        skeleton("report")
