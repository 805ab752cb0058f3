"""Facts: the figures of a document as typed values, written once and rendered per language.

    >>> from habitat_docs.model.facts import Money
    >>> money = Money("152.46 million")
    >>> money.amount == 152_460_000, money.scale
    (True, 'million')

Prose refers to a fact by name (``{fact:name}``), declared once under ``facts:`` in the data
file; ``compose.style`` prints each in every language. Amounts are ``Decimal``; a float is
refused everywhere, so no binary rounding ever touches money.

In Python, each type takes the form its data key takes (``Money("152.46 million")``,
``Percent("48.6")``, ``Date("2023-02")``, ``YearRange("2022–2023")``, ``CycleYear("2023/24")``,
``Quarter(2024, "last")``; a pair in data is two arguments) or its typed fields; both are read
by :mod:`habitat_docs.model.fact_forms`. Whatever would print another figure than the one
given is refused with a ``DataError`` saying why.

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from attrs import field, frozen

from habitat_docs.errors import DataError
from habitat_docs.model import fact_forms as forms
from habitat_docs.model.characters import ID, id_hint
from habitat_docs.model.fact_forms import Scale, integer, is_currency, shift

__all__ = [
    "Money", "Percent", "Date", "DateRange", "YearRange", "CycleYear", "Count", "Ordinal",
    "SessionRef", "Quarter", "Half", "Fact", "FACT_TYPES", "Facts", "name_problem", "integer",
    "is_currency", "shift",
]  # fmt: skip

Precision = Literal["day", "month", "year"]


def name_problem(name: object) -> DataError | None:
    """The error at a name that is not a fact name (letters, digits, '-', '_', '.'), or None."""
    if isinstance(name, str) and ID.match(name):
        return None
    hint = id_hint(name) if isinstance(name, str) else ""
    return DataError(f"'{name}' is not a valid fact name (letters, digits, '-', '_', '.'){hint}", (str(name),))


def _within(low: int, high: int, what: str) -> Callable[[int], int]:
    """A converter to an int from ``low`` to ``high``."""

    def convert(value: int) -> int:
        n = integer(value)
        if not low <= n <= high:
            raise DataError(f"no {what} {n} (expected {low} to {high})")
        return n

    return convert


def _ordinal(value: int) -> int:
    return _within(1, 99, "ordinal")(value)


def _session(value: int) -> int:
    return _within(1, 20, "session")(value)


def _half(value: int) -> int:
    return _within(1, 2, "half-year")(value)


def _figure(value: Decimal | int | str) -> Decimal:
    return forms.number(value)


def _year(value: int) -> int:
    return forms.year(value)


def _cycle(value: int | str) -> int:
    return forms.cycle(value)


def _count(value: int) -> int:
    n = integer(value)
    if n < 0:
        raise DataError(f"a count cannot be negative ({n})")
    return n


# --- the values ----------------------------------------------------------------------------
# Each constructor takes the form a data file gives (``Money("152.46 million")``) or the typed
# fields, and refuses with a DataError what would print another figure than the one given.


@frozen(init=False)
class Money:
    """An amount in ``currency`` (ISO 4217), written as in a data file, ``Money("152.46
    million")`` ("$152.46 million", 1.5246亿美元), ``Money("384,586,115")``, ``Money(5000)``;
    or in units with the scale the English shows: ``Money(Decimal("152460000"), "million")``.
    ``Money(Decimal("152.46"), "million")`` is refused: it would print "$0.00015246 million"."""

    amount: Decimal
    scale: Scale = "exact"
    currency: str = "USD"

    def __init__(
        self, amount: Decimal | int | str, scale: Scale | None = None, currency: str = "USD"
    ) -> None:
        units, written = forms.amount(amount)
        if scale is not None and scale not in forms.SCALE_POWERS:
            raise DataError(f"unknown scale {scale!r} (exact, million or billion)", ("scale",))
        if written is not None and scale not in (None, written):
            raise DataError(f"{amount!r} is in {written}s but the scale given is {scale!r}", ("scale",))
        if not is_currency(currency):
            raise DataError(
                f"expected an ISO 4217 currency code such as USD, got {currency!r}", ("currency",)
            )
        scale = written or scale or "exact"
        if (problem := forms.scaled_problem(units, scale, written is not None)) is not None:
            raise DataError(problem)
        self.__attrs_init__(units, scale, currency)

    @classmethod
    def of(cls, text: str | int, currency: str = "USD") -> Money:
        """From the English figure without the currency, as ``Money(text, currency=…)``."""
        return cls(text, currency=currency)


@frozen
class Percent:
    """A percentage as the number of per cent: ``Percent(89)``, ``Percent("48.6")``."""

    value: Decimal = field(converter=_figure)


@frozen(init=False)
class Date:
    """A date shown to the day (9 January 2024), month (February 2023) or year (2024):
    ``Date("2024-01-09")``, ``Date("2023-02")``, ``Date(2024)``, or a ``datetime.date`` and
    its precision, ``Date(dt.date(2023, 2, 1), "month")``."""

    value: dt.date
    precision: Precision = "day"

    def __init__(self, value: dt.date | str | int, precision: Precision | None = None) -> None:
        if precision is None:
            year_only = isinstance(value, int) and not isinstance(value, bool)
            precision = "year" if year_only else "month" if forms.is_month(value) else "day"
        if precision == "day":
            when = forms.day(value)
        elif precision == "month":
            when = forms.month(value)
        elif precision == "year":
            when = dt.date(value.year if isinstance(value, dt.date) else forms.year(value), 1, 1)
        else:
            raise DataError(f"unknown precision {precision!r} (day, month or year)", ("precision",))
        self.__attrs_init__(when, precision)


@frozen(init=False)
class DateRange:
    """A range of days or months: ``DateRange("2024-05-06", "2024-05-08")``, ``DateRange(
    "2020-01", "2020-06")``. ``running``: English running text "from … to …" instead of the
    compact "6–8 May 2024"; ``period``: a period, Chinese 期间 (2023年7月1日至2024年6月30日
    期间), English running text (the prose says "for the period {fact:…}")."""

    start: dt.date
    end: dt.date
    precision: Literal["day", "month"] = "day"
    period: bool = False
    running: bool = False

    def __init__(
        self, start: dt.date | str, end: dt.date | str, precision: Literal["day", "month"] | None = None,
        period: bool = False, running: bool = False,
    ) -> None:  # fmt: skip
        if precision is None:
            precision = "month" if forms.is_month(start) and forms.is_month(end) else "day"
        if precision not in ("day", "month"):
            raise DataError(f"unknown precision {precision!r} (day or month)", ("precision",))
        parse = forms.day if precision == "day" else forms.month
        first, last = parse(start), parse(end)
        key = (lambda d: d) if precision == "day" else (lambda d: (d.year, d.month))
        if not key(first) < key(last):
            raise DataError(f"the range ends ({last}) before or when it starts ({first})")
        period, running = forms.flag(period, "period"), forms.flag(running, "running")
        self.__attrs_init__(first, last, precision, period, running)


@frozen(init=False)
class YearRange:
    """Years such as the 2022–2023 biennium (2022–2023两年期): ``YearRange("2022–2023")`` or
    ``YearRange(2022, 2023)``."""

    start: int
    end: int

    def __init__(self, start: int | str | Sequence[int], end: int | None = None) -> None:
        first, last = forms.years(start) if end is None else (forms.year(start), forms.year(end))
        if last <= first:
            raise DataError(f"the range of years ends ({last}) before it starts ({first})")
        self.__attrs_init__(first, last)


@frozen
class CycleYear:
    """A non-calendar year: ``CycleYear("2023/24")`` or ``CycleYear(2023)``."""

    start: int = field(converter=_cycle)


def _words(value: bool | str | Iterable[str]) -> bool | frozenset[str]:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        langs = frozenset(value)
        if all(isinstance(x, str) for x in langs):
            return langs
    raise DataError(f"expected true, false or language codes, got {value!r}", ("words",))


@frozen
class Count:
    """A count in figures (114) or in words (seven / 七). ``words`` is true (every language),
    false, or the languages that write it in words: "six recommendations" but "6 项建议" is
    ``Count(6, words="en")``. Chinese words use 两 for 2 (两个案件)."""

    value: int = field(converter=_count)
    words: bool | frozenset[str] = field(default=False, converter=_words)

    def in_words(self, lang: str) -> bool:
        if isinstance(self.words, bool):
            return self.words
        return lang.replace("-", "_").split("_")[0] in self.words


@frozen
class Ordinal:
    """An ordinal in words: seventy-eighth (第七十八)."""

    n: int = field(converter=_ordinal)


@frozen
class SessionRef:
    """A session of the Board: first session of 2024 (2024年第一次会议)."""

    year: int = field(converter=_year)
    ordinal: int = field(converter=_session)


@frozen(init=False)
class Quarter:
    """first quarter of 2024 (2024年第一季度): ``Quarter(2024, 1)``; the last quarter (最后
    一个季度) is ``Quarter(2024, "last")`` or ``Quarter(2024, 4, last=True)``."""

    year: int
    n: int
    last: bool = False

    def __init__(self, year: int, n: int | Literal["last"], last: bool = False) -> None:
        when = forms.year(year)
        if n == "last":
            n, last = 4, True
        n = _within(1, 4, "quarter")(n)
        if forms.flag(last, "last") and n != 4:
            raise DataError("only the fourth quarter is the last quarter")
        self.__attrs_init__(when, n, last)


@frozen
class Half:
    """first half of 2024 (2024年上半年)."""

    year: int = field(converter=_year)
    n: int = field(converter=_half)


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
