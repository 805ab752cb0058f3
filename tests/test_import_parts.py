"""Import of figures, target boxes and annexes: the resource mobilization strategy (zh + en)
built, imported and built again, from its DOCX and from its Typst PDF; a figure's image
extracted beside the data file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import yaml
from support import png

import habitat_docs as hd
from habitat_docs.check import structure
from habitat_docs.check.reader import read
from habitat_docs.cli.main import main
from habitat_docs.importer import ImportFailed, import_data
from habitat_docs.importer.emit import dump

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hsp-eb-2020-resource-mobilization.yaml"
# What the checker labels in the body: headings, paragraphs, captions, annexes, box bullets.
_KINDS = ("section", "subsection", "para", "sub", "figure", "table", "annex", "bullet")


def _spaced(text: str) -> str:
    """Spacing normalised: a reference or fact read back as text loses its no-break space."""
    return re.sub(r"\s+", " ", text).strip()


def _labelled(path: Path, kinds: tuple[str, ...] = _KINDS) -> list[tuple[str, str, str]]:
    """(kind, label, text) of every labelled line of the body, as the checker reads it."""
    st = structure(read(path))
    return [(it.kind, it.label, _spaced(it.line.text)) for it in st.items if it.kind in kinds]


def _body(path: Path) -> list[object]:
    """The paragraphs (style, text) and tables (their cells) of a DOCX from its first
    section heading on, as python-docx reads them."""
    out: list[object] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, docx.table.Table):
            out.append([[_spaced(c.text) for c in row.cells] for row in block.rows])
        else:
            style = block.style.style_id if block.style is not None else ""
            out.append((style, _spaced(block.text)))
    start = next(k for k, b in enumerate(out) if isinstance(b, tuple) and b[0] == "Heading1")
    return out[start:]


def _blocks(data: object, key: str) -> Iterator[dict[str, object]]:
    """Every mapping under ``data`` that holds ``key`` (figure, targets, table)."""
    if isinstance(data, dict):
        if key in data:
            yield data
        for value in data.values():
            yield from _blocks(value, key)
    elif isinstance(data, list):
        for value in data:
            yield from _blocks(value, key)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("first")
    return {
        "docx": hd.build(EXAMPLE, folder, formats=("docx",)),
        "pdf": hd.build(EXAMPLE, folder, formats=("pdf",)),
    }


def _import(files: list[Path], folder: Path, fmt: str) -> tuple[dict[str, object], list[str]]:
    """The files imported and built again into ``folder``/again; the data and warnings."""
    warnings: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    data, comments = import_data(files, warnings=warnings, images=folder)
    target = folder / "back.yaml"
    target.write_text(dump(data, comments), encoding="utf-8")
    again = hd.build(target, folder / "again", formats=(fmt,))
    assert [p.name for p in again] == [p.name for p in files]
    return data, warnings


@pytest.mark.slow
def test_docx_round_trip_keeps_figures_boxes_and_annexes(
    built: dict[str, list[Path]], tmp_path: Path
) -> None:
    data, warnings = _import(built["docx"], tmp_path, "docx")
    assert warnings == []  # every line placed: figures, target boxes and the annex too
    for first in built["docx"]:
        second = tmp_path / "again" / first.name
        expected = _labelled(first)
        assert sum(kind == "figure" for kind, _, _ in expected) == 10
        assert _labelled(second) == expected, first.name
        assert _body(second) == _body(first), first.name
    source = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for key in ("figure", "targets"):
        assert len(list(_blocks(data, key))) == len(list(_blocks(source, key))), key
    figures = [b["figure"] for b in _blocks(data, "figure")]
    flags = [b["figure"].get("not_edited", False) for b in _blocks(source, "figure")]
    assert [f.get("not_edited", False) for f in figures] == flags
    targets = [len(b["targets"]) for b in _blocks(data, "targets")]
    assert targets == [len(b["targets"]) for b in _blocks(source, "targets")]
    (annex,) = data["annexes"]
    assert annex["title"] == source["annexes"][0]["title"]
    assert len(list(_blocks(annex, "table"))) == 1


@pytest.mark.slow
def test_typst_pdf_round_trip_as_far_as_the_text_layer_goes(
    built: dict[str, list[Path]], tmp_path: Path
) -> None:
    data, warnings = _import(built["pdf"], tmp_path / "pdf", "pdf")
    source = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    targets = sum(len(b["targets"]) for b in _blocks(source, "targets"))
    for first in built["pdf"]:
        expected = _labelled(first)
        assert sum(kind == "bullet" for kind, _, _ in expected) == targets
        again = _labelled(tmp_path / "pdf" / "again" / first.name)
        assert again == expected, first.name
    # what a PDF cannot give back is reported: the grid's cells, and masthead lines the text
    # layer breaks
    reasons = {re.sub(r"^.*not imported: ", "", w) for w in warnings}
    assert reasons <= {"a figure's grid or notes (a PDF does not tell them apart)",
                       "a masthead line not recognised"}, reasons  # fmt: skip
    back = (tmp_path / "pdf" / "back.yaml").read_text(encoding="utf-8")
    assert "# read from a PDF: its wrapped lines joined" in back  # the figure's note: a guess
    from_docx, _ = _import(built["docx"], tmp_path / "docx", "docx")
    for key in ("figure", "targets", "table"):
        mine = list(_blocks(data, key))
        theirs = list(_blocks(from_docx, key))
        if key == "figure":  # a PDF has no grid to give back
            theirs = [{**b, "figure": {k: v for k, v in b["figure"].items()
                                       if k not in ("columns", "rows")}} for b in theirs]  # fmt: skip
        assert yaml.safe_dump(mine, allow_unicode=True).replace("\u202f", " ") == yaml.safe_dump(
            theirs, allow_unicode=True
        ).replace("\u202f", " "), key
    assert [a["title"] for a in data["annexes"]] == [a["title"] for a in from_docx["annexes"]]


@pytest.mark.slow
def test_a_figure_image_is_extracted_beside_the_data_file(tmp_path: Path) -> None:
    source = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    (figure, *_) = _blocks(source, "figure")
    figure["figure"]["image"] = "chart.png"
    source["annexes"][0]["original"] = "fr"  # prints "[Original: French]" under its title
    picture = png(120, 60)
    (tmp_path / "chart.png").write_bytes(picture)
    (tmp_path / "doc.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), "utf-8")
    files = hd.build(tmp_path / "doc.yaml", tmp_path / "first")
    out = tmp_path / "back" / "doc.yaml"  # a folder the command makes
    assert main(["import", *map(str, files), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    pictured = [b["figure"] for b in _blocks(data, "figure") if "image" in b["figure"]]
    assert len(pictured) == 1 and pictured[0]["not_edited"] is True  # its note kept too
    names = [f["image"] for f in pictured]
    assert (out.parent / names[0]).read_bytes() == picture  # byte for byte
    assert data["annexes"][0]["original"] == "fr"
    again = hd.build(out, tmp_path / "again")
    shapes = docx.Document(str(again[0])).inline_shapes
    assert [s._inline.graphic.graphicData.pic.blipFill.blip.embed for s in shapes]
    # without a folder for it the image is reported, not dropped silently
    warnings: list[str] = []
    import_data(files, warnings=warnings)
    assert [w for w in warnings if "a figure's image" in w] and len(warnings) == len(files)
    # another file of that name is not written over
    (out.parent / names[0]).write_bytes(png(4, 2))
    with pytest.raises(ImportFailed, match=names[0]):
        import_data(files, images=out.parent)


_TEXT = """I. Introduction
1. The first paragraph of the report, which says what it is about.
2. The second paragraph of the report, which goes on.
A. Programmes
1. Flagship programmes
3. The third paragraph, under the heading, which describes the programmes.
• A bulleted line that no target box holds.
B. Conclusions
4. The last paragraph.
"""


def test_third_level_heading_and_stray_bullet_are_kept_and_commented(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(_TEXT, encoding="utf-8")
    warnings: list[str] = []
    data, comments = import_data([source], ["en"], warnings=warnings)
    assert warnings == []  # placed, not dropped
    content = data["sections"][0]["subsections"][0]["content"]
    assert content[0] == {"text": {"en": "Flagship programmes"}, "numbered": False}
    assert content[2] == {"text": {"en": "A bulleted line that no target box holds."},
                          "numbered": False}  # fmt: skip
    path = ("sections", 0, "subsections", 0, "content")
    assert "third-level heading" in comments[(*path, 0, "text")]
    assert "outside a target box" in comments[(*path, 2, "text")]
    assert "# a third-level heading" in dump(data, comments)


# A second annex as the data format allows one: its own paragraphs (numbered from 1 again),
# sections with subsections, a figure, an unnumbered paragraph, another original language.
_ANNEX = """
id: contributions
title: {en: Status of contributions, zh: 捐款状况}
original: fr
content:
  - text: {en: The status of contributions is shown below., zh: 捐款状况如下。}
