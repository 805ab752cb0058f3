"""Every example in the package's docstrings runs and prints what it says (doctest)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import habitat_docs

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    m.name for m in pkgutil.walk_packages(habitat_docs.__path__, "habitat_docs.")
    if not m.name.endswith("__main__")
)


def test_the_examples_are_found() -> None:
    found = [name for name in MODULES if doctest.DocTestFinder().find(importlib.import_module(name))
             and any(t.examples for t in doctest.DocTestFinder().find(importlib.import_module(name)))]
    assert len(found) >= 8, found


@pytest.mark.parametrize("name", ["habitat_docs", *MODULES])
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples name files as a reader at the project root would
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
