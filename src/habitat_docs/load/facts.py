"""The ``facts:`` syntax of a data file as structure hooks: each fact type, and a fact by its key.

One fact is a mapping with one key naming its kind (``{money: "152.46 million"}``) and, for
some kinds, options beside it (``currency``, ``period``, ``running``, ``words``); the forms
are listed in :mod:`habitat_docs.model.facts`. Problems are reported at the kind's key (or
inside its value), or at the option they concern.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal

import cattrs

from habitat_docs.errors import DataError, Problem, did_you_mean
from habitat_docs.model import fact_forms as forms
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
    name_problem,
)  # fmt: skip

__all__ = ["FACT_KINDS", "FACT_OPTIONS", "parse_date", "register_fact_hooks"]

#: The kinds of fact, each the key of its data form, and the type it makes.
_KINDS: dict[str, type] = {
    "money": Money, "percent": Percent, "date": Date, "month": Date, "year": Date,
    "dates": DateRange, "months": DateRange, "years": YearRange, "cycle": CycleYear,
    "count": Count, "ordinal": Ordinal, "session": SessionRef, "quarter": Quarter, "half": Half,
}  # fmt: skip
_OPTIONS = {"money": ("currency",), "dates": ("period", "running"), "months": ("period", "running"),
            "count": ("words",)}  # fmt: skip
#: The same, read-only, for what describes the data form (the JSON Schema of a data file).
FACT_KINDS: Mapping[str, type] = MappingProxyType(_KINDS)
FACT_OPTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(_OPTIONS)


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
# The forms themselves are read by the constructors (habitat_docs.model.fact_forms); a hook
# picks the value and options out of the mapping, and adds the hint a data file needs.


def _no_float(value: Any, example: str) -> None:
    if isinstance(value, float):
        raise DataError(
            f"{value!r} is a floating-point number, which is not exact: quote it ({example})"
        )


def _money(spec: Mapping[str, Any], _: type) -> Money:
    value = spec["money"]
    _no_float(value, f'money: "{value} million"')
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DataError(f"expected an amount such as \"152.46 million\", got {value!r}")
    return Money(value, currency=spec.get("currency", "USD"))


def _percent(spec: Mapping[str, Any], _: type) -> Percent:
    value = spec["percent"]
    _no_float(value, f'percent: "{value}"')
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DataError(f"expected a number of per cent such as 89 or \"48.6\", got {value!r}")
    return Percent(value)


def parse_date(value: Any) -> dt.date:
    """A date from data: a date, or a YYYY-MM-DD string."""
    return forms.day(value)


def _date(spec: Mapping[str, Any], _: type) -> Date:
    """``{date: 2024-01-09}``, ``{month: 2023-02}`` or ``{year: 2024}``."""
    if "month" in spec:
        return Date(forms.month(spec["month"]), "month")
    if "year" in spec:
        return Date(forms.year(spec["year"]), "year")
    return Date(forms.day(spec["date"]), "day")


def _pair(value: Any, what: str) -> tuple[Any, Any]:
    if isinstance(value, str) or not isinstance(value, list | tuple) or len(value) != 2:
        raise DataError(f"expected a list of two: {what}, got {value!r}")
    return value[0], value[1]


_RANGES: dict[str, tuple[Literal["day", "month"], Callable[[Any], dt.date], str]] = {
    "dates": ("day", forms.day, "[2024-05-06, 2024-05-08]"),
    "months": ("month", forms.month, "[2020-01, 2020-06]"),
}


def _date_range(spec: Mapping[str, Any], _: type) -> DateRange:
    """``{dates: [start, end]}`` or ``{months: [start, end]}``, ``period`` and ``running``."""
    key = "dates" if "dates" in spec else "months"
    precision, parse, example = _RANGES[key]
    ends = _pair(spec[key], f"[start, end] such as {example}")
    start, end = [_within(parse, x, i) for i, x in enumerate(ends)]
    return DateRange(start, end, precision, spec.get("period", False), spec.get("running", False))


def _within(parse: Callable[[Any], dt.date], value: Any, index: int) -> dt.date:
    try:
        return parse(value)
    except DataError as e:
        raise e.within((index,)) from None


def _count(spec: Mapping[str, Any], _: type) -> Count:
    words = spec.get("words", False)
    if not isinstance(words, bool | str | list):
        raise DataError(f"expected true, false or language codes, got {words!r}", ("words",))
    return Count(spec["count"], words)


def _session(spec: Mapping[str, Any], _: type) -> SessionRef:
    return SessionRef(*_pair(spec["session"], "[year, ordinal] such as [2024, 1]"))


def _quarter(spec: Mapping[str, Any], _: type) -> Quarter:
    return Quarter(*_pair(spec["quarter"], "[year, quarter] such as [2024, 1] or [2024, last]"))


def _half(spec: Mapping[str, Any], _: type) -> Half:
    return Half(*_pair(spec["half"], "[year, half] such as [2024, 1]"))


_HOOKS: dict[type, Callable[[Mapping[str, Any], type], Any]] = {
    Money: _money, Percent: _percent, Date: _date, DateRange: _date_range,
    YearRange: lambda spec, _: YearRange(spec["years"]), CycleYear: lambda spec, _: CycleYear(spec["cycle"]),
    Count: _count, Ordinal: lambda spec, _: Ordinal(spec["ordinal"]), SessionRef: _session,
    Quarter: _quarter, Half: _half,
}  # fmt: skip