sections:
  - heading: {en: Member States, zh: 会员国}
    content:
      - text: {en: Contributions were received from 20 Member States., zh: 收到了20个会员国的捐款。}
        subparagraphs:
          - {en: "From Africa;", zh: 来自非洲；}
          - {en: From Asia., zh: 来自亚洲。}
      - figure:
          title: {en: Contributions by year, zh: 按年份分列的捐款}
          source: {en: Umoja., zh: 团结。}
  - heading: {en: Other donors, zh: 其他捐助者}
    content:
      - text: {en: Other donors gave as well., zh: 其他捐助者也提供了捐款。}
    subsections:
      - heading: {en: Foundations, zh: 基金会}
        content:
          - text: {en: Foundations gave., zh: 基金会提供了捐款。}
      - heading: {en: Individuals, zh: 个人}
        content:
          - numbered: false
            text: {en: Individuals gave., zh: 个人提供了捐款。}
"""


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_annexes_with_sections_round_trip(fmt: str, tmp_path: Path) -> None:
    source = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    source["annexes"].append(yaml.safe_load(_ANNEX))
    (tmp_path / "doc.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), "utf-8")
    files = hd.build(tmp_path / "doc.yaml", tmp_path / "first", formats=(fmt,))
    data, _ = _import(files, tmp_path, fmt)
    kinds = tuple(k for k in _KINDS if k != "table" or fmt == "docx")
    for first in files:
        expected = _labelled(first, kinds)
        assert sum(kind == "annex" for kind, _, _ in expected) == 2
        assert _labelled(tmp_path / "again" / first.name, kinds) == expected, first.name
    annex = data["annexes"][1]
    assert (annex["title"], annex["original"]) == (source["annexes"][1]["title"], "fr")
    assert [s["heading"] for s in annex["sections"]] == [
        s["heading"] for s in source["annexes"][1]["sections"]
    ]
    last = annex["sections"][1]["subsections"][1]["content"][0]
    assert last == {
        "text": {"zh": "个人提供了捐款。", "en": "Individuals gave."},
        "numbered": False,
    }
