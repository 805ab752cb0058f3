"""Figures in a language's house style: numbers, money, per cent, dates and date ranges.

A language's house style is data: the ``[style]`` table of its ``templates/<lang>/language.toml``
(digit groups, money patterns and scales, month names and their stand-alone forms
``{month_alone}``, date and range patterns, per cent by CLDR plural category). One engine
reads it for every language, and the masthead, the facts and the templates all print through
it, so a Babel release cannot change what a document prints. A language without a ``[style]``
table falls back to CLDR (Babel). Numbers in words, ordinals, session names, quarters and
half-years are wording, not figures: the language's ``labels.j2`` macros write them.

Money is ``Decimal`` throughout: amounts are scaled by moving the decimal point (exact).

    >>> from habitat_docs.compose.language import language
    >>> figures = language("en").figures          # templates/en/language.toml, [style]
    >>> figures.fact(Money.of("152.46 million"), "en"), figures.fact(Percent(89), "en")
    ('$152.46 million', '89 per cent')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from attrs import frozen
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import (
    format_compact_currency,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_name,
    get_currency_symbol,
)  # fmt: skip

from habitat_docs.model.facts import (
    Count,
    CycleYear,
    Date,
    DateRange,
    Fact,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
    shift,
)  # fmt: skip

__all__ = ["HouseStyle", "Figures", "HouseFigures", "CldrFigures", "WORDING", "cldr_locale",
           "language_name"]  # fmt: skip

Sameness = Literal["same_month", "same_year", "other"]
# A money pattern: one string, or one per CLDR plural category of the number it prints
# ({ one = "{n} million de {currency}", other = "{n} millions de {currency}" }).
Pattern = str | Mapping[str, str]
_SCALE_POWERS = {"million": 6, "billion": 9}
_SCALES = frozenset({"exact", *_SCALE_POWERS})

# Facts that are wording rather than figures: the macro of labels.j2 that writes each (a count
# only when it is to be written in words).
WORDING: dict[type, str] = {SessionRef: "fact_session", Quarter: "fact_quarter", Half: "fact_half",
                            Ordinal: "fact_ordinal", Count: "fact_count_words"}  # fmt: skip

@cache
def cldr_locale(code: str) -> Locale:
    return Locale.parse(code.replace("-", "_"))


def language_name(code: str, in_locale: str) -> str:
    """'zh' in en_GB -> Chinese (CLDR: UN style leaves language names to the locale)."""
    name = cldr_locale(in_locale).languages.get(code)
    if not name:
        raise ValueError(f"unknown language code '{code}'")
    return name


def _exact(value: object) -> Decimal | int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        hint = " (a float is never exact: use Decimal or int)" if isinstance(value, float) else ""
        raise TypeError(f"expected a Decimal or an int, got {type(value).__name__}{hint}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{value} is not a finite number")
    return value


def _strip(value: Decimal) -> Decimal:
    """Drop trailing zeros after the decimal point: 152.460 -> 152.46, 20.0 -> 20 (exactly)."""
    sign, digits, exp = value.as_tuple()
    assert isinstance(exp, int)
    if exp >= 0:
        return value
    if not any(digits):
        return Decimal(0)
    n = len(digits)
    while exp < 0 and digits[n - 1] == 0:
        n -= 1
        exp += 1
    return Decimal((sign, digits[:n], exp))


def _pair(value: Any) -> tuple[str, str]:
    start, end = value
    return str(start), str(end)


# What a [style] table must say (dotted paths), so that a gap shows when the language loads.
_REQUIRED = (
    "numbers.group", "numbers.decimal", "percent", "money.exact", "dates.day", "dates.month",
    "dates.year", *(f"dates.ranges.day.{same}" for same in ("same_month", "same_year", "other")),
    *(f"dates.ranges.month.{same}" for same in ("same_year", "other")),
    *(f"dates.joins.{mode}" for mode in ("compact", "running", "period")),
)  # fmt: skip


def _plural_form(pattern: Pattern, n: Decimal | int, locale: str) -> str:
    """The form of ``pattern`` the number takes in ``locale`` (CLDR's plural rules: French
    1,5 million but 2 millions); a category the table leaves out takes its "other"."""
    if isinstance(pattern, str):
        return pattern
    return pattern.get(cldr_locale(locale).plural_form(n), pattern["other"])


def _check_pattern(pattern: Any, what: str = "money") -> Pattern:
    if isinstance(pattern, Mapping) and "other" not in pattern:
        raise ValueError(f"a {what} pattern by plural category needs an 'other' form: {dict(pattern)}")
    return pattern


def _has(table: Mapping[str, Any], dotted: str) -> bool:
    node: Any = table
    for key in dotted.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return False
        node = node[key]
    return True


@frozen
class HouseStyle:
    """A language's ``[style]`` table, read once; see templates/en/language.toml."""

    locale: str
    group: str
    decimal: str
    percent: Pattern  # or one per CLDR plural category: "{n} процент", "{n} процента", …
    percent_table: Pattern  # in a table's cells, where running text's words take too much room
    money_exact: Pattern
    money_scales: Mapping[str, tuple[int, Pattern]]  # scale of the source -> (power of ten, pattern)
    money_sizes: tuple[tuple[int, Pattern], ...]  # or by size, largest first: (power, pattern)
    currencies: Mapping[str, str]
    other_currency: Literal["symbol", "name"]
    # (pattern, replacement) rewrites of an amount as written: French "de euros" -> "d'euros"
    contractions: tuple[tuple[re.Pattern[str], str], ...]
    months: tuple[str, ...]
    days: Mapping[str, str]  # how a day of the month is written where not in figures: 1 -> 1er
    standalone_months: tuple[str, ...]  # CLDR's stand-alone forms: Russian "май 2024 года"
    day: str
    month: str
    year: str
    ranges: Mapping[str, Mapping[str, tuple[str, str]]]  # precision -> sameness -> (start, end)
    joins: Mapping[str, str]  # compact, running, period -> "{start}–{end}" …
    year_range: str
    cycle: str
    # The plural category of money is that of the whole number ("integer"): Arabic writes
    # "4.1 ملايين" as it writes "4 ملايين"; by default that of the number itself.
    plural_of: str = "number"

    @classmethod
    def from_table(cls, table: Mapping[str, Any], locale: str) -> HouseStyle:
        missing = [key for key in _REQUIRED if not _has(table, key)]
        if missing:
            raise ValueError(f"the [style] table lacks {', '.join(missing)}")
        money, dates = table["money"], table["dates"]
        ranges = dates["ranges"]
        return cls(
            locale=locale,
            group=table["numbers"]["group"],
            decimal=table["numbers"]["decimal"],
            percent=_check_pattern(table["percent"], "percent"),
            percent_table=_check_pattern(table.get("percent_table", table["percent"]), "percent"),
            money_exact=_check_pattern(money["exact"]),
            money_scales={k: (_SCALE_POWERS[k], _check_pattern(v)) for k, v in money.get("scales", {}).items()},
            money_sizes=tuple((int(p), _check_pattern(pat)) for p, pat in money.get("sizes", [])),
            currencies=dict(money.get("currencies", {})),
            other_currency=money.get("other_currency", "symbol"),
            contractions=tuple((re.compile(find), write) for find, write in money.get("contractions", [])),
            months=tuple(dates["months"]) if "months" in dates else (),
            days=dict(dates.get("days", {})),
            standalone_months=tuple(dates.get("standalone_months", dates.get("months", ()))),
            day=dates["day"],
            month=dates["month"],
            year=dates["year"],
            ranges={p: {s: _pair(v) for s, v in by.items()} for p, by in ranges.items()},
            joins=dict(dates["joins"]),
            year_range=table.get("year_range", "{start}–{end}"),
            cycle=table.get("cycle", "{start}/{end}"),
            plural_of=money.get("plural_of", "number"),
        )


