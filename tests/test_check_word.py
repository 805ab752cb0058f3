"""The checker on DOCX files numbered by Word's lists and on files with tracked changes
(tests/fixtures/check/word/, made by scripts/make_word_fixtures.py with LibreOffice and
python-docx): each clean file passes, each defect is found where it is, and tracked changes
read as accepted and are reported."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from habitat_docs.check import TRACKED_NOTE, CheckError, check, structure
from habitat_docs.check.reader import read
from habitat_docs.check.wordlists import WordLists

WORD = Path(__file__).resolve().parent / "fixtures" / "check" / "word"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def items(name: str) -> list[tuple[str, int]]:
    """The labels the checker resolved, as (kind, value)."""
    return [(it.kind, it.value) for it in structure(read(WORD / name)).items]


def numbered(name: str) -> list[int]:
    return [v for k, v in items(name) if k == "para"]


def test_every_fixture_is_word_numbered_or_tracked() -> None:
    """The fixtures carry no typed labels where Word numbers: the paragraph text in the
    file itself starts with prose (python-docx reads no label)."""
    for name in ("html-lists.docx", "odt-report.docx", "tracked.docx"):
        texts = [p.text for p in docx.Document(str(WORD / name)).paragraphs]
        assert not any(t[:1].isdigit() or t.startswith("(") for t in texts), name
    with zipfile.ZipFile(WORD / "odt-report.docx") as z:
        styles = z.read("word/styles.xml").decode()
    assert "<w:numPr>" in styles  # headings I. / A. come from their styles' numbering


@pytest.mark.parametrize(
    ("name", "paragraphs"),
    [("html-lists.docx", [1, 2, 3, 4, 5]), ("odt-report.docx", [1, 2, 3, 4, 5, 6, 7])],
)
def test_word_numbered_clean_file_passes(name: str, paragraphs: list[int]) -> None:
    report = check(WORD / name)
    assert report.ok, str(report)
    assert numbered(name) == paragraphs


def test_word_numbered_headings_and_subparagraphs_are_read() -> None:
    kinds = items("odt-report.docx")
    assert [v for k, v in kinds if k == "section"] == [1, 2]  # I., II. by the heading styles
    assert [v for k, v in kinds if k == "subsection"] == [1]  # A.
    assert [v for k, v in kinds if k == "sub"] == [1, 2, 1, 2, 3]  # (a) (b), (a) (b) (c)
    lines = [ln.text for ln in read(WORD / "odt-report.docx").lines]
    assert lines[0] == "I.\tIntroduction"
    assert lines[3].startswith("(a)\tThe Executive Board")


@pytest.mark.parametrize(
    ("name", "line", "code", "expected", "found"),
    [
        ("html-lists-skip.docx", 8, "gap", "4.", "5."),  # <ol start=5> after 3
        ("odt-report-restart.docx", 13, "restart", "5.", "1."),  # a list restarted
        ("odt-report-typed.docx", 12, "duplicate", "5.", "4."),  # "4." typed after Word's 4
        ("odt-report-sub-start.docx", 9, "gap", "(a)", "(b)"),  # a sublist starting at (b)
    ],
)
def test_word_numbered_defect_is_found(
    name: str, line: int, code: str, expected: str, found: str
) -> None:
    report = check(WORD / name)
    assert [(f.line, f.code, f.expected, f.found) for f in report.findings] == [
        (line, code, expected, found)
    ]


def test_tracked_changes_read_as_accepted_and_reported() -> None:
    document = read(WORD / "tracked.docx")
    assert document.tracked_changes
    text = "\n".join(ln.text for ln in document.lines)
    assert "new words" in text and "old words" not in text  # w:ins kept, w:del dropped
    assert "deleted." not in text  # the deleted numbered paragraph is gone …
    assert text.count("A moved sentence.") == 1  # … moved text read once, where it went
    assert numbered("tracked.docx") == [1, 2, 3, 4, 5]  # Word renumbers; typed 6 → 5
    report = check(WORD / "tracked.docx")
    assert report.ok and not report.findings
    assert report.notes == (f"{WORD / 'tracked.docx'}: {TRACKED_NOTE}",)
    assert "tracked changes" in str(report)


def test_tracked_deletion_that_leaves_a_gap_is_found() -> None:
    report = check(WORD / "tracked-gap.docx")
    assert [(f.line, f.code, f.found) for f in report.findings] == [(4, "gap", "4.")]
    assert report.notes


def test_untracked_file_has_no_note() -> None:
    report = check(WORD / "odt-report.docx")
    assert not read(WORD / "odt-report.docx").tracked_changes and report.notes == ()


def test_cli_prints_the_tracked_changes_note(capsys: pytest.CaptureFixture[str]) -> None:
    from habitat_docs.cli.check import run

    assert run([str(WORD / "tracked.docx")]) == 0
    assert "has tracked changes" in capsys.readouterr().out


def test_broken_numbering_part_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(WORD / "odt-report.docx") as src, zipfile.ZipFile(bad, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/numbering.xml":
                data = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:numbering>&e;'
            out.writestr(info, data)
    with pytest.raises(CheckError, match=r"part /word/numbering\.xml is not well-formed"):
        check(bad)


# --- Word's numbering rules beyond what LibreOffice writes --------------------------------


def lists(numbering: str, styles: str = "") -> WordLists:
    def root(tag: str, body: str) -> etree._Element:
        return etree.fromstring(f'<w:{tag} xmlns:w="{W_NS}">{body}</w:{tag}>')

    return WordLists(root("numbering", numbering), root("styles", styles) if styles else None)


def level(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')  # fmt: skip


def labels(wl: WordLists, paragraphs: list[tuple[str | None, str | None, str | None]]) -> list[str]:
    out = []
    for num, ilvl, style in paragraphs:
        where = wl.numbering(num, ilvl, style)
        out.append(wl.label(*where) if where else "")
    return out


LEGAL = (
    '<w:abstractNum w:abstractNumId="0">'
    + level(0, "upperRoman", "%1.")
    + level(1, "decimal", "%1.%2", '<w:isLgl/><w:suff w:val="space"/>')
    + level(2, "lowerLetter", "(%3)", '<w:lvlRestart w:val="0"/>')
    + "</w:abstractNum>"
)


def test_level_texts_legal_numbers_and_no_restart() -> None:
    wl = lists(LEGAL + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    seq = [("1", "0", None), ("1", "1", None), ("1", "2", None), ("1", "0", None),
           ("1", "1", None), ("1", "2", None)]  # fmt: skip
    assert labels(wl, seq) == ["I.\t", "1.1 ", "(a)\t", "II.\t", "2.1 ", "(b)\t"]


def test_start_override_restarts_a_shared_list() -> None:
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>')  # fmt: skip
    wl = lists(LEGAL + nums)
    seq = [("1", "0", None), ("2", "0", None), ("3", "0", None), ("3", "0", None), ("1", "0", None)]
    assert labels(wl, seq) == ["I.\t", "II.\t", "VII.\t", "VIII.\t", "IX.\t"]


def test_numbering_by_style_through_a_numbering_style_link() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Paras"/>'
        + level(0, "decimal", "%1.", '<w:pStyle w:val="Para"/>')
        + level(1, "lowerLetter", "(%2)", '<w:pStyle w:val="Sub"/>')
        + '</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Paras"/>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )
    styles = (
        '<w:style w:styleId="Paras"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="Para"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="Sub"><w:basedOn w:val="Para"/></w:style>'
        '<w:style w:styleId="Quote"><w:basedOn w:val="Para"/></w:style>'
    )
    wl = lists(numbering, styles)
    seq = [(None, None, "Para"), (None, None, "Sub"), (None, None, "Sub"), ("0", None, "Para"),
           (None, None, "Para"), (None, None, "Quote"), (None, None, "Normal")]  # fmt: skip
    assert labels(wl, seq) == ["1.\t", "(a)\t", "(b)\t", "", "2.\t", "3.\t", ""]


def test_bullets_and_unnumbered_levels_give_no_number() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">' + level(0, "bullet", "•") + level(1, "none", "")
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    assert labels(lists(numbering), [("1", "0", None), ("1", "1", None)]) == ["•\t", ""]


def test_fixtures_script_is_committed_beside_them() -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "make_word_fixtures.py"
    assert script.is_file()
    made = {p.name for p in WORD.glob("*.docx")}
    source = script.read_text(encoding="utf-8")
    assert all(Path(name).stem in source for name in made), made


def test_json_report_carries_the_note() -> None:
    data = json.loads(check(WORD / "tracked.docx").to_json())
    assert data["ok"] is True and data["notes"] == [f"{WORD / 'tracked.docx'}: {TRACKED_NOTE}"]
    assert "notes" not in json.loads(check(WORD / "odt-report.docx").to_json())
