#!/usr/bin/env python3
"""Importing a 100-page document pair (zh + en DOCX) against building it, in one run.

    python3 benchmarks/bench_import.py [--repeat N] [--pages P] [--profile]

The document: the body of HSP/EB.2024/11 (summary, facts, a table, the draft decision at the
end) and the sections of HSP/EB.2022/4 (footnotes) in Chinese and English, each section's
paragraphs and tables repeated with fresh ids until the Chinese Typst PDF has at least ``--pages`` pages (default
100; the count is read back with pypdf and printed, English too).

1. **Times**, medians over ``--repeat`` interleaved rounds (default 5) after one warm-up, in
   one process: the import (``import_document([zh.docx, en.docx])`` and ``emit.dump`` of
   what it read) and the build of the same data file (``habitat_docs.build``, zh and en,
   ``formats=("docx",)`` and ``("docx", "pdf")``, in one process: ``jobs=1``, as the import
   runs, unless ``--jobs`` says otherwise). Ratios import / build.
2. **Peak memory** of each, in a fresh process that runs it once (imports done first):
   peak RSS, and what the run adds to the RSS after the imports.

``--profile`` adds a cProfile of one import. Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import yaml
from timing import PYTHON, bench, med, mib, reply, rss_now, rss_peak, run_child, spread

import habitat_docs
from habitat_docs.importer import import_document
from habitat_docs.importer.emit import dump

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "examples" / "hsp-eb-2024-11.yaml"  # summary, facts, a table, the decision
NOTES = ROOT / "examples" / "hsp-eb-2022-2.yaml"  # footnotes
LANGS = ("zh", "en")


# --- the document ---------------------------------------------------------------------------


def _two(value: Any) -> Any:
    """``value`` with every text cut to zh and en."""
    if isinstance(value, dict):
        if set(LANGS) <= value.keys() and all(len(k) == 2 for k in value):
            return {lang: value[lang] for lang in LANGS}
        return {k: _two(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_two(v) for v in value]
    return value


def _renamed(value: Any, suffix: str) -> Any:
    """``value`` with every id of a section or paragraph given ``suffix``: a copy must not
    repeat one (a table's notes are named within their table)."""
    if isinstance(value, dict):
        return {
            k: f"{v}-{suffix}" if k == "id" else v if k == "table_notes" else _renamed(v, suffix)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_renamed(v, suffix) for v in value]
    return value


def make_document(copies: int) -> dict[str, Any]:
    """HSP/EB.2024/11 in zh and en, the sections of HSP/EB.2022/4 before its conclusion,
    each section's content repeated ``copies`` times (a document of 17 sections: the checker
    reads roman numerals of up to six letters)."""
    base = _two(yaml.safe_load(BASE.read_text(encoding="utf-8")))
    notes = _two(yaml.safe_load(NOTES.read_text(encoding="utf-8")))
    *body, conclusion = base["sections"]
    sections = []
    for section in [*body, *_renamed(notes["sections"], "n")]:
        # The first copy keeps its ids: the summary's references name them.
        content = section["content"]
        for k in range(1, copies):
            content = content + _renamed(section["content"], f"c{k}")
        sections.append({**section, "content": content})
    base["languages"] = list(LANGS)
    base["sections"] = [*sections, conclusion]
    return base


def pages(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


def write_document(folder: Path, target: int) -> tuple[Path, dict[str, Path], dict[str, int]]:
    """The data file whose zh PDF has at least ``target`` pages, its built files by
    extension and language, and the pages of each PDF."""
    copies = 1
    while True:
        source = folder / f"doc-{copies}.yaml"
        text = yaml.safe_dump(make_document(copies), allow_unicode=True, sort_keys=False)
        source.write_text(text, encoding="utf-8")
        built = habitat_docs.build(source, folder / f"built-{copies}", LANGS, ("docx", "pdf"))
        files = {p.name.rsplit("-", 1)[1]: p for p in built}  # "zh.docx", "en.pdf", ...
        counts = {lang: pages(files[f"{lang}.pdf"]) for lang in LANGS}
        if counts["zh"] >= target:
            return source, files, counts
        # Grow in proportion (at least one copy) rather than one copy at a time.
        copies = max(copies + 1, round(copies * target / counts["zh"]))


# --- the cases ------------------------------------------------------------------------------


def do_import(docx: list[Path]) -> str:
    data, comments = import_document(docx, LANGS)
    return dump(data, comments)


def cases(source: Path, docx: list[Path], out: Path, jobs: int) -> dict[str, Callable[[], object]]:
    return {
        "import": lambda: do_import(docx),
        "build docx": lambda: habitat_docs.build(source, out / "d", LANGS, ("docx",), jobs=jobs),
        "build docx+pdf": lambda: habitat_docs.build(
            source, out / "dp", LANGS, ("docx", "pdf"), jobs=jobs
        ),
    }


def memory_child(name: str, source: str, zh: str, en: str, out: str, jobs: int) -> None:
    """One run of case ``name`` in this fresh process; prints a JSON line."""
    run = cases(Path(source), [Path(zh), Path(en)], Path(out), jobs)[name]
    gc.collect()
    start = rss_now()
    t0 = time.perf_counter()
    run()
    reply(seconds=time.perf_counter() - t0, start=start, peak=rss_peak(),
          workers=rss_peak(children=True))  # fmt: skip


# --- report -----------------------------------------------------------------------------------


def describe(source: Path, docx: list[Path], counts: dict[str, int]) -> str:
    """What the document holds, and the import's own account of it."""
    warnings: list[str] = []
    data, comments = import_document(docx, LANGS, warnings=warnings)
    text = dump(data, comments)
    sections = data["sections"]
    assert isinstance(sections, list)
    paras = sum(len(s.get("content", ())) for s in sections)
    sizes = ", ".join(f"{p.name} {p.stat().st_size // 1024} KB" for p in docx)
    print(f"Document: {source.stat().st_size // 1024} KB of YAML; PDF pages "
          + ", ".join(f"{lang} {n}" for lang, n in counts.items())
          + f"; {sizes}")  # fmt: skip
    print(f"Import: {len(sections)} sections, {paras} top-level blocks, {len(text) // 1024} KB "
          f"of YAML written, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}")  # fmt: skip
    return text


def profile(docx: list[Path], top: int = 25) -> None:
    prof = cProfile.Profile()
    prof.enable()
    do_import(docx)
    prof.disable()
    print("\ncProfile of one import, by internal time:")
    pstats.Stats(prof).strip_dirs().sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=1, help="processes of the build (default 1)")
    ap.add_argument("--profile", action="store_true", help="also cProfile one import")
    ap.add_argument("--memory-child", nargs=6, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        name, source, zh, en, out, jobs = args.memory_child
        memory_child(name, source, zh, en, out, int(jobs))
        return

    t0 = time.perf_counter()
    print(f"habitat-docs {habitat_docs.__version__}, pypdf {pypdf.__version__}, Python {PYTHON}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, files, counts = write_document(folder, args.pages)
        docx = [files[f"{lang}.docx"] for lang in LANGS]
        describe(source, docx, counts)
        runs = cases(source, docx, folder / "out", args.jobs)
        times = bench(runs, args.repeat)
        print(f"\n1. Times, {args.repeat} interleaved rounds after one warm-up, build jobs="
              f"{args.jobs} (median ms, min-max)")  # fmt: skip
        for name, xs in times.items():
            print(f"  {name:>15}  {spread(xs, '9.1f')}")
        imp = med(times["import"])
        for name in ("build docx", "build docx+pdf"):
            print(f"  import / {name}: {imp / med(times[name]):.2f}x")
        print("\n2. Peak memory, each once in a fresh process (imports done before it starts)")
        print(f"  {'':>15}  {'peak RSS':>9}  {'after imports':>13}  {'the run adds':>12}"
              f"  {'workers':>8}  {'cold ms':>8}")  # fmt: skip
        for name in runs:
            m = run_child(
                __file__, "--memory-child", name, source, *docx, folder / "mem", args.jobs
            )
            grow = None if m["start"] is None else m["peak"] - m["start"]
            workers = mib(m["workers"]) if m["workers"] else "-"
            print(f"  {name:>15}  {mib(m['peak']):>9}  {mib(m['start']):>13}  {mib(grow):>12}"
                  f"  {workers:>8}  {m['seconds'] * 1e3:8.1f}")  # fmt: skip
        if args.profile:
            profile(docx)
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
