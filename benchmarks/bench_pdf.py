#!/usr/bin/env python3
"""PDF build speed of habitat-docs, measured in one run on the HSP/EB.2024/11 example.

    python3 benchmarks/bench_pdf.py [--repeat N] [--lo-repeat N] [--quick]

1. Typst in process (zh, en): ``write_pdf`` of the composed document, warm (font book and
   compiler built, one warm-up call). "changed" gives every call a new title, so Typst
   really lays the document out again; "same" repeats one input (Typst's caches answer).
2. Baseline "raw": ``typst.compile()`` of equivalent hand-written markup (same fonts, page,
   masthead, headings, hanging labels, footnotes), with the same prebuilt font book, also
   "changed" and "same"; and once with Typst's own system font search per call.
3. LibreOffice converting the same DOCX: one-shot (one soffice process per file, private
   profile), one batch call for both files, and a warm process (``Office``).
4. Ratios against the targets: ours / raw <= 1.5x; LibreOffice one-shot / ours >= 10x;
   LibreOffice warm / ours >= 3x (ours = "changed", the honest case).
5. Peak memory (max RSS) of fresh child processes: Typst zh + en; LibreOffice one-shot.

Every figure is a median over repeats (after one warm-up), timed with perf_counter, cases
interleaved so that load on the machine hits all alike. Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import attrs
import pypdf
import typst
from timing import PYTHON, bench, med, mib, ms, reply, rss_peak, run_child, sample, verdict
from timing import spread as _spread

import habitat_docs
from habitat_docs.compose.composer import compose
from habitat_docs.compose.tree import ClosingRule, Composed, Heading, Inline, NoteRef, Para, Span
from habitat_docs.number import number
from habitat_docs.writers import write_docx
from habitat_docs.writers.office import Office, pdf_from_docx
from habitat_docs.writers.pdf import fonts as hd_fonts
from habitat_docs.writers.pdf import writer as hd_pdf
from habitat_docs.writers.pdf.data import document_data

ROOT = Path(__file__).resolve().parents[1]
# Headings, paragraphs and subparagraphs only: what both baselines draw (HSP/EB.2024/11 has a
# summary, a table and a draft decision, which they do not).
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-oios-ethics.yaml"
LANGS = ("zh", "en")
TARGET_RAW, TARGET_LO_ONESHOT, TARGET_LO_WARM = 1.5, 10.0, 3.0


# --- timing ------------------------------------------------------------------------------------


# this script's style: "     12.3 ms (11.9-15.2, n=15)"
spread = partial(_spread, fmt="9.1f", unit=" ms", count=True)


class Changing:
    """Calls ``fn`` with a new title each time, so no cache can answer."""

    def __init__(self, c: Composed, fn: Callable[[Composed], bytes]) -> None:
        self.c, self.fn, self.n = c, fn, 0

    def __call__(self) -> bytes:
        self.n += 1
        return self.fn(attrs.evolve(self.c, title=f"{self.c.title} ({self.n})"))


# --- baseline: hand-written markup ----------------------------------------------------------------

_PUNCT = set("\\#*_`$<>@[]~'\"=-+/.")


def esc(text: str) -> str:
    """Escape text for Typst markup (every character that could start markup)."""
    return "".join("\\" + ch if ch in _PUNCT else ch for ch in text)


def raw_inline(items: tuple[Inline, ...]) -> str:
    out = []
    for it in items:
        if isinstance(it, NoteRef):
            body = "".join(esc(s.text) for s in it.content)
            out.append(f'#footnote(numbering: _ => "{esc(it.mark)}")[{body}]')
        elif isinstance(it, Span):
            t = boxed(it)
            if it.bold:
                t = f"#strong[{t}]"
            if it.italic:
                t = f"#emph[{t}]"
            out.append(t)
    return "".join(out)


def boxed(s: Span) -> str:
    """A span's text as markup, each UN symbol the composer marked in a box (as un.typ does)."""
    out, at = [], 0
    for start, end in s.unbroken:
        out += [esc(s.text[at:start]), f"#box[{esc(s.text[start:end])}]"]
        at = end
    return "".join(out) + esc(s.text[at:])


def typst_value(v: object) -> str:
    """A Python list/dict/str as Typst code: ("a", (name: "b"))."""
    if isinstance(v, list):
        return "(" + ", ".join(typst_value(x) for x in v) + ",)"
    if isinstance(v, dict):
        return "(" + ", ".join(f"{k}: {typst_value(x)}" for k, x in v.items()) + ")"
    return json.dumps(v, ensure_ascii=False)


