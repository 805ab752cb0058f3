"""The importer's YAML (issue 16, point 5): every example's data written back gives the same
data and a valid document; keys in the examples' order; short texts on one line; comments on
the line before their field; strings that look like numbers, dates or syntax stay strings."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import habitat_docs as hd
from habitat_docs.importer.emit import WIDTH, dump
from habitat_docs.load.parse import parse_data

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted((ROOT / "examples").glob("hsp-*.yaml"))
ALL_YAML = sorted((ROOT / "examples").rglob("*.yaml"))

TRICKY = [
    "2024", "1.5", "yes", "No", "on", "null", "~", "", " ", "2024-03-07", "2024-02-30", "0x1F",
    "1_000", ".inf", "=", "<<", "- item", "? key", "a: b", "a #b", "#hash", "{fact:total} USD",
    "[1]", "x, y", "'single'", '"double"', "back\\slash", " leading", "trailing ", "two\nlines",
    "end\n", "tab\there", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", "...", "---",
    "a: b: c", "Budget: 152.46 million", "152.46 million", "第15段：执行局", "الأول - مقدمة",
    "“quoted”", "\u2028sep", "\x85next", "\ufeffbom", "emoji 🎉", "ends with colon:", "x" * 400,
]  # fmt: skip


def events(text: str) -> list[yaml.Event]:
    return list(yaml.parse(text, Loader=yaml.SafeLoader))


def assert_no_tags_or_aliases(text: str) -> None:
    for event in events(text):
        assert not isinstance(event, yaml.AliasEvent), text
        assert getattr(event, "anchor", None) is None, text
        if isinstance(event, yaml.ScalarEvent):
            assert event.implicit[0] or event.style in ('"', ">"), (event, text)
        else:
            assert getattr(event, "tag", None) is None, (event, text)


@pytest.mark.parametrize("path", ALL_YAML, ids=lambda p: p.name)
def test_every_example_round_trips(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = dump(data)
    assert yaml.safe_load(text) == data
    assert_no_tags_or_aliases(text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_example_loads_as_the_same_document(path: Path) -> None:
    """Read back as the project reads a data file, the YAML is the example's document."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = dump(data)
    parsed, _ = parse_data(text.encode("utf-8"), ".yaml", path.name)
    assert parsed == data
    assert hd.structure(parsed, base_dir=path.parent) == hd.load(path)


def test_shuffled_keys_come_back_in_the_examples_order() -> None:
    """The key order of the examples, whatever the order of the data; unknown keys after the
    known ones, in their own order."""
    path = ROOT / "examples" / "hsp-eb-2024-11.yaml"
    original = path.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    shuffled = _shuffled(data, random.Random(16))
    shuffled["zz-later"] = 1
    shuffled["aa-later"] = 2
    lines = [line for line in dump(shuffled).splitlines() if not line.lstrip().startswith("#")]
    top = [line.split(":")[0] for line in lines if line[:1].isalpha()]
    assert top == [line.split(":")[0] for line in original.splitlines() if line[:1].isalpha()] + [
        "zz-later", "aa-later",
    ]  # fmt: skip
    section = lines.index("sections:") + 1
    assert lines[section] == "  - id: introduction"
    assert lines[section + 1].startswith("    heading: {en: Introduction")
    assert "    content:" in lines[section:]
    para = next(i for i, line in enumerate(lines) if line == "      - id: request")
    assert lines[para + 1] == "        text:"


def _shuffled(value: Any, rng: random.Random) -> Any:
    """``value`` with every mapping's non-language keys in a random order."""
    if isinstance(value, list):
        return [_shuffled(item, rng) for item in value]
    if not isinstance(value, dict):
        return value
    keys = list(value)
    if not all(len(k) == 2 for k in keys):
        rng.shuffle(keys)
    return {k: _shuffled(value[k], rng) for k in keys}


def test_short_texts_flow_and_long_ones_stand_one_language_a_line_folded() -> None:
    short = {"en": "Introduction", "zh": "导言"}
    long = {"en": "A heading " * 12 + "ends", "zh": "导言"}
    text = dump({"sections": [{"heading": short, "content": [{"text": long}]}]})
    assert "  - heading: {en: Introduction, zh: 导言}\n" in text
    assert "      - text:\n          en: " in text
    assert all(len(line) <= WIDTH for line in text.splitlines() if "{" in line)
    # a text past the line's end is a folded block, broken between words within the width
    assert "          en: >-\n            A heading A heading" in text
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert yaml.safe_load(text)["sections"][0]["content"][0]["text"] == long


