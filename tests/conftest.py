"""Shared test fixtures: counters of the bad inputs and generated examples a run tried,
printed at the end of the run ("bad inputs tried: N", "generated examples tried: M")."""

from __future__ import annotations

from collections import Counter

import pytest

_TRIED = pytest.StashKey[Counter]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_TRIED] = Counter()


@pytest.fixture(scope="session")
def tried(request: pytest.FixtureRequest) -> Counter:
    """Count what a test tried: ``tried["bad inputs"] += 1``. Session-scoped, so that
    Hypothesis tests can use it."""
    return request.config.stash[_TRIED]


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    counts = config.stash.get(_TRIED, Counter())
    if not counts:
        return
    terminalreporter.section("inputs tried")
    for what in ("bad inputs", "generated examples"):
        terminalreporter.write_line(f"{what} tried: {counts[what]}")
