#!/usr/bin/env python3
"""Time and peak memory of a 100,000-paragraph build to DOCX and PDF, and where the memory goes.

    python3 benchmarks/bench_scale.py [PARAGRAPHS] [--lang en]

A synthetic YAML data file (the example's masthead, 10 sections, short one-language
paragraphs: about 3.9 MB for 100,000 of them) is written to a temporary folder. Then:

1. **Build**: ``habitat_docs.build(path, out, [lang], ("docx", "pdf"))`` in a fresh child
   process: wall time and peak RSS (VmHWM). Target: within 60 s and 2 GiB.
2. **Whole** (with ``--whole``): the same build with the PDF printed whole rather than in
   parts (``writers/pdf/parts.py``), as every document was before: the memory parts save.
3. **Stages**: another fresh child runs load → compose → DOCX → PDF (Typst) one after the
   other, resetting the peak RSS before each stage (``/proc/self/clear_refs``); for each stage,
   its time, the RSS it starts from, its own peak and what it leaves behind.

Nothing here asserts; the figures are printed with PASS/MISS against the targets.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
from pathlib import Path

from timing import mib, reply, rss_now, rss_peak, run_child, verdict

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-oios-ethics.yaml"
SECTIONS = 10
TARGET_SECONDS = 60.0
TARGET_BYTES = 2 * 2**30
WORDS = ("budget", "programme", "housing", "report", "board", "session", "urban", "plan")


def masthead(lang: str) -> str:
    """The example's lines before ``sections:``, keeping only ``lang``'s texts."""
    head = EXAMPLE.read_text(encoding="utf-8").split("\nsections:", 1)[0]
    own = re.compile(rf"\b{lang}: ([^,}}]+)")

    def inline(m: re.Match[str]) -> str:  # {en: Nairobi, zh: 内罗毕} -> {en: Nairobi}
        text = own.search(m.group(0))
        return f"{{{lang}: {text.group(1)}}}" if text else m.group(0)

    lines = []
    for line in head.splitlines():
        key = re.match(r"\s*(\w+):", line)
        if key and len(key.group(1)) == 2 and key.group(1) != lang:
            continue  # another language's text
        lines.append(re.sub(r"\{\w\w: [^}]+\}", inline, line))
    return "\n".join(lines)


def data_file(n: int, lang: str, folder: Path) -> Path:
    """``n`` short paragraphs in SECTIONS sections, in ``lang`` only."""
    out = [masthead(lang), "sections:"]
    for s in range(SECTIONS):
        out.append(f"  - heading: {{{lang}: Section {s + 1}}}\n    content:")
        for k in range(n // SECTIONS):
            w = WORDS[k % len(WORDS)]
            out.append(f"      - text: {{{lang}: The {w} note {s}.{k} is here.}}")
    path = folder / f"scale-{n}.yaml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


# --- children --------------------------------------------------------------------------------


def build_child(path: str, lang: str, out: str, whole: str = "") -> None:
    import habitat_docs
    from habitat_docs.writers.pdf import writer

    if whole:
        writer.PART_BLOCKS = 10**9

    start = rss_now()
    t = time.perf_counter()
    files = habitat_docs.build(path, out, [lang], ("docx", "pdf"))
    seconds = time.perf_counter() - t
    sizes = {f.suffix: f.stat().st_size for f in files}
    reply(start=start, peak=rss_peak(), seconds=seconds, sizes=sizes)


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def stages_child(path: str, lang: str) -> None:
    import habitat_docs
    from habitat_docs.writers.docx import write_docx
    from habitat_docs.writers.pdf import write_pdf

    held: dict[str, object] = {}
    steps = {
        "load": lambda: held.__setitem__("doc", habitat_docs.load(path)),
        "compose": lambda: held.__setitem__("c", habitat_docs.compose(held["doc"], lang)),
        "docx": lambda: held.__setitem__("docx", len(write_docx(held["c"]))),
        "pdf (Typst)": lambda: held.__setitem__("pdf", len(write_pdf(held["c"]))),
    }
    rows = []
    for name, step in steps.items():
        gc.collect()
        before = rss_now()
        exact = _reset_peak()
        t = time.perf_counter()
        step()
        seconds = time.perf_counter() - t
        gc.collect()
        rows.append([name, seconds, before, rss_peak() if exact else None, rss_now()])
    reply(rows=rows)


# --- report ----------------------------------------------------------------------------------


def _report(what: str, b: dict) -> None:
    print(f"{what}: {b['seconds']:.1f} s {verdict(b['seconds'], TARGET_SECONDS)}"
          f" (target {TARGET_SECONDS:.0f} s); peak RSS {mib(b['peak'])}"
          f" {verdict(b['peak'], TARGET_BYTES)} (target {mib(TARGET_BYTES)});"
          f" after imports {mib(b['start'])}; DOCX {b['sizes']['.docx'] / 1e6:.1f} MB,"
          f" PDF {b['sizes']['.pdf'] / 1e6:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paragraphs", nargs="?", type=int, default=100_000)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--whole", action="store_true", help="also print the PDF whole, to compare")
    ap.add_argument("--child", nargs="+")
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        build_child(*rest) if kind == "build" else stages_child(*rest)
        return
    me = str(Path(__file__).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        path = data_file(args.paragraphs, args.lang, Path(tmp))
        size = path.stat().st_size
        print(f"{args.paragraphs:,} paragraphs, {args.lang} only: {size / 1e6:.1f} MB of YAML")
        b = run_child(me, "--child", "build", path, args.lang, Path(tmp) / "out")
        _report("build DOCX + PDF", b)
        if args.whole:
            w = run_child(me, "--child", "build", path, args.lang, Path(tmp) / "whole", "whole")
            _report("PDF printed whole", w)
            print(f"in parts / whole: time {b['seconds'] / w['seconds']:.2f}×,"
                  f" peak RSS {b['peak'] / w['peak']:.2f}×")
        s = run_child(me, "--child", "stages", path, args.lang)
        print(f"\n{'stage':<12} {'time':>8} {'RSS before':>11} {'stage peak':>11} "
              f"{'peak − before':>14} {'RSS after':>10}")
        for name, seconds, before, peak, after in s["rows"]:
            growth = None if peak is None or before is None else peak - before
            print(f"{name:<12} {seconds:7.1f}s {mib(before):>11} {mib(peak):>11} "
                  f"{mib(growth):>14} {mib(after):>10}")


if __name__ == "__main__":
    sys.exit(main())
