"""``build --check``: the numbering of every file written is checked, as ``check`` prints it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from habitat_docs.cli.main import main
from habitat_docs.cli.new import skeleton


def _note(folder: Path, *, stray_number: bool) -> Path:
    """The secretariat note's skeleton; with ``stray_number``, an unnumbered paragraph that
    opens with a number typed by hand, which the checker reads as paragraph 9."""
    data = yaml.safe_load(skeleton("secretariat-note"))
    if stray_number:
        content = data["sections"][1]["content"]
        content.insert(0, {"numbered": False, "text": {"en": "9. Typed by hand.", "zh": "9. 手写的编号。"}})
    path = folder / "note.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.slow
def test_clean_files_print_one_ok_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _note(tmp_path, stray_number=False)
    out = tmp_path / "out"
    assert main(["build", str(data), "--format", "docx,pdf", "--lang", "en", "-o", str(out), "--check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    written = [str(out / "HSP-EB.2025-3-en.docx"), str(out / "HSP-EB.2025-3-en.pdf")]
    assert lines == [*written, *(f"{w}: ok — 2 paragraphs, 2 sections" for w in written)]


@pytest.mark.slow
def test_findings_are_printed_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _note(tmp_path, stray_number=True)
    out = tmp_path / "out"
    assert main(["build", str(data), "--format", "docx,pdf", "--lang", "en", "-o", str(out), "--check"]) == 1
    printed = capsys.readouterr().out
    docx, pdf = out / "HSP-EB.2025-3-en.docx", out / "HSP-EB.2025-3-en.pdf"
    assert f"{docx}:¶18 “9. Typed by hand.”: paragraphs 2.–8. are missing: 9. follows 1." in printed
    assert f"{pdf}:1:18: “9. Typed by hand.”: paragraphs 2.–8. are missing: 9. follows 1." in printed
    assert docx.is_file() and pdf.is_file()  # the files stay written


def test_without_check_the_same_files_build_with_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _note(tmp_path, stray_number=True)
    assert main(["build", str(data), "--lang", "en", "-o", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "out" / "HSP-EB.2025-3-en.docx")