def raw_markup(c: Composed) -> bytes:
    """What one would write by hand for this document: the same page, fonts, masthead,
    hanging labels and footnotes as un.typ, with the text typed in."""
    t = c.typography
    lang, _, region = t.tag.partition("-")
    data, _ = document_data(c)
    font, hfont = typst_value(data["fonts"]["body"]), typst_value(data["fonts"]["heading"])
    pitch = t.line_spacing or t.body_size * 1.2
    lines = [
        f"#set document(title: {json.dumps(c.title, ensure_ascii=False)}, description: {json.dumps(c.symbol)})",
        '#set page(paper: "a4", margin: (top: 2.5cm, bottom: 2.2cm, left: 2.2cm, right: 2.2cm),',
        "  header-ascent: 0.4cm, header: context { let n = here().page(); if n > 1 {",
        '    set text(size: 9pt, weight: "bold"); align(if calc.odd(n) { right } else { left },',
        f'    [{esc(c.running_head)} \\ #counter(page).display("1")]) }} }})',
        f'#set text(font: {font}, lang: "{lang.lower()}", region: "{region.lower()}", size: {t.body_size}pt,',
        "  fallback: false, hyphenate: false, top-edge: 0.8em, bottom-edge: -0.2em)",
        f"#set par(justify: true, leading: {pitch - t.body_size}pt, spacing: {pitch - t.body_size + 6}pt)",
        f'#let hd(body) = text(font: {hfont}, weight: "bold", body)',
        # the same footnote entries as un.typ
        "#set footnote.entry(separator: line(length: 4.2cm, stroke: 0.5pt), clearance: 1em, gap: 0.5em)",
        "#show footnote.entry: it => { set text(size: 0.85em); set par(justify: false, hanging-indent: 0.5cm)",
        "  block(width: 100%, inset: (left: 0.5cm), [#box(width: 0.5cm, super((it.note.numbering)(1)))#it.note.body]) }",
    ]
    band = {
        r: [ln for ln in c.masthead if ln.role == r] for r in ("un", "symbol", "organ", "distr")
    }
    cell = lambda role: " \\ ".join(raw_inline(ln.content) for ln in band[role])
    lines.append(
        "#grid(columns: (1fr, 5.6cm), inset: (top: 2pt, bottom: 4pt),"
        f" hd(text(size: {t.subsection_size + 2}pt)[{cell('un')}]),"
        f" align(right, hd(text(size: {t.title_size + 3}pt)[{cell('symbol')}])),"
        " grid.hline(stroke: 2.2pt),"
        f" hd(text(size: {t.subsection_size + 2}pt)[{cell('organ')}]),"
        f" text(size: 10pt)[{cell('distr')}], grid.hline(stroke: 0.5pt))"
    )
    for ln in c.masthead:
        if ln.role in band:
            continue
        body = raw_inline(ln.content)
        if ln.role == "title":
            lines.append(f"#pad(left: 1cm, right: 1cm, hd(text(size: {t.title_size}pt)[{body}]))")
        elif ln.role in ("subtitle", "session", "item-title"):
            lines.append(f"#hd[{body}]\n")
        else:
            lines.append(f"{body}\n")
    for b in c.blocks:
        if isinstance(b, Heading):
            size = t.subsection_size if b.level == 2 else t.section_size
            if b.level == 0:
                lines.append("#pagebreak(weak: true)")
            lines.append(
                f"#heading(level: {max(b.level, 1)}, numbering: none)[#hd(text(size: {size}pt)["
                f"#box(width: 1cm)[{esc(b.label)}]{raw_inline(b.content)}])]"
            )
        elif isinstance(b, Para):
            label = f"#box(width: 1cm)[{esc(b.label)}]" if b.label else ""
            lines.append(
                f"#pad(left: {b.depth}cm, right: 1cm, par(hanging-indent: 1cm)[{label}{raw_inline(b.content)}])"
            )
        elif not isinstance(b, ClosingRule):  # the example has no tables or figures
            raise TypeError(f"the baseline does not cover {type(b).__name__}")
    return "\n".join(lines).encode()


# --- measurements --------------------------------------------------------------------------------


