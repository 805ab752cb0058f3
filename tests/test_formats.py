"""Figures in UN house style: every money, percentage and date pattern of the five seeds,
rendered from its typed value, against the seed's Chinese and the UN English form;
property tests for money round trips and for agreement with Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date, format_interval
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from support import SEEDS

from habitat_docs.compose import numerals, style
from habitat_docs.compose.language import language, language_of, render
from habitat_docs.errors import DataError
from habitat_docs.model.facts import (
    Count,
    CycleYear,
    Date,
    DateRange,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
)  # fmt: skip

NBSP = "\u00a0"


def m(text: str) -> Money:
    return Money.of(text)


def day(iso: str) -> Date:
    return Date(dt.date.fromisoformat(iso))


def month(iso: str) -> Date:
    return Date(dt.date.fromisoformat(iso + "-01"), "month")


def days(a: str, b: str, **kw: bool) -> DateRange:
    return DateRange(dt.date.fromisoformat(a), dt.date.fromisoformat(b), **kw)  # type: ignore[arg-type]


def months(a: str, b: str, **kw: bool) -> DateRange:
    start, end = dt.date.fromisoformat(a + "-01"), dt.date.fromisoformat(b + "-01")
    return DateRange(start, end, "month", **kw)  # type: ignore[arg-type]


# (seed, value, Chinese as the seed prints it, English in UN style)
TABLE = [
    # S0 HSP/EB.2024/11
    ("000", days("2024-05-06", "2024-05-08"), "2024 年 5 月 6 日至 8 日", "6–8 May 2024"),
    ("000", SessionRef(2023, 3), "2023年第三次会议", "third session of 2023"),
    ("000", SessionRef(2024, 1), "2024年第一次会议", "first session of 2024"),
    ("000", YearRange(2022, 2023), "[2022–2023] 两年期", "2022–2023"),
    ("000", month("2023-02"), "2023 年 2 月", "February 2023"),
    ("000", month("2022-12"), "2022年 12月", "December 2022"),
    ("000", month("2021-04"), "2021 年 4 月", "April 2021"),
    ("000", month("2020-05"), "2020 年 5 月", "May 2020"),
    ("000", day("2024-01-09"), "2024 年 1 月 9 日", "9 January 2024"),
    ("000", Count(114), "114", "114"),
    ("000", m("384,586,115"), "384 586 115 美元", "$384,586,115"),
    ("000", m("152.46 million"), "1.5246 亿美元", "$152.46 million"),
    ("000", m("62.32 million"), "6 232 万美元", "$62.32 million"),
    ("000", m("4.42 million"), "442 万美元", "$4.42 million"),
    ("000", m("14.6 million"), "1 460 万美元", "$14.6 million"),
    ("000", m("760.5 million"), "7.605亿美元", "$760.5 million"),
    ("000", Percent(89), "89%", "89 per cent"),
    ("000", YearRange(2020, 2023), "2020–2023", "2020–2023"),
    ("000", Count(7, words={"en"}), "[7] 个额外的", "seven"),
    ("000", Count(7, words=True), "[七]项核心原则", "seven"),
    ("000", Count(2, words=True), "[两]个案件", "two"),
    ("000", m("135.7 million"), "1.357亿美元", "$135.7 million"),
    ("000", m("152.5 million"), "1.525 亿美元", "$152.5 million"),
    # S1 note on OIOS and Ethics Office reports
    ("001", days("2024-12-04", "2024-12-06"), "2024 年 12 月 4 日至 6 日", "4–6 December 2024"),
    # §4.3: "for the period from 1 July 2023 to 30 June 2024"; the prose says "for the period"
    ("001", days("2023-07-01", "2024-06-30", period=True),
     "2023 年 7 月 1 日至 2024 年 6 月 30 日期间", "from 1 July 2023 to 30 June 2024"),
    ("001", day("1994-07-29"), "1994 年 7 月 29 日", "29 July 1994"),
    ("001", Count(6, words={"en"}), "[6] 项建议", "six"),
    ("001", days("2023-01-01", "2023-12-31", running=True),
     "2023 年 1月 1 日至 12 月 31 日", "from 1 January to 31 December 2023"),
    ("001", Percent(90), "90%", "90 per cent"),
    ("001", Quarter(2024, 1), "2024 年第一季度", "first quarter of 2024"),
    ("001", Half(2024, 1), "2024 年上半年", "first half of 2024"),
    ("001", Quarter(2024, 4, last=True), "2024年最后一个季度", "last quarter of 2024"),
    ("001", CycleYear(2023), "[2023/24] 年度", "2023/24"),
    ("001", Ordinal(78), "[第七十八]届会议", "seventy-eighth"),
    ("001", YearRange(2020, 2025), "2020–2025", "2020–2025"),
    ("001", month("2024-04"), "2024 年 4 月", "April 2024"),
    # S2 UN development system reform
    ("002", days("2022-03-29", "2022-03-31"), "2022 年 3 月 29 日至 31 日", "29–31 March 2022"),
    ("002", YearRange(2017, 2020), "2017–2020", "2017–2020"),
    ("002", YearRange(2021, 2024), "2021–2024", "2021–2024"),
    ("002", month("2019-05"), "2019 年 5 月", "May 2019"),
    ("002", month("2021-09"), "2021 年 9 月", "September 2021"),
    ("002", month("2022-02"), "2022 年 2 月", "February 2022"),
    ("002", month("2022-04"), "2022 年 4 月", "April 2022"),
    ("002", month("2022-03"), "2022 年 3 月", "March 2022"),
    ("002", Count(20, words=True), "[二十]个联合国实体", "twenty"),
    ("002", Percent(30), "30%", "30 per cent"),
    ("002", Percent(1), "1%", "1 per cent"),
    ("002", Ordinal(76), "[第七十六]届会议", "seventy-sixth"),
    ("002", Count(8, words=True), "为期[八]年", "eight"),
    ("002", Count(2, words=True), "为期[两]年", "two"),
    # S3 update on activities, January–June 2020
    ("003", day("2020-06-29"), "2020 年 6 月 29 日", "29 June 2020"),
    ("003", months("2020-01", "2020-06", period=True), "2020 年 1 月至 6 月期间", "from January to June 2020"),
    ("003", months("2020-01", "2020-05", period=True), "2020 年 1 月至 5 月期间", "from January to May 2020"),
    ("003", m("476.1 million"), "4.761 亿美元", "$476.1 million"),
    ("003", m("123.4 million"), "1.234 亿美元", "$123.4 million"),
    ("003", m("154.7 million"), "1.547 亿美元", "$154.7 million"),
    ("003", m("321.4 million"), "3.214 亿美元", "$321.4 million"),
    ("003", m("186.7 million"), "1.867 亿美元", "$186.7 million"),
    ("003", m("190.4 million"), "1.904 亿美元", "$190.4 million"),
    ("003", m("264.7 million"), "2.647 亿美元", "$264.7 million"),
    ("003", m("164 million"), "1.64 亿美元", "$164 million"),
    ("003", m("29.7 million"), "2 970 万美元", "$29.7 million"),
    ("003", m("93.7 million"), "9 370 万美元", "$93.7 million"),
    ("003", m("33.9 million"), "3 390 万美元", "$33.9 million"),
    ("003", m("12.5 million"), "1 250 万美元", "$12.5 million"),
    ("003", m("44 million"), "4 400 万美元", "$44 million"),
    ("003", m("10.3 million"), "1 030 万美元", "$10.3 million"),
    ("003", m("5.2 million"), "520 万美元", "$5.2 million"),
    ("003", m("5.5 million"), "550 万美元", "$5.5 million"),
    ("003", m("3.7 million"), "370 万美元", "$3.7 million"),
    ("003", m("0.3 million"), "30 万美元", "$0.3 million"),
    ("003", day("2019-12-31"), "2019 年 12 月 31 日", "31 December 2019"),
    ("003", day("2020-03-31"), "2020 年 3 月 31 日", "31 March 2020"),
    ("003", day("2020-01-02"), "2020 年 1 月 2 日", "2 January 2020"),
    ("003", day("2020-06-01"), "2020 年 6 月 1 日", "1 June 2020"),
    ("003", day("2020-07-15"), "2020 年 7 月 15 日", "15 July 2020"),
    ("003", day("2020-03-04"), "2020 年 3 月 4 日", "4 March 2020"),
    ("003", YearRange(2020, 2023), "2020-2023", "2020–2023"),
    ("003", Count(4, words={"en"}), "连续 [4] 个年度", "four"),
    # S4 draft resource mobilization strategy
    ("004", m("1.1 billion"), "11 亿美元", "$1.1 billion"),
    ("004", m("20 million"), "2 000 万美元", "$20 million"),
    ("004", m("1.9 million"), "190 万美元", "$1.9 million"),
    ("004", m("5 million"), "500 万美元", "$5 million"),
    ("004", m("109 million"), "1.09 亿美元", "$109 million"),
    ("004", m("13.6 million"), "1 360 万美元", "$13.6 million"),
    ("004", m("50 million"), "5 000 万美元", "$50 million"),
    ("004", m("22 million"), "2 200 万美元", "$22 million"),
    ("004", m("30 billion"), "300 亿美元", "$30 billion"),
    ("004", m("2 million"), "200 万美元", "$2 million"),
    ("004", m("2.3 million"), "230 万美元", "$2.3 million"),
    ("004", m("2.7 million"), "270 万美元", "$2.7 million"),
    ("004", m("109.2 million"), "1.092 亿美元", "$109.2 million"),
    ("004", m("30 million"), "3 000 万美元", "$30 million"),
    ("004", m("43.8 million"), "4 380 万美元", "$43.8 million"),
    ("004", m("15.5 million"), "1 550 万美元", "$15.5 million"),
    ("004", m("75.86 billion"), "758.6亿美元", "$75.86 billion"),
    *[
        ("004", Percent(Decimal(p)), f"{p}%", f"{p} per cent")
        for p in ("5", "85", "48.6", "50", "93", "61", "54", "81", "25", "100", "70", "33")
    ],
    ("004", days("2020-02-08", "2020-02-13"), "2020 年 2 月 8 日至13 日", "8–13 February 2020"),
    ("004", day("2018-05-31"), "2018 年 5 月 31 日", "31 May 2018"),
    ("004", YearRange(2014, 2019), "2014-2019", "2014–2019"),
    ("004", YearRange(2020, 2023), "2020-2023", "2020–2023"),
]  # fmt: skip



@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    return {p.name[:3]: re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def seed_form(printed: str) -> str:
    """The seed's Chinese as a DOCX writes it: no space between CJK and digits (autospace in
    the PDF), the group spaces of numbers kept, the year range with an en dash (S3/S4 print a
    hyphen). Where the printed form holds prose around the figure, [brackets] mark the figure."""
    bracketed = re.search(r"\[(.*)\]", printed)
    text = (bracketed[1] if bracketed else printed).strip()
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])\s+(?=[\u4e00-\u9fff])", "", text)
    return re.sub(r"(?<=\d{4})-(?=\d{4})", "–", text)


def _id(row: tuple[object, ...]) -> str:
    return f"S{int(str(row[0]))}-{row[3]}"


@pytest.mark.parametrize("row", TABLE, ids=[_id(r) for r in TABLE])
def test_seed_pattern(row, seeds) -> None:  # type: ignore[no-untyped-def]
    seed, value, printed, english = row
    assert re.sub(r"[\s\[\]]+", "", printed) in seeds[seed], "the printed form is not in the seed"
    zh = render(value, "zh")
    assert zh.replace(NBSP, " ") == seed_form(printed)
    assert render(value, "en") == english


@pytest.mark.parametrize("row", TABLE, ids=[_id(r) for r in TABLE])
def test_locales_of_the_templates_give_the_house_style(row) -> None:  # type: ignore[no-untyped-def]
    _, value, _, _ = row
    assert render(value, "zh_Hans_CN") == render(value, "zh")
    assert render(value, "en_GB") == render(value, "en") == render(value, "en-US")


def test_chinese_groups_use_no_break_spaces_and_no_space_before_units() -> None:
    assert render(m("62.32 million"), "zh") == "6\u00a0232万美元"
    assert render(m("384,586,115"), "zh") == "384\u00a0586\u00a0115美元"
    assert render(Count(1360), "zh") == "1\u00a0360"
    assert render(Count(350), "zh") == "350"
    assert render(Count(1250), "en") == "1,250"
    assert " " not in render(m("1.1 billion"), "zh")


def test_years_are_never_grouped() -> None:
    assert render(YearRange(2022, 2023), "zh") == "2022–2023"
    assert render(Date(dt.date(2024, 1, 1), "year"), "en") == "2024"
    assert render(Date(dt.date(2024, 1, 1), "year"), "zh") == "2024年"


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        (days("2024-03-29", "2024-04-02"), "29 March–2 April 2024", "2024年3月29日至4月2日"),
        (days("2023-07-01", "2024-06-30"), "1 July 2023–30 June 2024", "2023年7月1日至2024年6月30日"),
        (days("2020-02-08", "2020-02-13", running=True), "from 8 to 13 February 2020", "2020年2月8日至13日"),
        (months("2020-01", "2020-06"), "January–June 2020", "2020年1月至6月"),
        (months("2023-07", "2024-06", period=True), "from July 2023 to June 2024", "2023年7月至2024年6月期间"),
        (Half(2024, 2), "second half of 2024", "2024年下半年"),
        (Quarter(2023, 3), "third quarter of 2023", "2023年第三季度"),
        (CycleYear(2099), "2099/00", "2099/00"),
        (Count(0, words=True), "zero", "零"),
        (Count(99, words=True), "ninety-nine", "九十九"),
        (Count(1, words=True), "one", "一"),
        (Percent("0.85"), "0.85 per cent", "0.85%"),
        (Percent("1.60"), "1.60 per cent", "1.60%"),
        (Percent(1250), "1,250 per cent", "1\u00a0250%"),
        (Money.of("1,234.50"), "$1,234.50", "1\u00a0234.50美元"),
        (Money.of(5000), "$5,000", "5\u00a0000美元"),
        (Money.of("0.015 million"), "$0.015 million", "1.5万美元"),
        (Money.of("152.460 million"), "$152.46 million", "1.5246亿美元"),
        (Money.of("1,250 million"), "$1,250 million", "12.5亿美元"),
        (Money.of("5 million", "EUR"), "€5 million", "500万欧元"),
        (Money.of("5 million", "KES"), "KES\u00a05 million", "500万肯尼亚先令"),
        (Money(Decimal(0)), "$0", "0美元"),
    ],
)
def test_other_forms(value, en, zh) -> None:  # type: ignore[no-untyped-def]
    assert (render(value, "en"), render(value, "zh")) == (en, zh)


def test_english_words_stop_at_99() -> None:
    with pytest.raises(ValueError, match="figures"):
        render(Count(100, words=True), "en")
    assert render(Count(100, words={"zh"}), "en") == "100"
    assert render(Count(100, words={"zh"}), "zh") == "一百"


# --- no float ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [152.46, float("nan")])
def test_money_and_percent_refuse_floats(bad: float) -> None:
    with pytest.raises(DataError, match="float"):
        Money(bad)  # type: ignore[arg-type]
    with pytest.raises(DataError, match="float"):
        Percent(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        language("en").figures.money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal(-1), "1e", True])
def test_money_refuses_non_finite_negative_and_non_numbers(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        Money(bad)  # type: ignore[arg-type]


def test_money_amounts_compare_by_value() -> None:
    assert Money.of("152.46 million") == Money(Decimal(152460000), "million")
    assert hash(Money.of("152.46 million")) == hash(Money(Decimal(152460000), "million"))
    assert Money.of("152.46 million") != Money(Decimal(152460000))  # the scale is part of it


# --- properties -------------------------------------------------------------------------------

_exact = st.builds(
    lambda n, cents: Money(Decimal(n) if cents is None else Decimal(f"{n}.{cents:02d}")),
    st.integers(0, 10**15), st.none() | st.integers(0, 99),
)  # fmt: skip
_scaled = st.builds(
    lambda digits, places, scale, currency: Money(
        Decimal(digits).scaleb(-places) * (10**6 if scale == "million" else 10**9), scale, currency
    ),
    st.integers(10, 10**9), st.integers(0, 3), st.sampled_from(["million", "billion"]),
    st.sampled_from(["USD", "EUR", "GBP", "KES"]),
)  # fmt: skip


_EN_MONEY = re.compile(r"(\$|[^\d\s]|[A-Z]{3}\u00a0)?([\d,]+(?:\.\d+)?)(?: (million|billion))?\Z")
_ZH_MONEY = re.compile(r"([\d\u00a0]+(?:\.\d+)?)(亿|万)?([^\d亿万]+)\Z")


def parse_money(text: str, lang: str) -> Decimal:
    """The amount a money figure states, read back from UN English ("$152.46 million") or UN
    Chinese ("1.5246亿美元"): an oracle written apart from the renderer."""
    m = (_EN_MONEY if lang == "en" else _ZH_MONEY).match(text)
    assert m is not None, text
    number, unit = (m[2], m[3]) if lang == "en" else (m[1], m[2])
    places = {"million": 6, "billion": 9, "亿": 8, "万": 4}.get(unit or "", 0)
    return Decimal(number.replace(",", "").replace(NBSP, "")).scaleb(places)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_exact, _scaled))
def test_any_amount_renders_in_both_languages_and_parses_back(money: Money) -> None:
    en, zh = render(money, "en"), render(money, "zh")
    assert parse_money(en, "en") == money.amount
    assert parse_money(zh, "zh") == money.amount
    assert " " not in zh  # groups are no-break spaces, units follow digits directly
    assert not re.search(r"\d\s[^\d]", en.replace(" million", "").replace(" billion", ""))


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False))
def test_any_percentage_renders_the_same_number_in_both_languages(value: Decimal) -> None:
    en, zh = render(Percent(value), "en"), render(Percent(value), "zh")
    assert en.endswith(" per cent") and zh.endswith("%")
    assert Decimal(en[: -len(" per cent")].replace(",", "")) == value
    assert Decimal(zh[:-1].replace(NBSP, "")) == value


_dates = st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31))


EN_MONTHS = ("January February March April May June July August September October November "
             "December").split()
_EN_DAY = r"(?P<{0}d>\d{{1,2}}) (?P<{0}m>[A-Z][a-z]+) (?P<{0}y>\d{{4}})"
_ZH_DAY = r"(?P<{0}y>\d{{4}})年(?P<{0}m>\d{{1,2}})月(?P<{0}d>\d{{1,2}})日"


def _en_day(m: re.Match[str], end: str, start: str = "") -> dt.date:
    """A date from a match of UN English ("6 May 2024"); a part the range leaves out (the
    start's month or year) is taken from the end."""
    def part(name: str) -> str:
        return (m[start + name] if start else None) or m[end + name]
    return dt.date(int(part("y")), EN_MONTHS.index(part("m")) + 1, int(part("d")))


@settings(max_examples=300, deadline=None)
@given(_dates)
def test_single_dates_are_un_style(d: dt.date) -> None:
    """UN English "6 May 2024" (no comma, month in full, no ordinal suffix); UN Chinese
    "2024年5月6日"; months "May 2024" / "2024年5月" (conventions §4.1, §4.2)."""
    en = re.fullmatch(_EN_DAY.format(""), render(Date(d), "en"))
    assert en is not None and _en_day(en, "") == d
    zh = re.fullmatch(_ZH_DAY.format(""), render(Date(d), "zh"))
    assert zh is not None and (int(zh["y"]), int(zh["m"]), int(zh["d"])) == (d.year, d.month, d.day)
    assert render(Date(d, "month"), "en") == f"{EN_MONTHS[d.month - 1]} {d.year}"
    assert render(Date(d, "month"), "zh") == f"{d.year}年{d.month}月"


@settings(max_examples=150, deadline=None)
@given(_dates, _dates)
def test_date_ranges_are_un_style(a: dt.date, b: dt.date) -> None:
    """A range says each part once: 6–8 May 2024; 29 March–2 April 2024; 1 July 2023–30 June
    2024 (en dash, no spaces); 2024年5月6日至8日; 2024年3月29日至4月2日 (至, never CLDR's dash)."""
    assume(a < b)
    same_year, same_month = a.year == b.year, (a.year, a.month) == (b.year, b.month)
    en = render(DateRange(a, b), "en")
    first = r"(?P<ad>\d{1,2})(?: (?P<am>[A-Z][a-z]+))?(?: (?P<ay>\d{4}))?"
    m = re.fullmatch(first + "–" + _EN_DAY.format("b"), en)
    assert m is not None, en
    assert (m["am"] is None, m["ay"] is None) == (same_month, same_year)
    assert (_en_day(m, "b", "a"), _en_day(m, "b")) == (a, b)
    zh = render(DateRange(a, b), "zh")
    m = re.fullmatch(_ZH_DAY.format("a") + r"至(?:(?P<by>\d{4})年)?(?:(?P<bm>\d{1,2})月)?(?P<bd>\d{1,2})日", zh)
    assert m is not None, zh
    assert (m["bm"] is None, m["by"] is None) == (same_month, same_year)
    end = dt.date(int(m["by"] or m["ay"]), int(m["bm"] or m["am"]), int(m["bd"]))
    assert (dt.date(int(m["ay"]), int(m["am"]), int(m["ad"])), end) == (a, b)
    assert render(DateRange(a, b, period=True), "zh") == zh + "期间"
    assert render(DateRange(a, b, period=True), "en") == "from " + en.replace("–", " to ")
    if not same_month:
        months_zh = render(DateRange(a, b, "month"), "zh")
        assert months_zh == f"{a.year}年{a.month}月至" + (f"{b.year}年" if not same_year else "") + f"{b.month}月"
        months_en = render(DateRange(a, b, "month"), "en")
        start = EN_MONTHS[a.month - 1] + ("" if same_year else f" {a.year}")
        assert months_en == f"{start}–{EN_MONTHS[b.month - 1]} {b.year}"


def test_masthead_and_prose_print_one_range() -> None:
    """The masthead's session dates and a {fact:} range come from the same rule."""
    import habitat_docs as hd

    doc = hd.load(Path(__file__).resolve().parents[1] / "examples" / "hsp-eb-2024-11.yaml")
    for code, expected in (("zh", "2024年5月6日至8日，内罗毕"), ("en", "Nairobi, 6–8 May 2024")):
        (venue,) = ["".join(s.text for s in line.content)
                    for line in hd.compose(doc, code).masthead if line.role == "venue"]
        assert venue == expected
        assert render(DateRange(doc.session.start, doc.session.end), code) in venue


# --- other languages: CLDR -------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["de_DE", "it", "pt_BR", "uk", "zh_Hant_TW"])
def test_other_locales_fall_back_to_cldr(locale: str) -> None:
    assert language_of(locale) is None
    assert render(m("384,586,115"), locale)
    assert render(m("152.46 million"), locale)
    assert render(Percent("48.6"), locale)
    assert render(days("2024-05-06", "2024-05-08"), locale) == format_interval(
        dt.date(2024, 5, 6), dt.date(2024, 5, 8), "yMMMMd", locale=locale
    )
    assert render(day("2024-05-06"), locale) == format_date(dt.date(2024, 5, 6), "long", locale=locale)
    assert render(YearRange(2022, 2023), locale) == "2022–2023"
    assert render(Count(1250), locale)


def test_german_figures_are_cldrs() -> None:
    assert render(Percent("48.6"), "de_DE") == "48,6\u00a0%"
    assert render(m("384,586,115"), "de_DE") == "384.586.115\u00a0$"
    assert render(m("152.46 million"), "de_DE") == "152,46\u00a0Mio.\u00a0$"


@pytest.mark.parametrize(
    ("value", "macro"),
    [(SessionRef(2024, 1), "fact_session"), (Quarter(2024, 1), "fact_quarter"),
     (Half(2024, 1), "fact_half"), (Ordinal(3), "fact_ordinal"),
     (Count(3, words=True), "fact_count_words")],
)  # fmt: skip
def test_wordings_cldr_lacks_name_the_macro_to_add(value, macro) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=macro):
        render(value, "de_DE")


def test_existing_formatters_keep_their_behaviour() -> None:
    assert numerals.roman(14) == "XIV"
    assert numerals.alpha(27) == "aa"
    assert numerals.zh_numeral(105) == "一百零五"
    assert render(Ordinal(78), "en") == "seventy-eighth"
    assert render(Ordinal(78), "zh") == "第七十八"
    assert language("en").figures.date(dt.date(2024, 5, 6)) == "6 May 2024"
    assert language("zh").figures.dates(dt.date(2024, 5, 6), dt.date(2024, 5, 8)) == "2024年5月6日至8日"
    assert style.language_name("zh", "en_GB") == "Chinese"


@pytest.mark.parametrize(("locale", "code"), [("en", "en"), ("en_GB", "en"), ("en-US", "en"),
                                             ("zh", "zh"), ("zh-CN", "zh"), ("zh_Hans_CN", "zh"),
                                             ("zh_TW", None), ("fr_FR", "fr"), ("es", "es"),
                                                 ("de_DE", None)])  # fmt: skip
def test_a_locale_is_written_by_the_language_folder_of_its_language_and_script(
    locale: str, code: str | None
) -> None:
    assert language_of(locale) == code
