"""Loading data files: every error names the file, the line (YAML) and the field path."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import dump_toml

from habitat_docs import KINDS, DataError, Document, ExecutiveDirectorReport, load, structure

# --- helpers ----------------------------------------------------------------------------------


def minimal() -> dict[str, Any]:
    """A small valid document, as plain data; each test breaks one thing in a copy."""
    return copy.deepcopy(
        {
            "kind": "executive-director-report",
            "symbol": "HSP/EB.2024/11",
            "issued": dt.date(2024, 3, 7),
            "distribution": "general",
            "original": "en",
            "session": {
                "year": 2024,
                "ordinal": 1,
                "start": dt.date(2024, 5, 6),
                "end": dt.date(2024, 5, 8),
                "venue": {"en": "Nairobi", "zh": "内罗毕"},
            },
            "agenda": {
                "symbol": "HSP/EB.2024/1",
                "items": [
                    {"number": 12, "title": {"en": "Report of the ED", "zh": "执行主任的报告"}}
                ],
            },
            "title": {"en": "Actions to improve", "zh": "改进的行动"},
            "sections": [
                {
                    "id": "introduction",
                    "heading": {"en": "Introduction", "zh": "导言"},
                    "content": [
                        {
                            "id": "request",
                            "text": {
                                "en": "The Board requested a report.",
                                "zh": "执行局要求提交报告。",
                            },
                            "subparagraphs": [
                                {"en": "Direction;", "zh": "指导；"},
                                {"en": "Partnerships.", "zh": "伙伴关系。"},
                            ],
                        },
                        {
                            "id": "scope",
                            "text": {"en": "See {ref:request}.", "zh": "见{ref:request}。"},
                        },
                    ],
                },
                {
                    "id": "conclusion",
                    "heading": {"en": "Conclusion", "zh": "结论"},
                    "content": [{"text": {"en": "The end{note:A note.}", "zh": "结束{note:注。}"}}],
                },
            ],
        }
    )


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load(path)
    return info.value


def line_of(text: str, needle: str, after: str | None = None) -> int:
    """1-based line of the first line containing ``needle`` (at or after the line of ``after``)."""
    lines = text.splitlines()
    start = 0
    if after is not None:
        start = next(i for i, line in enumerate(lines) if after in line)
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    raise AssertionError(f"{needle!r} not in the text")


def yaml_error(tmp_path: Path, data: Any, name: str = "doc.yaml") -> tuple[str, str, DataError]:
    text = dump_yaml(data)
    path = write(tmp_path, name, text)
    return str(path), text, load_error(path)


# --- the valid document -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "dump"), [("doc.yaml", dump_yaml), ("doc.json", dump_json), ("doc.toml", dump_toml)]
)
def test_minimal_document_loads(tmp_path, name, dump):
    doc = load(write(tmp_path, name, dump(minimal())))
    assert isinstance(doc, ExecutiveDirectorReport)
    assert doc.symbol.text == "HSP/EB.2024/11"
    assert doc.session.start == dt.date(2024, 5, 6)
    assert doc.sections[0].content[0].subparagraphs[1].text["zh"] == "伙伴关系。"
    assert doc.base_dir == tmp_path


def test_same_document_in_yaml_json_and_toml_loads_to_equal_models(tmp_path):
    data = minimal()
    from_yaml = load(write(tmp_path, "doc.yaml", dump_yaml(data)))
    from_json = load(write(tmp_path, "doc.json", dump_json(data)))
    from_toml = load(write(tmp_path, "doc.toml", dump_toml(data)))
    assert from_yaml == from_json == from_toml
    # and a genuinely different document is not equal
    data["sections"][1]["content"][0]["text"]["en"] = "The end, changed{note:A note.}"
    assert load(write(tmp_path, "other.json", dump_json(data))) != from_yaml


def test_yml_suffix_and_upper_case_suffix_are_yaml(tmp_path):
    a = load(write(tmp_path, "a.yml", dump_yaml(minimal())))
    b = load(write(tmp_path, "b.YAML", dump_yaml(minimal())))
    assert a == b


def test_structure_accepts_plain_data_with_string_dates():
    data = json.loads(dump_json(minimal()))
    doc = structure(data)
    assert isinstance(doc, Document)
    assert doc.issued == dt.date(2024, 3, 7)


def test_example_document_loads():
    root = Path(__file__).resolve().parents[1]
    doc = load(root / "examples" / "hsp-eb-2024-11.yaml")
    assert doc.symbol.text == "HSP/EB.2024/11"
    declared = yaml.safe_load((root / "examples" / "hsp-eb-2024-11.yaml").read_text(encoding="utf-8"))["languages"]
    assert doc.languages == set(declared)


def test_subparagraph_in_long_form_with_id_loads(tmp_path):
    data = minimal()
    data["sections"][0]["content"][0]["subparagraphs"][0] = {
        "id": "direction",
        "text": {"en": "Direction;", "zh": "指导；"},
        "subparagraphs": [{"en": "Nested.", "zh": "嵌套。"}],
    }
    data["sections"][0]["content"][1]["text"] = {
        "en": "See {ref:direction}.",
        "zh": "见{ref:direction}。",
    }
    doc = load(write(tmp_path, "doc.yaml", dump_yaml(data)))
    sub = doc.sections[0].content[0].subparagraphs[0]
    assert sub.id == "direction"
    assert sub.text["en"] == "Direction;"
    assert sub.subparagraphs[0].text["zh"] == "嵌套。"


@pytest.mark.parametrize(("written", "what"), [("abc", "a string 'abc'"), ({"en": "x"}, "a mapping")])
def test_nested_subparagraphs_are_a_list_as_at_the_top(tmp_path, written, what):
    data = minimal()
    data["sections"][0]["content"][0]["subparagraphs"][0] = {
        "text": {"en": "Direction;", "zh": "指导；"},
        "subparagraphs": written,
    }
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "subparagraphs:", after="Direction;")
    assert str(err) == (
        f"{name}:{line}: sections[0].content[0].subparagraphs[0].subparagraphs: expected a list, got {what}"
    )


# --- typos and unknown fields -----------------------------------------------------------------


def test_typo_in_section_field_suggests_the_field(tmp_path):
    data = minimal()
    section = data["sections"][0]
    data["sections"][0] = {"heding" if k == "heading" else k: v for k, v in section.items()}
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "heding:")
    expected = (
        f"{name}:{line}: sections[0].heding: unknown field 'heding' (did you mean 'heading'?)"
    )
    assert expected in str(err).splitlines()


def test_missing_required_field_names_its_path(tmp_path):
    data = minimal()
    del data["sections"][0]["heading"]
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "- id: introduction")
    assert str(err) == f"{name}:{line}: sections[0].heading: required field is missing"


def test_missing_top_level_field_names_its_path(tmp_path):
    data = minimal()
    del data["issued"]
    name, _, err = yaml_error(tmp_path, data)
    assert str(err) == f"{name}:1: issued: required field is missing"


def test_typo_in_top_level_key_suggests_the_key(tmp_path):
    data = {"symbl" if k == "symbol" else k: v for k, v in minimal().items()}
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "symbl:")
    expected = f"{name}:{line}: symbl: unknown field 'symbl' (did you mean 'symbol'?)"
    assert expected in str(err).splitlines()


def test_typo_in_paragraph_field_suggests_the_field(tmp_path):
    data = minimal()
    data["sections"][0]["content"][1]["nubmered"] = False
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "nubmered:")
    assert str(err) == (
        f"{name}:{line}: sections[0].content[1].nubmered: "
        "unknown field 'nubmered' (did you mean 'numbered'?)"
    )


def test_typo_in_session_field_suggests_the_field(tmp_path):
    data = minimal()
    data["session"]["venu"] = data["session"].pop("venue")
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "venu:")
    assert str(err) == f"{name}:{line}: session.venu: unknown field 'venu' (did you mean 'venue'?)"


def test_base_dir_in_the_data_is_rejected_as_unknown(tmp_path):
    data = minimal()
    data["base_dir"] = "/etc"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "base_dir:")
    assert str(err) == f"{name}:{line}: base_dir: unknown field 'base_dir'"


def test_base_dir_in_json_data_is_rejected(tmp_path):
    data = minimal()
    data["base_dir"] = "/etc"
    path = write(tmp_path, "doc.json", dump_json(data))
    err = load_error(path)
    assert [p.path for p in err.problems] == [("base_dir",)]
    assert "unknown field 'base_dir'" in str(err)


def test_unknown_kind_suggests_the_nearest_kind(tmp_path):
    data = minimal()
    data["kind"] = "executive-director-reprot"
    name, _, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{name}:1: kind: unknown document kind 'executive-director-reprot' "
        f"(did you mean 'executive-director-report'?) (known: {', '.join(KINDS)})"
    )


def test_unrelated_kind_gets_no_suggestion(tmp_path):
    data = minimal()
    data["kind"] = "zzz"
    _, _, err = yaml_error(tmp_path, data)
    assert "did you mean" not in str(err)
    assert "unknown document kind 'zzz'" in str(err)


def test_kind_that_is_not_a_word_is_an_unknown_kind(tmp_path):
    data = minimal()
    data["kind"] = ["executive-director-report"]
    name, _, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{name}:1: kind: unknown document kind ['executive-director-report'] "
        f"(known: {', '.join(KINDS)})"
    )


def test_unknown_distribution_names_the_choices(tmp_path):
    data = minimal()
    data["distribution"] = "public"
    name, text, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{name}:{line_of(text, 'distribution:')}: distribution: "
        "'public' is not one of general, limited, restricted"
    )


# --- missing or wrong texts -------------------------------------------------------------------


def test_missing_zh_text_names_the_text(tmp_path):
    data = minimal()
    del data["sections"][0]["content"][1]["text"]["zh"]
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "text:", after="- id: scope")
    assert str(err) == f"{name}:{line}: sections[0].content[1].text: missing the zh text"


def test_missing_zh_text_in_subparagraph_shorthand(tmp_path):
    data = minimal()
    del data["sections"][0]["content"][0]["subparagraphs"][1]["zh"]
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "Partnerships.")
    assert str(err) == (
        f"{name}:{line}: sections[0].content[0].subparagraphs[1].text: missing the zh text"
    )


def test_number_where_text_is_expected(tmp_path):
    data = minimal()
    data["sections"][0]["content"][0]["text"]["en"] = 2024
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "en: 2024")
    assert str(err) == (
        f"{name}:{line}: sections[0].content[0].text.en: expected text, got int; quote it in YAML"
    )


def test_yaml_no_parses_as_bool_and_hints_to_quote_it(tmp_path):
    text = dump_yaml(minimal()).replace("zh: 导言", "zh: no")
    assert "zh: no" in text
    path = write(tmp_path, "doc.yaml", text)
    err = load_error(path)
    line = line_of(text, "zh: no")
    assert str(err) == (
        f"{path}:{line}: sections[0].heading.zh: expected text, got bool; quote it in YAML"
    )


def test_plain_string_where_a_text_mapping_is_expected(tmp_path):
    data = minimal()
    data["sections"][0]["heading"] = "Introduction"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "heading: Introduction")
    assert str(err) == (
        f"{name}:{line}: sections[0].heading: expected a mapping of languages, e.g. {{en: …, zh: …}}"
    )


def test_string_where_a_number_is_expected(tmp_path):
    data = minimal()
    data["agenda"]["items"][0]["number"] = "twelve"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "number: twelve")
    assert str(err) == f"{name}:{line}: agenda.items[0].number: expected int, got str 'twelve'"


def test_bool_is_not_a_number(tmp_path):
    data = minimal()
    data["session"]["ordinal"] = True
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "ordinal: true")
    assert str(err) == f"{name}:{line}: session.ordinal: expected int, got bool True"


def test_markup_error_in_text_names_language_and_offset(tmp_path):
    data = minimal()
    data["sections"][1]["content"][0]["text"]["en"] = "The end } here{note:A note.}"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "The end } here")
    assert str(err) == (
        f"{name}:{line}: sections[1].content[0].text.en: "
        "unmatched '}' (write \\} for a literal brace) (at character 9)"
    )


def test_footnote_counts_must_agree_between_languages(tmp_path):
    data = minimal()
    data["sections"][1]["content"][0]["text"]["zh"] = "结束"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "text:", after="- id: conclusion")
    assert str(err) == (
        f"{name}:{line}: sections[1].content[0].text: "
        "footnote counts differ between languages (en: 1, zh: 0)"
    )


def test_heading_cannot_carry_a_footnote(tmp_path):
    data = minimal()
    data["sections"][0]["heading"] = {"en": "Intro{note:x}", "zh": "导言{note:x}"}
    name, text, err = yaml_error(tmp_path, data)
    assert str(err).splitlines() == [
        (
            f"{name}:{line_of(text, 'Intro{note:x}')}: sections[0].heading.en: "
            "a heading or title cannot carry footnotes or references"
        ),
        (
            f"{name}:{line_of(text, '导言{note:x}')}: sections[0].heading.zh: "
            "a heading or title cannot carry footnotes or references"
        ),
    ]


# --- dates, symbols, session ------------------------------------------------------------------


def test_bad_date_string(tmp_path):
    data = minimal()
    data["issued"] = "2024-13-07"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "issued:")
    assert str(err) == (
        f"{name}:{line}: issued: 2024-13-07 is not a date: there is no month 13 (months run from 01 to 12)"
    )


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2024-11-31", "November has 30 days"),
        ("2023-02-29", "2023 is not a leap year"),
        ("2023-02-30", "February 2023 has 28 days"),
        ("2024-04-00", "days run from 01"),
    ],
)
def test_impossible_date_says_why(tmp_path, date, why):
    data = minimal()
    data["session"]["start"] = date
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "start:")
    assert str(err) == f"{name}:{line}: session.start: {date} is not a date: {why}"


def test_date_written_as_number(tmp_path):
    data = minimal()
    data["session"]["start"] = 20240506
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "start:")
    assert str(err) == f"{name}:{line}: session.start: expected a date as YYYY-MM-DD, got 20240506"


def test_impossible_unquoted_yaml_date_is_a_data_error(tmp_path):
    # YAML itself turns 2024-02-30 into a date; the impossible day must still be reported
    # as a DataError naming file, line and field, not escape as a bare ValueError.
    text = dump_yaml(minimal()).replace("issued: 2024-03-07", "issued: 2024-02-30")
    assert "issued: 2024-02-30" in text
    path = write(tmp_path, "doc.yaml", text)
    with pytest.raises(DataError) as info:
        load(path)
    (problem,) = info.value.problems
    assert problem.file == str(path)
    assert problem.line == line_of(text, "issued:")
    assert "2024-02-30" in str(info.value)


def test_malformed_symbol(tmp_path):
    data = minimal()
    data["symbol"] = "HSP EB 2024 11"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "symbol: HSP EB")
    # The wording of symbol errors belongs to symbol.py; here: file, line, field, value.
    (problem,) = err.problems
    assert (problem.file, problem.line, problem.path) == (name, line, ("symbol",))
    assert str(err).startswith(f"{name}:{line}: symbol: 'HSP EB 2024 11'")


def test_malformed_agenda_symbol(tmp_path):
    data = minimal()
    data["agenda"]["symbol"] = "hsp/eb.2024/1"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "symbol: hsp/eb")
    (problem,) = err.problems
    assert (problem.file, problem.line, problem.path) == (name, line, ("agenda", "symbol"))
    assert str(err).startswith(f"{name}:{line}: agenda.symbol: 'hsp/eb.2024/1'")


def test_symbol_written_as_number(tmp_path):
    data = minimal()
    data["symbol"] = 11
    name, text, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{name}:{line_of(text, 'symbol: 11')}: symbol: "
        "expected a symbol such as HSP/EB.2024/11, got 11"
    )


def test_session_ending_before_it_starts(tmp_path):
    data = minimal()
    data["session"]["end"] = dt.date(2024, 5, 1)
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "end: 2024-05-01")
    assert str(err) == f"{name}:{line}: session.end: the session ends (2024-05-01) before it starts"


def test_session_starting_in_another_year(tmp_path):
    data = minimal()
    data["session"]["year"] = 2025
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "start: 2024-05-06")
    assert str(err) == f"{name}:{line}: session.start: the session starts in 2024, not 2025"


# --- ids and references -----------------------------------------------------------------------


def test_duplicate_yaml_key_names_both_lines(tmp_path):
    text = dump_yaml(minimal()).replace(
        "issued: 2024-03-07", "issued: 2024-03-07\nissued: 2024-03-08"
    )
    path = write(tmp_path, "doc.yaml", text)
    err = load_error(path)
    first, second = line_of(text, "issued: 2024-03-07"), line_of(text, "issued: 2024-03-08")
    assert second == first + 1
    assert str(err) == f"{path}:{second}: issued: duplicate key 'issued' (first at line {first})"


def test_duplicate_yaml_key_in_nested_mapping(tmp_path):
    text = dump_yaml(minimal()).replace("  year: 2024\n", "  year: 2024\n  year: 2025\n")
    path = write(tmp_path, "doc.yaml", text)
    err = load_error(path)
    first = line_of(text, "year: 2024")
    assert str(err) == (
        f"{path}:{first + 1}: session.year: duplicate key 'year' (first at line {first})"
    )


def test_duplicate_ids(tmp_path):
    data = minimal()
    data["sections"][0]["content"][1]["id"] = "request"
    name, text, err = yaml_error(tmp_path, data)
    second = line_of(text, "- id: request", after="subparagraphs:")
    assert str(err) == (
        f"{name}:{second}: sections[0].content[1].id: "
        "id 'request' is already used at sections[0].content[0]"
    )


def test_duplicate_ids_across_node_kinds(tmp_path):
    data = minimal()
    data["sections"][1]["id"] = "request"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "- id: request", after="scope")
    assert (
        str(err)
        == f"{name}:{line}: sections[1].id: id 'request' is already used at sections[0].content[0]"
    )


def test_reference_to_unknown_id_names_where_it_was_used(tmp_path):
    data = minimal()
    data["sections"][0]["content"][1]["text"] = {
        "en": "See {ref:nowhere}.",
        "zh": "见{ref:nowhere}。",
    }
    name, text, err = yaml_error(tmp_path, data)
    # one mistake, one message: at the text (its key, the line above its en) that uses the id
    # in both its languages
    assert str(err).splitlines() == [
        (
            f"{name}:{line_of(text, 'See {ref:nowhere}') - 1}: sections[0].content[1].text: "
            "reference to unknown id 'nowhere'"
        )
    ]


def test_reference_to_unknown_id_suggests_the_closest(tmp_path):
    data = minimal()
    data["sections"][0]["content"][1]["text"]["en"] = "See {ref:reqest}."
    name, text, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{name}:{line_of(text, 'See {ref:reqest}')}: sections[0].content[1].text.en: "
        "reference to unknown id 'reqest' (did you mean 'request'?)"
    )


def test_reference_inside_a_footnote_to_unknown_id(tmp_path):
    data = minimal()
    data["sections"][1]["content"][0]["text"] = {
        "en": "End{note:See {ref:gone}.}", "zh": "结束{note:见{ref:request}。}"
    }  # fmt: skip
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "{ref:gone}")
    assert (
        str(err) == f"{name}:{line}: sections[1].content[0].text.en: reference to unknown id 'gone'"
    )


def test_invalid_id(tmp_path):
    data = minimal()
    data["sections"][0]["id"] = "1st"
    name, text, err = yaml_error(tmp_path, data)
    line = line_of(text, "id: 1st")
    assert str(err) == (
        f"{name}:{line}: sections[0].id: '1st' is not a valid id (letters, digits, '-', '_', '.')"
    )


# --- file-level errors ------------------------------------------------------------------------


def test_yaml_syntax_error_gives_a_line(tmp_path):
    text = dump_yaml(minimal()).replace("original: en", "original: [en")
    path = write(tmp_path, "doc.yaml", text)
    err = load_error(path)
    (problem,) = err.problems
    assert problem.file == str(path)
    assert problem.line == line_of(text, "original: [en")  # where the list opened
    assert str(err) == (
        f"{path}:{problem.line}:11: YAML syntax: this '[' is never closed: end the list with ']' "
        "(and put a value holding ',' in quotes)"
    )


def test_yaml_bad_indentation_points_at_the_line(tmp_path):
    path = write(tmp_path, "doc.yaml", "kind: executive-director-report\nsymbol: x\n  issued: y\n")
    err = load_error(path)
    assert str(err) == f"{path}:3:3: YAML syntax: line 3 is indented by 2 spaces where 0 are expected (as on line 2)"


def test_json_syntax_error_gives_a_line(tmp_path):
    path = write(
        tmp_path, "doc.json", '{\n  "kind": "executive-director-report",\n  "symbol": \n}\n'
    )
    err = load_error(path)
    assert str(err) == f"{path}:4:1: JSON syntax: Expecting value"


def test_toml_syntax_error_names_the_file_and_line(tmp_path):
    path = write(tmp_path, "doc.toml", 'kind = "executive-director-report"\nsymbol = \n')
    assert str(load_error(path)) == f"{path}:2:10: TOML syntax: Invalid value"


def test_json_error_names_file_line_and_path(tmp_path):
    data = minimal()
    data["symbol"] = "not a symbol"
    text = dump_json(data)
    path = write(tmp_path, "doc.json", text)
    err = load_error(path)
    (problem,) = err.problems
    line = text.splitlines().index('  "symbol": "not a symbol",') + 1
    assert (problem.file, problem.line, problem.path) == (str(path), line, ("symbol",))
    assert str(err).startswith(f"{path}:{line}: symbol: 'not a symbol'")


def test_json_nested_field_and_compact_json_get_their_lines(tmp_path):
    data = minimal()
    data["sections"][0]["content"][0]["text"]["en"] = "See {ref:nowhere}."
    text = dump_json(data)
    path = write(tmp_path, "doc.json", text)
    (problem,) = load_error(path).problems
    assert problem.path[:4] == ("sections", 0, "content", 0)
    assert text.splitlines()[problem.line - 1].strip().startswith('"en": "See {ref:nowhere}."')
    compact = write(tmp_path, "compact.json", json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))
    assert load_error(compact).problems[0].line == 1


def test_json_escapes_of_characters_beyond_the_bmp_keep_the_lines(tmp_path):
    data = minimal()
    data["title"]["zh"] = "𠮷野家"  # json.dumps writes it as "\\ud842\\udfb7"
    data["symbol"] = "not a symbol"
    text = json.dumps(data, indent=2, default=str)
    assert "\\ud842\\udfb7" in text
    path = write(tmp_path, "doc.json", text)
    (problem,) = load_error(path).problems
    assert problem.line == text.splitlines().index('  "symbol": "not a symbol",') + 1


def test_json_duplicate_key_is_refused_with_both_lines(tmp_path):
    text = dump_json(minimal()).replace('  "symbol":', '  "title": {"en": "x", "zh": "x"},\n  "symbol":', 1)
    path = write(tmp_path, "doc.json", text)
    (problem,) = load_error(path).problems
    assert problem.path == ("title",) and "duplicate key 'title' (first at line" in problem.message


def test_toml_error_names_file_line_and_path(tmp_path):
    data = minimal()
    del data["sections"][0]["content"][1]["text"]["zh"]
    text = dump_toml(data)
    path = write(tmp_path, "doc.toml", text)
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith('"sections" ='))
    err = load_error(path)
    assert str(err) == f"{path}:{line}: sections[0].content[1].text: missing the zh text"


def test_unknown_file_suffix(tmp_path):
    path = write(tmp_path, "doc.txt", dump_yaml(minimal()))
    err = load_error(path)
    assert str(err) == f"{path}: unknown data file type '.txt' (use .yaml, .json or .toml)"


def test_non_utf8_bytes(tmp_path):
    path = tmp_path / "doc.yaml"
    raw = b"kind: executive-director-report\ntitle: caf\xe9\n"
    path.write_bytes(raw)
    err = load_error(path)
    assert raw.index(b"\xe9") == 42
    assert str(err) == f"{path}: not UTF-8 text (byte 42)"


def test_missing_file(tmp_path):
    path = tmp_path / "absent.yaml"
    err = load_error(path)
    assert str(err).startswith(f"{path}: cannot read the file: ")


def test_empty_yaml_file(tmp_path):
    path = write(tmp_path, "doc.yaml", "")
    assert str(load_error(path)) == f"{path}: the file is empty"


def test_file_holding_a_list(tmp_path):
    path = write(tmp_path, "doc.yaml", "- a\n- b\n")
    err = load_error(path)
    assert str(err) == f"{path}:1: the file must hold a mapping of fields (kind, symbol, …)"


def test_several_problems_are_reported_together_in_input_order(tmp_path):
    data = minimal()
    data["sections"][0]["content"][1]["id"] = "request"
    data["sections"][1]["content"][0]["text"]["zh"] = "结束"
    _, _, err = yaml_error(tmp_path, data)
    assert [p.path for p in err.problems] == [
        ("sections", 0, "content", 1, "id"),
        ("sections", 1, "content", 0, "text"),
    ]
