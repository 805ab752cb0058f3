"""Numerals, ordinals, numbers, money and dates in UN house style, per language.

English (``en``, any territory) and Chinese (``zh``, simplified script) follow a small house-style
layer: UN English ("$152.46 million", "89 per cent", "6–8 May 2024") and UN Chinese as printed in
the seeds ("1.5246亿美元", "6 232万美元" with U+00A0 in the groups, "2024年5月6日至8日"). Every
other locale falls back to Babel (CLDR), so a new language needs no Python; the wordings CLDR
cannot give (ordinals and numbers in words, session names, quarters, halves) raise ``ValueError``
there, and a language supplies them as macros in its ``labels.j2`` (see ``Language.fact``).

The house style takes nothing from CLDR: every date, range, amount, percentage, ordinal and
session name of English and Chinese is written here, once, for the masthead, the facts and the
templates alike, so that a Babel release cannot change what a document prints (Babel 2.19
changed the Chinese interval "2024年5月6日至8日" to "2024年5月6日 – 8日"). Babel gives only
what UN style leaves to the locale: language names, list joining and other locales' figures.

Money is ``Decimal`` throughout: amounts are scaled by moving the decimal point (exact), never
by floating-point division.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

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

__all__ = [
    "roman", "alpha", "zh_numeral", "ordinal_word", "language_name",
    "house_style", "number", "cardinal_word", "count", "money", "percent", "date", "dates",
    "year_range", "cycle_year", "ordinal", "session_name", "quarter", "half_year", "NBSP",
]  # fmt: skip

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def roman(n: int) -> str:
    """1 -> I, 14 -> XIV."""
    if n < 1:
        raise ValueError(f"no Roman numeral for {n}")
    out: list[str] = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def alpha(n: int) -> str:
    """UN letter labels: a … z, then aa, bb, … zz."""
    if n < 1:
        raise ValueError(f"no letter label for {n}")
    times, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (times + 1)


_ZH_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """Chinese numerals as in section headings: 1 -> 一, 11 -> 十一, 20 -> 二十, 105 -> 一百零五."""
    if not 0 < n < 10000:
        raise ValueError(f"no Chinese numeral for {n}")
    if n < 20:
        return ("十" if n >= 10 else "") + (_ZH_DIGITS[n % 10] if n % 10 or n < 10 else "")
    out: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and out:
                out.append("零")
            out.append(_ZH_DIGITS[digit] + unit)
            zero = False
        else:
            zero = True
    return "".join(out)


_EN_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def ordinal_word(n: int, lang: str = "en") -> str:
    """1 -> first (en) / 第一 (zh); 78 -> seventy-eighth / 第七十八."""
    if lang == "zh":
        return "第" + zh_numeral(n)
    if not 0 < n < 100:
        raise ValueError(f"no ordinal word for {n}")
    if n < 20:
        return _EN_ORDINALS[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _EN_TENS[tens - 2][:-1] + "ieth"
    return f"{_EN_TENS[tens - 2]}-{_EN_ORDINALS[unit]}"


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def language_name(code: str, in_locale: str) -> str:
    """'zh' in en -> Chinese."""
    name = _locale(in_locale).languages.get(code)
    if not name:
        raise ValueError(f"unknown language code '{code}'")
    return name


# --- figures, money and dates of facts ------------------------------------

NBSP = "\u00a0"  # groups digits in Chinese: "384 586 115" never breaks across lines

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MILLION, _BILLION = 6, 9  # powers of ten of the English scales
_YI, _WAN = 8, 4  # 亿 = 1e8, 万 = 1e4


@cache
def house_style(locale: str) -> str | None:
    """``"en"`` or ``"zh"`` when figures in ``locale`` follow the UN house style of this module,
    ``None`` when they fall back to Babel (CLDR). Accepts ``en``, ``en_GB``, ``zh-CN`` …"""
    loc = _locale(locale.replace("-", "_"))
    if loc.language == "en":
        return "en"
    if loc.language == "zh" and (loc.script == "Hans" or (loc.script is None and loc.territory in (None, "CN", "SG"))):
        return "zh"
    return None


def _cldr(locale: str) -> Locale:
    return _locale(locale.replace("-", "_"))


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


def _grouped(value: Decimal | int, sep: str) -> str:
    text = format(value, ",f") if isinstance(value, Decimal) else f"{value:,}"
    return text if sep == "," else text.replace(",", sep)


def number(value: Decimal | int, locale: str) -> str:
    """A figure with thousands groups: 384,586,115 (en); 384 586 115 with U+00A0 (zh, also for
    four digits: 2 000); CLDR elsewhere. Digits after the point are kept as given (1.60)."""
    value = _exact(value)
    style = house_style(locale)
    if style == "en":
        return _grouped(value, ",")
    if style == "zh":
        return _grouped(value, NBSP)
    return format_decimal(value, locale=_cldr(locale), decimal_quantization=False)


_EN_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip


def _en_cardinal(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens - 2] + (f"-{_en_cardinal(unit)}" if unit else "")


def _no_rule(what: str, locale: str, macro: str) -> ValueError:
    return ValueError(
        f"CLDR (Babel) cannot write {what} in '{locale}': give the language a '{macro}' macro "
        "in its labels.j2"
    )


def cardinal_word(n: int, locale: str = "en") -> str:
    """A number in words: 7 -> seven / 七; 2 -> two / 两 (before a measure word: 两个案件);
    20 -> twenty / 二十. English up to 99 (larger numbers are written in figures)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"no number in words for {n!r}")
    style = house_style(locale)
    if style == "en":
        if n > 99:
            raise ValueError(f"{n} is written in figures, not words (UN English: words up to 99)")
        return _en_cardinal(n)
    if style == "zh":
        return "零" if n == 0 else "两" if n == 2 else zh_numeral(n)
    raise _no_rule("numbers in words", locale, "fact_count_words")


