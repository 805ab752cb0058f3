"""Language versions made side by side (habitat_docs.languages_pool): the same files as one
after the other, errors raised as a sequential build raises them, no fork once a thread runs."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import habitat_docs as hd
from habitat_docs import languages_pool
from habitat_docs.errors import DataError

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "hsp-eb-2024-11.yaml"


def _pid_of(lang: str) -> tuple[str, int]:
    return lang, os.getpid()


def test_versions_are_made_in_forked_workers_in_order() -> None:
    made = languages_pool.in_parallel(["ar", "zh", "en", "fr"], _pid_of, jobs=2)
    assert [lang for lang, _ in made] == ["ar", "zh", "en", "fr"]
    assert os.getpid() not in {pid for _, pid in made}


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
    """Six languages, DOCX and PDF: the files of the pool and of one process are identical."""
    pooled = {p.name: p.read_bytes() for p in hd.build(EXAMPLE, tmp_path / "pool", formats=("docx", "pdf"))}
    monkeypatch.setattr(languages_pool, "fork_context", lambda: None)
    alone = {p.name: p.read_bytes() for p in hd.build(EXAMPLE, tmp_path / "one", formats=("docx", "pdf"))}
    assert len(pooled) == 12 and pooled == alone
