"""The written forms of facts ("152.46 million", "2023-02", "2022–2023", "2023/24"), parsed once.

The data files (:mod:`habitat_docs.load.facts`) and the Python constructors of the fact types
(:mod:`habitat_docs.model.facts`) read a figure through these functions, so a form means the
same in both and is refused in both with the same words. Every problem is a ``DataError``.

    >>> amount("152.46 million") == (152_460_000, "million")
    True
    >>> month("2023-02"), years("2022–2023"), cycle("2023/24")
    (datetime.date(2023, 2, 1), (2022, 2023), 2023)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from habitat_docs.errors import DataError

__all__ = [
    "Scale", "SCALE_POWERS", "shift", "number", "amount", "scaled_problem", "is_currency",
    "integer", "year", "day", "month", "years", "cycle", "flag",
]  # fmt: skip

Scale = Literal["exact", "million", "billion"]
SCALE_POWERS: dict[str, int] = {"exact": 0, "million": 6, "billion": 9}

# "1e999999" would print a million digits
_MAX_ADJUSTED, _MIN_EXPONENT = 24, -12
_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|billion))?\Z")
_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
_YEARS = re.compile(r"(\d{4})\s*[–-]\s*(\d{4})\Z")
_CYCLE = re.compile(r"(\d{4})/(\d{2})\Z")


def shift(value: Decimal | int, places: int) -> Decimal:
    """``value * 10**places``, exactly: only the exponent moves (no context rounding)."""
    sign, digits, exp = Decimal(value).as_tuple()
    assert isinstance(exp, int)
    return Decimal((sign, digits, exp + places))


def number(value: object) -> Decimal:
    """A figure from a Decimal, an int or a string such as "48.6"; never from a float."""
    if isinstance(value, bool):
        raise DataError(f"expected a number, got {value!r}")
    if isinstance(value, float):
        raise DataError(f"a float ({value!r}) is not exact: give a Decimal, an int or a string")
    if isinstance(value, int):
        value = Decimal(value)
    if isinstance(value, str):
        try:
            value = Decimal(value.strip())
        except InvalidOperation:
            raise DataError(f"{value!r} is not a number") from None
    if not isinstance(value, Decimal):
        raise DataError(f"expected a Decimal, an int or a string, got {type(value).__name__}")
    if not value.is_finite():
        raise DataError(f"{value} is not a finite number")
    if value < 0:
        raise DataError(f"{value} is negative (write decreases in words)")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if value and (value.adjusted() > _MAX_ADJUSTED or exponent < _MIN_EXPONENT):
        raise DataError(f"{value} is out of range for a figure (at most 25 digits before the point and 12 after)")
    return value


def amount(value: object) -> tuple[Decimal, Scale | None]:
    """An amount as the English writes it without the currency, and the scale it names:
    "152.46 million", "1.1 billion", "384,586,115", an int or a Decimal (in units)."""
    if not isinstance(value, str):
        return number(value), None
    m = _AMOUNT.match(value.strip())
    if not m:
        raise DataError(
            f"{value!r} is not an amount such as \"152.46 million\", \"1.1 billion\" or \"384,586,115\""
        )
    whole, fraction, scale = m.groups()
    figure = number(whole.replace(",", "") + (fraction or ""))
    if scale is None:
        return figure, None
    units = shift(figure, SCALE_POWERS[scale])
    # 152460000, not 1.5246E+8, when the figure is whole units (the value is the same)
    return number(Decimal(int(units)) if units == units.to_integral_value() else units), scale  # type: ignore[return-value]


def _strip(value: Decimal) -> Decimal:
    return value.normalize() if value else Decimal(0)


def scaled_problem(units: Decimal, scale: str, as_text: bool) -> str | None:
    """Why an amount in units would print another figure than meant in ``scale``, or None.

    A figure in millions or billions has at most three decimals and is at least 0.01, so that
    units given as the figure ("243.6", meaning 243.6 million) never print as "0.0002436
    million". ``as_text``: the figure was written with its scale ("0.005 million")."""
    if scale == "exact" or not units:
        return None
    figure = _strip(shift(units, -SCALE_POWERS[scale]))
    exponent = figure.as_tuple().exponent
    assert isinstance(exponent, int)
    if figure >= Decimal("0.01") and exponent >= -3:
        return None
    rule = f"a figure in {scale}s has at most three decimals and is at least 0.01"
    if as_text:
        return f"{figure:f} {scale} is not a figure a document prints ({rule}): write the exact amount"
    meant = _strip(units)
    return (
        f"{meant:f} in units would print as {figure:f} {scale} ({rule}): for {meant:f} {scale}, "
        f"give the text \"{meant:f} {scale}\" or the units {_strip(shift(units, SCALE_POWERS[scale])):f}"
    )


