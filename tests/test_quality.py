"""The package is typed (it ships py.typed) and lint-clean: mypy and ruff, as configured in
pyproject.toml, find nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.slow  # seconds without mypy's cache (a fresh checkout, CI)
def test_mypy_finds_no_type_errors() -> None:
    done = run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_finds_no_lint_errors() -> None:
    done = run("ruff", "check", "--output-format", "concise", "src", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr
