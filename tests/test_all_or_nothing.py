"""A build writes all its files or none: a full disk (a write or a rename that fails on the
Nth file) leaves every file of the earlier build as it was, byte for byte, and no temporary
file behind; never the new Chinese DOCX beside the old English one."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import ONE_PARAGRAPH_YAML

from habitat_docs import api, atomic
from habitat_docs.cli.session import run as run_session
from habitat_docs.session.batch import build_session
from habitat_docs.session.plan import load_session

ROOT = Path(__file__).resolve().parents[1]
DOC = ONE_PARAGRAPH_YAML
CHANGED = DOC.replace("requested a report.", "requested a second report.").replace("要求", "请求")


def failing_on(n: int, real: Callable[..., Any], *, only: str = "") -> Callable[..., Any]:
    """``real``, except that its ``n``th call (counting those whose first argument, or
    destination, names ``only``) raises "No space left on device"."""
    calls = 0

    def call(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        named = " ".join(str(a) for a in args[:2]) + " " + " ".join(map(str, kwargs.values()))
        if only in named:
            calls += 1
            if calls == n:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    return call


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def built(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A document built once (DOCX, en and zh), then changed: the data file, the output
    folder and what the first build wrote."""
    data = tmp_path / "doc.yaml"
    data.write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    api.build(data, out)
    before = contents(out)
    assert sorted(before) == ["HSP-EB.2024-11-en.docx", "HSP-EB.2024-11-zh.docx"]
    data.write_text(CHANGED, encoding="utf-8")
    assert all(
        contents(api.build(data, tmp_path / "new")[0].parent)[n] != before[n] for n in before
    )
    return data, out, before


@pytest.mark.parametrize("n", [1, 2])
def test_a_failing_rename_puts_every_earlier_file_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int) -> None:  # fmt: skip
    data, out, before = built(tmp_path)
    monkeypatch.setattr(os, "replace", failing_on(n, os.replace))
    with pytest.raises(OSError, match="No space left"):
        api.build(data, out, jobs=1)
    assert contents(out) == before  # no .tmp file either


@pytest.mark.parametrize("n", [1, 2])
def test_a_failing_write_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    data, out, before = built(tmp_path)
    monkeypatch.setattr(tempfile, "mkstemp", failing_on(n, tempfile.mkstemp))
    with pytest.raises(OSError, match="No space left"):
        api.build(data, out, jobs=1)
    assert contents(out) == before


def test_a_new_set_of_files_is_not_left_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No earlier build: the files renamed before the failure are removed again."""
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "replace", failing_on(2, os.replace))
    with pytest.raises(OSError):
        atomic.write_all_atomic([(out / "a", b"A"), (out / "b", b"B"), (out / "c", b"C")])
    assert os.listdir(out) == []


def test_the_build_command_says_the_disk_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from habitat_docs import cli

    data, out, before = built(tmp_path)
    monkeypatch.setattr(os, "replace", failing_on(2, os.replace))
    assert cli.main(["build", str(data), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert contents(out) == before


POOL_SCRIPT = """
import errno, json, os, sys
from pathlib import Path
from habitat_docs import api
data, out = Path(sys.argv[1]), Path(sys.argv[2])
real, calls = os.replace, []
def replace(src, dst):
    calls.append(os.getpid())
    if len(calls) == 4:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real(src, dst)
os.replace = replace
try:
    api.build(data, out, formats=("docx", "pdf"), jobs=2)
except OSError as e:
    print(json.dumps({"error": e.strerror, "pids": sorted(set(calls)), "me": os.getpid()}))
"""


@pytest.mark.slow
def test_with_the_language_pool_the_parent_writes_all_or_nothing(tmp_path: Path) -> None:
    """Versions made in forked workers come back as bytes; the parent writes them, all or
    none (a process of its own: the pool forks)."""
    data = tmp_path / "doc.yaml"
    data.write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    api.build(data, out, formats=("docx", "pdf"))
    before = contents(out)
    assert len(before) == 4
    data.write_text(CHANGED, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", POOL_SCRIPT, str(data), str(out)], env=env,
                          capture_output=True, text=True, timeout=300, check=True)  # fmt: skip
    report = json.loads(done.stdout)
    assert report["error"] == "No space left on device"
    assert report["pids"] == [report["me"]]  # only the parent renames
    assert contents(out) == before


def session(tmp_path: Path) -> Path:
    """A session of two documents, a and b (en, zh)."""
    for name in ("a", "b"):
        doc = yaml.safe_load(DOC)
        for key in ("symbol", "session", "agenda", "issued"):
            doc.pop(key)
        doc["kind"] = "executive-director-report"
        doc["issued"] = "2024-03-07"
        doc["title"] = {"en": f"Report {name}", "zh": f"报告{name}"}
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    plan = {
        "year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
        "venue": {"en": "Nairobi", "zh": "内罗毕"},
        "agenda": {"items": [{"number": 12, "title": {"en": "Management", "zh": "管理"}}]},
        "documents": [{"id": n, "file": f"{n}.yaml", "items": [12]} for n in ("a", "b")],
    }  # fmt: skip
    path = tmp_path / "session.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    return path


@pytest.mark.slow
def test_a_session_writes_each_document_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    path, out = session(tmp_path), tmp_path / "out"
    first = build_session(load_session(path), out, None, ("docx",), jobs=1, check_numbering=False)
    assert first.ok
    before = contents(out)
    for name in ("a", "b"):
        text = (tmp_path / f"{name}.yaml").read_text("utf-8")
        (tmp_path / f"{name}.yaml").write_text(
            text.replace("requested a", "asked for a").replace("要求", "请求"), "utf-8"
        )
    second_doc = sorted(n for n in before if n.endswith("-zh.docx"))[1].removesuffix("-zh.docx")
    monkeypatch.setattr(os, "replace", failing_on(2, os.replace, only=second_doc))
    err = io.StringIO()
    code = run_session([str(path), "--jobs", "1", "-o", str(out), "--progress", "none"],
                       stdout=io.StringIO(), stderr=err)  # fmt: skip
    assert code != 0 and "No space left on device" in err.getvalue()
    after = contents(out)
    for name, data in before.items():
        if name.startswith(second_doc):
            assert after[name] == data, name  # the failed document: its earlier files
        elif name.endswith(".docx"):
            assert after[name] != data, name  # the other one: built anew
    assert not [n for n in after if n.endswith(".tmp")]
