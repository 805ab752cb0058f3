"""Russian through the real engine (templates/ru/): every kind of fact against the tables of the
conventions for the six languages (§3, §4.1, §4.2), the plural forms of per cent and of
cross-references, labels at every depth and the masthead lines (§2.2).

Expected strings are copied from those tables; where §4.2 asks for no-break spaces before and
inside "млн долл. США", the strings carry them (U+00A0), as does per cent ("89 процентов"),
whose word never parts from its number [I]."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from support import masthead_roles

from habitat_docs.compose.language import language, render
from habitat_docs.compose.style import HouseStyle
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
from habitat_docs.model.text import Text
from habitat_docs.number import Label

NB = "\u00a0"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


# (fact, Russian as the conventions write it, where)
FACTS = [
    (Money.of("152.46 million"), f"152,46{NB}млн{NB}долл.{NB}США", "§4.1 $152.46 million; §4.2"),
    (Money.of("1.1 billion"), f"1,1{NB}млрд{NB}долл.{NB}США", "§4.1 $1.1 billion"),
    (Money.of("384,586,115"), f"384{NB}586{NB}115{NB}долл.{NB}США", "§4.1 exact"),
    (Percent(89), f"89{NB}процентов", "§4.1 per cent, running text; bound [I]"),
    (Date(d("2024-05-06")), "6 мая 2024 года", "§4.1 date"),
    (Date(d("2024-05-01"), "month"), "май 2024 года", "§4.1 date, a month alone [I]"),
    (Date(d("2024-01-01"), "year"), "2024", "a year: the prose declines год [I]"),
    (DateRange(d("2024-05-06"), d("2024-05-08")), "6–8 мая 2024 года", "§4.1 day range"),
    (DateRange(d("2024-05-06"), d("2024-05-08"), running=True), "с 6 по 8 мая 2024 года",
     "§4.1 day range, text"),
    (DateRange(d("2023-07-01"), d("2024-06-30"), period=True),
     "с 1 июля 2023 года по 30 июня 2024 года", "§4.1 period"),
    (DateRange(d("2024-02-01"), d("2024-04-01"), "month"), "февраль–апрель 2024 года",
     "a range of months [I]"),
    (DateRange(d("2020-01-01"), d("2020-06-01"), "month", period=True),
     "с января по июнь 2020 года", "a period of months: the start in the genitive [I]"),
    (DateRange(d("2023-12-01"), d("2024-03-01"), "month", running=True),
     "с декабря 2023 года по март 2024 года", "months across years, running text [I]"),
    (YearRange(2022, 2023), "2022–2023", "§4.1 biennium: двухгодичный период 2022–2023 годов"),
    (CycleYear(2023), "2023/24", "a non-calendar year [I]"),
    (Count(114), "114", "§4.1 digits"),
    (Count(1360), f"1{NB}360", "§4.1 thousands: space"),
    (Count(7, words=True), "семь", "§4.1 words below 10 as in English"),
    (Count(78, words=True), "семьдесят восемь", "words: the tens and the unit"),
    (Ordinal(78), "семьдесят восьмой", "§4.1 ordinal: only the last word is ordinal"),
    (SessionRef(2024, 1), "первая сессия 2024 года", "§2.2 session"),
    (SessionRef(2023, 3), "третья сессия 2023 года", "§2.2 session"),
    (Quarter(2024, 1), "первый квартал 2024 года", "§4.1 quarter"),
    (Quarter(2024, 4, last=True), "последний квартал 2024 года", "the last quarter"),
    (Half(2024, 1), "первое полугодие 2024 года", "§4.1 half"),
    (Half(2024, 2), "второе полугодие 2024 года", "§4.1 half"),
]


@pytest.mark.parametrize(("value", "russian", "where"), FACTS, ids=[w for _, _, w in FACTS])
def test_every_fact_kind_as_the_conventions_write_it(value, russian, where) -> None:  # type: ignore[no-untyped-def]
    assert render(value, "ru") == russian


def test_every_kind_of_fact_is_covered() -> None:
    from habitat_docs.model.facts import FACT_TYPES

    assert {type(v) for v, _, _ in FACTS} == set(FACT_TYPES)


# Per cent agrees with its number (CLDR plural categories of Russian): one, few, many, other.
PERCENT = [
    (1, f"1{NB}процент"), (2, f"2{NB}процента"), (5, f"5{NB}процентов"), (11, f"11{NB}процентов"),
    (21, f"21{NB}процент"), (22, f"22{NB}процента"), (25, f"25{NB}процентов"), (111, f"111{NB}процентов"),
    (Decimal("0.5"), f"0,5{NB}процента"), (Decimal("48.6"), f"48,6{NB}процента"),
]  # fmt: skip


@pytest.mark.parametrize(("n", "russian"), PERCENT)
def test_per_cent_in_words_agrees_with_the_number(n: int | Decimal, russian: str) -> None:
    assert render(Percent(n), "ru") == russian


def test_the_plural_forms_stay_russian_only() -> None:
    """The choice by plural category leaves a one-pattern language alone."""
    assert [render(Percent(n), "en") for n in (1, 2, 21)] == ["1 per cent", "2 per cent", "21 per cent"]


def test_a_percent_table_needs_its_other_form() -> None:
    table = tomllib.loads((TEMPLATES / "ru" / "language.toml").read_text(encoding="utf-8"))["style"]
    del table["percent"]["other"]
    with pytest.raises(ValueError, match="'other'"):
        HouseStyle.from_table(table, "ru_RU")


NUMBERS = ["1", "2", "5", "11", "21", "22", "25"]


@pytest.mark.parametrize("n", NUMBERS)
def test_one_paragraph_is_singular_whatever_its_number(n: str) -> None:
    """§3: "пункт 15": the word counts targets, not the number's plural category."""
    assert language("ru").reference("paragraph", [n], None) == f"пункт{NB}{n}"


