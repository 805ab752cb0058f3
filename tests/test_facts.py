"""Facts in data files: the facts: syntax, its errors (file, line, path), {fact:name} in prose,
validation of the names used, and rendering through the languages and their templates."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import habitat_docs as hd
from habitat_docs import DataError, load, structure
from habitat_docs.compose import language as language_module
from habitat_docs.compose.language import Language, language, render
from habitat_docs.compose.tree import NoteRef, Para, Span, TableBlock
from habitat_docs.load import structure_facts as from_data
from habitat_docs.model import Text
from habitat_docs.model.facts import (
    Count,
    CycleYear,
    Date,
    DateRange,
    Facts,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
)  # fmt: skip
from habitat_docs.model.inline import Fact, Note, Str, parse

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"


def minimal(**facts: Any) -> dict[str, Any]:
    return copy.deepcopy(
        {
            "kind": "executive-director-report",
            "symbol": "HSP/EB.2024/11",
            "issued": dt.date(2024, 3, 7),
            "session": {
                "year": 2024, "ordinal": 1, "start": dt.date(2024, 5, 6), "end": dt.date(2024, 5, 8),
                "venue": {"en": "Nairobi", "zh": "内罗毕"},
            },
            "agenda": {"symbol": "HSP/EB.2024/1",
                       "items": [{"number": 12, "title": {"en": "Report", "zh": "报告"}}]},
            "title": {"en": "Actions", "zh": "行动"},
            "facts": facts or {"total": {"money": "152.46 million"}, "share": {"percent": 89}},
            "sections": [
                {
                    "heading": {"en": "Finance", "zh": "财务"},
                    "content": [
                        {"id": "p1", "text": {"en": "UN-Habitat received {fact:total}.",
                                              "zh": "人居署收到{fact:total}。"}},
                        {"text": {"en": "That is {fact:share} of the budget.",
                                  "zh": "占预算的{fact:share}。"}},
                    ],
                }
            ],
        }
    )  # fmt: skip


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def yaml_error(tmp_path: Path, data_or_text: Any) -> tuple[Path, str, DataError]:
    text = data_or_text if isinstance(data_or_text, str) else dump_yaml(data_or_text)
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(path)
    return path, text, info.value


def spans(blocks: Any) -> str:
    return "".join(s.text for s in blocks if isinstance(s, Span))


# --- the data syntax ---------------------------------------------------------------------------

SYNTAX = [
    ({"money": "152.46 million"}, Money(Decimal(152460000), "million")),
    ({"money": "1.1 billion"}, Money(Decimal(1100000000), "billion")),
    ({"money": "384,586,115"}, Money(Decimal(384586115))),
    ({"money": "384586115"}, Money(Decimal(384586115))),
    ({"money": 5000}, Money(Decimal(5000))),
    ({"money": "5 million", "currency": "EUR"}, Money(Decimal(5000000), "million", "EUR")),
    ({"percent": 89}, Percent(Decimal(89))),
    ({"percent": "48.6"}, Percent(Decimal("48.6"))),
    ({"date": dt.date(2024, 1, 9)}, Date(dt.date(2024, 1, 9))),
    ({"date": "2024-01-09"}, Date(dt.date(2024, 1, 9))),
    ({"month": "2023-02"}, Date(dt.date(2023, 2, 1), "month")),
    ({"year": 2024}, Date(dt.date(2024, 1, 1), "year")),
    ({"dates": [dt.date(2024, 5, 6), dt.date(2024, 5, 8)]},
     DateRange(dt.date(2024, 5, 6), dt.date(2024, 5, 8))),
    ({"dates": ["2023-07-01", "2024-06-30"], "period": True},
     DateRange(dt.date(2023, 7, 1), dt.date(2024, 6, 30), period=True)),
    ({"dates": ["2023-01-01", "2023-12-31"], "running": True},
     DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31), running=True)),
    ({"months": ["2020-01", "2020-06"], "period": True},
     DateRange(dt.date(2020, 1, 1), dt.date(2020, 6, 1), "month", period=True)),
    ({"years": "2022–2023"}, YearRange(2022, 2023)),
    ({"years": "2020-2023"}, YearRange(2020, 2023)),
    ({"years": [2020, 2025]}, YearRange(2020, 2025)),
    ({"cycle": "2023/24"}, CycleYear(2023)),
    ({"cycle": 2023}, CycleYear(2023)),
    ({"count": 114}, Count(114)),
    ({"count": 7, "words": True}, Count(7, words=True)),
    ({"count": 7, "words": "en"}, Count(7, words=frozenset({"en"}))),
    ({"count": 7, "words": ["en"]}, Count(7, words=frozenset({"en"}))),
    ({"ordinal": 78}, Ordinal(78)),
    ({"session": [2024, 1]}, SessionRef(2024, 1)),
    ({"quarter": [2024, 1]}, Quarter(2024, 1)),
    ({"quarter": [2024, "last"]}, Quarter(2024, 4, last=True)),
    ({"half": [2024, 2]}, Half(2024, 2)),
]  # fmt: skip


@pytest.mark.parametrize(("data", "value"), SYNTAX, ids=[str(d) for d, _ in SYNTAX])
def test_data_syntax(data: dict[str, Any], value: object) -> None:
    assert from_data({"x": data}) == Facts({"x": value})  # type: ignore[dict-item]


def test_yaml_forms_load_as_written(tmp_path: Path) -> None:
    text = """\
