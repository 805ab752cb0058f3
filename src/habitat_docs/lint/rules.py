"""What one language's prose is linted for: the ``[lint]`` table of its ``language.toml``
(words for "above" and "below", the script that takes no space before digits, the ASCII marks
its prose writes full width), and its figures' digit groups and month names."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any

from attrs import frozen

from habitat_docs.compose.language import Language, language, template_dirs
from habitat_docs.compose.style import HouseFigures

__all__ = ["Rules", "rules"]

REF = "{ref}"


@frozen
class Rules:
    """The lint rules of one language."""

    language: Language
    earlier: tuple[tuple[str, str], ...]  # words around a reference to what came before
    later: tuple[tuple[str, str], ...]  # … and to what comes after: (before it, after it)
    unspaced: re.Pattern[str] | None  # a space between these characters and a digit
    punctuation: Mapping[str, str]  # ASCII mark -> the mark the prose writes
    doubled: frozenset[str]  # words doubled on purpose
    names: tuple[str, ...]  # names whose digits are no number of the text
    scales: Mapping[str, int]  # a word after a number -> the power of ten it multiplies by
    number_words: Mapping[str, int]  # numbers written in words, besides fact_count_words
    count_words: bool  # whether labels.j2 writes counts in words (fact_count_words)
    group: str
    decimal: str
    months: Mapping[str, int]  # month name as written -> its number


def _around(patterns: list[str], where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for p in patterns:
        if p.count(REF) != 1:
            raise ValueError(f"{where}: '{p}' must hold {REF} once")
        before, _, after = p.partition(REF)
        out.append((before, after))
    return tuple(out)


def _table(code: str) -> dict[str, Any]:
    for d in template_dirs():
        path = d / code / "language.toml"
        if path.is_file():
            with open(path, "rb") as f:
                table = tomllib.load(f).get("lint", {})
            return dict(table) if isinstance(table, dict) else {}
    return {}


def _months(lang: Language) -> dict[str, int]:
    if not isinstance(lang.figures, HouseFigures):
        return {}
    style = lang.figures.style
    out: dict[str, int] = {}
    for names in (style.months, style.standalone_months):
        for n, name in enumerate(names, start=1):
            for part in name.split("/"):  # Arabic: "كانون الثاني/يناير", either name
                if part and not part.isdigit():
                    out[part] = n
    return out


def _has(lang: Language, macro: str) -> bool:
    try:
        lang.phrase(macro, 1)
    except AttributeError:
        return False
    return True


@cache
def rules(code: str) -> Rules:
    """The rules of language ``code`` (a folder of the templates)."""
    lang = language(code)
    table = _table(code)
    where = f"{code}/language.toml [lint]"
    unspaced = table.get("unspaced")
    house = lang.figures.style if isinstance(lang.figures, HouseFigures) else None
    return Rules(
        language=lang,
        earlier=_around(list(table.get("earlier", [])), where),
        later=_around(list(table.get("later", [])), where),
        unspaced=re.compile(f"[{unspaced}]") if isinstance(unspaced, str) and unspaced else None,
        punctuation=dict(table.get("punctuation", {})),
        doubled=frozenset(table.get("doubled", [])),
        names=tuple(table.get("names", [])),
        scales=dict(table.get("scales", {})),
        number_words=dict(table.get("number_words", {})),
        count_words=_has(lang, "fact_count_words"),
        group=house.group if house else ",",
        decimal=house.decimal if house else ".",
        months=_months(lang),
    )
