"""Numbers that differ between the languages of one text: the numbers of its prose (facts
left out: each is one value, printed per language), read as each language writes them (digit
groups and decimal marks, month names as their numbers, "50万" and "500,000" one number,
list labels such as "(1)" left out); a number one language writes in words ("seven",
"مشروع واحد") or inside a name ("Local2030") not counted as missing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

from attrs import frozen

from habitat_docs.lint.rules import Rules

__all__ = ["Numbers", "number_problems", "numbers"]

_SPACES = " \u00a0\u202f"
_GLUED = r"(?<=[A-Za-z])-?"  # digits of a name: "Local2030", "COVID-19"
_WORDS_UP_TO = 100
# A list's label in running text, "(1)" where another language letters it "(a)": no number.
_LABEL = re.compile(r"[(（]\d{1,2}[)）](?=\s)")
_GROUPED_BY_POINTS = re.compile(r"\d+(?:\.\d{3})+")


@frozen
class Numbers:
    """The numbers of one language's prose, and those inside names."""

    counted: frozenset[str]
    named: frozenset[str]


def _either(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(words: Iterable[str]) -> str:
    """Any of ``words``, each a whole word where words are spaced ("million", but "万")."""
    return "|".join(
        re.escape(w) + ("" if unicodedata.east_asian_width(w[-1]) in "WF" else r"(?!\w)")
        for w in sorted(words, key=len, reverse=True)
    )


def _pattern(rules: Rules) -> re.Pattern[str]:
    group = f"[{_SPACES}]" if rules.group in _SPACES else re.escape(rules.group)
    # a point is a decimal mark in every language's version numbers ("2.0") unless it groups
    decimal = "".join(re.escape(m) for m in sorted({rules.decimal, "."} - {rules.group}))
    decimal += "" if "." in decimal else re.escape(".")
    number = f"(?P<glued>{_GLUED})?\\d+(?:{group}\\d{{3}}(?!\\d))*(?:[{decimal}]\\d+)?"
    scale = f"(?:[{_SPACES}]?(?P<scale>{_words(rules.scales)}))?" if rules.scales else ""
    words = f"|(?<!\\w)(?P<month>{_either(rules.months)})(?!\\w)" if rules.months else ""
    return re.compile(f"(?P<number>{number}){scale}{words}")


def numbers(prose: str, rules: Rules) -> Numbers:
    """The numbers of ``prose`` in one form for every language: "1,250.5" (en) and
    "1 250,5" (fr) both "1250.5"; "May" (en) "5"; "1.1 billion" and "11亿" "1100000000"."""
    counted: set[str] = set()
    named: set[str] = set()
    prose = _LABEL.sub(" ", prose)
    for name in rules.names:  # names that hold digits in one language only: "2019冠状病毒病"
        prose = prose.replace(name, " ")
    for m in _pattern(rules).finditer(prose):
        if m.groupdict().get("month"):
            counted.add(str(rules.months[m.group("month")]))
            continue
        value = _value(
            m.group("number").lstrip("-") if m.group("glued") else m.group("number"), rules
        )
        scale = m.groupdict().get("scale")
        if scale:
            value = _plain(Decimal(value) * 10 ** rules.scales[scale])
        (named if m.group("glued") is not None else counted).add(value)
    return Numbers(frozenset(counted), frozenset(named))


def _value(number: str, rules: Rules) -> str:
    whole, fraction = number, ""
    if rules.decimal != rules.group and rules.decimal in number:
        whole, _, fraction = number.rpartition(rules.decimal)
    elif "." in number and (rules.group != "." or not _GROUPED_BY_POINTS.fullmatch(number)):
        whole, _, fraction = number.rpartition(".")
    digits = "".join(str(unicodedata.digit(c)) for c in whole if c.isdigit())
    tail = "".join(str(unicodedata.digit(c)) for c in fraction)
    return f"{digits}.{tail}" if tail else digits


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _in_words(n: str, prose: str, rules: Rules) -> bool:
    """Whether ``prose`` writes the number ``n`` in words (its language's fact_count_words,
    or the number words of its [lint] table)."""
    if not n.isdigit() or int(n) >= _WORDS_UP_TO:
        return False
    words = {w for w, v in rules.number_words.items() if v == int(n)}
    if rules.count_words:
        words.add(rules.language.phrase("fact_count_words", int(n)))
    words = {w for w in words if not w.isdigit()}
    return (
        bool(words)
        and re.search(f"(?<!\\w)(?:{_either(words)})(?!\\w)", prose, re.IGNORECASE) is not None
    )


def number_problems(
    prose: Mapping[str, str], first: str, rules: Mapping[str, Rules]
) -> Iterator[tuple[str, str]]:
    """(language, message) for each language whose numbers are not those of ``first``."""
    base = numbers(prose[first], rules[first])
    for lang, text in prose.items():
        if lang == first:
            continue
        own = numbers(text, rules[lang])
        extra = sorted(n for n in own.counted - base.counted
                       if n not in base.named and not _in_words(n, prose[first], rules[first]))  # fmt: skip
        missing = sorted(n for n in base.counted - own.counted
                         if n not in own.named and not _in_words(n, text, rules[lang]))  # fmt: skip
        parts = []
        if extra:
            parts.append(f"{', '.join(extra)} here but not in {first}")
        if missing:
            parts.append(f"{', '.join(missing)} in {first} but not here")
        if parts:
            yield lang, f"numbers differ from the {first} text: {'; '.join(parts)}"