kind: executive-director-report
symbol: HSP/EB.2024/11
issued: 2024-03-07
session: {year: 2024, ordinal: 1, start: 2024-05-06, end: 2024-05-08, venue: {en: Nairobi, zh: 内罗毕}}
agenda: {symbol: HSP/EB.2024/1, items: [{number: 12, title: {en: Report, zh: 报告}}]}
title: {en: Actions, zh: 行动}
facts:
  tc: {money: "152.46 million"}
  total: {money: "384,586,115"}
  share: {percent: "48.6"}
  approved: {date: 2024-01-09}
  policy: {month: 2023-02}
  oios: {dates: [2023-07-01, 2024-06-30], period: true}
  biennium: {years: 2022–2023}
  posts: {count: 7, words: en}
  session: {session: [2023, 3]}
sections:
  - heading: {en: Finance, zh: 财务}
    content:
      - en: "At its {fact:session}, for {fact:biennium}: {fact:tc}, {fact:total}, {fact:share}, {fact:approved}, {fact:policy}, for the period {fact:oios}, {fact:posts} posts."
        zh: "在{fact:session}上，{fact:biennium}年：{fact:tc}、{fact:total}、{fact:share}、{fact:approved}、{fact:policy}、{fact:oios}、{fact:posts}个员额。"
