"""The ``facts:`` syntax of a data file as structure hooks: each fact type, and a fact by its key.

One fact is a mapping with one key naming its kind (``{money: "152.46 million"}``) and, for
some kinds, options beside it (``currency``, ``period``, ``running``, ``words``); the forms
are listed in :mod:`habitat_docs.model.facts`. Problems are reported at the kind's key (or
inside its value), or at the option they concern.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

import cattrs

from habitat_docs.errors import DataError, Problem, did_you_mean
from habitat_docs.model.facts import (
    FACT_TYPES,
    Count,
    CycleYear,
    Date,
    DateRange,
    Fact,
    Facts,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
    integer,
    is_currency,
    name_problem,
)  # fmt: skip

__all__ = ["parse_date", "register_fact_hooks"]

#: The kinds of fact, each the key of its data form, and the type it makes.
_KINDS: dict[str, type] = {
    "money": Money, "percent": Percent, "date": Date, "month": Date, "year": Date,
    "dates": DateRange, "months": DateRange, "years": YearRange, "cycle": CycleYear,
    "count": Count, "ordinal": Ordinal, "session": SessionRef, "quarter": Quarter, "half": Half,
}  # fmt: skip
_OPTIONS = {"money": ("currency",), "dates": ("period", "running"), "months": ("period", "running"),
            "count": ("words",)}  # fmt: skip


def register_fact_hooks(converter: cattrs.Converter) -> None:
    """Teach ``converter`` the data form of every fact type, of one fact (by its key) and of
    a document's ``facts:`` mapping."""

    def structure_fact(spec: Any, _: Any) -> Fact:
        if isinstance(spec, FACT_TYPES):
            return spec  # type: ignore[return-value]
        kind = _kind(spec)
        options = _OPTIONS.get(kind, ())
        try:
            fact: Fact = converter.structure(spec, _KINDS[kind])
        except DataError as e:  # paths inside the value, or naming an option
            raise DataError([
                Problem(p.message, p.path if p.path[:1] and p.path[0] in options else (kind, *p.path))
                for p in e.problems
            ]) from None  # fmt: skip
        except (TypeError, ValueError) as e:
            raise DataError(str(e), (kind,)) from None
        return fact

    def structure_facts(value: Any, _: type) -> Facts:
        if isinstance(value, Facts):
            return value
        if not isinstance(value, Mapping):
            raise DataError("expected a mapping of fact names, e.g. {share: {percent: 89}}")
        facts: dict[str, Fact] = {}
        problems: list[DataError] = []
        for name, spec in value.items():
            if (bad_name := name_problem(name)) is not None:
                problems.append(bad_name)
                continue
            try:
                facts[name] = structure_fact(spec, Fact)
            except DataError as e:
                problems.append(e.within((name,)))
        if problems:
            raise DataError.join(problems)
        return Facts(facts)

    for cls, hook in _HOOKS.items():
        converter.register_structure_hook(cls, hook)
    converter.register_structure_hook(Fact, structure_fact)
    converter.register_structure_hook(Facts, structure_facts)


def _kind(spec: Any) -> str:
    """The kind of fact a data form names, once its other keys are known options."""
    if not isinstance(spec, Mapping):
        raise DataError(f"expected a mapping such as {{money: \"152.46 million\"}}, got {spec!r}")
    kinds = [k for k in spec if k in _KINDS]
    if len(kinds) != 1:
        unknown = [k for k in spec if k not in _KINDS and not any(k in o for o in _OPTIONS.values())]
        if unknown and not kinds:
            k = str(unknown[0])
            raise DataError(
                f"unknown kind of fact '{k}'{did_you_mean(k, _KINDS)} (known: {', '.join(_KINDS)})", (k,)
            )
        what = f"{' and '.join(kinds)} together" if kinds else "none"
        raise DataError(f"a fact is one of {', '.join(_KINDS)} (got {what})")
    kind = kinds[0]
    allowed = _OPTIONS.get(kind, ())
    for k in spec:
        if k != kind and k not in allowed:
            hint = did_you_mean(str(k), allowed)
            known = f" (a {kind} fact takes {', '.join(allowed)})" if allowed else ""
            raise DataError(f"unknown field '{k}' for a {kind} fact{hint}{known}", (k,))
    return kind


# --- the hook of each fact type: its data form, a mapping of kind and options ----------------


def _no_float(value: Any, example: str) -> None:
    if isinstance(value, float):
        raise DataError(
            f"{value!r} is a floating-point number, which is not exact: quote it ({example})"
        )


def _flag(spec: Mapping[str, Any], key: str) -> bool:
    value = spec.get(key, False)
    if not isinstance(value, bool):
        raise DataError(f"expected true or false, got {value!r}", (key,))
    return value


