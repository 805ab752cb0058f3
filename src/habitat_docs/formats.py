"""Numerals, ordinals and dates in UN house style, per language (conventions.md §3–4)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_interval

__all__ = [
    "roman", "alpha", "zh_numeral", "ordinal_word", "long_date", "date_range", "language_name",
]  # fmt: skip

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def roman(n: int) -> str:
    """1 -> I, 14 -> XIV."""
    if n < 1:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
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
    out, zero = [], False
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


@lru_cache(maxsize=None)
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def long_date(d: dt.date, locale: str) -> str:
    """6 May 2024 (en_GB) / 2024年5月6日 (zh)."""
    return format_date(d, "long", locale=_locale(locale))


def date_range(start: dt.date, end: dt.date, locale: str) -> str:
    """6–8 May 2024; 29 March–2 April 2024; 2024年5月6日至8日."""
    loc = _locale(locale)
    if start == end:
        return long_date(start, locale)
    if loc.language == "en":  # Babel abbreviates months and spaces the dash (engineering-notes §7)
        month = lambda d: format_date(d, "MMMM", locale=loc)  # noqa: E731
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {month(end)} {end.year}"
        if start.year == end.year:
            return f"{start.day} {month(start)}–{end.day} {month(end)} {end.year}"
        return f"{long_date(start, locale)}–{long_date(end, locale)}"
    return format_interval(start, end, "yMMMMd", locale=loc)


def language_name(code: str, in_locale: str) -> str:
    """'zh' in en -> Chinese."""
    name = _locale(in_locale).languages.get(code)
    if not name:
        raise ValueError(f"unknown language code '{code}'")
    return name
