"""Import (issue 16), continued: the informal activity update (no symbol, no subtitle, a
session held online, pre-session documents) from DOCX and the Typst PDF; versions that do
not align imported as far as they do (--partial); Word's automatic list numbering read as
numbering; the PDF LibreOffice makes from the DOCX."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
import yaml

import habitat_docs as hd
from habitat_docs.check import structure
from habitat_docs.check.document import clean
from habitat_docs.check.reader import read
from habitat_docs.cli.main import main
from habitat_docs.importer import MisalignedError, Unaligned, import_data
from habitat_docs.importer.emit import dump

ROOT = Path(__file__).resolve().parent.parent
UPDATE = ROOT / "examples" / "hsp-eb-2020-1-update.yaml"
REPORT = ROOT / "examples" / "hsp-eb-2022-2.yaml"
WORD = ROOT / "tests" / "fixtures" / "check" / "word"
_KINDS = ("section", "subsection", "para", "sub")


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", clean(text)).strip()


def _paragraphs(path: Path) -> list[tuple[str, str, str]]:
    """(kind, label, text) of every section, paragraph and subparagraph, as the checker reads
    them back."""
    st = structure(read(path))
    return [(it.kind, it.label, _spaced(it.line.text)) for it in st.items if it.kind in _KINDS]


def _unnumbered(path: Path) -> list[str]:
    """The unnumbered paragraphs of a built DOCX (the pre-session lines of an update)."""
    document = docx.Document(str(path))
    return [_spaced(p.text) for p in document.paragraphs
            if p.style is not None and p.style.style_id == "UNUnnumbered"]  # fmt: skip


def _rebuilt(data: dict[str, object], comments: dict, tmp_path: Path, **options: object) -> list[Path]:  # type: ignore[type-arg]
    target = tmp_path / "back.yaml"
    target.write_text(dump(data, comments), encoding="utf-8")
    return hd.build(target, tmp_path / "again", **options)  # type: ignore[arg-type]


def _same_paragraphs(built: list[Path], again: list[Path]) -> None:
    assert [p.name for p in again] == [p.name for p in built]
    for first, second in zip(built, again, strict=True):
        expected = _paragraphs(first)
        assert len(expected) > 20, first.name
        assert _paragraphs(second) == expected, first.name


def _update_masthead(data: dict[str, object]) -> None:
    """What the update's masthead and pre-session lines give back, against its data file."""
    original = yaml.safe_load(UPDATE.read_text(encoding="utf-8"))
    assert data["kind"] == original["kind"] and data["name"] == original["name"]
    assert data["session"] == original["session"]  # online: no venue
    assert data["title"] == {"zh": data["title"]["zh"], "en": data["title"]["en"]}  # type: ignore[index]
    cited = [d["symbol"] for d in original["documents"]]
    symbols = [d["symbol"] for d in data["documents"]]  # type: ignore[attr-defined]
    assert sorted(symbols) == sorted(cited) and len(set(symbols)) == len(symbols)


@pytest.mark.slow
def test_activity_update_round_trips_from_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    built = hd.build(UPDATE, tmp_path / "first")
    out = tmp_path / "update.yaml"
    assert main(["import", *map(str, built), "-o", str(out)]) == 0  # languages detected
    assert "not imported" not in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    _update_masthead(data)
    assert "# from the file name" in text and "their titles are not printed" in text
    again = hd.build(out, tmp_path / "again")
    _same_paragraphs(built, again)
    for first, second in zip(built, again, strict=True):
        lines = _unnumbered(first)
        assert len(lines) == len(data["documents"]) + 1  # resolutions-report is cited twice
        assert _unnumbered(second) == lines, first.name
    assert "{fact:" not in text  # the facts come back as the text they printed


@pytest.mark.slow
def test_activity_update_round_trips_from_typst_pdf(tmp_path: Path) -> None:
    built = hd.build(UPDATE, tmp_path / "first", formats=("pdf",))
    warnings: list[str] = []
    data, comments = import_data(built, warnings=warnings)
    assert warnings == []  # the organ's wrapped name is printed, not text left over
    _update_masthead(data)
    assert data["title"]["zh"].startswith("执行主任向执行局提交的2020年")  # type: ignore[index]
    again = _rebuilt(data, comments, tmp_path, formats=("pdf",))
    _same_paragraphs(built, again)
    docx_data, _ = import_data(hd.build(UPDATE, tmp_path / "docx"))
    assert data["documents"] == docx_data["documents"]
    # not run on into the heading above; a PDF's text layer has no italics and no no-break
    # spaces, a DOCX's runs do
    plain = re.sub(r"(?<!\\)\*", "", yaml.safe_dump(_presession(docx_data), allow_unicode=True))
    assert _presession(data) == yaml.safe_load(re.sub("[\u00a0\u202f]", " ", plain))