def _money(spec: Mapping[str, Any], _: type) -> Money:
    value = spec["money"]
    _no_float(value, f'money: "{value} million"')
    currency = spec.get("currency", "USD")
    if not is_currency(currency):
        raise DataError(
            f"expected an ISO 4217 currency code such as USD, got {currency!r}", ("currency",)
        )
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DataError(f"expected an amount such as \"152.46 million\", got {value!r}")
    return Money.of(value, currency)


def _percent(spec: Mapping[str, Any], _: type) -> Percent:
    value = spec["percent"]
    _no_float(value, f'percent: "{value}"')
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DataError(f"expected a number of per cent such as 89 or \"48.6\", got {value!r}")
    return Percent(value)


def parse_date(value: Any) -> dt.date:
    """A date from data: a date, or a YYYY-MM-DD string."""
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


def _month(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, 1)
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
        if m and 1 <= int(m[2]) <= 12:
            return dt.date(int(m[1]), int(m[2]), 1)
        if m:
            raise DataError(f"{m[0]} is not a month: {_why_not(int(m[1]), int(m[2]), 1)}")
    raise DataError(f"expected a month as YYYY-MM, got {value!r}")


def _date(spec: Mapping[str, Any], _: type) -> Date:
    """``{date: 2024-01-09}``, ``{month: 2023-02}`` or ``{year: 2024}``."""
    if "month" in spec:
        return Date(_month(spec["month"]), "month")
    if "year" in spec:
        return Date(dt.date(integer(spec["year"]), 1, 1), "year")
    return Date(parse_date(spec["date"]))


def _pair(value: Any, what: str) -> tuple[Any, Any]:
    if isinstance(value, str) or not isinstance(value, list | tuple) or len(value) != 2:
        raise DataError(f"expected a list of two: {what}, got {value!r}")
    return value[0], value[1]


_RANGES: dict[str, tuple[Literal["day", "month"], Callable[[Any], dt.date], str]] = {
    "dates": ("day", parse_date, "[2024-05-06, 2024-05-08]"),
    "months": ("month", _month, "[2020-01, 2020-06]"),
}


def _date_range(spec: Mapping[str, Any], _: type) -> DateRange:
    """``{dates: [start, end]}`` or ``{months: [start, end]}``, ``period`` and ``running``."""
    key = "dates" if "dates" in spec else "months"
    precision, parse, example = _RANGES[key]
    ends = _pair(spec[key], f"[start, end] such as {example}")
    start, end = [_within(parse, x, i) for i, x in enumerate(ends)]
    return DateRange(start, end, precision, _flag(spec, "period"), _flag(spec, "running"))


def _within(parse: Callable[[Any], dt.date], value: Any, index: int) -> dt.date:
    try:
        return parse(value)
    except DataError as e:
        raise e.within((index,)) from None


def _years(spec: Mapping[str, Any], _: type) -> YearRange:
    value = spec["years"]
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})\s*[–-]\s*(\d{4})", value.strip())
        if not m:
            raise DataError(f"expected years such as 2022–2023, got {value!r}")
        return YearRange(int(m[1]), int(m[2]))
    a, b = _pair(value, "years such as 2022–2023 or [2022, 2023]")
    return YearRange(integer(a), integer(b))


def _cycle(spec: Mapping[str, Any], _: type) -> CycleYear:
    value = spec["cycle"]
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})/(\d{2})", value.strip())
        if not m or (int(m[1]) + 1) % 100 != int(m[2]):
            raise DataError(f"expected a cycle year such as 2023/24, got {value!r}")
        return CycleYear(int(m[1]))
    return CycleYear(integer(value))


def _count(spec: Mapping[str, Any], _: type) -> Count:
    words = spec.get("words", False)
    if not isinstance(words, bool | str | list):
        raise DataError(f"expected true, false or language codes, got {words!r}", ("words",))
    return Count(integer(spec["count"]), words)


def _year_pair(value: Any, what: str) -> tuple[int, Any]:
    a, b = _pair(value, what)
    return integer(a), b


def _session(spec: Mapping[str, Any], _: type) -> SessionRef:
    return SessionRef(*_year_pair(spec["session"], "[year, ordinal] such as [2024, 1]"))


def _quarter(spec: Mapping[str, Any], _: type) -> Quarter:
    year, n = _year_pair(spec["quarter"], "[year, quarter] such as [2024, 1] or [2024, last]")
    if n == "last":
        return Quarter(year, 4, last=True)
    return Quarter(year, integer(n))


def _half(spec: Mapping[str, Any], _: type) -> Half:
    return Half(*_year_pair(spec["half"], "[year, half] such as [2024, 1]"))


_HOOKS: dict[type, Callable[[Mapping[str, Any], type], Any]] = {
    Money: _money, Percent: _percent, Date: _date, DateRange: _date_range, YearRange: _years,
    CycleYear: _cycle, Count: _count, Ordinal: lambda spec, _: Ordinal(spec["ordinal"]),
    SessionRef: _session, Quarter: _quarter, Half: _half,
}  # fmt: skip