def is_currency(value: object) -> bool:
    """An ISO 4217 currency code: three capital letters (USD, EUR)."""
    return isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value) is not None


def integer(value: object) -> int:
    """An int as given, never a bool."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(f"expected an integer, got {value!r}")
    return value


def year(value: object) -> int:
    """A year of four digits, as an int."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise DataError(f"expected a year such as 2024, got {value!r}")
    return value


def day(value: object) -> dt.date:
    """A date: a ``datetime.date`` or a YYYY-MM-DD string (a datetime gives its date)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if m:
            raise DataError(f"{m[0]} is not a date: {_why_not(int(m[1]), int(m[2]), int(m[3]))}")
    raise DataError(f"expected a date as YYYY-MM-DD, got {value!r}")


def _why_not(year: int, month: int, day: int) -> str:
    """Why a YYYY-MM-DD that reads as a date is none (2024-11-31: November has 30 days)."""
    if not 1 <= month <= 12:
        return f"there is no month {month:02d} (months run from 01 to 12)"
    if day == 0:
        return "days run from 01"
    days = calendar.monthrange(year, month)[1]
    if month == 2:
        return f"{year} is not a leap year" if day == 29 else f"February {year} has {days} days"
    return f"{calendar.month_name[month]} has {days} days"


def month(value: object) -> dt.date:
    """The first day of a month: a YYYY-MM string, or the month of a date."""
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, 1)
    if isinstance(value, str):
        m = _MONTH.match(value.strip())
        if m and 1 <= int(m[2]) <= 12:
            return dt.date(int(m[1]), int(m[2]), 1)
        if m:
            raise DataError(f"{m[0]} is not a month: {_why_not(int(m[1]), int(m[2]), 1)}")
    raise DataError(f"expected a month as YYYY-MM, got {value!r}")


def is_month(value: Any) -> bool:
    """Whether ``value`` is written as a month (YYYY-MM) rather than a day."""
    return isinstance(value, str) and _MONTH.match(value.strip()) is not None


def years(value: object) -> tuple[int, int]:
    """A range of years from "2022–2023" (an en dash or a hyphen) or a pair of ints."""
    if isinstance(value, str):
        m = _YEARS.match(value.strip())
        if not m:
            raise DataError(f"expected years such as 2022–2023, got {value!r}")
        return int(m[1]), int(m[2])
    if isinstance(value, list | tuple) and len(value) == 2:
        return year(value[0]), year(value[1])
    raise DataError(f"expected years such as 2022–2023 or [2022, 2023], got {value!r}")


def cycle(value: object) -> int:
    """The first year of a non-calendar year: "2023/24" or 2023."""
    if isinstance(value, str):
        m = _CYCLE.match(value.strip())
        if not m or (int(m[1]) + 1) % 100 != int(m[2]):
            raise DataError(f"expected a cycle year such as 2023/24, got {value!r}")
        return int(m[1])
    return year(value)


def flag(value: object, name: str) -> bool:
    """A true or false option, the error at ``name``."""
    if not isinstance(value, bool):
        raise DataError(f"expected true or false, got {value!r}", (name,))
    return value
