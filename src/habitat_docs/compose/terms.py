"""A language's own terms that never part at a line end: a day and its month ("6 mai",
"1er juillet", "6 de mayo", "6 мая").

What every language keeps whole (symbols, number ranges, hyphened names, grouped numbers) is
found in :mod:`habitat_docs.compose.tree`; a day and its month depend on the language's words,
so they are read from its house style (the ``[style.dates]`` table of language.toml): its
month names, the way it writes a day of the month where not in figures (``days``: "1er"),
and what its ``day`` pattern puts between the day and the month ("{d} de {month} de {y}").

    >>> terms = day_and_month(("janvier", "mai", "juillet"), {"1": "1er"}, "{d} {month} {y}")
    >>> [m.group() for m in terms.finditer("le 1er juillet, du 6 au 8 mai, 6-8 mai, pas 2 mais")]
    ['1er juillet', '8 mai', '8 mai']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["day_and_month"]

# What the day pattern puts between the day and the month: "{d} {month}", "{d} de {month}".
_BETWEEN = re.compile(r"\{d\}(?P<between>[^{}]*)\{month\}")


def day_and_month(months: Iterable[str], days: Mapping[str, str], day: str) -> re.Pattern[str] | None:
    """The pattern of a day and its month as ``day`` writes them, or None when the pattern
    names the month in figures (Chinese "{y}年{m}月{d}日": nothing to bind) or has no months."""
    found = _BETWEEN.search(day)
    names = sorted(set(months), key=len, reverse=True)  # "juillet" before "juil" if both
    if found is None or not names:
        return None
    # a space of the pattern may be a no-break one in the text (a writer's binding, a typist's)
    between = r"[ \u00a0]".join(re.escape(word) for word in found["between"].split(" "))
    written = sorted(set(days.values()), key=len, reverse=True)
    day_forms = "|".join([*map(re.escape, written), r"\d{1,2}"])
    month_forms = "|".join(map(re.escape, names))
    # a day ends a range as well as it stands alone ("6-8 mai": the range binds "6-8"), but
    # it is no day inside a decimal or a longer number ("1.15 mai", "2024 mai"); in right-to-
    # left text the day ends a left-to-right isolate (U+2069, compose/bidi.py)
    return re.compile(rf"(?<![\w.,])(?:{day_forms})\u2069?{between}(?:{month_forms})(?!\w)")
