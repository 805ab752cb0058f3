"""What a language's templates print, rendered to be recognised: the subtitle of each kind,
a session's name, a range of dates, a language's English name. Reading the masthead compares
its lines with these, so every language's wording stays in templates/<lang>/."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

from babel import Locale

from habitat_docs.check.document import clean
from habitat_docs.compose.language import available, figures_of, language
from habitat_docs.model import facts
from habitat_docs.model.document import KINDS

__all__ = [
    "ESCAPE",
    "date_ranges",
    "escaped",
    "flat",
    "language_named",
    "parse_english_date",
    "session_ordinal",
    "subtitles",
]

_GENDERS = ("f", "m")
# Text as markup: the characters the inline markup reads (model/inline.py) escaped.
ESCAPE = str.maketrans({"\\": "\\\\", "*": "\\*", "{": "\\{", "}": "\\}"})


def escaped(text: str) -> str:
    """Printed text as data: the markup characters taken literally."""
    return clean(text).strip().translate(ESCAPE)


def flat(text: str) -> str:
    """Text compared without case, invisible characters or any spacing (a PDF or a text
    export spaces "2024 年" where the document printed "2024年")."""
    return re.sub(r"\s+", "", clean(text)).casefold()


def subtitles(langs: tuple[str, ...] | None = None) -> Iterator[tuple[str, str, str, str]]:
    """(language, kind, gender, subtitle as printed) for every kind each language names."""
    for code in langs or tuple(available()):
        lang = language(code)
        for kind, gender in itertools.product(KINDS, _GENDERS):
            text = lang.phrase("subtitle", kind, gender).strip()
            if text:
                yield code, kind, gender, text


def session_ordinal(lang: str, year: int, text: str) -> int | None:
    """The ordinal of the session ``text`` names in ``year`` (first, second …), if any."""
    for ordinal in range(1, 10):
        if flat(language(lang).fact(facts.SessionRef(year, ordinal))) == flat(text):
            return ordinal
    return None


def date_ranges(lang: str, text: str) -> tuple[dt.date, dt.date, str] | None:
    """The dates of a session as ``text`` prints them (in ``lang``'s house style), with the
    printed range: every reading of its numbers and month names is rendered and compared."""
    figures = figures_of(lang)
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    years = [n for n in numbers if 1900 < n < 2200]
    months = range(1, 13)  # named in any case or form ("mai", "мая"): every month is tried
    days = sorted({n for n in numbers if 1 <= n <= 31})
    target = flat(text)
    found: list[tuple[dt.date, dt.date, str]] = []
    for year, m1, m2, d1, d2 in itertools.product(years, months, months, days, days):
        try:
            start, end = dt.date(year, m1, d1), dt.date(year, m2, d2)
        except ValueError:
            continue
        if start > end:
            continue
        printed = figures.dates(start, end)
        if flat(printed) in target:
            found.append((start, end, printed))
    return max(found, key=lambda f: len(flat(f[2])), default=None)  # the whole range


def language_named(name: str) -> str | None:
    """The code of the language whose English name is ``name`` ("English" → en)."""
    for code in available():
        if (Locale.parse(code).get_display_name("en") or "").casefold() == name.strip().casefold():
            return code
    return None


def parse_english_date(text: str) -> dt.date | None:
    """A date of issue as the Distr. column prints it ("14 January 2022")."""
    try:
        return dt.datetime.strptime(clean(text).strip(), "%d %B %Y").date()
    except ValueError:
        return None