class Figures:
    """Writes the figures of facts; ``fact`` refuses wording (see ``WORDING``)."""

    def fact(self, value: Fact, lang: str, table: bool = False) -> str:
        """``value`` in the figures of ``lang`` (a count that ``lang`` writes in words is
        wording, refused like the other wording); ``table``: as a table's cell prints it."""
        write = (table and _IN_TABLES.get(type(value))) or _FIGURES.get(type(value))
        if write is not None and not (isinstance(value, Count) and value.in_words(lang)):
            return write(self, value)
        if type(value) in WORDING:
            raise ValueError(
                f"{type(value).__name__} is written in words: give the language a "
                f"'{WORDING[type(value)]}' macro in its labels.j2"
            )
        raise TypeError(f"not a fact: {value!r}")

    def number(self, value: Decimal | int) -> str:
        raise NotImplementedError

    def money(self, amount: Decimal | int, scale: str = "exact", currency: str = "USD") -> str:
        raise NotImplementedError

    def percent(self, value: Decimal | int, table: bool = False) -> str:
        """Per cent in running text, or (``table``) in a table's cells: "89 процентов", "89%"."""
        raise NotImplementedError

    def date(self, d: dt.date, precision: str = "day") -> str:
        raise NotImplementedError

    def dates(self, start: dt.date, end: dt.date, precision: str = "day", mode: str = "compact") -> str:
        """A range of days or months; one date when both ends name the same one."""
        if precision not in ("day", "month"):
            raise ValueError(f"unknown precision {precision!r} for a range (day or month)")
        same_month = (start.year, start.month) == (end.year, end.month)
        if start == end or (same_month and precision == "month"):
            return self.date(start, precision)
        return self._range(start, end, precision, mode)

    def _range(self, start: dt.date, end: dt.date, precision: str, mode: str) -> str:
        raise NotImplementedError

    # 2022–2023 and 2023/24 in every language unless its house style says otherwise
    years_pattern, cycle_pattern = "{start}–{end}", "{start}/{end}"

    def year_range(self, start: int, end: int) -> str:
        return self.years_pattern.format(start=start, end=end)

    def cycle_year(self, start: int) -> str:
        return self.cycle_pattern.format(start=start, end=f"{(start + 1) % 100:02d}")


