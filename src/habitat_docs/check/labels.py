"""Label values both ways: roman numerals, Chinese numerals, letters (a … z, aa … zz), and the
Arabic numbering words (ordinal adverbs, ordinals, letter names, abjad letters; see words).

Written apart from :mod:`habitat_docs.compose.style` on purpose: the checker is the oracle for the
writers' numbering, so a mistake in the numerals they print must not be one it shares."""

from __future__ import annotations

import re
from collections.abc import Callable

from habitat_docs.check.words import ABJAD, AR_ADVERBS, AR_LETTER_NAMES, AR_ORDINALS

__all__ = ["ARABIC_WORDS", "arabic_key", "chinese", "fmt", "from_arabic", "from_chinese",
           "from_letter", "from_roman", "letter", "roman"]  # fmt: skip

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
_CHINESE_DIGITS = "〇一二三四五六七八九"


def roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def from_roman(s: str) -> int | None:
    """The value of a canonical roman numeral (either case), else None."""
    up = s.upper()
    if not up or any(c not in "IVXLCDM" for c in up):
        return None
    total, i = 0, 0
    for value, sym in _ROMAN:
        while up.startswith(sym, i):
            total += value
            i += len(sym)
    return total if i == len(up) and roman(total) == up else None


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一 (to 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
    return head + (_CHINESE_DIGITS[ones] if ones else "") if n else _CHINESE_DIGITS[0]


def from_chinese(s: str) -> int | None:
    """The value of 一 … 九十九, else None."""
    if not s or any(c not in _CHINESE_DIGITS[1:] + "十" for c in s):
        return None
    if "十" not in s:
        return _CHINESE_DIGITS.index(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = 1 if tens == "" else (_CHINESE_DIGITS.index(tens) if len(tens) == 1 else 0)
    o = 0 if ones == "" else (_CHINESE_DIGITS.index(ones) if len(ones) == 1 else -100)
    value = t * 10 + o
    return value if t and o >= 0 and chinese(value) == s else None


def letter(n: int) -> str:
    """1 → a, 26 → z, 27 → aa, 28 → bb (the UN doubles letters after z)."""
    q, r = divmod(n - 1, 26)
    return chr(ord("a") + r) * (q + 1)


def from_letter(s: str) -> int | None:
    low = s.lower()
    if not low or not low.isascii() or not low.isalpha() or len(set(low)) != 1 or len(low) > 2:
        return None
    return (len(low) - 1) * 26 + ord(low[0]) - ord("a") + 1


# Arabic letters that vary in print: hamza seats, the tatweel ("هـ"), short vowels and tanween
# ("أولاً"), and joiners.
_AR_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "\u0640": None,
                              "\u200c": None, "\u200d": None})  # fmt: skip
_AR_MARKS = re.compile("[\u064b-\u0652\u0670]")

# name → the words in order: value n is words[n - 1].
ARABIC_WORDS = {"adverb": AR_ADVERBS, "ordinal": AR_ORDINALS, "letter-name": AR_LETTER_NAMES,
                "abjad": ABJAD}  # fmt: skip


def arabic_key(s: str) -> str:
    """Arabic text as compared: "أولاً" and "اولا" are one word; spaces collapse."""
    return " ".join(_AR_MARKS.sub("", s).translate(_AR_VARIANTS).split())


_AR_VALUES = {
    name: {arabic_key(w): n for n, w in enumerate(words, 1)} for name, words in ARABIC_WORDS.items()
}


def from_arabic(name: str, s: str) -> int | None:
    """The value of an Arabic numbering word of one of ARABIC_WORDS: ("adverb", "ثانيا") → 2."""
    return _AR_VALUES[name].get(arabic_key(s))


def _arabic(name: str, n: int) -> str:
    words = ARABIC_WORDS[name]
    return words[n - 1] if 0 < n <= len(words) else str(n)


_FORMS: dict[str, Callable[[int], str]] = {
    "para": lambda n: f"{n}.",
    "n -": lambda n: f"{n} -",
    "roman": lambda n: f"{roman(n)}.",
    "chinese": lambda n: f"{chinese(n)}、",
    "chinese.": lambda n: f"{chinese(n)}.",
    "（一）": lambda n: f"（{chinese(n)}）",
    "upper": lambda n: f"{letter(n).upper()}.",
    "(a)": lambda n: f"({letter(n)})",
    "(i)": lambda n: f"({roman(n).lower()})",
    "a)": lambda n: f"{letter(n)})",
    "i)": lambda n: f"{roman(n).lower()})",
    "a.": lambda n: f"{letter(n)}.",
    "i.": lambda n: f"{roman(n).lower()}.",
    "(أ)": lambda n: f"({_arabic('abjad', n)})",
    "’1‘": lambda n: f"’{n}‘",
    "أولا -": lambda n: f"{_arabic('adverb', n)} -",
    "الأول -": lambda n: f"{_arabic('ordinal', n)} -",
    "ألف -": lambda n: f"{_arabic('letter-name', n)} -",
}


def fmt(scheme: str, n: int) -> str:
    """Print value ``n`` the way a stream prints its labels (see resolve.Item.scheme)."""
    if scheme in _FORMS:
        return _FORMS[scheme](n)
    if scheme.startswith("dec:"):  # decimal subsections: 3.1, 3.2
        return f"{scheme[4:]}.{n}"
    if "|" in scheme:  # captions and annexes: "Figure|roman| ", "图|arabic|", "المرفق|ordinal| "
        word, numerals, sep = (scheme.split("|") + ["", ""])[:3]
        numeral = {"roman": roman, "chinese": chinese, "ordinal": lambda k: _arabic("ordinal", k)}
        return f"{word}{sep}{numeral.get(numerals, str)(n)}"
    return str(n)
