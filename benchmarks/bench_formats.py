"""Time to render 100,000 mixed fact values per language.

    python3 benchmarks/bench_formats.py [count]

The values are drawn with a fixed seed: money (exact, millions, billions), percentages, dates
(day, month), ranges of days and months, year ranges, cycle years, counts (figures and words),
ordinals, sessions, quarters and half-years. English and Chinese use the house style; French
shows the CLDR (Babel) fallback on the kinds CLDR can write.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from timing import PYTHON, best

from habitat_docs.compose.language import render
from habitat_docs.model.facts import (
    Count,
    CycleYear,
    Date,
    DateRange,
    Half,
    Money,
    Ordinal,
    Percent,
    Quarter,
    SessionRef,
    YearRange,
)  # fmt: skip

CLDR_KINDS = (Money, Percent, Date, DateRange, YearRange, CycleYear)


def values(n: int, seed: int = 2024) -> list[object]:
    rnd = random.Random(seed)

    def day() -> dt.date:
        return dt.date(2000, 1, 1) + dt.timedelta(days=rnd.randrange(12000))

    def date_range() -> DateRange:
        start = day()
        end = start + dt.timedelta(days=rnd.randrange(1, 400))
        if rnd.random() < 0.3:
            end = (
                end
                if (end.year, end.month) > (start.year, start.month)
                else end + dt.timedelta(days=40)
            )
            return DateRange(start, end, "month", period=rnd.random() < 0.5)
        return DateRange(start, end, period=rnd.random() < 0.3, running=rnd.random() < 0.2)

    makers: list[Callable[[], object]] = [
        lambda: Money(Decimal(rnd.randrange(10**9))),
        lambda: Money(Decimal(rnd.randrange(1, 10**6)).scaleb(-2) * 10**6, "million"),
        lambda: Money(Decimal(rnd.randrange(1, 10**4)).scaleb(-2) * 10**9, "billion"),
        lambda: Percent(Decimal(rnd.randrange(1000)).scaleb(-rnd.randrange(2))),
        lambda: Date(day()),
        lambda: Date(day(), "month"),
        date_range,
        lambda: YearRange(y := rnd.randrange(2000, 2030), y + rnd.randrange(1, 5)),
        lambda: CycleYear(rnd.randrange(2000, 2030)),
        lambda: Count(rnd.randrange(100000)),
        lambda: Count(rnd.randrange(100), words=True),
        lambda: Ordinal(rnd.randrange(1, 100)),
        lambda: SessionRef(rnd.randrange(2019, 2030), rnd.randrange(1, 4)),
        lambda: Quarter(rnd.randrange(2019, 2030), rnd.randrange(1, 5)),
        lambda: Half(rnd.randrange(2019, 2030), rnd.randrange(1, 3)),
    ]
    return [rnd.choice(makers)() for _ in range(n)]


def render_all(items: list[object], locale: str) -> None:
    for v in items:
        render(v, locale)  # type: ignore[arg-type]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    items = values(n)
    print(f"rendering {n:,} mixed values (best of 3, Python {PYTHON})")
    for label, locale, subset in [
        ("en (house style)", "en_GB", items),
        ("zh (house style)", "zh_Hans_CN", items),
        ("fr (CLDR fallback)", "fr_FR", [v for v in items if isinstance(v, CLDR_KINDS)]),
    ]:
        seconds, _ = best({"render": partial(render_all, subset, locale)}, 3)["render"]
        print(f"  {label:<20} {len(subset):>7,} values  {seconds:6.3f} s  "
              f"{seconds / len(subset) * 1e6:6.2f} µs/value")  # fmt: skip


if __name__ == "__main__":
    main()
