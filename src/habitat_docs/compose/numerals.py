"""Numeral systems that labels are written in: Roman (I, XIV), letters (a … z, aa), Chinese (十一).

Templates pick one by filter (``roman``, ``alpha``, ``zh_numeral``); no language is assumed here.

    >>> roman(14), alpha(27), zh_numeral(105)
    ('XIV', 'aa', '一百零五')
"""

from __future__ import annotations

__all__ = ["roman", "alpha", "zh_numeral"]

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