@pytest.mark.parametrize("n", NUMBERS)
def test_two_paragraphs_and_ranges_are_plural(n: str) -> None:
    ru = language("ru")
    assert ru.reference("paragraph", [n, "30"], None) == f"пункты{NB}{n} и 30"
    assert ru.reference("paragraph", [f"{n}–30"], None) == f"пункты{NB}{n}–30"


REFERENCES = [
    (("paragraph", ["4", "5"], None), f"пункты{NB}4 и 5"),  # §3 paras. 4 and 5
    (("paragraph", ["4", "5", "6"], None), f"пункты{NB}4, 5 и 6"),
    (("section", ["II"], None), f"раздел{NB}II"),  # §3 sect. II
    (("subsection", ["II.A", "III"], None), f"разделы{NB}II.A и III"),
    (("figure", ["I"], None), f"диаграмма{NB}I"),
    (("table", ["1", "2"], None), f"таблицы{NB}1 и 2"),
    (("annex", ["II"], None), f"приложение{NB}II"),
    (("paragraph", ["3"], "I"), f"пункт{NB}3 приложения{NB}I"),
    (("paragraph", ["3"], ""), f"пункт{NB}3 приложения"),
    (("operative", ["2"], None), f"пункт{NB}2 проекта решения"),
    (("decision", [""], None), "проект решения"),
]


@pytest.mark.parametrize(("args", "russian"), REFERENCES)
def test_references(args: tuple[str, list[str], str | None], russian: str) -> None:
    assert language("ru").reference(*args) == russian


def test_labels_at_every_depth() -> None:
    """§3: I., A., 1., a) with Latin letters, i) [M]; a. and i. below [I]."""
    ru = language("ru")
    section = Label("section", 2)
    assert ru.label(section) == "II."
    assert ru.label(Label("subsection", 3, parent=section)) == "C."
    assert ru.label(Label("paragraph", 15)) == "15."
    depths = [ru.label(Label("subparagraph", 4, depth=k)) for k in (1, 2, 3, 4)]
    assert depths == ["d)", "iv)", "d.", "iv."]
    assert ru.label(Label("annex", 1), annexes=1) == "Приложение"
    assert ru.label(Label("annex", 2), annexes=3) == "Приложение II"
    assert ru.label(Label("figure", 1)) == "Диаграмма I"
    assert ru.label(Label("table", 1)) == "Таблица 1"


def test_phrases() -> None:
    ru = language("ru")
    for gender in ("f", "m"):  # invariable [S R3]
        assert ru.phrase("subtitle", "executive-director-report", gender) == "Доклад Директора-исполнителя"
    assert ru.phrase("subtitle", "secretariat-note", "f") == "Записка секретариата"
    assert ru.phrase("summary_title") == "Резюме"
    assert ru.phrase("item_ref", "12") == f"пункт{NB}12"
    assert ru.phrase("annex_original", "en") == "[Подлинный текст на английском языке]"
    assert ru.phrase("decision_heading", "2024/…") == "Проект решения 2024/…"


def test_russian_locales_take_the_russian_templates() -> None:
    assert render(Percent(5), "ru_RU") == render(Percent(5), "ru-RU") == f"5{NB}процентов"


def test_words_stop_at_99() -> None:
    with pytest.raises(ValueError, match="figures"):
        render(Count(100, words=True), "ru")


def _masthead(items: list[str], online: bool = False) -> dict[str, list[str]]:
    return masthead_roles("ru", Text(en="Nairobi", ru="Найроби"), items, online)


def test_masthead_lines() -> None:
    """§2.2: Russian strings, the right-hand column in English, the job number with (R)."""
    m = _masthead(["12"])
    assert m["un"] == ["Организация Объединенных Наций"]
    assert m["organ"] == [
        "Исполнительный совет Программы Организации Объединенных Наций по населенным пунктам"
    ]
    assert m["distr"] == ["Distr.: General", "21 March 2024", "Russian", "Original: English"]
    assert m["session"] == ["Первая сессия 2024 года"]
    assert m["venue"] == ["Найроби, 6–8 мая 2024 года"]
    assert m["item"] == ["Пункт 12 предварительной повестки дня\ue000"]
    assert m["subtitle"] == ["Доклад Директора-исполнителя"]
    assert m["job"] == ["24-01234 (R) 210324"]


def test_masthead_two_items_and_online() -> None:
    m = _masthead(["11", "12"], online=True)
    assert m["item"] == ["Пункты 11 и 12 предварительной повестки дня\ue000"]
    assert m["venue"] == ["В режиме онлайн, 6–8 мая 2024 года"]
