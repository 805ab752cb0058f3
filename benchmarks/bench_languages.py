#!/usr/bin/env python3
"""The whole build of HSP/EB.2024/11 in its six languages, DOCX and PDF, as a user runs it.

    python3 benchmarks/bench_languages.py [--repeat N]

1. **Whole process**: ``habitat-docs build examples/hsp-eb-2024-11.yaml --format docx,pdf -o
   DIR`` in a fresh process each time (interpreter start, imports, fonts, Typst, every file
   written), with the example's own languages (Arabic, Chinese, English, French, Russian,
   Spanish). Target: under 1.5 s on a two-core machine.
2. **Where the time goes**, in one warm process: loading the data file, then per language
   compose, the DOCX and the Typst PDF (warm: font book and compiler built by a first build).
3. The same whole build in zh and en only, for scale: what four more languages cost.

Every figure is a median over repeats (min–max shown), timed with perf_counter. Nothing here
asserts on time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import PYTHON, bench, med, spread, verdict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
TARGET_S = 1.5


def whole(out: Path, langs: str | None) -> float:
    """Seconds of one ``habitat-docs build`` in a fresh process."""
    cmd = [sys.executable, "-m", "habitat_docs", "build", str(EXAMPLE), "--format", "docx,pdf", "-o", str(out)]
    cmd += ["--lang", langs] if langs else []
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def stages(repeat: int) -> None:
    """Per-stage medians in one warm process."""
    import habitat_docs as hd
    from habitat_docs.compose.composer import compose
    from habitat_docs.model.text import in_un_order
    from habitat_docs.writers.docx.writer import write_docx
    from habitat_docs.writers.pdf.writer import write_pdf

    doc = hd.load(EXAMPLE)
    numbering = hd.number(doc)
    langs = in_un_order(doc.languages)
    for lang in langs:  # warm: fonts found, compiler built
        write_pdf(compose(doc, lang, numbering))
    cases = {"load + number": lambda: hd.number(hd.load(EXAMPLE))}
    for lang in langs:
        c = compose(doc, lang, numbering)
        cases[f"{lang} compose"] = lambda lang=lang: compose(doc, lang, numbering)
        cases[f"{lang} docx"] = lambda c=c: write_docx(c)
        cases[f"{lang} pdf"] = lambda c=c: write_pdf(c)
    times = bench(cases, repeat)
    print(f"\n2. Stages in one warm process ({repeat} repeats, ms)")
    for name, xs in times.items():
        print(f"  {name:>16}  {spread(xs, '8.1f')}")
    total = sum(med(xs) for xs in times.values())
    print(f"  {'sum of medians':>16}  {total * 1000:8.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    import habitat_docs
    from habitat_docs.model.text import in_un_order

    langs = in_un_order(habitat_docs.load(EXAMPLE).languages)
    print(f"habitat-docs {habitat_docs.__version__}, Python {PYTHON}; {EXAMPLE.name}: {', '.join(langs)}")
    with tempfile.TemporaryDirectory() as tmp:
        whole(Path(tmp) / "warm", None)  # the OS file cache and Typst's font scan warm
        runs: dict[str, list[float]] = {"six": [], "two": []}
        for r in range(args.repeat):  # interleaved, so that load drift hits both alike
            runs["six"].append(whole(Path(tmp) / f"six-{r}", None))
            runs["two"].append(whole(Path(tmp) / f"two-{r}", "zh,en"))
    files = len(langs) * 2
    six, two = med(runs["six"]), med(runs["two"])
    print(f"\n1. Whole process, {files} files ({len(langs)} languages x DOCX and PDF), {args.repeat} runs (ms)")
    print(f"  {len(langs)} languages  {spread(runs['six'], '6.2f')}  ({files / six:.1f} files/s)")
    print(f"  zh, en       {spread(runs['two'], '6.2f')}  ({4 / two:.1f} files/s)")
    print(f"\n  six languages: {six:.2f} s (target < {TARGET_S} s: {verdict(six, TARGET_S)})")
    print(f"  four more languages cost {six - two:.2f} s ({six / two:.2f}x the zh + en build)")
    stages(args.repeat)


if __name__ == "__main__":
    main()