def _range_mode(value: DateRange) -> str:
    return "period" if value.period else "running" if value.running else "compact"


# How each kind of figure is written, by the Figures methods.
_FIGURES: dict[type, Callable[[Figures, Any], str]] = {
    Money: lambda f, v: f.money(v.amount, v.scale, v.currency),
    Percent: lambda f, v: f.percent(v.value),
    Date: lambda f, v: f.date(v.value, v.precision),
    DateRange: lambda f, v: f.dates(v.start, v.end, v.precision, _range_mode(v)),
    YearRange: lambda f, v: f.year_range(v.start, v.end),
    CycleYear: lambda f, v: f.cycle_year(v.start),
    Count: lambda f, v: f.number(v.value),
}
# Figures a table's cells print in a form of their own.
_IN_TABLES: dict[type, Callable[[Figures, Any], str]] = {
    Percent: lambda f, v: f.percent(v.value, table=True),
}


def _digits(value: Decimal | int, table: dict[int, str]) -> str:
    """Digits with thousands groups (four-digit numbers too: 1,250 / 1 250); digits after the
    point kept as given (1.60). ``table`` maps "," and "." to the language's marks."""
    text = format(value, ",f") if isinstance(value, Decimal) else f"{value:,}"
    return text.translate(table) if table else text