"""
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    (para,) = [b for b in hd.compose(doc, "en").blocks if isinstance(b, Para)]
    assert spans(para.content) == (
        "At its third session of 2023, for 2022–2023: $152.46 million, $384,586,115, "
        "48.6 per cent, 9 January 2024, February 2023, for the period from 1 July 2023 to "
        "30 June 2024, seven posts."
    )
    (para,) = [b for b in hd.compose(doc, "zh").blocks if isinstance(b, Para)]
    assert spans(para.content) == (
        "在2023年第三次会议上，2022–2023年：1.5246亿美元、384\u00a0586\u00a0115美元、48.6%、"
        "2024年1月9日、2023年2月、2023年7月1日至2024年6月30日期间、7个员额。"
    )


def test_same_facts_from_yaml_json_and_toml(tmp_path: Path) -> None:
    data = minimal(total={"money": "152.46 million"}, share={"percent": 89},
                   day={"date": dt.date(2024, 1, 9)})  # fmt: skip
    data["sections"][0]["content"].append({"text": {"en": "On {fact:day}.", "zh": "{fact:day}。"}})
    (tmp_path / "a.yaml").write_text(dump_yaml(data), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    toml = "".join(f"{k} = {json.dumps(v, ensure_ascii=False, default=str)}\n" for k, v in data.items()
                   if not isinstance(v, dict | list))  # fmt: skip
    toml += "".join(f"{k} = {_toml(v)}\n" for k, v in data.items() if isinstance(v, dict | list))
    (tmp_path / "a.toml").write_text(toml, encoding="utf-8")
    docs = [load(tmp_path / n) for n in ("a.yaml", "a.json", "a.toml")]
    assert docs[0] == docs[1] == docs[2]
    assert docs[0].facts["day"] == Date(dt.date(2024, 1, 9))


def _toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | dt.date):
        return v.isoformat() if isinstance(v, dt.date) else str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(x)}" for k, x in v.items()) + "}"


# --- errors in facts: -------------------------------------------------------------------------


def test_float_money_is_refused_with_a_hint_to_quote_it(tmp_path: Path) -> None:
    text = dump_yaml(minimal()).replace("money: 152.46 million", "money: 152.46")
    path, text, err = yaml_error(tmp_path, text)
    assert str(err) == (
        f"{path}:{line_of(text, 'money: 152.46')}: facts.total.money: 152.46 is a floating-point "
        'number, which is not exact: quote it (money: "152.46 million")'
    )


def test_float_percent_is_refused(tmp_path: Path) -> None:
    text = dump_yaml(minimal()).replace("percent: 89", "percent: 48.6")
    path, text, err = yaml_error(tmp_path, text)
    assert str(err) == (
        f"{path}:{line_of(text, 'percent: 48.6')}: facts.share.percent: 48.6 is a floating-point "
        'number, which is not exact: quote it (percent: "48.6")'
    )


@pytest.mark.parametrize(
    ("fact", "needle", "where", "message"),
    [
        ({"monye": "5 million"}, "monye:", "facts.x.monye",
         "unknown kind of fact 'monye' (did you mean 'money'?)"),
        ({"money": "5 million", "curency": "EUR"}, "curency:", "facts.x.curency",
         "unknown field 'curency' for a money fact (did you mean 'currency'?)"),
        ({"money": "5 million", "currency": "usd"}, "currency:", "facts.x.currency",
         "expected an ISO 4217 currency code such as USD, got 'usd'"),
        ({"money": "5,00 million"}, "money:", "facts.x.money", "is not an amount such as"),
        ({"money": "5 million", "percent": 3}, "x:", "facts.x", "got money and percent together"),
        ({"dates": ["2024-05-08", "2024-05-06"]}, "dates:", "facts.x.dates",
         "the range ends (2024-05-06) before or when it starts (2024-05-08)"),
        ({"dates": ["2024-05-06", "2024-02-30"]}, "2024-02-30", "facts.x.dates[1]",
         "2024-02-30 is not a date: February 2024 has 29 days"),
        ({"months": ["2020-01", "2020-13"]}, "2020-13", "facts.x.months[1]",
         "2020-13 is not a month: there is no month 13 (months run from 01 to 12)"),
        ({"dates": ["2024-05-06"]}, "dates:", "facts.x.dates", "expected a list of two"),
        ({"dates": ["2024-05-06", "2024-05-08"], "period": "yes"}, "period:", "facts.x.period",
         "expected true or false, got 'yes'"),
        ({"quarter": [2024, 5]}, "quarter:", "facts.x.quarter", "no quarter 5 (expected 1 to 4)"),
        ({"session": [24, 1]}, "    session:", "facts.x.session", "expected a year such as 2024, got 24"),
        ({"count": "seven"}, "count:", "facts.x.count", "expected an integer, got 'seven'"),
        ({"count": -1}, "count:", "facts.x.count", "a count cannot be negative (-1)"),
        ({"years": "2023–2022"}, "years:", "facts.x.years", "ends (2022) before it starts (2023)"),
        ({"cycle": "2023/25"}, "cycle:", "facts.x.cycle", "expected a cycle year such as 2023/24"),
        ("89%", "x:", "facts.x", "expected a mapping such as"),
    ],
)  # fmt: skip
def test_fact_errors_name_file_line_and_path(tmp_path, fact, needle, where, message) -> None:  # type: ignore[no-untyped-def]
    data = minimal(x=fact, total={"money": "1"}, share={"percent": 1})
    path, text, err = yaml_error(tmp_path, data)
    (problem,) = err.problems
    assert problem.file == str(path)
    assert problem.line == line_of(text, needle)
    assert str(err).startswith(f"{path}:{problem.line}: {where}: ")
    assert message in problem.message


def test_invalid_fact_name(tmp_path: Path) -> None:
    data = minimal(**{"total": {"money": "1"}, "share": {"percent": 1}, "1st": {"percent": 1}})
    path, text, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{path}:{line_of(text, '1st')}: facts.1st: "
        "'1st' is not a valid fact name (letters, digits, '-', '_', '.')"
    )


def test_facts_must_be_a_mapping(tmp_path: Path) -> None:
    data = minimal()
    data["facts"] = ["total"]
    path, text, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{path}:{line_of(text, 'facts:')}: facts: "
        "expected a mapping of fact names, e.g. {share: {percent: 89}}"
    )


# --- names used in prose ----------------------------------------------------------------------


def test_unknown_fact_names_where_it_was_used(tmp_path: Path) -> None:
    data = minimal()
    data["sections"][0]["content"][1]["text"] = {"en": "That is {fact:shar}.", "zh": "占{fact:shar}。"}
    path, text, err = yaml_error(tmp_path, data)
    # one message for the text (at its key, the line above its en), not one a language
    assert str(err).splitlines() == [
        (
            f"{path}:{line_of(text, '{fact:shar}.') - 1}: sections[0].content[1].text: "
            "unknown fact 'shar' (did you mean 'share'?)"
        ),
    ]


def test_unknown_fact_without_any_facts_says_where_to_declare_it() -> None:
    data = minimal()
    del data["facts"]
    with pytest.raises(DataError) as info:
        structure(data)
    assert info.value.problems[0].message == "unknown fact 'total' (declare it under facts:)"
    assert info.value.problems[0].path == ("sections", 0, "content", 0, "text")


def test_unknown_fact_in_a_footnote_and_in_a_table_cell() -> None:
    data = minimal()
    content = data["sections"][0]["content"]
    content[0]["text"] = {"en": "Received{note:In {fact:nowhere}.}", "zh": "收到{note:{fact:nowhere}。}"}
    content.append({"table": {
        "title": {"en": "Figures", "zh": "数字"},
        "columns": [{"en": "Amount", "zh": "金额"}],
        "rows": [[{"en": "{fact:missing}", "zh": "{fact:missing}"}]],
    }})  # fmt: skip
    with pytest.raises(DataError) as info:
        structure(data)
    assert [(p.path, p.message) for p in info.value.problems] == [
        (("sections", 0, "content", 0, "text"), "unknown fact 'nowhere' (not declared under facts:)"),
        (("sections", 0, "content", 2, "rows", 0, 0), "unknown fact 'missing' (not declared under facts:)"),
    ]  # fmt: skip


def test_the_languages_of_a_text_must_name_the_same_facts(tmp_path: Path) -> None:
    data = minimal()
    data["sections"][0]["content"][1]["text"]["zh"] = "占预算的89%。"
    path, text, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{path}:{line_of(text, '- text:')}: sections[0].content[1].text: "
        "the languages name different facts (en: share; zh: none)"
    )


def test_fact_markup() -> None:
    assert parse("at {fact:tc-2023}, {fact:share}") == (
        Str("at "), Fact("tc-2023"), Str(", "), Fact("share"),
    )  # fmt: skip
    assert parse("x{note:{fact:a}}") == (Str("x"), Note((Fact("a"),)))
    assert list(Text(en="{fact:a} and *{fact:b}*", zh="{fact:a}{note:{fact:b}}").facts("zh")) == [
        Fact("a"), Fact("b"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("source", "message"),
    [("{fact:}", "'' is not a valid fact name"), ("{fact:1a}", "'1a' is not a valid fact name"),
     ("a {fact:x", "'{fact:' is never closed"), ("{facts:x}", "unknown markup")],
)  # fmt: skip
def test_fact_markup_errors(source: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        Text(en=source)


# --- rendering ----------------------------------------------------------------------------------


def test_facts_render_in_body_table_cells_footnotes_headings_and_title() -> None:
    data = minimal(total={"money": "62.32 million"}, day={"date": dt.date(2024, 1, 9)},
                   years={"years": "2022–2023"})  # fmt: skip
    data["title"] = {"en": "Report for {fact:years}", "zh": "{fact:years}年报告"}
    data["agenda"]["items"][0]["title"] = {"en": "Budget {fact:years}", "zh": "{fact:years}年预算"}
    section = data["sections"][0]
    section["heading"] = {"en": "Finance, {fact:years}", "zh": "{fact:years}年财务"}
    section["content"] = [
        {"text": {"en": "Received {fact:total}{note:As at {fact:day}.}",
                  "zh": "收到{fact:total}{note:截至{fact:day}。}"}},
        {"table": {"title": {"en": "Amounts", "zh": "金额"},
                   "columns": [{"en": "Total", "zh": "总额"}],
                   "rows": [[{"en": "{fact:total}", "zh": "{fact:total}"}]],
                   "notes": [{"en": "As at {fact:day}.", "zh": "截至{fact:day}。"}]}},
    ]  # fmt: skip
    doc = structure(data)
    en, zh = hd.compose(doc, "en"), hd.compose(doc, "zh")
    assert en.title == "Report for 2022–2023" and zh.title == "2022–2023年报告"
    assert any("Budget 2022–2023" in spans(line.content) for line in en.masthead)
    assert any("2022–2023年预算" in spans(line.content) for line in zh.masthead)
    heading = next(b for b in en.blocks if not isinstance(b, Para | TableBlock))
    assert spans(heading.content) == "Finance, 2022–2023"  # type: ignore[attr-defined]
    para = next(b for b in zh.blocks if isinstance(b, Para))
    assert spans(para.content) == "收到6\u00a0232万美元"
    note = next(n for n in para.content if isinstance(n, NoteRef))
    assert spans(note.content) == "截至2024年1月9日。"
    table = next(b for b in en.blocks if isinstance(b, TableBlock))
    assert spans(table.rows[0][0]) == "$62.32 million"
    assert spans(table.notes[0]) == "As at 9 January 2024."


def test_the_example_uses_facts_and_both_languages_print_the_same_figures() -> None:
    doc = load(EXAMPLE)
    assert doc.facts["technical-cooperation-2023"] == Money(Decimal(152460000), "million")
    en = " ".join(spans(b.content) for b in hd.compose(doc, "en").blocks if isinstance(b, Para))
    zh = " ".join(spans(b.content) for b in hd.compose(doc, "zh").blocks if isinstance(b, Para))
    for text in ("$152.46 million", "($62.32 million)", "$384,586,115", "89 per cent",
                 "the 2022–2023 biennium", "On 9 January 2024", "seven additional", "two cases"):  # fmt: skip
        assert text in en
    for text in ("1.5246亿美元", "（6\u00a0232万美元）", "384\u00a0586\u00a0115美元", "89%",
                 "2022–2023两年期", "2024年1月9日", "7个额外的", "两个案件"):  # fmt: skip
        assert text in zh
    for value in doc.facts.values():
        if isinstance(value, Money):
            assert render(value, "en") in en and render(value, "zh") in zh


def test_document_without_facts_is_unchanged() -> None:
    data = minimal()
    del data["facts"]
    for section in data["sections"]:
        for block in section["content"]:
            block["text"] = {"en": "Plain.", "zh": "正文。"}
    doc = structure(data)
    assert doc.facts == Facts() == {}
    assert hash(doc) == hash(structure(copy.deepcopy(data)))


def test_facts_are_part_of_document_equality_and_hash() -> None:
    a, b = structure(minimal()), structure(minimal())
    assert a == b and hash(a) == hash(b)
    c = structure(minimal(total={"money": "152.47 million"}, share={"percent": 89}))
    assert a != c


def test_facts_mapping_is_immutable_and_validated() -> None:
    facts = Facts({"a": Percent(1)})
    assert dict(facts) == {"a": Percent(1)} and len(facts) == 1 and "a" in facts
    with pytest.raises(TypeError):
        facts["b"] = Percent(2)  # type: ignore[index]
    with pytest.raises(DataError, match="not a fact"):
        Facts({"a": 1})  # type: ignore[dict-item]
    with pytest.raises(DataError, match="not a valid fact name"):
        Facts({"a b": Percent(1)})
    assert Facts([("a", Percent(1))]) == facts and hash(Facts({"a": Percent(1)})) == hash(facts)


# --- languages and templates --------------------------------------------------------------------


def _language(tmp_path: Path, code: str, locale: str, extra: str = "", style: bool = False) -> Language:
    """A language folder made from English with another locale: without English house style
    and wording (so CLDR writes its figures) unless ``style``, plus ``extra`` macros."""
    folder = tmp_path / code
    shutil.copytree(ROOT / "templates" / "en", folder)
    conf = (folder / "language.toml").read_text(encoding="utf-8")
    conf = conf.replace('locale = "en_GB"', f'locale = "{locale}"').replace('name = "English"', f'name = "{code}"')
    labels = (folder / "labels.j2").read_text(encoding="utf-8")
    if not style:
        conf = conf[: conf.index("# House style")]
        labels = labels[: labels.index("{#- Wording of facts")]
    (folder / "language.toml").write_text(conf, encoding="utf-8")
    (folder / "labels.j2").write_text(labels + extra, encoding="utf-8")
    return Language(code, folder)


def test_a_new_language_gets_cldr_figures_without_python(tmp_path: Path) -> None:
    fr = _language(tmp_path, "fr", "fr_FR")
    assert fr.fact(Money.of("152.46 million")) == "152,46\u00a0M\u00a0$US"
    assert fr.fact(Percent("48.6")) == "48,6\u00a0%"
    assert fr.fact(Date(dt.date(2024, 1, 9))) == "9 janvier 2024"
    with pytest.raises(ValueError, match="fact_session"):
        fr.fact(SessionRef(2024, 1))


def test_label_macros_write_the_wordings_cldr_lacks(tmp_path: Path) -> None:
    fr = _language(tmp_path, "fr", "fr_FR", """
{% macro fact_session(year, n) %}{{ n }}{{ "re" if n == 1 else "e" }} session de {{ year }}{% endmacro %}
{% macro fact_count_words(n) %}{{ ["zéro", "un", "deux", "trois"][n] }}{% endmacro %}
{% macro sample() %}{{ 152460000|money("million") }} ; {{ 89|percent }} ; {{ 1250|number }}{% endmacro %}
""")  # fmt: skip
    assert fr.fact(SessionRef(2024, 1)) == "1re session de 2024"
    assert fr.fact(Count(3, words=True)) == "trois"
    assert fr.fact(Count(3)) == "3"
    assert fr.phrase("sample") == "152,46\u00a0M\u00a0$US ; 89\u00a0% ; 1\u202f250"


def test_a_macro_overrides_the_house_style(tmp_path: Path) -> None:
    en = _language(tmp_path, "en", "en_GB",
                   "{% macro fact_half(year, n) %}{{ 'H' ~ n }} {{ year }}{% endmacro %}",
                   style=True)  # fmt: skip
    assert en.fact(Half(2024, 1)) == "H1 2024"
    assert en.fact(Quarter(2024, 1)) == "first quarter of 2024"


def test_template_filters_use_the_same_functions() -> None:
    en, zh = language("en"), language("zh")
    value = Money.of("152.46 million")
    assert en.fact(value) == render(value, "en_GB") == "$152.46 million"
    assert zh.fact(value) == render(value, "zh_Hans_CN") == "1.5246亿美元"


def test_a_fact_a_language_cannot_write_is_a_data_error_naming_where(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fr = _language(tmp_path, "fr", "fr_FR")
    monkeypatch.setenv("HABITAT_DOCS_TEMPLATES", str(tmp_path))
    language_module.forget_languages()
    try:
        data = minimal(total={"session": [2024, 1]}, share={"percent": 89})
        data["title"]["fr"] = "Actions"
        data["agenda"]["items"][0]["title"]["fr"] = "Rapport"
        data["session"]["venue"]["fr"] = "Nairobi"
        data["sections"][0]["heading"]["fr"] = "Finances"
        data["sections"][0]["content"][0]["text"]["fr"] = "Lors de la {fact:total}."
        data["sections"][0]["content"][1]["text"]["fr"] = "Soit {fact:share}."
        doc = structure(data)
        assert fr.code == "fr"
        with pytest.raises(DataError) as info:
            hd.compose(doc, "fr")
        (problem,) = info.value.problems
        assert problem.path == ("sections", 0, "content", 0, "text", "fr")
        assert "fact 'total'" in problem.message and "fact_session" in problem.message
    finally:
        language_module.forget_languages()


def test_a_count_in_another_language_s_words_is_a_figure_in_any_locale() -> None:
    assert render(Count(6, words=frozenset({"en"})), "en") == "six"
    assert render(Count(6, words=frozenset({"en"})), "fr_FR") == "6"


def test_the_date_filter_takes_a_language_or_a_locale() -> None:
    zh = language("zh")
    day = dt.date(2024, 3, 7)
    assert zh._env.filters["date"](day) == "2024年3月7日"
    assert zh._env.filters["date"](day, "en") == zh._env.filters["date"](day, "en_GB") == "7 March 2024"


def test_a_style_table_with_gaps_is_refused_when_the_language_loads(tmp_path: Path) -> None:
    folder = tmp_path / "xx"
    shutil.copytree(ROOT / "templates" / "en", folder)
    conf = (folder / "language.toml").read_text(encoding="utf-8")
    (folder / "language.toml").write_text(conf.replace("joins = {", "ends = {"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"language\.toml: the \[style\] table lacks dates\.joins\.compact"):
        Language("xx", folder)


# --- facts from Python ---------------------------------------------------------------------------

PYTHON_FORMS = [
    (Money("152.46 million"), {"money": "152.46 million"}),
    (Money("1.1 billion"), {"money": "1.1 billion"}),
    (Money("384,586,115"), {"money": "384,586,115"}),
    (Money(5000), {"money": 5000}),
    (Money("5 million", currency="EUR"), {"money": "5 million", "currency": "EUR"}),
    (Money(Decimal(152460000), "million"), {"money": "152.46 million"}),
    (Percent("48.6"), {"percent": "48.6"}),
    (Percent(89), {"percent": 89}),
    (Date("2024-01-09"), {"date": "2024-01-09"}),
    (Date(dt.date(2024, 1, 9)), {"date": dt.date(2024, 1, 9)}),
    (Date("2023-02"), {"month": "2023-02"}),
    (Date(dt.date(2023, 2, 1), "month"), {"month": "2023-02"}),
    (Date(2024), {"year": 2024}),
    (DateRange("2024-05-06", "2024-05-08"), {"dates": ["2024-05-06", "2024-05-08"]}),
    (DateRange("2020-01", "2020-06", period=True), {"months": ["2020-01", "2020-06"], "period": True}),
    (YearRange("2022–2023"), {"years": "2022–2023"}),
    (YearRange(2022, 2023), {"years": [2022, 2023]}),
    (CycleYear("2023/24"), {"cycle": "2023/24"}),
    (Count(7, words="en"), {"count": 7, "words": "en"}),
    (Ordinal(78), {"ordinal": 78}),
    (SessionRef(2024, 1), {"session": [2024, 1]}),
    (Quarter(2024, "last"), {"quarter": [2024, "last"]}),
    (Half(2024, 2), {"half": [2024, 2]}),
]  # fmt: skip


@pytest.mark.parametrize(("value", "data"), PYTHON_FORMS, ids=[str(d) for _, d in PYTHON_FORMS])
def test_python_constructors_take_the_forms_of_a_data_file(value: object, data: dict[str, Any]) -> None:
    assert Facts({"x": value}) == from_data({"x": data})  # type: ignore[dict-item]


def test_a_figure_given_as_units_of_its_scale_is_refused_and_says_what_to_write() -> None:
    with pytest.raises(DataError) as info:
        hd.facts.Money(Decimal("243.6"), "million")
    message = str(info.value)
    assert "would print as 0.0002436 million" in message
    assert 'give the text "243.6 million" or the units 243600000' in message
    assert render(Money("243.6 million"), "en") == "$243.6 million"
    assert render(Money(Decimal(243600000), "million"), "en") == "$243.6 million"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Money("243.6", "million"), "would print as 0.0002436 million"),
        (lambda: Money(Decimal(5000), "million"), "would print as 0.005 million"),
        (lambda: Money(Decimal(1250), "billion"), "would print as 0.00000125 billion"),
        (lambda: Money("243.6 million", "billion"), "is in millions but the scale given is 'billion'"),
        (lambda: Money("0.005 million"), "0.005 million is not a figure a document prints"),
        (lambda: Money("5 million", "kilo"), "unknown scale 'kilo'"),
        (lambda: Money(152.46), "a float (152.46) is not exact"),
        (lambda: Money("152,46 million"), "is not an amount such as"),
        (lambda: Money(5, currency="usd"), "expected an ISO 4217 currency code"),
        (lambda: Percent(48.6), "a float (48.6) is not exact"),
        (lambda: Percent("89%"), "'89%' is not a number"),
        (lambda: Date("2023-02", "day"), "expected a date as YYYY-MM-DD, got '2023-02'"),
        (lambda: Date("2024-02-30"), "2024-02-30 is not a date: February 2024 has 29 days"),
        (lambda: Date(24), "expected a year such as 2024, got 24"),
        (lambda: DateRange("2020-01", "2020-06-30"), "expected a date as YYYY-MM-DD, got '2020-01'"),
        (lambda: DateRange("2024-05-08", "2024-05-06"), "ends (2024-05-06) before or when it starts"),
        (lambda: DateRange("2024-05-06", "2024-05-08", period="yes"), "expected true or false"),
        (lambda: YearRange("2023–2022"), "ends (2022) before it starts (2023)"),
        (lambda: YearRange(2022), "expected years such as 2022–2023"),
        (lambda: CycleYear("2023/25"), "expected a cycle year such as 2023/24"),
        (lambda: Count("7"), "expected an integer, got '7'"),
        (lambda: Count(True), "expected an integer, got True"),
        (lambda: Count(7, words=3), "expected true, false or language codes"),
        (lambda: Ordinal(100), "no ordinal 100 (expected 1 to 99)"),
        (lambda: SessionRef(2024, "1"), "expected an integer, got '1'"),
        (lambda: Quarter(2024, "first"), "expected an integer, got 'first'"),
        (lambda: Quarter(2024, 3, last=True), "only the fourth quarter is the last quarter"),
        (lambda: Half(2024, 3), "no half-year 3 (expected 1 to 2)"),
    ],
)  # fmt: skip
def test_python_constructors_refuse_with_a_data_error_saying_why(make: Any, message: str) -> None:
    with pytest.raises(DataError) as info:
        make()
    assert message in str(info.value)


def test_a_figure_refused_in_python_is_refused_in_a_data_file(tmp_path: Path) -> None:
    data = minimal(x={"money": "0.005 million"}, total={"money": "1"}, share={"percent": 1})
    path, text, err = yaml_error(tmp_path, data)
    assert str(err) == (
        f"{path}:{line_of(text, '0.005 million')}: facts.x.money: 0.005 million is not a figure a "
        "document prints (a figure in millions has at most three decimals and is at least 0.01): "
        "write the exact amount"
    )


def test_the_fact_types_and_fact_are_at_the_top_level() -> None:
    from habitat_docs.model import facts

    for cls in facts.FACT_TYPES:
        assert getattr(hd, cls.__name__) is cls and cls.__name__ in hd.__all__
    assert hd.Fact is facts.Fact and "Fact" in hd.__all__
    assert isinstance(hd.Quarter(2024, "last"), hd.Fact)
    assert not isinstance(Decimal(5), hd.Fact)