def count(n: int, locale: str, words: bool = False) -> str:
    """A count in figures (114, 1,250 / 1 250) or in words (seven / 七)."""
    return cardinal_word(n, locale) if words else number(_exact(n), locale)


def _en_currency(code: str) -> str:
    if code == "USD":
        return "$"  # "$" alone means United States dollars (UN style)
    symbol = get_currency_symbol(code, locale="en_GB")
    return symbol if len(symbol) == 1 else code + NBSP


def _zh_currency(code: str) -> str:
    return "美元" if code == "USD" else get_currency_name(code, locale="zh_Hans_CN")


def money(
    amount: Decimal | int, locale: str, scale: str = "exact", currency: str = "USD"
) -> str:
    """An amount of money; ``amount`` is the full value in units, ``scale`` the precision the
    English shows ("exact", "million", "billion"):

    ========================  ====================  =================
    amount, scale             en                    zh
    ========================  ====================  =================
    152460000, million        $152.46 million       1.5246亿美元
    62320000, million         $62.32 million        6 232万美元
    1100000000, billion       $1.1 billion          11亿美元
    384586115, exact          $384,586,115          384 586 115美元
    ========================  ====================  =================
    """
    amount = _exact(amount)
    if scale not in ("exact", "million", "billion"):
        raise ValueError(f"unknown money scale {scale!r} (exact, million or billion)")
    style = house_style(locale)
    if style == "en":
        if scale == "exact":
            return _en_currency(currency) + _grouped(amount, ",")
        places = _BILLION if scale == "billion" else _MILLION
        return f"{_en_currency(currency)}{_grouped(_strip(shift(amount, -places)), ',')} {scale}"
    if style == "zh":
        if scale == "exact":
            return _grouped(amount, NBSP) + _zh_currency(currency)
        for places, unit in ((_YI, "亿"), (_WAN, "万")):
            if amount >= 10**places:
                return _grouped(_strip(shift(amount, -places)), NBSP) + unit + _zh_currency(currency)
        return _grouped(_strip(Decimal(amount)), NBSP) + _zh_currency(currency)
    loc = _cldr(locale)
    if scale == "exact":
        pattern = loc.currency_formats["standard"].pattern.replace(".00", ".##")
        return format_currency(
            amount, currency, pattern, locale=loc, currency_digits=False, decimal_quantization=False
        )
    digits = max(0, -_strip(Decimal(amount)).as_tuple().exponent) + 12  # type: ignore[operator]
    return format_compact_currency(amount, currency, locale=loc, fraction_digits=digits)


