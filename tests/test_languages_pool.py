"""Language versions made side by side (habitat_docs.languages_pool): the same files as one
after the other, errors raised as a sequential build raises them, no fork once a thread runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import habitat_docs as hd
from habitat_docs import languages_pool
from habitat_docs.errors import DataError

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "hsp-eb-2024-11.yaml"


def _pid_of(lang: str) -> tuple[str, int]:
    return lang, os.getpid()


_CHILD = """
import json, os
from habitat_docs import languages_pool
made = languages_pool.in_parallel(["ar", "zh", "en", "fr"], lambda lang: (lang, os.getpid()), jobs=2)
print(json.dumps({"parent": os.getpid(), "made": made}))
"""


def test_versions_are_made_in_forked_workers_in_order() -> None:
    """In a fresh process (this one may hold a PDF engine's threads, and then never forks)."""
    out = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, timeout=60)
    answer = json.loads(out.stdout)
    assert [lang for lang, _ in answer["made"]] == ["ar", "zh", "en", "fr"]
    assert answer["parent"] not in {pid for _, pid in answer["made"]}


def test_no_fork_while_a_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert languages_pool.fork_context() is None
        assert {pid for _, pid in languages_pool.in_parallel(["zh", "en"], _pid_of)} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


def test_a_failing_version_raises_as_in_a_sequential_build() -> None:
    def version(lang: str) -> str:
        if lang == "fr":
            raise DataError(f"no {lang}", ("title",))
        return lang

    with pytest.raises(DataError, match="title: no fr"):
        languages_pool.in_parallel(["zh", "en", "fr"], version)


@pytest.mark.slow
def test_side_by_side_builds_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Six languages, DOCX and PDF: the files of the pool (the command in a fresh process,
    which forks) and of one process are identical."""
    cmd = [sys.executable, "-m", "habitat_docs", "build", str(EXAMPLE), "--format", "docx,pdf", "-o", str(tmp_path / "pool")]
    subprocess.run(cmd, capture_output=True, check=True, timeout=300)
    pooled = {p.name: p.read_bytes() for p in (tmp_path / "pool").iterdir()}
    monkeypatch.setattr(languages_pool, "fork_context", lambda: None)
    alone = {p.name: p.read_bytes() for p in hd.build(EXAMPLE, tmp_path / "one", formats=("docx", "pdf"))}
    assert len(pooled) == 12 and pooled == alone


def test_a_session_worker_makes_its_versions_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A session's pool gives each core a document: its language versions never open a pool
    of their own (cores would be asked for twice over)."""
    from habitat_docs.session.batch import build_session
    from habitat_docs.session.plan import load_session

    def forbidden() -> None:
        raise AssertionError("a language pool inside a session")

    monkeypatch.setattr(languages_pool, "fork_context", forbidden)
    session = Path(__file__).resolve().parents[1] / "examples" / "session-2024-1.yaml"
    result = build_session(load_session(session), tmp_path, None, ("docx",), jobs=1)
    assert not result.failed and result.files >= 6