@pytest.mark.parametrize(
    "value",
    ["two  spaces " * 12, " leading" * 20, "trailing " * 20, "line\nbreak " * 12, "tab\t" * 40],
    ids=["double space", "leading", "trailing", "break", "tab"],
)
def test_a_long_text_a_fold_would_change_stays_quoted(value: str) -> None:
    text = dump({"title": {"en": value}})
    assert '  en: "' in text and ">-" not in text
    assert yaml.safe_load(text) == {"title": {"en": value}}


def test_facts_and_lists_of_values_flow() -> None:
    data = {
        "languages": ["zh", "en"],
        "executive_director": {"gender": "m"},
        "facts": {
            "money": {"money": "152.46 million"},
            "posts": {"count": 7, "words": ["en", "fr"]},
            "session": {"session": [2023, 3]},
            "month": {"month": "2023-02"},
            "day": {"date": dt.date(2024, 1, 9)},
        },
    }
    text = dump(data)
    assert text == (
        "languages: [zh, en]\n"
        "executive_director: {gender: m}\n"
        "facts:\n"
        '  money: {money: "152.46 million"}\n'
        "  posts: {count: 7, words: [en, fr]}\n"
        "  session: {session: [2023, 3]}\n"
        "  month: {month: 2023-02}\n"
        "  day: {date: 2024-01-09}\n"
    )
    assert yaml.safe_load(text) == data


@pytest.mark.parametrize("value", TRICKY, ids=repr)
def test_tricky_strings_stay_the_same_strings(value: str) -> None:
    data = {
        "title": {"en": value, "zh": value},  # in flow style when short
        "sections": [{"heading": {"en": value * 3 + "x" * 90}, value or "k": [value]}],
        "facts": {"f": {"money": value}},
    }
    text = dump(data)
    assert yaml.safe_load(text) == data
    assert_no_tags_or_aliases(text)


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_round_trips(value: str) -> None:
    data = {"title": {"en": value, "zh": "x"}, "summary": {"text": [value, {"en": value}]}}
    assert yaml.safe_load(dump(data)) == data


def test_dates_numbers_and_booleans_keep_their_types() -> None:
    data = {
        "issued": dt.date(2024, 3, 7),
        "session": {"year": 2024, "start": dt.date(2024, 5, 6), "online": True},
        "symbol": "2024",
        "sections": [{"numbered": False, "id": "1.5", "text": {"en": "yes"}}],
    }
    loaded = yaml.safe_load(dump(data))
    assert loaded == data
    assert isinstance(loaded["issued"], dt.date) and loaded["symbol"] == "2024"


def test_comments_stand_on_the_line_before_their_field() -> None:
    data = {
        "kind": "executive-director-report",
        "title": {"en": "Ethics", "zh": "道德操守"},
        "sections": [
            {"id": "a", "heading": {"en": "A", "zh": "甲"}, "content": [{"en": "P", "zh": "段"}]}
        ],
    }
    comments = {
        (): "imported from report.docx",
        ("kind",): "kind guessed from the subtitle 'Report of the Executive Director'",
        ("title", "zh"): "language guessed from the script",
        ("sections", 0): "a heading read as a section",
        ("sections", 0, "id"): "id made from the heading",
        ("sections", 0, "content", 0): "two lines\nin one comment",
    }
    text = dump(data, comments)
    assert text == (
        "# imported from report.docx\n"
        "# kind guessed from the subtitle 'Report of the Executive Director'\n"
        "kind: executive-director-report\n"
        "title:\n"
        "  en: Ethics\n"
        "  # language guessed from the script\n"
        "  zh: 道德操守\n"
        "sections:\n"
        "  # a heading read as a section\n"
        "  # id made from the heading\n"
        "  - id: a\n"
        "    heading: {en: A, zh: 甲}\n"
        "    content:\n"
        "      # two lines\n"
        "      # in one comment\n"
        "      - {en: P, zh: 段}\n"
    )
    assert yaml.safe_load(text) == data


def test_a_comment_on_a_field_the_data_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match="sections"):
        dump({"kind": "x"}, {("sections", 0): "lost"})


def test_comments_hold_any_text_and_still_load() -> None:
    data = {"kind": "x"}
    text = dump(data, {("kind",): 'odd \x07 \u2028 \ufeff # : {x} "q"'})
    assert yaml.safe_load(text) == data
    assert text.startswith("# odd ")


def test_a_shared_value_is_written_twice_never_as_an_alias() -> None:
    shared = {"en": "Same", "zh": "同"}
    data = {"title": shared, "sections": [{"heading": shared, "content": [shared, shared]}]}
    text = dump(data)
    assert_no_tags_or_aliases(text)
    assert yaml.safe_load(text) == data


def test_what_is_no_data_is_refused() -> None:
    with pytest.raises(TypeError):
        dump(["not", "a", "mapping"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="set"):
        dump({"kind": {1, 2}})