def percent(value: Decimal | int, locale: str) -> str:
    """89 per cent, 48.6 per cent (en); 89%, 48.6% (zh); CLDR elsewhere. ``value`` is the
    number of per cent (89, not 0.89); its digits after the point are kept (1.60 per cent)."""
    value = _exact(value)
    style = house_style(locale)
    if style == "en":
        return _grouped(value, ",") + " per cent"
    if style == "zh":
        return _grouped(value, NBSP) + "%"
    return format_percent(shift(value, -2), locale=_cldr(locale), decimal_quantization=False)


def date(d: dt.date, locale: str, precision: str = "day") -> str:
    """9 January 2024 / February 2023 / 2024 (en); 2024年1月9日 / 2023年2月 / 2024年 (zh)."""
    style = house_style(locale)
    if style == "en":
        if precision == "day":
            return f"{d.day} {_EN_MONTHS[d.month - 1]} {d.year}"
        return f"{_EN_MONTHS[d.month - 1]} {d.year}" if precision == "month" else str(d.year)
    if style == "zh":
        if precision == "day":
            return f"{d.year}年{d.month}月{d.day}日"
        return f"{d.year}年{d.month}月" if precision == "month" else f"{d.year}年"
    loc = _cldr(locale)
    if precision == "day":
        return format_date(d, "long", locale=loc)
    return format_skeleton("yMMMM" if precision == "month" else "y", d, locale=loc)


def dates(
    start: dt.date, end: dt.date, locale: str, precision: str = "day",
    running: bool = False, period: bool = False,
) -> str:  # fmt: skip
    """A range of days or months.

    Compact: 6–8 May 2024; 29 March–2 April 2024; 1 July 2023–30 June 2024; January–June 2020.
    ``running`` (running text, also implied by ``period``): from 6 to 8 May 2024; from 1 January
    to 31 December 2023; from 1 July 2023 to 30 June 2024; from January to June 2020.
    Chinese: 2024年5月6日至8日; 2023年7月1日至2024年6月30日; 2020年1月至6月; ``period`` adds
    期间 (2023年7月1日至2024年6月30日期间). Elsewhere a CLDR interval.
    """
    if precision not in ("day", "month"):
        raise ValueError(f"unknown precision {precision!r} for a range (day or month)")
    style = house_style(locale)
    by_day = precision == "day"
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    if (same_month and not by_day) or start == end:
        return date(start, locale, precision)
    if style == "en":
        m1 = _EN_MONTHS[start.month - 1]
        if by_day:
            first = (str(start.day) if same_month else f"{start.day} {m1}" if same_year
                     else f"{start.day} {m1} {start.year}")  # fmt: skip
        else:
            first = m1 if same_year else f"{m1} {start.year}"
        last = date(end, "en", precision)
        return f"from {first} to {last}" if running or period else f"{first}–{last}"
    if style == "zh":
        if by_day:
            last = (f"{end.day}日" if same_month else f"{end.month}月{end.day}日" if same_year
                    else date(end, "zh"))  # fmt: skip
        else:
            last = f"{end.month}月" if same_year else date(end, "zh", "month")
        return f"{date(start, 'zh', precision)}至{last}{'期间' if period else ''}"
    return format_interval(start, end, "yMMMMd" if by_day else "yMMMM", locale=_cldr(locale))


def year_range(start: int, end: int, locale: str | None = None) -> str:
    """2022–2023 (en dash, no spaces) in every language; Chinese prose adds 年 or 两年期."""
    return f"{start}–{end}"


def cycle_year(start: int, locale: str | None = None) -> str:
    """A non-calendar year: 2023/24 in every language; Chinese prose adds 年度."""
    return f"{start}/{(start + 1) % 100:02d}"


def ordinal(n: int, locale: str) -> str:
    """seventy-eighth (en); 第七十八 (zh)."""
    style = house_style(locale)
    if style is None:
        raise _no_rule("ordinals in words", locale, "fact_ordinal")
    return ordinal_word(n, style)