def _presession(data: dict[str, object]) -> list[object]:
    """The pre-session blocks of every section and subsection, in order."""
    found: list[object] = []
    for section in data["sections"]:  # type: ignore[attr-defined]
        for part in (section, *section.get("subsections", ())):
            found += [b["presession"] for b in part.get("content", ()) if "presession" in b]
    assert found
    return found


def _two_versions(tmp_path: Path, edit: object) -> tuple[Path, Path]:
    """The English report as it is, and a Chinese version whose data ``edit`` changed."""
    (en,) = hd.build(REPORT, tmp_path / "en", langs=("en",))
    data = yaml.safe_load(REPORT.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (zh,) = hd.build(changed, tmp_path / "zh", langs=("zh",))
    return en, zh


@pytest.mark.slow
def test_partial_keeps_what_aligns_and_comments_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop_third(data: dict) -> None:  # type: ignore[type-arg]
        del data["sections"][0]["content"][2]

    en, zh = _two_versions(tmp_path, drop_third)
    out = tmp_path / "partial.yaml"
    assert main(["import", str(en), str(zh), "-o", str(tmp_path / "x.yaml")]) == 2
    assert not (tmp_path / "x.yaml").exists()
    assert main(["import", str(en), str(zh), "-o", str(out), "--partial"]) == 1
    err = capsys.readouterr().err
    assert f"{en}:¶" in err and "not aligned" in err
    text = out.read_text(encoding="utf-8").splitlines()
    data = yaml.safe_load("\n".join(text))
    original = yaml.safe_load(REPORT.read_text(encoding="utf-8"))
    first = data["sections"][0]["content"]
    assert len(first) == len(original["sections"][0]["content"]) - 1
    assert len(data["sections"]) == len(original["sections"])
    # the English paragraph left over, in a comment on its section, with its file and place
    left = [k for k, line in enumerate(text) if "left out here, not aligned" in line]
    assert len(left) == 1 and f"{en}:¶" in text[left[0]]
    assert text[left[0] + 1].strip().startswith("- id: ")
    items = _paragraphs(en)
    second = next(k for k, item in enumerate(items) if item[0] == "section" and k > 0)
    _, label, line = [item for item in items[:second] if item[0] == "para"][-1]
    assert f"paragraph {label.rstrip('.')} “{line.split(' ', 1)[1]}" in text[left[0]]
    again = hd.build(out, tmp_path / "again")  # what aligns builds
    assert sum(k == "para" for k, _, _ in _paragraphs(again[-1])) == sum(
        k == "para" for k, _, _ in _paragraphs(en)
    ) - 1


@pytest.mark.slow
def test_partial_skips_a_paragraph_only_one_version_has(tmp_path: Path) -> None:
    def insert_unnumbered(data: dict) -> None:  # type: ignore[type-arg]
        extra = {"numbered": False, "text": {"en": "Extra.", "zh": "另外一段。"}}
        data["sections"][1]["content"].insert(1, extra)

    en, zh = _two_versions(tmp_path, insert_unnumbered)
    with pytest.raises(MisalignedError):
        import_data([en, zh])
    warnings: list[str] = []
    data, comments = import_data([en, zh], warnings=warnings, partial=True)
    unaligned = [w for w in warnings if isinstance(w, Unaligned)]
    assert len(unaligned) == 1 and unaligned[0].startswith(f"{zh}:¶")
    assert "另外一段" in comments[("sections", 1)]
    full, _ = import_data([en, _two_versions(tmp_path / "plain", lambda d: None)[1]])
    assert data["sections"] == full["sections"]  # everything else aligned as before


def _labels(path: Path) -> list[tuple[str, str]]:
    return [(it.kind, it.label) for it in structure(read(path)).items if it.kind in _KINDS]


def _masthead(data: dict[str, object]) -> None:
    """What a third party's file lacks for a build: a masthead (none of it is compared)."""
    data["symbol"] = "HSP/EB.2024/99"
    data["issued"] = dt.date(2024, 3, 1)
    data["session"] = {"year": 2024, "ordinal": 1, "start": dt.date(2024, 5, 6),
                       "end": dt.date(2024, 5, 8), "online": True}  # fmt: skip
    report = {code: "Report" for code in data["languages"]}  # type: ignore[attr-defined]
    data["agenda"] = {"symbol": "HSP/EB.2024/1", "items": [{"number": 3, "title": report}]}
    data["title"] = report
    # the model wants a B after an A: a lone subsection's paragraphs go to its section
    for section in data["sections"]:  # type: ignore[attr-defined]
        for sub in section.pop("subsections", []):
            section["content"] += sub.get("content", [])


@pytest.mark.slow
def test_word_list_numbering_imports_as_numbering(tmp_path: Path) -> None:
    source = WORD / "odt-report.docx"
    assert not any(re.match(r"\d+\.", p.text) for p in docx.Document(str(source)).paragraphs)
    data, comments = import_data([source], ["en"])
    assert data["sections"][0]["subsections"][0]["heading"] == {"en": "Background"}  # type: ignore[index]
    _masthead(data)
    (built,) = _rebuilt(data, comments, tmp_path, langs=("en",))
    assert _labels(built) == [x for x in _labels(source) if x[0] != "subsection"]
    labels = [label for kind, label in _labels(built) if kind == "para"]
    assert labels == [f"{n}." for n in range(1, 8)]
    texts = [t for k, _, t in _paragraphs(source) if k in ("para", "sub")]
    assert [t for k, _, t in _paragraphs(built) if k in ("para", "sub")] == texts


_ZH_SECTIONS = {"I.": "一、", "II.": "二、"}


def _typed_version(source: Path, target: Path) -> None:
    """A Chinese version of a Word-numbered file with its labels typed as text."""
    document = docx.Document()
    for kind, label, _ in _paragraphs(source):
        if kind in ("section", "subsection"):
            document.add_paragraph(f"{_ZH_SECTIONS.get(label, label)}\t标题", "Heading 1")
        else:
            document.add_paragraph(f"{label}\t执行局注意到审查期间取得的进展。")
    document.save(str(target))


@pytest.mark.slow
def test_typed_and_word_numbered_versions_align(tmp_path: Path) -> None:
    source = WORD / "odt-report.docx"
    typed = tmp_path / "typed-zh.docx"
    _typed_version(source, typed)
    assert any(p.text.startswith("1.\t") for p in docx.Document(str(typed)).paragraphs)
    warnings: list[str] = []
    data, comments = import_data([source, typed], ["en", "zh"], warnings=warnings)
    assert warnings == []
    assert [s["heading"]["zh"] for s in data["sections"]] == ["标题", "标题"]  # type: ignore[index]
    _masthead(data)
    built = _rebuilt(data, comments, tmp_path, langs=("zh", "en"))
    zh, en = (_labels(p) for p in built)
    assert en == [x for x in _labels(source) if x[0] != "subsection"]
    assert [x for x in zh if x[0] != "section"] == [x for x in en if x[0] != "section"]


@pytest.mark.office
@pytest.mark.slow
def test_libreoffice_pdf_round_trip(tmp_path: Path) -> None:
    options = {"formats": ("pdf",), "pdf_engine": "libreoffice"}
    built = hd.build(REPORT, tmp_path / "first", **options)  # type: ignore[arg-type]
    warnings: list[str] = []
    data, comments = import_data(built, warnings=warnings)
    assert warnings == []  # the top band's language line too
    original = yaml.safe_load(REPORT.read_text(encoding="utf-8"))
    for key in ("kind", "symbol", "issued", "distribution", "original", "session", "title"):
        assert data[key] == original[key], key
    again = _rebuilt(data, comments, tmp_path, **options)
    _same_paragraphs(built, again)


ED_REPORT = ROOT / "examples" / "hsp-eb-2024-11.yaml"


@pytest.mark.slow
def test_an_agenda_item_title_set_on_two_lines_reads_whole(tmp_path: Path) -> None:
    built = hd.build(ED_REPORT, tmp_path, langs=("zh", "en"))
    assert "\n" in docx.Document(str(built[1])).paragraphs[4].text  # the item's title, broken
    data, _ = import_data(built)
    original = yaml.safe_load(ED_REPORT.read_text(encoding="utf-8"))
    title = original["agenda"]["items"][0]["title"]
    assert data["agenda"]["items"][0]["title"] == {"zh": title["zh"], "en": title["en"]}  # type: ignore[index]


@pytest.mark.slow
def test_partial_keeps_summaries_that_differ_in_a_comment(tmp_path: Path) -> None:
    (en,) = hd.build(ED_REPORT, tmp_path / "en", langs=("en",))
    data = yaml.safe_load(ED_REPORT.read_text(encoding="utf-8"))
    more = {"ar": "-", "zh": "再多一段。", "en": "More.", "fr": "-", "ru": "-", "es": "-"}
    data["summary"]["text"] = [*data["summary"]["text"], more]
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (zh,) = hd.build(changed, tmp_path / "zh", langs=("zh",))
    warnings: list[str] = []
    back, comments = import_data([en, zh], warnings=warnings, partial=True)
    assert "summary" not in back and len(back["sections"]) == len(data["sections"])  # type: ignore[arg-type]
    assert sum(isinstance(w, Unaligned) for w in warnings) == 2
    assert f"{zh}: the summary" in comments[("title",)] and "“再多一段。”" in comments[("title",)]
