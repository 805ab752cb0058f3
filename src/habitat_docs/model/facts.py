"""Facts: the figures of a document as typed values, written once and rendered per language.

    >>> from habitat_docs.model.facts import Money
    >>> money = Money.of("152.46 million")
    >>> money.amount == 152_460_000, money.scale
    (True, 'million')

Prose refers to a fact by name (``{fact:name}``), declared once under ``facts:`` in the data
file; ``compose.style`` prints each in every language. Amounts are ``Decimal``; a float is
refused everywhere, so no binary rounding ever touches money.

Data syntax of one fact (read by ``habitat_docs.load.facts``)::

    {money: "152.46 million"}   {money: "1.1 billion"}   {money: "384,586,115"}   {money: 5000}
    {money: "5 million", currency: EUR}
    {percent: 89}   {percent: "48.6"}
    {date: 2024-01-09}   {month: 2023-02}   {year: 2024}
    {dates: [2024-05-06, 2024-05-08]}   {dates: [2023-01-01, 2023-12-31], running: true}
    {dates: [2023-07-01, 2024-06-30], period: true}   {months: [2020-01, 2020-06], period: true}
    {years: 2022–2023}   {cycle: 2023/24}
    {count: 114}   {count: 7, words: true}   {count: 7, words: en}
    {ordinal: 78}   {session: [2024, 1]}   {quarter: [2024, 1]}   {quarter: [2024, last]}
    {half: [2024, 1]}
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from attrs import field, frozen
from attrs.validators import in_, instance_of

from habitat_docs.errors import DataError

__all__ = [
    "Money", "Percent", "Date", "DateRange", "YearRange", "CycleYear", "Count", "Ordinal",
    "SessionRef", "Quarter", "Half", "Fact", "FACT_TYPES", "Facts", "name_problem", "integer",
    "is_currency", "shift",
]  # fmt: skip

Scale = Literal["exact", "million", "billion"]
Precision = Literal["day", "month", "year"]

_NAME = re.compile(r"[A-Za-z][\w.-]*\Z")


def shift(value: Decimal | int, places: int) -> Decimal:
    """``value * 10**places``, exactly: only the exponent moves (no context rounding)."""
    sign, digits, exp = Decimal(value).as_tuple()
    assert isinstance(exp, int)
    return Decimal((sign, digits, exp + places))


def is_currency(value: object) -> bool:
    """An ISO 4217 currency code: three capital letters (USD, EUR)."""
    return isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value) is not None


def name_problem(name: object) -> DataError | None:
    """The error at a name that is not a fact name (letters, digits, '-', '_', '.'), or None."""
    if isinstance(name, str) and _NAME.match(name):
        return None
    return DataError(f"'{name}' is not a valid fact name (letters, digits, '-', '_', '.')", (str(name),))


def _decimal(value: object) -> Decimal:
    """Decimal from a Decimal, an int or a string; never from a float."""
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got {value!r}")
    if isinstance(value, float):
        raise TypeError(f"a float ({value!r}) is not exact: give a Decimal, an int or a string")
    if isinstance(value, int):
        value = Decimal(value)
    if isinstance(value, str):
        try:
            value = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
    if not isinstance(value, Decimal):
        raise TypeError(f"expected a Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{value} is not a finite number")
    if value < 0:
        raise ValueError(f"{value} is negative (write decreases in words)")
    if value and (value.adjusted() > _MAX_ADJUSTED or value.as_tuple().exponent < _MIN_EXPONENT):  # type: ignore[operator]
        # "1e999999" would print a million digits
        raise ValueError(f"{value} is out of range for a figure (at most 25 digits before the point and 12 after)")
    return value


_MAX_ADJUSTED, _MIN_EXPONENT = 24, -12


def integer(value: object) -> int:
    """An int as given, never a bool (TypeError otherwise)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {value!r}")
    return value


def _year(_: object, a: Any, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1000 <= value <= 9999:
        raise ValueError(f"expected a year such as 2024, got {value!r}")


def _between(low: int, high: int, what: str) -> Callable[[object, Any, int], None]:
    def check(_: object, a: Any, value: int) -> None:
        if not low <= value <= high:
            raise ValueError(f"no {what} {value} (expected {low} to {high})")

    return check


def _day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, dt.date):
        raise TypeError(f"expected a date, got {value!r}")
    return value


# --- the values ----------------------------------------------------------------------------


@frozen
class Money:
    """An amount in ``currency`` (ISO 4217). ``amount`` is the full value in units;
    ``scale`` is the precision the English shows: ``Money(Decimal("152460000"), "million")``
    is "$152.46 million" (1.5246亿美元), ``Money(Decimal("384586115"))`` is "$384,586,115"."""

    amount: Decimal = field(converter=_decimal)
    scale: Scale = field(default="exact", validator=in_(("exact", "million", "billion")))
    currency: str = field(default="USD")

    @currency.validator
    def _check_currency(self, _: Any, value: str) -> None:
        if not is_currency(value):
            raise ValueError(f"expected an ISO 4217 currency code such as USD, got {value!r}")

    _FORM = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|billion))?\Z")

    @classmethod
    def of(cls, text: str | int, currency: str = "USD") -> Money:
        """From the English figure without the currency: "152.46 million", "1.1 billion",
        "384,586,115" (exact), or an int (exact)."""
        if isinstance(text, int) and not isinstance(text, bool):
            return cls(Decimal(text), "exact", currency)
        if not isinstance(text, str):
            raise TypeError(f"expected a string such as \"152.46 million\", got {text!r}")
        m = cls._FORM.match(text.strip())
        if not m:
            raise ValueError(
                f"{text!r} is not an amount such as \"152.46 million\", \"1.1 billion\" or "
                "\"384,586,115\""
            )
        whole, frac, scale = m.groups()
        value = Decimal(whole.replace(",", "") + (frac or ""))
        if scale:
            value = shift(value, 9 if scale == "billion" else 6)
        return cls(value, "exact" if scale is None else scale, currency)  # type: ignore[arg-type]


