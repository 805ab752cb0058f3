"""The README's Python snippets are typed as a user's code would be: each passes ``mypy --strict``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPET = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def snippets() -> list[str]:
    return SNIPPET.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_python_snippets_including_facts() -> None:
    found = snippets()
    assert len(found) >= 4
    assert any("hd.Money(" in s for s in found)


@pytest.mark.slow  # mypy without its cache takes seconds
def test_every_python_snippet_of_the_readme_passes_mypy_strict(tmp_path: Path) -> None:
    folder = tmp_path / "snippets"
    folder.mkdir()
    for i, text in enumerate(snippets(), 1):
        (folder / f"readme_snippet_{i}.py").write_text(text, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}  # this checkout's package, not an installed one
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
         "--no-error-summary", str(folder)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
