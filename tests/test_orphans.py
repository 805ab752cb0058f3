"""Worker processes end with the process that started their pool (habitat_docs.orphans), even
when it is killed with SIGKILL and runs no clean-up (issue 18, point 14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _children(pid: int) -> set[int]:
    """The live child processes of ``pid``, read from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text("ascii", "replace")
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            if fields[0] != "Z" and int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        kids = _children(todo.pop())
        found |= kids
        todo.extend(kids)
    return found


def _alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (a zombie has ended: only its exit status is left)."""
    return {pid for pid in pids if _state(pid) not in ("", "Z")}


def _state(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text("ascii", "replace")
    except OSError:
        return ""
    return stat.rpartition(")")[2].split()[0]


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    """Wait until none of ``pids`` runs; those still running after ``seconds``."""
    deadline = time.monotonic() + seconds
    while _alive(pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _alive(pids)


_OWNER = """
import os, sys, time
from habitat_docs import orphans
if sys.argv[1] == "thread":
    orphans._kernel_signal = lambda: False  # the fallback of systems without prctl
owner = os.getpid()
if os.fork() == 0:
    orphans.die_with_parent(owner)
    print(os.getpid(), flush=True)
    time.sleep(60)
    os._exit(0)
time.sleep(60)
"""


@pytest.mark.parametrize("how", ["kernel", "thread"])
def test_a_worker_ends_when_its_owner_is_killed(how: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER, how], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert owner.stdout is not None
        worker = int(owner.stdout.readline())
        assert _alive({worker}) == {worker}
        owner.kill()
        assert _gone_within({worker}, 10) == set()
    finally:
        owner.kill()
        owner.wait()


def test_a_worker_whose_owner_is_already_gone_ends_at_once() -> None:
    """The owner may die before the worker arms the signal: the kernel would then never send it."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    code = f"from habitat_docs.orphans import die_with_parent; die_with_parent({gone.pid}); print('alive')"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (out.returncode, out.stdout) == (1, "")


def _session(folder: Path, documents: int) -> Path:
    items = [{"number": 2, "title": {"en": "Adoption of the agenda", "zh": "通过议程"}}]
    text = {"en": "The Executive Board met and decided. " * 40, "zh": "执行局开会并作出决定。" * 40}
    docs = []
    for n in range(documents):
        data = {
            "kind": "executive-director-report",
            "issued": "2024-03-07",
            "title": {"en": f"Report {n}", "zh": f"报告{n}"},
            "sections": [{"heading": {"en": f"Part {k}", "zh": f"第{k}部分"}, "content": [{"text": text}] * 20}
                         for k in range(5)],
        }  # fmt: skip
        (folder / f"d{n}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        docs.append({"id": f"d{n}", "file": f"d{n}.yaml", "items": [2]})
    session = {"year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
               "venue": {"en": "Nairobi", "zh": "内罗毕"}, "agenda": {"items": items}, "documents": docs}  # fmt: skip
    path = folder / "session.yaml"
    path.write_text(yaml.safe_dump(session, allow_unicode=True), "utf-8")
    return path


@pytest.mark.slow
def test_build_session_killed_leaves_no_worker(tmp_path: Path) -> None:
    session = _session(tmp_path, 16)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-m", "habitat_docs", "build-session", str(session), "--jobs", "2",
            "--lang", "en,zh", "--format", "docx,pdf", "-o", str(tmp_path / "out"), "--progress", "lines"]  # fmt: skip
    main = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(_children(main.pid)) < 2 and main.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        workers = _descendants(main.pid)
        assert main.poll() is None and len(workers) >= 2, (
            "the build ended before its workers were seen"
        )
        main.send_signal(signal.SIGKILL)
        main.wait()
        assert _gone_within(workers, 10) == set()
    finally:
        main.kill()
        main.wait()
        for pid in _alive(workers):  # left behind by a failure: end them here
            os.kill(pid, signal.SIGKILL)