@frozen
class Percent:
    """A percentage as the number of per cent: ``Percent(89)``, ``Percent("48.6")``."""

    value: Decimal = field(converter=_decimal)


@frozen
class Date:
    """A date shown to the day (9 January 2024), month (February 2023) or year (2024)."""

    value: dt.date = field(converter=_day)
    precision: Precision = field(default="day", validator=in_(("day", "month", "year")))


@frozen
class DateRange:
    """A range of days or months. ``running``: English running text "from … to …" instead of
    the compact "6–8 May 2024"; ``period``: a period, Chinese 期间 (2023年7月1日至2024年6月30日
    期间), English running text (the prose says "for the period {fact:…}")."""

    start: dt.date = field(converter=_day)
    end: dt.date = field(converter=_day)
    precision: Literal["day", "month"] = field(default="day", validator=in_(("day", "month")))
    period: bool = field(default=False, validator=instance_of(bool))
    running: bool = field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        key = (lambda d: d) if self.precision == "day" else (lambda d: (d.year, d.month))
        if not key(self.start) < key(self.end):
            raise ValueError(f"the range ends ({self.end}) before or when it starts ({self.start})")


@frozen
class YearRange:
    """Years such as the 2022–2023 biennium (2022–2023两年期)."""

    start: int = field(validator=_year)
    end: int = field(validator=_year)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"the range of years ends ({self.end}) before it starts ({self.start})")


@frozen
class CycleYear:
    """A non-calendar year: ``CycleYear(2023)`` is 2023/24."""

    start: int = field(validator=_year)


def _words(value: object) -> bool | frozenset[str]:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, Iterable):
        langs = frozenset(value)
        if not all(isinstance(x, str) for x in langs):
            raise TypeError(f"words: expected true, false or language codes, got {value!r}")
        return langs
    raise TypeError(f"words: expected true, false or language codes, got {value!r}")


@frozen
class Count:
    """A count in figures (114) or in words (seven / 七). ``words`` is true (every language),
    false, or the languages that write it in words: "six recommendations" but "6 项建议" is
    ``Count(6, words={"en"})``. Chinese words use 两 for 2 (两个案件)."""

    value: int = field(converter=integer)
    words: bool | frozenset[str] = field(default=False, converter=_words)

    @value.validator
    def _check_value(self, _: Any, value: int) -> None:
        if value < 0:
            raise ValueError(f"a count cannot be negative ({value})")

    def in_words(self, lang: str) -> bool:
        if isinstance(self.words, bool):
            return self.words
        return lang.replace("-", "_").split("_")[0] in self.words


@frozen
class Ordinal:
    """An ordinal in words: seventy-eighth (第七十八)."""

    n: int = field(converter=integer, validator=_between(1, 99, "ordinal"))


@frozen
class SessionRef:
    """A session of the Board: first session of 2024 (2024年第一次会议)."""

    year: int = field(validator=_year)
    ordinal: int = field(converter=integer, validator=_between(1, 20, "session"))


@frozen
class Quarter:
    """first quarter of 2024 (2024年第一季度); ``last`` for "last quarter" (最后一个季度)."""

    year: int = field(validator=_year)
    n: int = field(converter=integer, validator=_between(1, 4, "quarter"))
    last: bool = field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.last and self.n != 4:
            raise ValueError("only the fourth quarter is the last quarter")


@frozen
class Half:
    """first half of 2024 (2024年上半年)."""

    year: int = field(validator=_year)
    n: int = field(converter=integer, validator=_between(1, 2, "half-year"))


Fact = (
    Money | Percent | Date | DateRange | YearRange | CycleYear | Count | Ordinal | SessionRef
    | Quarter | Half
)  # fmt: skip
FACT_TYPES: tuple[type, ...] = (
    Money, Percent, Date, DateRange, YearRange, CycleYear, Count, Ordinal, SessionRef, Quarter,
    Half,
)  # fmt: skip


# --- the facts of a document ---------------------------------------------------------------


class Facts(Mapping[str, Fact]):
    """The named facts of a document: an immutable, hashable mapping of name to value."""

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[str, Fact] | Iterable[tuple[str, Fact]] = ()) -> None:
        pairs = dict(items.items() if isinstance(items, Mapping) else items)
        problems = []
        for name, value in pairs.items():
            if (bad_name := name_problem(name)) is not None:
                problems.append(bad_name)
            elif not isinstance(value, FACT_TYPES):
                problems.append(DataError(f"not a fact: {value!r}", (name,)))
        if problems:
            raise DataError.join(problems)
        self._items: dict[str, Fact] = pairs
        self._hash: int | None = None

    def __getitem__(self, name: str) -> Fact:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"Facts({self._items!r})"
