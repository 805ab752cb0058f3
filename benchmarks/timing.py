"""Timing helpers shared by the benchmark scripts.

The scripts run as ``python3 benchmarks/bench_x.py``, which puts this folder on ``sys.path``:
they import this module as ``timing``.
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any

PYTHON = sys.version.split()[0]


# --- sampling ------------------------------------------------------------------------------


def sample(fn: Callable[[], object]) -> float:
    """One timed call, in seconds, after a full collection."""
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def bench(cases: Mapping[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """One warm-up call per case, then ``repeat`` rounds, interleaving cases so that load
    drift on the machine hits every case alike."""
    for fn in cases.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, fn in cases.items():
            times[name].append(sample(fn))
    return times


def best(cases: Mapping[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """Best wall-clock and CPU times of each case over ``repeat`` interleaved rounds (no
    warm-up, no collection)."""
    wall = {k: float("inf") for k in cases}
    cpu = dict(wall)
    for _ in range(repeat):
        for k, fn in cases.items():
            w, c = time.perf_counter(), time.process_time()
            fn()
            wall[k] = min(wall[k], time.perf_counter() - w)
            cpu[k] = min(cpu[k], time.process_time() - c)
    return {k: (wall[k], cpu[k]) for k in cases}


# --- figures -------------------------------------------------------------------------------


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def ms(x: float, fmt: str = "8.2f") -> str:
    """Seconds as milliseconds."""
    return f"{x * 1e3:{fmt}}"


def spread(xs: list[float], fmt: str = "8.2f", unit: str = "", count: bool = False) -> str:
    """Median and min-max in ms: ``   12.34 (11.9-15.2)``; ``count`` adds ``, n=...``."""
    n = f", n={len(xs)}" if count else ""
    return f"{ms(med(xs), fmt)}{unit} ({min(xs) * 1e3:.1f}-{max(xs) * 1e3:.1f}{n})"


def verdict(value: float, target: float, *, at_least: bool = False, margin: bool = False) -> str:
    """PASS or MISS against a target (a ceiling, or a floor with ``at_least``); ``margin``
    says by how much a ceiling is missed."""
    if (value >= target) if at_least else (value <= target):
        return "PASS"
    return f"MISS (+{(value / target - 1) * 100:.0f}% over)" if margin and not at_least else "MISS"


def mib(x: int | None) -> str:
    return "n/a" if x is None else f"{x / 2**20:.0f} MiB"


# --- memory --------------------------------------------------------------------------------


def _status(key: str, pid: int | str = "self") -> int | None:
    """A size from /proc/PID/status ("VmRSS", "VmHWM") in bytes; None where there is none."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def rss_now(pid: int | str = "self") -> int | None:
    """The RSS in bytes of this process, or of process ``pid``; None where unknown."""
    return _status("VmRSS", pid)


def rss_peak(children: bool = False) -> int:
    """Peak RSS in bytes of this process, or of its finished children. For this process,
    VmHWM where Linux has it: ru_maxrss of a process started by a big parent reports the
    parent's size (Linux keeps the high-water mark across exec)."""
    if not children and (hwm := _status("VmHWM")) is not None:
        return hwm
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    peak = resource.getrusage(who).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


# --- fresh child processes -----------------------------------------------------------------


def run_child(script: str, *args: object) -> dict[str, Any]:
    """Run ``python3 script args...`` in a fresh process; the JSON of its last output line
    (see :func:`reply`)."""
    out = subprocess.run(
        [sys.executable, script, *map(str, args)], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def reply(**values: object) -> None:
    """The child's side of :func:`run_child`: print ``values`` as one JSON line."""
    print(json.dumps(values))
