#!/usr/bin/env python3
"""Session build time: a synthetic session of 30 documents, one process against the pool.

    python3 benchmarks/bench_session.py [--docs 30] [--repeat 5] [--jobs N] [--formats docx,pdf]

The synthetic session has ``--docs`` documents (default 30), each the body of the
HSP/EB.2024/11 example with its own title, agenda item and symbol (allocated by the session),
citing its neighbours with {doc:id}; every document is built in every language of the example
(the six official languages) and in two formats
when the library has two (docx and pdf), else in the formats it has (said in the output).

Each configuration runs ``--repeat`` times (default 5), each time in a fresh Python process (imports
done, nothing built yet), timing ``build_session`` with perf_counter: reading the data files,
merging, structuring, writing every file and the index. ``jobs=1`` builds in the process
itself (no pool); the pool run uses ``--jobs`` workers (default: one per core). Reported:
medians with min–max, and the speed-up of the pool over one process (target >= 1.7x on
2 cores). Nothing asserts on time.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from timing import PYTHON, med, reply, run_child, verdict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
with open(EXAMPLE, encoding="utf-8") as _f:  # the languages the example is issued in
    LANGS = tuple(yaml.safe_load(_f).get("languages", ("zh", "en")))
TARGET = 1.7


def make_session(folder: Path, n: int) -> Path:
    """Write a session file and ``n`` document files (no session, agenda or symbol), in every
    language of the example."""
    with open(EXAMPLE, encoding="utf-8") as f:
        example = yaml.safe_load(f)
    body = {k: v for k, v in example.items() if k not in ("symbol", "session", "agenda")}
    items = [
        {"number": k, "title": {lang: f"{example['title'][lang]} {k}" for lang in LANGS}}
        for k in range(1, 16)
    ]
    documents = []
    for i in range(n):
        doc = dict(body)
        doc["title"] = {lang: f"{example['title'][lang]} {i + 1}" for lang in LANGS}
        cite = f"d{(i + 1) % n + 1}"
        intro = dict(doc["sections"][0])
        first = dict(intro["content"][0])
        first["text"] = {
            lang: f"{text} {{doc:{cite}}} {{doc:agenda}}" for lang, text in first["text"].items()
        }
        intro["content"] = [first, *intro["content"][1:]]
        doc["sections"] = [intro, *doc["sections"][1:]]
        name = f"d{i + 1}.yaml"
        (folder / name).write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8"
        )
        documents.append({"id": f"d{i + 1}", "file": name, "items": [i % 15 + 1]})
    session = {
        "year": 2024, "ordinal": 1, "start": "2024-05-06", "end": "2024-05-08",
        "venue": example["session"]["venue"],
        "agenda": {"items": items},
        "documents": documents,
    }  # fmt: skip
    path = folder / "session.yaml"
    path.write_text(yaml.safe_dump(session, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def child(session: str, out: str, jobs: int, formats: list[str]) -> None:
    """One timed build in this (fresh) process; prints a JSON line."""
    from habitat_docs.session.batch import build_session
    from habitat_docs.session.plan import load_session

    r0, c0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    plan = load_session(session)
    result = build_session(plan, out, LANGS, formats, jobs=jobs)
    seconds = time.perf_counter() - t0
    r1, c1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    workers_cpu = (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)
    reply(seconds=seconds, main_cpu=main_cpu, workers_cpu=workers_cpu, files=result.files,
          failed=len(result.failed), errors=[d.error for d in result.failed][:3])  # fmt: skip


def run(session: Path, out: Path, jobs: int, formats: list[str]) -> dict[str, Any]:
    return run_child(__file__, "--child", session, out, jobs, ",".join(formats))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--formats", help="comma-separated (default: docx,pdf, or what there is)")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        session, out, jobs, fmts = args.child
        child(session, out, int(jobs), fmts.split(","))
        return

    import habitat_docs
    from habitat_docs import api

    wanted = args.formats.split(",") if args.formats else ["docx", "pdf"]
    formats = [f for f in wanted if f in api.FORMATS]
    lacking = [f for f in wanted if f not in api.FORMATS]
    cores = os.cpu_count() or 1
    print(f"habitat-docs {habitat_docs.__version__}, Python {PYTHON}, {cores} cores")
    if lacking:
        print(f"NOTE: format{'s' if len(lacking) > 1 else ''} {', '.join(lacking)} not available "
              f"(api.FORMATS = {api.FORMATS}); building {', '.join(formats)} only")  # fmt: skip
    if not formats:
        sys.exit("no format to build")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        session = make_session(folder, args.docs)
        files = args.docs * len(LANGS) * len(formats)
        print(f"Synthetic session: {args.docs} documents x {len(LANGS)} languages x {len(formats)} "
              f"format{'s' if len(formats) != 1 else ''} ({', '.join(formats)}) = {files} files; "
              f"each document ~{EXAMPLE.stat().st_size // 1024} KB of YAML (the HSP/EB.2024/11 body)")  # fmt: skip
        print(
            f"{args.repeat} runs per configuration, each in a fresh process; "
            "time of build_session (read, merge, structure, write, index)\n"
        )
        configs = [1, args.jobs] if args.jobs != 1 else [1]
        runs: dict[int, list[dict[str, Any]]] = {j: [] for j in configs}
        load_before = os.getloadavg()[0]
        for r in range(args.repeat):
            for j in configs:  # interleaved, so that load drift hits both alike
                res = run(session, folder / f"out-{j}-{r}", j, formats)
                if res["failed"] or res["files"] != files:
                    sys.exit(f"build failed: {res}")
                runs[j].append(res)
        load_after = os.getloadavg()[0]

        def mid(j: int, key: str) -> float:  # median of one figure over the runs
            return med([x[key] for x in runs[j]])

        print(f"  {'processes':>11}  {'median s':>8}  {'min-max s':>11}  {'files/s':>7}"
              f"  {'CPU s: main':>11}  {'workers':>7}")  # fmt: skip
        for j in configs:
            t = [x["seconds"] for x in runs[j]]
            label = "1 (no pool)" if j == 1 else str(j)
            print(f"  {label:>11}  {mid(j, 'seconds'):8.2f}  {min(t):5.2f}-{max(t):<5.2f}"
                  f"  {files / mid(j, 'seconds'):7.1f}  {mid(j, 'main_cpu'):11.2f}"
                  f"  {mid(j, 'workers_cpu'):7.2f}")  # fmt: skip
        print(f"\n  load average (1 min) before/after: {load_before:.2f} / {load_after:.2f}"
              f" on {cores} cores{' (busy: other processes share the cores)' if load_before > 0.5 else ''}")  # fmt: skip
        if len(configs) > 1:
            j = args.jobs
            speedup = mid(1, "seconds") / mid(j, "seconds")
            outcome = verdict(speedup, TARGET, at_least=True)
            target = f"target >= {TARGET}x on 2 cores"
            if cores != 2:
                target += f"; this machine has {cores}"
            print(f"\nSpeed-up of the pool ({j} processes) over one process: "
                  f"{speedup:.2f}x ({target}: {outcome})")  # fmt: skip
            best = min(x["seconds"] for x in runs[1]) / min(x["seconds"] for x in runs[j])
            print(f"Best run against best run (least disturbed by other processes): {best:.2f}x")
            # On idle cores the pool's wall time is at most its main-process CPU (counted as
            # if never overlapping the workers) plus the workers' CPU spread over the cores.
            serial = mid(1, "main_cpu")
            pool = mid(j, "main_cpu") + mid(j, "workers_cpu") / min(j, cores)
            print(f"CPU-time estimate for {min(j, cores)} idle cores (no contention): "
                  f"{serial:.2f} s / ({mid(j, 'main_cpu'):.2f} + {mid(j, 'workers_cpu'):.2f} / "
                  f"{min(j, cores)}) s = {serial / pool:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
