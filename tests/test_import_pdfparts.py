"""Import of the parts a PDF or text file gives only as lines: the draft decision (title,
preamble, operative paragraphs with their italic openings) and the summary box (its
paragraphs and the action required), read back as the DOCX import reads them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import habitat_docs as hd
from habitat_docs.check.document import DocumentText, Line
from habitat_docs.check.reader import read
from habitat_docs.importer import import_data
from habitat_docs.importer.attach import settle_tables
from habitat_docs.importer.body import Block, Body
from habitat_docs.importer.emit import dump
from habitat_docs.importer.lines import Version
from habitat_docs.importer.parts import TablePart
from habitat_docs.importer.placement import Placed, Run, emphasised

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
# Arabic PDF text comes back with its vowel marks out of order: compared apart from the rest.
LANGS = ("zh", "en", "fr", "ru", "es")


def _spaced(value: object) -> object:
    """Texts with their spacing normalised (a no-break space reads back as a space)."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()
    if isinstance(value, dict):
        return {k: _spaced(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_spaced(v) for v in value]
    return value


def _decisions(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, dict):
        if "decision" in data:
            yield data["decision"]  # type: ignore[misc]
        for value in data.values():
            yield from _decisions(value)
    elif isinstance(data, list):
        for value in data:
            yield from _decisions(value)


def _in(langs: tuple[str, ...], value: object) -> object:
    """Only the texts of ``langs`` of a (nested) multilingual value."""
    if isinstance(value, dict):
        if value and set(value) <= {"ar", *LANGS}:
            return {k: v for k, v in value.items() if k in langs}
        return {k: _in(langs, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_in(langs, v) for v in value]
    return value


@pytest.fixture(scope="module")
def imported(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[dict[str, object], dict[tuple[str | int, ...], str], list[str]]]:
    folder = tmp_path_factory.mktemp("pdfparts")
    out = {}
    for fmt in ("docx", "pdf"):
        files = hd.build(EXAMPLE, folder / fmt, formats=(fmt,))
        for name, chosen in (
            (fmt, files),
            (f"{fmt}-ltr", [f for f in files if "-ar." not in f.name]),
        ):
            warnings: list[str] = []
            data, comments = import_data(chosen, warnings=warnings)
            out[name] = (data, comments, warnings)
    return out


@pytest.mark.slow
def test_pdf_decision_and_summary_read_as_from_the_docx(
    imported: dict[str, tuple[dict[str, object], dict[tuple[str | int, ...], str], list[str]]],
) -> None:
    from_docx, _, _ = imported["docx"]
    data, _, warnings = imported["pdf"]
    (theirs,) = _decisions(from_docx)
    (mine,) = _decisions(data)
    assert len(theirs["operative"]) == 3  # type: ignore[arg-type]
    for key in ("title", "preamble", "operative"):
        assert _spaced(_in(LANGS, mine[key])) == _spaced(_in(LANGS, theirs[key])), key
    assert _spaced(_in(LANGS, data["summary"])) == _spaced(_in(LANGS, from_docx["summary"]))
    assert "*Takes note*" in mine["operative"][0]["en"]  # type: ignore[index]
    # nothing of the decision or the summary is left over, in any language
    reasons = {re.sub(r"^.*not imported: ", "", w) for w in warnings}
    assert not [r for r in reasons if "decision" in r], reasons
    assert not [w for w in warnings if "Summary" in w or "摘要" in w], warnings


@pytest.mark.slow
def test_arabic_pdf_decision_keeps_its_shape_and_says_its_italics_are_unread(
    imported: dict[str, tuple[dict[str, object], dict[tuple[str | int, ...], str], list[str]]],
) -> None:
    from_docx, _, _ = imported["docx"]
    data, comments, _ = imported["pdf"]
    (theirs,) = _decisions(from_docx)
    (mine,) = _decisions(data)
    for key in ("preamble", "operative"):
        assert len(mine[key]) == len(theirs[key]), key  # type: ignore[arg-type]
        texts = [p.get("text", p) for p in mine[key]]  # type: ignore[attr-defined]  # a target has an id
        assert all(t["ar"] and "*" not in t["ar"] for t in texts)
    note = next(v for k, v in comments.items() if k[-2:] == ("decision", "title"))
    assert "italic" in note
    # the heights of a right-to-left page's lines still part the preamble's paragraphs
    assert "ends as the opening" not in note


def _tables(data: object) -> list[object]:
    found: list[object] = []
    if isinstance(data, dict):
        found.extend([data["table"]] if "table" in data else [])
        for value in data.values():
            found.extend(_tables(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_tables(value))
    return found


@pytest.mark.slow
def test_pdf_table_cells_told_apart_by_their_columns(
    imported: dict[str, tuple[dict[str, object], dict[tuple[str | int, ...], str], list[str]]],
) -> None:
    from_docx, _, _ = imported["docx-ltr"]
    data, comments, warnings = imported["pdf-ltr"]
    (theirs,) = _tables(from_docx)
    (mine,) = _tables(data)
    assert len(theirs["rows"]) == 4 and theirs["table_notes"]  # type: ignore[index]
    assert _spaced(mine) == _spaced(theirs)
    assert not [w for w in warnings if "a table" in w], warnings
    # the Spanish head of the third row wraps onto a line of its own: a guess, said
    assert any("row above going on" in v for v in comments.values())
    # with the Arabic version, whose page is not read, no version's table is imported
    six, _, reported = imported["pdf"]
    assert _tables(six) == []
    assert len([w for w in reported if "a table, as" in w and "-ar.pdf" in w]) == 5


@pytest.mark.slow
def test_pdf_table_whose_cells_wrap_together_reads_one_row(tmp_path: Path) -> None:
    # a row of this example wraps in both its cells: the lines of its cells are set closer
    # than the rows are
    example = ROOT / "examples" / "hsp-eb-2020-resource-mobilization.yaml"
    tables = []
    for fmt in ("docx", "pdf"):
        files = hd.build(example, tmp_path / fmt, formats=(fmt,))
        data, comments = import_data(files)
        tables.append(_tables(data))
    theirs, mine = tables
    assert len(theirs) == 1 and len(theirs[0]["rows"]) == 5  # type: ignore[index]
    assert _spaced(mine) == _spaced(theirs)
    assert any("set closer than rows are" in v for v in comments.values())


_TEXT = """I. Introduction
1. The first paragraph of the report.
Draft decision 2024/…
Actions to improve the internal
management of UN-Habitat
The Executive Board,
Recalling its request to the Executive Director, made at its
third session of 2023,
Having considered the report of the Executive Director,
1. Takes note of the report of the Executive Director;
2. Requests the Executive Director to report
to the Executive Board at its next session.
"""


def test_text_decision_is_read_from_its_lines_and_its_guesses_commented(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(_TEXT, encoding="utf-8")
    warnings: list[str] = []
    data, comments = import_data([source], ["en"], warnings=warnings)
    assert warnings == []
    (decision,) = _decisions(data)
    assert decision == {
        "title": {"en": "Actions to improve the internal management of UN-Habitat"},
        "preamble": [
            {"en": "Recalling its request to the Executive Director, made at its third session "
                   "of 2023,"},
            {"en": "Having considered the report of the Executive Director,"},
        ],
        "operative": [
            {"en": "Takes note of the report of the Executive Director;"},
            {"en": "Requests the Executive Director to report to the Executive Board at its "
                   "next session."},
        ],
    }  # fmt: skip
    text = dump(data, comments)
    assert "not read from this file's text" in text
    assert "told apart where a line ends as the opening" in text


def test_text_table_is_reported_as_a_table_whose_cells_are_not_told_apart(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(
        "I. Introduction\n1. The first paragraph.\nTable 1\nContributions\n"
        "Source Amount\nRegular budget $14.6 million\n2. The second paragraph.\n",
        encoding="utf-8",
    )
    warnings: list[str] = []
    data, _ = import_data([source], ["en"], warnings=warnings)
    reasons = [re.sub(r"^.*not imported: ", "", w) for w in warnings]
    assert set(reasons) == {"a table (a text file does not tell its cells apart)", "a table"}
    assert any("“Table 1”: not imported: a table (a text file does not tell" in w for w in warnings)
    assert len(warnings) == 4  # the caption, the title and the two lines of the grid
    assert [p["text"]["en"] for p in data["sections"][0]["content"]] == [  # type: ignore[index]
        "The first paragraph.",
        "The second paragraph.",
    ]


def test_an_italic_word_is_starred_where_its_run_stands() -> None:
    # the same word set upright earlier in the line is left upright
    line = Placed(
        (
            Run("1.", 90, False, 10),
            Run(" Notes the report that", 119, False, 10),
            Run(" Notes", 250, True, 10),
            Run(" it.", 290, False, 10),
        ),
        0,
    )
    assert emphasised("Notes the report that Notes it.", line) == (
        "Notes the report that *Notes* it."
    )
    assert emphasised("Notes it.", None) == "Notes it."


@pytest.mark.office
@pytest.mark.slow
def test_libreoffice_pdf_parts_read_as_from_the_docx(
    imported: dict[str, tuple[dict[str, object], dict[tuple[str | int, ...], str], list[str]]],
    tmp_path: Path,
) -> None:
    # LibreOffice places its runs otherwise: Chinese in runs of a character or two, a space
    # run before each cell, justified lines with wider spaces
    files = hd.build(EXAMPLE, tmp_path, ("zh", "en", "fr"), ("pdf",), pdf_engine="libreoffice")
    warnings: list[str] = []
    data, _ = import_data(files, warnings=warnings)
    from_docx, _, _ = imported["docx"]
    langs = ("zh", "en", "fr")
    assert _spaced(_in(langs, _tables(data))) == _spaced(_in(langs, _tables(from_docx)))
    assert _spaced(_in(langs, list(_decisions(data)))) == _spaced(
        _in(langs, list(_decisions(from_docx)))
    )
    assert _spaced(_in(langs, data["summary"])) == _spaced(_in(langs, from_docx["summary"]))
    assert not [w for w in warnings if "table" in w or "decision" in w], warnings


def _version(name: str) -> Version:
    return Version(DocumentText(name, "pdf", ()), (), (), (), {})


def test_tables_read_in_other_shapes_are_no_versions_and_are_reported() -> None:
    line = Line(4, 9, "Table 1")

    def body(columns: int) -> Body:
        table = TablePart("Contributions", ["a"] * columns, [["x"] * columns])
        section = Block("section", 1, 0, "Introduction", line)
        section.children = [
            Block("para", 1, 0, "First.", line),
            Block("table", 1, 0, "", line, data=table),
        ]
        return Body(sections=[section])

    versions = [_version("zh.pdf"), _version("en.pdf")]
    bodies = [body(3), body(2)]
    settle_tables(versions, bodies)
    assert [[b.kind for b in bd.sections[0].children] for bd in bodies] == [["para"], ["para"]]
    assert [len(bd.warnings) for bd in bodies] == [1, 1]
    assert "en.pdf's is read in another shape" in bodies[0].warnings[0]
    alike = [body(2), body(2)]
    settle_tables(versions, alike)
    assert [len(bd.sections[0].children) for bd in alike] == [2, 2]
    assert alike[0].warnings == []


def _walk(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value)


def _richer(tmp_path: Path) -> Path:
    """The example in Chinese and English with more to read: three summary paragraphs (one
    of one line), a longer preamble with italics inside a paragraph, a second draft decision
    right after the first, a third column whose head wraps, and a second table right after
    the first."""
    data = _in(("zh", "en"), yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    assert isinstance(data, dict)
    data["languages"] = ["zh", "en"]
    data["summary"]["text"] += [
        {"en": "A second paragraph of one line.", "zh": "第二段只有一行。"},
        {"en": "A third paragraph, which says more about the report, long enough that it "
               "wraps onto a second line of the box.",
         "zh": "第三段，进一步说明本报告，篇幅足够长，以便在摘要框中换到第二行，并再多写一些文字以确保换行。"},
    ]  # fmt: skip
    holder = next(x for x in _walk(data) if any("decision" in c for c in x.get("content", [])))
    content: list[dict[str, object]] = holder["content"]  # type: ignore[assignment]
    first = next(c for c in content if "decision" in c)
    decision: dict[str, list[object]] = first["decision"]  # type: ignore[assignment]
    decision["preamble"] = [
        {"en": "*Recalling* its decision 2023/1,", "zh": "回顾其第2023/1号决定，"},
        {"en": "*Noting* the report of the Executive Director, which sets out the actions "
               "taken to improve the internal management, and *noting also* the views of the "
               "Board,",
         "zh": "注意到执行主任的报告，其中阐述了为改进内部管理而采取的行动，并注意到执行局的意见，"},
        {"en": "*Having considered* the report,", "zh": "审议了报告，"},
    ]  # fmt: skip
    second = {"id": "second-decision", "decision": {
        "title": {"en": "A second decision", "zh": "第二项决定"},
        "preamble": decision["preamble"][:1], "operative": decision["operative"][:1]}}  # fmt: skip
    content.append(second)
    tables = next(x for x in _walk(data) if any("table" in c for c in x.get("content", [])))
    body: list[dict[str, object]] = tables["content"]  # type: ignore[assignment]
    k = next(n for n, c in enumerate(body) if "table" in c)
    table: dict[str, list[object]] = body[k]["table"]  # type: ignore[assignment]
    table["columns"].append({"en": "Share of the total of contributions received",
                             "zh": "在所获捐款总额中所占份额"})  # fmt: skip
    for n, row in enumerate(table["rows"]):
        row.append({"en": f"{10 + n} per cent", "zh": f"{10 + n}%"})  # type: ignore[attr-defined]
    body.insert(k + 1, {"id": "staff", "table": {
        "title": {"en": "Staff by grade", "zh": "按职等分列的工作人员"},
        "columns": [{"en": "Grade", "zh": "职等"}, {"en": "Number", "zh": "人数"}],
        "rows": [[{"en": "P-5", "zh": "P-5"}, {"en": "12", "zh": "12"}]]}})  # fmt: skip
    target = tmp_path / "richer.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


@pytest.mark.slow
def test_richer_parts_read_alike_from_the_pdf_and_the_docx(tmp_path: Path) -> None:
    source = _richer(tmp_path)
    read = []
    for fmt in ("docx", "pdf"):
        warnings: list[str] = []
        data, _ = import_data(
            hd.build(source, tmp_path / fmt, formats=(fmt,)), warnings=warnings
        )
        assert warnings == [], fmt
        read.append(data)
    from_docx, from_pdf = read
    # two of each, the second right after the first (a DOCX once read them as one)
    assert len(_tables(from_docx)) == 2 and len(list(_decisions(from_docx))) == 2
    assert len(from_docx["summary"]["text"]) == 3  # type: ignore[index]
    assert _spaced(_tables(from_pdf)) == _spaced(_tables(from_docx))
    assert _spaced(list(_decisions(from_pdf))) == _spaced(list(_decisions(from_docx)))
    assert _spaced(from_pdf["summary"]) == _spaced(from_docx["summary"])


@pytest.mark.slow
def test_pdf_table_across_a_page_break_reads_once_with_its_notes(tmp_path: Path) -> None:
    # paragraphs put before the table until its grid breaks across two pages: the page
    # repeats the head, and the notes and the source stand on the second page
    source = _in(("en",), yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    assert isinstance(source, dict)
    source["languages"] = ["en"]
    holder = next(x for x in _walk(source) if any("table" in c for c in x.get("content", [])))
    content: list[dict[str, object]] = holder["content"]  # type: ignore[assignment]
    k = next(n for n, c in enumerate(content) if "table" in c)
    for n in range(60):
        content.insert(k, {"text": {"en": "A paragraph of one line."}})
        target = tmp_path / f"filled-{n}.yaml"
        target.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
        (pdf,) = hd.build(target, tmp_path / str(n), formats=("pdf",))
        lines = read(pdf).lines
        heads = [ln for ln in lines if _spaced(ln.text) == "Source of funding Amount"]
        notes = [ln for ln in lines if ln.text.startswith(("a Earmarked", "Source: UN"))]
        if len(heads) == 2 and heads[1].page == notes[0].page == notes[1].page:
            break
    else:
        pytest.fail("no number of paragraphs breaks the table across two pages")
    warnings: list[str] = []
    data, _ = import_data([pdf], warnings=warnings)
    assert warnings == []
    (table,) = _tables(data)
    (expected,) = _tables(_in(("en",), imported_docx(tmp_path, target)))
    assert _spaced(table) == _spaced(expected)


def imported_docx(tmp_path: Path, source: Path) -> dict[str, object]:
    data, _ = import_data(hd.build(source, tmp_path / "docx", formats=("docx",)))
    return data


@pytest.mark.slow
@pytest.mark.parametrize("keep", ["source", "nothing"])
def test_pdf_table_without_notes_ends_at_its_grid(keep: str, tmp_path: Path) -> None:
    # without lettered notes the checker leaves the source in the body, set small: it is
    # not a row of the grid
    source = _in(("zh", "en"), yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    assert isinstance(source, dict)
    source["languages"] = ["zh", "en"]
    table = next(x["table"] for x in _walk(source) if "table" in x)
    del table["table_notes"]  # type: ignore[attr-defined]
    if keep == "nothing":
        del table["source"]  # type: ignore[attr-defined]
    for row in table["rows"]:  # type: ignore[index]
        for cell in row:
            cell.update({k: re.sub(r"\{tnote:[^}]*\}", "", v) for k, v in cell.items()})
    target = tmp_path / "plain.yaml"
    target.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    read = []
    for fmt in ("docx", "pdf"):
        warnings: list[str] = []
        data, _ = import_data(
            hd.build(target, tmp_path / fmt, formats=(fmt,)), warnings=warnings
        )
        assert warnings == [], fmt
        read.append(_tables(data))
    assert len(read[0][0]["rows"]) == 4  # type: ignore[index]
    assert ("source" in read[0][0]) == (keep == "source")  # type: ignore[operator]
    assert _spaced(read[1]) == _spaced(read[0])
