"""Shared test fixtures: counters of the bad inputs and generated examples a run tried,
printed at the end of the run ("bad inputs tried: N", "generated examples tried: M").

Markers (registered in pyproject.toml): ``office`` for tests that run LibreOffice, ``slow``
for tests that take seconds. ``pytest -m "not slow"`` or ``-m "not office"`` runs a fast
subset; a plain ``pytest`` runs everything. A test that asks for the ``office`` fixture (the
warm LibreOffice) must carry the ``office`` mark: collection stops otherwise."""

from __future__ import annotations

from collections import Counter

import pytest

_TRIED = pytest.StashKey[Counter]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_TRIED] = Counter()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Before ``-m`` deselects anything: every test using the warm office is marked office, so
    that ``-m "not office"`` never starts LibreOffice through it."""
    unmarked = [
        item.nodeid
        for item in items
        if "office" in getattr(item, "fixturenames", ()) and item.get_closest_marker("office") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "tests using the office fixture (LibreOffice) must be marked @pytest.mark.office: "
            + ", ".join(unmarked)
        )


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