def session_name(year: int, n: int, locale: str) -> str:
    """first session of 2024 (en); 2024年第一次会议 (zh)."""
    style = house_style(locale)
    if style == "en":
        return f"{ordinal_word(n)} session of {year}"
    if style == "zh":
        return f"{year}年{ordinal_word(n, 'zh')}次会议"
    raise _no_rule("session names", locale, "fact_session")


def quarter(year: int, n: int, locale: str, last: bool = False) -> str:
    """first quarter of 2024, last quarter of 2024 (en); 2024年第一季度, 2024年最后一个季度 (zh)."""
    if not 1 <= n <= 4:
        raise ValueError(f"no quarter {n}")
    style = house_style(locale)
    if style == "en":
        return f"{'last' if last else ordinal_word(n)} quarter of {year}"
    if style == "zh":
        return f"{year}年{'最后一个' if last else ordinal_word(n, 'zh')}季度"
    raise _no_rule("quarters", locale, "fact_quarter")


def half_year(year: int, n: int, locale: str) -> str:
    """first half of 2024 (en); 2024年上半年 (zh)."""
    if n not in (1, 2):
        raise ValueError(f"no half-year {n}")
    style = house_style(locale)
    if style == "en":
        return f"{ordinal_word(n)} half of {year}"
    if style == "zh":
        return f"{year}年{'上' if n == 1 else '下'}半年"
    raise _no_rule("half-years", locale, "fact_half")


# --- rendering -----------------------------------------------------------------------------

_RENDER: dict[type, Callable[[Any, str], str]] = {
    Money: lambda v, loc: money(v.amount, loc, v.scale, v.currency),
    Percent: lambda v, loc: percent(v.value, loc),
    Date: lambda v, loc: date(v.value, loc, v.precision),
    DateRange: lambda v, loc: dates(v.start, v.end, loc, v.precision, v.running, v.period),
    YearRange: lambda v, loc: year_range(v.start, v.end, loc),
    CycleYear: lambda v, loc: cycle_year(v.start, loc),
    Count: lambda v, loc: count(v.value, loc, v.in_words(loc)),
    Ordinal: lambda v, loc: ordinal(v.n, loc),
    SessionRef: lambda v, loc: session_name(v.year, v.ordinal, loc),
    Quarter: lambda v, loc: quarter(v.year, v.n, loc, v.last),
    Half: lambda v, loc: half_year(v.year, v.n, loc),
}


def render(value: Fact, lang: str) -> str:
    """The fact in a language or locale (``"en"``, ``"en_GB"``, ``"zh"``, ``"fr"`` …): UN house
    style for English and Chinese, CLDR (Babel) for any other locale."""
    try:
        fn = _RENDER[type(value)]
    except KeyError:
        raise TypeError(f"not a fact: {value!r}") from None
    return fn(value, lang)


_EN_MONEY = re.compile(r"(\$|[^\d\s]|[A-Z]{3}[\s\u00a0])?([\d,]+(?:\.\d+)?)(?: (million|billion))?\Z")
_ZH_MONEY = re.compile(r"([\d\s\u00a0]+(?:\.\d+)?)(亿|万)?([^\d亿万]+)\Z")


def parse_money(text: str, lang: str) -> Decimal:
    """The amount of a money figure as ``render`` writes it in English or Chinese:
    "$152.46 million" and "1.5246亿美元" both give Decimal("152460000")."""
    house = house_style(lang)
    if house == "en":
        m = _EN_MONEY.match(text.strip())
        if m:
            places = {"million": 6, "billion": 9}.get(m[3] or "", 0)
            return shift(Decimal(m[2].replace(",", "")), places)
    elif house == "zh":
        m = _ZH_MONEY.match(text.strip())
        if m:
            places = {"亿": 8, "万": 4}.get(m[2] or "", 0)
            return shift(Decimal(re.sub(r"[\s\u00a0]", "", m[1])), places)
    else:
        raise ValueError(f"parse_money reads English and Chinese figures only, not '{lang}'")
    raise ValueError(f"{text!r} is not a money figure in '{lang}'")