class HouseFigures(Figures):
    """Figures as a language's ``[style]`` table writes them."""

    def __init__(self, style: HouseStyle) -> None:
        self.style = style
        self.years_pattern, self.cycle_pattern = style.year_range, style.cycle
        marks = {",": style.group, ".": style.decimal}
        self._marks = str.maketrans({k: v for k, v in marks.items() if k != v})
        self._dates = {"day": style.day, "month": style.month, "year": style.year}
        self._months = style.months or tuple(str(m) for m in range(1, 13))
        self._alone = style.standalone_months or self._months

    def number(self, value: Decimal | int) -> str:
        return _digits(_exact(value), self._marks)

    def _currency(self, code: str, amount: Decimal | int) -> str:
        """The currency's word (or symbol); a CLDR name agrees with the whole amount: 1,5 euro,
        5 millions d'euros; 21 кенийский шиллинг, 5 млн кенийских шиллингов."""
        named = self.style.currencies.get(code)
        if named is not None:
            return named
        loc = cldr_locale(self.style.locale)
        if self.style.other_currency == "name":
            return get_currency_name(code, count=amount, locale=loc)
        symbol = get_currency_symbol(code, locale=loc)
        return symbol if len(symbol) == 1 else code + "\u00a0"

    def money(self, amount: Decimal | int, scale: str = "exact", currency: str = "USD") -> str:
        """$152.46 million, $384,586,115 (a scale the source gives); 1.5246亿美元, 6 232万美元
        (a size the amount has, where the language counts in its own units)."""
        amount = _exact(amount)
        if scale not in _SCALES:
            raise ValueError(f"unknown money scale {scale!r} (exact, million or billion)")
        pattern: Pattern = self.style.money_exact
        power = 0
        if scale == "exact":
            n: Decimal | int = amount
        else:
            if self.style.money_sizes:
                for size, by_size in self.style.money_sizes:
                    if amount >= 10**size:
                        pattern, power = by_size, size
                        break
            else:
                power, pattern = self.style.money_scales[scale]
            n = _strip(shift(amount, -power))
        whole = int(n) if self.style.plural_of == "integer" else n
        form = _plural_form(pattern, whole, self.style.locale)
        text = form.format(n=_digits(n, self._marks), currency=self._currency(currency, amount))
        for find, write in self.style.contractions:
            text = find.sub(write, text)
        return text

    def percent(self, value: Decimal | int, table: bool = False) -> str:
        pattern = self.style.percent_table if table else self.style.percent
        form = _plural_form(pattern, _exact(value), self.style.locale)
        return form.format(n=self.number(value))

    def _fields(self, d: dt.date) -> dict[str, Any]:
        return {"d": self.style.days.get(str(d.day), d.day), "m": d.month, "month": self._months[d.month - 1], "y": d.year,
                "month_alone": self._alone[d.month - 1]}  # fmt: skip

    def date(self, d: dt.date, precision: str = "day") -> str:
        return self._dates[precision].format_map(self._fields(d))

    def _range(self, start: dt.date, end: dt.date, precision: str, mode: str) -> str:
        """Each part said once: 6–8 May 2024, 29 March–2 April 2024; 2024年5月6日至8日.
        ``ranges.<precision>_<mode>`` (month_running …), if given, serves that mode: Russian
        "с января по июнь" puts the start in another case than "январь–июнь"."""
        same: Sameness = ("same_month" if (start.year, start.month) == (end.year, end.month)
                          else "same_year" if start.year == end.year else "other")  # fmt: skip
        ranges = self.style.ranges
        first, last = ranges.get(f"{precision}_{mode}", ranges[precision])[same]
        return self.style.joins[mode].format(start=first.format_map(self._fields(start)),
                                             end=last.format_map(self._fields(end)))  # fmt: skip



class CldrFigures(Figures):
    """Figures of a language without house style, as CLDR (Babel) writes them."""

    def __init__(self, locale: str) -> None:
        self.locale = cldr_locale(locale)

    def number(self, value: Decimal | int) -> str:
        return format_decimal(_exact(value), locale=self.locale, decimal_quantization=False)

    def money(self, amount: Decimal | int, scale: str = "exact", currency: str = "USD") -> str:
        amount = _exact(amount)
        if scale == "exact":
            pattern = self.locale.currency_formats["standard"].pattern.replace(".00", ".##")
            return format_currency(amount, currency, pattern, locale=self.locale,
                                   currency_digits=False, decimal_quantization=False)  # fmt: skip
        digits = max(0, -int(_strip(Decimal(amount)).as_tuple().exponent)) + 12
        return format_compact_currency(amount, currency, locale=self.locale, fraction_digits=digits)

    def percent(self, value: Decimal | int, table: bool = False) -> str:
        return format_percent(shift(_exact(value), -2), locale=self.locale, decimal_quantization=False)

    def date(self, d: dt.date, precision: str = "day") -> str:
        if precision == "day":
            return format_date(d, "long", locale=self.locale)
        return format_skeleton("yMMMM" if precision == "month" else "y", d, locale=self.locale)

    def _range(self, start: dt.date, end: dt.date, precision: str, mode: str) -> str:
        return format_interval(start, end, "yMMMMd" if precision == "day" else "yMMMM", locale=self.locale)