def pdf_pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def typst_section(composed: dict[str, Composed], repeat: int) -> dict[str, dict[str, list[float]]]:
    engine = hd_pdf._engine()
    book = engine.book
    print(
        f"1-2. Typst in process, {repeat} repeats after 1 warm-up; ours = write_pdf, raw = typst.compile"
    )
    results = {}
    for lang, c in composed.items():
        markup = raw_markup(c)
        ours = hd_pdf.write_pdf(c)
        raw = typst.compile(markup, font_paths=book, timestamp=0)
        counter = iter(range(1, 1 << 30))

        def raw_changed(markup: bytes = markup, c: Composed = c, counter=counter) -> bytes:  # type: ignore[no-untyped-def]
            title = f"{c.title} ({next(counter)})"
            return typst.compile(
                markup.replace(c.title.encode(), title.encode(), 1), font_paths=book, timestamp=0
            )

        cases: dict[str, Callable[[], object]] = {
            "ours changed": Changing(c, hd_pdf.write_pdf),
            "raw changed": raw_changed,
            "ours same": lambda c=c: hd_pdf.write_pdf(c),
            "raw same": lambda markup=markup: typst.compile(markup, font_paths=book, timestamp=0),
            "compose": lambda lang=lang: compose(DOC, lang, NUMBERING),
        }
        times = bench(cases, repeat)
        system = [
            sample(lambda markup=markup: typst.compile(markup, timestamp=0))
            for _ in range(max(2, repeat // 4))
        ]
        times["raw, system font search"] = system
        results[lang] = times
        print(
            f"  {lang}: ours {pdf_pages(ours)} pages {len(ours) / 1024:.0f} KiB; raw {pdf_pages(raw)} pages {len(raw) / 1024:.0f} KiB"
        )
        for name, xs in times.items():
            print(f"    {name:<26} {spread(xs)}")
    return results


def libreoffice_section(
    docx: dict[str, Path], tmp: Path, repeat: int
) -> dict[str, dict[str, list[float]]]:
    print(f"3. LibreOffice on the same DOCX, {repeat} repeats after 1 warm-up")
    results: dict[str, dict[str, list[float]]] = {lang: {} for lang in docx}
    out = tmp / "lo"
    oneshot = {lang: (lambda p=p: pdf_from_docx([p], out)) for lang, p in docx.items()}
    times = bench({f"{lang} one-shot": fn for lang, fn in oneshot.items()}, repeat)
    for lang in docx:
        results[lang]["one-shot"] = times[f"{lang} one-shot"]
    batch = bench({"batch": lambda: pdf_from_docx(list(docx.values()), out)}, max(1, repeat // 2))[
        "batch"
    ]
    office = Office()
    t0 = time.perf_counter()
    office.start()
    started = time.perf_counter() - t0
    with office:
        warm = bench(
            {
                f"{lang} warm": (lambda p=p: pdf_from_docx([p], out, office=office))
                for lang, p in docx.items()
            },
            repeat * 2,
        )
        pid = office.pid
    for lang in docx:
        results[lang]["warm"] = warm[f"{lang} warm"]
    for lang in docx:
        print(f"  {lang}: one-shot {spread(results[lang]['one-shot'])}")
        print(f"      warm     {spread(results[lang]['warm'])}  (one process, pid {pid})")
    print(
        f"  batch (zh + en, one soffice call): {spread(batch)}, {ms(med(batch) / len(docx), '.1f')} ms per file"
    )
    print(f"  warm process start-up (new profile, macro, office ready): {started * 1e3:.0f} ms")
    return results


def ratios(
    typ: dict[str, dict[str, list[float]]], lo: dict[str, dict[str, list[float]]] | None
) -> None:
    print("4. Ratios (medians; ours = write_pdf with a changed document)")

    def line(name: str, value: float, target: float, higher: bool) -> None:
        sign = ">=" if higher else "<="
        outcome = verdict(value, target, at_least=higher)
        print(f"  {name:<44} {value:7.2f}x  (target {sign} {target:g}x) {outcome}")

    for lang, t in typ.items():
        ours = med(t["ours changed"])
        line(f"{lang}: ours / raw (changed)", ours / med(t["raw changed"]), TARGET_RAW, False)
        line(
            f"{lang}: ours / raw (same input)",
            med(t["ours same"]) / med(t["raw same"]),
            TARGET_RAW,
            False,
        )
        if lo:
            line(
                f"{lang}: LibreOffice one-shot / ours",
                med(lo[lang]["one-shot"]) / ours,
                TARGET_LO_ONESHOT,
                True,
            )
            line(
                f"{lang}: LibreOffice warm / ours",
                med(lo[lang]["warm"]) / ours,
                TARGET_LO_WARM,
                True,
            )


# --- peak memory ------------------------------------------------------------------------------------


def memory_child(kind: str, tmp: str) -> None:
    doc = habitat_docs.load(EXAMPLE)
    numbering = number(doc)
    composed = [compose(doc, lang, numbering) for lang in LANGS]
    base = rss_peak()
    if kind == "typst":
        sizes = [len(hd_pdf.write_pdf(c)) for c in composed]
        reply(base=base, peak=rss_peak(), bytes=sizes)
    else:
        paths = []
        for c in composed:
            p = Path(tmp) / f"{c.file_stem}-{c.lang}.docx"
            p.write_bytes(write_docx(c))
            paths.append(p)
        pdf_from_docx(paths, Path(tmp) / "mem")
        reply(base=base, peak=rss_peak(), children=rss_peak(children=True))


def memory(kind: str, tmp: Path) -> dict[str, int]:
    return run_child(__file__, "--memory-child", kind, tmp)


# --- main ----------------------------------------------------------------------------------------

DOC = habitat_docs.load(EXAMPLE)
NUMBERING = number(DOC)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15, help="Typst repeats (default 15)")
    ap.add_argument("--lo-repeat", type=int, default=3, help="LibreOffice repeats (default 3)")
    ap.add_argument("--quick", action="store_true", help="few repeats")
    ap.add_argument("--no-libreoffice", action="store_true", help="skip LibreOffice")
    ap.add_argument("--memory-child", nargs=2, metavar=("KIND", "TMP"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        memory_child(*args.memory_child)
        return
    repeat, lo_repeat = (5, 1) if args.quick else (args.repeat, args.lo_repeat)

    t0 = time.perf_counter()
    hd_pdf._engine()
    cold = time.perf_counter() - t0
    composed = {lang: compose(DOC, lang, NUMBERING) for lang in LANGS}
    print(
        f"habitat-docs PDF benchmark: {DOC.symbol.text}, typst {typst.__version__}, Python {PYTHON}"
    )
    kinds = [
        type(b).__name__ + ("-sub" if isinstance(b, Para) and b.depth else "")
        for b in composed["en"].blocks
    ]
    print(
        f"  example: {kinds.count('Heading')} headings, {kinds.count('Para')} paragraphs, "
        f"{kinds.count('Para-sub')} subparagraphs; fonts: {', '.join(hd_fonts.pdf_family(f) for f in ('Times New Roman', 'SimSun', 'SimHei'))}"
    )
    print(
        f"  process start-up: font search + font book + compiler {cold * 1e3:.0f} ms (once per process)"
    )
    typ = typst_section(composed, repeat)
    lo = None
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if not args.no_libreoffice:
            docx = {}
            for lang, c in composed.items():
                p = tmp / f"{c.file_stem}-{lang}.docx"
                p.write_bytes(write_docx(c))
                docx[lang] = p
            lo = libreoffice_section(docx, tmp, lo_repeat)
        ratios(typ, lo)
        print("5. Peak memory (max RSS of a fresh process)")
        m = memory("typst", tmp)
        print(
            f"  Typst, zh + en PDFs:           {mib(m['peak'])} (after imports and compose: {mib(m['base'])})"
        )
        if not args.no_libreoffice:
            m = memory("libreoffice", tmp)
            print(
                f"  LibreOffice one-shot, zh + en: office process {mib(m['children'])}; Python {mib(m['peak'])}"
            )
        whole_process(tmp, max(3, repeat // 2))


def whole_process(tmp: Path, repeat: int) -> None:
    """The command a user runs, start to finish, in a fresh process each time."""
    out = tmp / "whole"
    cmd = [sys.executable, "-m", "habitat_docs.cli", "build", str(EXAMPLE), "--lang", "zh,en",
           "--format", "docx,pdf", "-o", str(out)]  # fmt: skip
    times = [sample(lambda: subprocess.run(cmd, check=True, capture_output=True)) for _ in range(repeat)]
    print("6. Whole process: habitat-docs build EXAMPLE --lang zh,en --format docx,pdf")
    print(f"  median {med(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, n={repeat})"
          f"  (target < 2 s) {verdict(med(times), 2.0)}")  # fmt: skip


if __name__ == "__main__":
    main()
