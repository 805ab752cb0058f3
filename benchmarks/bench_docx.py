#!/usr/bin/env python3
"""DOCX build speed of habitat-docs against two baselines, measured in one run.

    python3 benchmarks/bench_docx.py [--repeat N] [--quick] [--profile]

1. The HSP/EB.2024/11 example, per language: ``habitat_docs.render`` (compose + write),
   and compose and write on their own.
2. Baseline "raw": straight-line python-docx from ``docx.Document()``, same text.
3. Baseline "docxtpl": a ``{%p for %}`` loop over a Word template, same text.
4. Ratios ours/docxtpl (target <= 1.0x) and ours/raw (target <= 1.3x).
5. Scaling: synthetic documents of 100, 1,000 and 10,000 paragraphs.
6. Peak RSS of the 10,000-paragraph build, in a fresh child process.

Figures are medians over repeats after one warm-up (``--quick`` times the 10,000-paragraph
build once, cold), timed with perf_counter, with gc.collect() before each sample. Nothing
here asserts on time. ``--profile`` adds a cProfile of the zh example render.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import pstats
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import docx
from docxtpl import DocxTemplate  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]
from timing import (
    PYTHON,
    bench,
    med,
    mib,
    ms,
    reply,
    rss_now,
    rss_peak,
    run_child,
    sample,
    spread,
    verdict,
)

import habitat_docs
from habitat_docs.compose.composer import compose
from habitat_docs.compose.tree import ClosingRule, Composed, Heading, Inline, NoteRef, Para
from habitat_docs.model import (
    Agenda,
    AgendaItem,
    Document,
    ExecutiveDirectorReport,
    Paragraph,
    Section,
    Session,
    Subparagraph,
    Text,
    walk,
)
from habitat_docs.model.symbol import Symbol
from habitat_docs.writers import write_docx

ROOT = Path(__file__).resolve().parents[1]
# Headings, paragraphs and subparagraphs only: what both baselines draw (HSP/EB.2024/11 has a
# summary, a table and a draft decision, which they do not).
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-oios-ethics.yaml"
LANGS = ("zh", "en")
SIZES = (100, 1_000, 10_000)
SCALE_LANG = "zh"  # language of the scaling and memory runs
SECTIONS = 10  # sections of a synthetic document
TARGET_TPL, TARGET_RAW, TARGET_LINEAR = 1.0, 1.3, 1.5
W_NOTE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}footnoteReference"
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"

# Style ids of python-docx's default template, used by both baselines.
STYLES = ("Normal", "Title", "Subtitle", "Heading1", "Heading2", "ListParagraph")
MASTHEAD_STYLES = {"title": "Title", "subtitle": "Subtitle"}


# --- baseline content: the composed document, flattened once, outside timed code ------------


@dataclass(frozen=True)
class Item:
    """One baseline paragraph: a style id and its runs (text, bold, italic)."""

    style: str
    runs: tuple[tuple[str, bool, bool], ...]

    @property
    def text(self) -> str:
        return "".join(t for t, _, _ in self.runs)


def _runs(content: tuple[Inline, ...]) -> list[tuple[str, bool, bool]]:
    # Footnote references become their plain mark: the baselines are footnote-free.
    return [
        (i.mark, False, False) if isinstance(i, NoteRef) else (i.text, i.bold, i.italic)
        for i in content
    ]


def flatten(c: Composed) -> list[Item]:
    items = [
        Item(MASTHEAD_STYLES.get(ln.role, "Normal"), tuple(_runs(ln.content))) for ln in c.masthead
    ]
    for b in c.blocks:
        if isinstance(b, Heading):
            sep = "\n" if b.level == 0 else "\t"  # annex: label over title
            style = "Heading2" if b.level == 2 else "Heading1"
            items.append(Item(style, ((b.label + sep, False, False), *_runs(b.content))))
        elif isinstance(b, Para):
            head = [] if b.label is None else [(b.label + "\t", False, False)]
            items.append(Item("ListParagraph" if b.depth else "Normal", (*head, *_runs(b.content))))
        elif not isinstance(b, ClosingRule):  # the example has no tables or figures
            raise TypeError(f"baselines do not cover {type(b).__name__}")
    return items


# --- baseline A: straight-line python-docx ----------------------------------------------------


def build_raw(items: list[Item]) -> bytes:
    d = docx.Document()
    for it in items:
        p = d.add_paragraph()
        p._p.style = it.style  # a style id: no lookup by name
        for text, bold, italic in it.runs:
            r = p.add_run(text)  # "\t" and "\n" become w:tab and w:br
            if bold:
                r.bold = True
            if italic:
                r.italic = True
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# --- baseline B: docxtpl ----------------------------------------------------------------------


def make_template(path: Path) -> None:
    """A template whose one loop prints every block in its style (one branch per style)."""
    d = docx.Document()

    def add(text: str, style: str = "Normal") -> None:
        d.add_paragraph(text)._p.style = style

    add("{%p for b in blocks %}")
    for i, sid in enumerate(STYLES):
        add(f"{{%p {'if' if i == 0 else 'elif'} b.style == '{sid}' %}}")
        add("{{ b.text }}", sid)  # docxtpl turns "\t" / "\n" in values into w:tab / w:br
    add("{%p endif %}")
    add("{%p endfor %}")
    d.save(str(path))


def tpl_context(items: list[Item]) -> dict[str, Any]:
    # Plain text per block: docxtpl would need RichText for italic spans.
    return {"blocks": [{"style": it.style, "text": it.text} for it in items]}


def build_tpl(template: Path, context: dict[str, Any]) -> bytes:
    tpl = DocxTemplate(template)
    tpl.render(context, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def body_text(data: bytes) -> str:
    """All w:t text of word/document.xml, whitespace and word joiners (which bind our
    symbols) removed; footnote marks are not compared: a content fingerprint."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    text = "".join(t.text or "" for t in root.iter(W_T) if t.getparent().find(W_NOTE) is None)
    return "".join(text.replace("\u2060", "").replace("*", "").split())


# --- synthetic documents ------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """zh/en texts taken from the example, reused round-robin by synthetic documents."""

    paragraphs: list[dict[str, str]]
    subparagraphs: list[dict[str, str]]
    headings: list[dict[str, str]]
    example: Document


def corpus(doc: Document) -> Corpus:
    paras, subs = [], []
    for _, node in walk(doc):
        if isinstance(node, Paragraph):
            paras.append(dict(node.text.versions))
        elif isinstance(node, Subparagraph):
            subs.append(dict(node.text.versions))
    return Corpus(paras, subs, [dict(s.heading.versions) for s in doc.sections], doc)


def synthetic(n: int, c: Corpus) -> ExecutiveDirectorReport:
    """``n`` numbered paragraphs in SECTIONS sections; every tenth has three subparagraphs."""
    sections = []
    k = 0
    for s in range(SECTIONS):
        content = []
        for _ in range(n // SECTIONS):
            subs: tuple[Subparagraph, ...] = ()
            if k % 10 == 9:
                subs = tuple(
                    Subparagraph(Text(c.subparagraphs[(k + j) % len(c.subparagraphs)]))
                    for j in range(3)
                )
            content.append(Paragraph(Text(c.paragraphs[k % len(c.paragraphs)]), subs))
            k += 1
        sections.append(Section(Text(c.headings[s % len(c.headings)]), tuple(content)))
    ex = c.example
    return ExecutiveDirectorReport(
        symbol=Symbol(ex.symbol.text),
        issued=ex.issued,
        session=Session(
            2024, 1, dt.date(2024, 5, 6), dt.date(2024, 5, 8), Text(en="Nairobi", zh="内罗毕")
        ),
        agenda=Agenda(
            Symbol(ex.agenda.symbol.text),
            (AgendaItem(12, Text(dict(ex.agenda.items[0].title.versions))),),
        ),
        title=Text(dict(ex.title.versions)),
        sections=tuple(sections),
        facts=ex.facts,  # the texts name the example's facts
    )


@dataclass
class ScaleRow:
    paras: int
    subparas: int
    repeat: int
    cold: float  # the first build at this size: model + render
    model: list[float]
    compose: list[float]
    write: list[float]
    size: int

    @property
    def render(self) -> float:
        return med([c + w for c, w in zip(self.compose, self.write, strict=True)])

    @property
    def total(self) -> float:
        return med(
            [m + c + w for m, c, w in zip(self.model, self.compose, self.write, strict=True)]
        )


def scale_one(n: int, c: Corpus, repeat: int, warm_up: bool = True) -> ScaleRow:
    """Time model, compose and write separately; the first build at this size is reported
    as "cold" (without ``warm_up`` it is also the first sample)."""
    row = ScaleRow(n, n // 10 * 3, repeat, 0.0, [], [], [], 0)
    held: dict[str, Any] = {}
    if warm_up:
        row.cold = sample(lambda: write_docx(compose(synthetic(n, c), SCALE_LANG)))
    for _ in range(repeat):
        row.model.append(sample(lambda: held.__setitem__("doc", synthetic(n, c))))
        row.compose.append(sample(lambda: held.__setitem__("c", compose(held["doc"], SCALE_LANG))))
        row.write.append(sample(lambda: held.__setitem__("out", write_docx(held["c"]))))
    row.size = len(held["out"])
    row.cold = row.cold or row.model[0] + row.compose[0] + row.write[0]
    held.clear()
    return row


# --- peak memory: a fresh child process builds the 10,000-paragraph document once ----------


def memory_child(n: int) -> None:
    c = corpus(habitat_docs.load(EXAMPLE))
    gc.collect()
    start = rss_now()
    doc = synthetic(n, c)
    after_model = rss_now()
    data = habitat_docs.render(doc, SCALE_LANG, "docx")
    reply(start=start, model=after_model, peak=rss_peak(), bytes=len(data))


# --- report -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LangResult:
    times: dict[str, list[float]]
    sizes: tuple[int, int, int]  # bytes: ours, raw, docxtpl
    same_text: bool

    def ratio(self, baseline: str) -> float:
        return med(self.times["render"]) / med(self.times[baseline])


def bench_language(doc: Document, lang: str, template: Path, repeat: int) -> LangResult:
    composed = compose(doc, lang)
    items = flatten(composed)  # baseline inputs are prepared outside the timed region
    context = tpl_context(items)
    outputs = (
        habitat_docs.render(doc, lang, "docx"),
        build_raw(items),
        build_tpl(template, context),
    )
    same = len({body_text(o) for o in outputs}) == 1
    cases: dict[str, Callable[[], object]] = {
        "render": lambda: habitat_docs.render(doc, lang, "docx"),
        "compose": lambda: compose(doc, lang),
        "write": lambda: write_docx(composed),
        "raw": lambda: build_raw(items),
        "tpl": lambda: build_tpl(template, context),
    }
    gc.collect()
    sizes = (len(outputs[0]), len(outputs[1]), len(outputs[2]))
    return LangResult(bench(cases, repeat), sizes, same)


def example_section(doc: Document, repeat: int, tmp: Path) -> None:
    kinds = Counter(
        "sub" if isinstance(b, Para) and b.depth else type(b).__name__
        for b in compose(doc, "en").blocks
    )
    print(
        f"1-4. {doc.symbol.text} example: {kinds['Heading']} headings, {kinds['Para']} paragraphs, "
        f"{kinds['sub']} subparagraphs; {repeat} repeats after 1 warm-up"
    )
    print("     median ms (min-max); render = compose + write; raw = python-docx; tpl = docxtpl")
    template = tmp / "template.docx"
    make_template(template)
    print(
        f"     {'lang':4} {'ours render':>22} {'compose':>8} {'write':>8} {'raw':>22} {'tpl':>22}"
        f"  {'KB ours/raw/tpl':>15}  same text"
    )
    results: dict[str, LangResult] = {}
    for lang in LANGS:
        r = results[lang] = bench_language(doc, lang, template, repeat)
        t = r.times
        kb = "/".join(f"{b / 1024:.0f}" for b in r.sizes)
        ours = f"{spread(t['render']):>22} {ms(med(t['compose'])):>8} {ms(med(t['write'])):>8}"
        base = f"{spread(t['raw']):>22} {spread(t['tpl']):>22}"
        print(f"     {lang:4} {ours} {base}  {kb:>15}  {'yes' if r.same_text else 'NO'}")
    print(
        f"\n     {'ratio (medians)':24} {'target':>8}   "
        + "".join(f"{g:<26}" for g in LANGS).rstrip()
    )
    for name, baseline, target in (
        ("ours / docxtpl", "tpl", TARGET_TPL),
        ("ours / raw python-docx", "raw", TARGET_RAW),
    ):
        cells = "".join(
            f"{f'{x:.2f}x {verdict(x, target, margin=True)}':<26}"
            for x in (results[lang].ratio(baseline) for lang in LANGS)
        )
        print(f"     {name:24} {f'<= {target:.1f}x':>8}   {cells}".rstrip())


def scaling_section(c: Corpus, repeats: Mapping[int, int], quick: bool) -> None:
    print(
        f"\n5. Scaling ({SCALE_LANG}; {SECTIONS} sections, every 10th paragraph with 3"
        " subparagraphs; model = building the model objects, render = compose + write,"
        " total = model + render)"
    )
    print(
        f"     {'paras':>6} {'subs':>5} {'rep':>3} {'cold ms':>9} {'model ms':>9}"
        f" {'compose ms':>10} {'write ms':>9} {'render ms':>9} {'us/para render':>14}"
        f" {'us/para total':>13} {'KB':>5}"
    )
    rows = []
    for n in SIZES:
        gc.collect()
        r = scale_one(n, c, repeats[n], warm_up=not (quick and n == SIZES[-1]))
        rows.append(r)
        per_para = f"{r.render / r.paras * 1e6:>14.1f} {r.total / r.paras * 1e6:>13.1f}"
        print(
            f"     {r.paras:>6,} {r.subparas:>5,} {r.repeat:>3} {ms(r.cold):>9}"
            f" {ms(med(r.model)):>9} {ms(med(r.compose)):>10} {ms(med(r.write)):>9}"
            f" {ms(r.render):>9} {per_para} {r.size / 1024:>5.0f}"
        )
    lo, mid, hi = rows
    for name in ("render", "total"):
        ratio = (getattr(hi, name) / hi.paras) / (getattr(lo, name) / lo.paras)
        slopes = [
            (getattr(b, name) - getattr(a, name)) / (b.paras - a.paras) * 1e6
            for a, b in ((lo, mid), (mid, hi))
        ]
        print(
            f"     us/para {name:6} {hi.paras:,} vs {lo.paras}: {ratio:.2f}x"
            f" (target <= {TARGET_LINEAR}x: {verdict(ratio, TARGET_LINEAR, margin=True)});"
            f" marginal us/para {lo.paras}->{mid.paras:,}: {slopes[0]:.1f},"
            f" {mid.paras:,}->{hi.paras:,}: {slopes[1]:.1f}"
        )


def memory_section(n: int) -> None:
    m = run_child(__file__, "--memory-child", n)
    grow = None if m["start"] is None or m["peak"] is None else m["peak"] - m["start"]
    print(
        f"\n6. Peak memory, {n:,}-paragraph build ({SCALE_LANG}, model + render, fresh process,"
        f" ru_maxrss): peak RSS {mib(m['peak'])}; after imports {mib(m['start'])},"
        f" after model {mib(m['model'])}; the build adds {mib(grow)}"
    )


def profile(doc: Document, lang: str, runs: int = 30, top: int = 12) -> None:
    habitat_docs.render(doc, lang, "docx")
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        habitat_docs.render(doc, lang, "docx")
    prof.disable()
    print(f"\ncProfile, {runs} x render({lang!r}), by cumulative time:")
    pstats.Stats(prof).strip_dirs().sort_stats("cumulative").print_stats(top)


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--repeat", type=int, help="repeats of the example benchmarks (default 31; quick 7)"
    )
    ap.add_argument("--quick", action="store_true", help="a ~10 s run with fewer repeats")
    ap.add_argument("--profile", action="store_true", help="also cProfile the zh example render")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.repeat is not None and args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.memory_child:
        memory_child(args.memory_child)
        return

    repeat = args.repeat or (7 if args.quick else 31)
    # Repeats per synthetic size; quick mode times 10,000 once, cold (no warm-up build).
    scale_repeats = {100: repeat, 1_000: max(1, repeat // 6), 10_000: 1 if args.quick else 5}
    t0 = time.perf_counter()
    print(
        f"habitat-docs {habitat_docs.__version__}, python-docx {version('python-docx')},"
        f" docxtpl {version('docxtpl')}, Python {PYTHON}"
    )
    doc = habitat_docs.load(EXAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        example_section(doc, repeat, Path(tmp))
    scaling_section(corpus(doc), scale_repeats, args.quick)
    memory_section(SIZES[-1])
    if args.profile:
        profile(doc, "zh")
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
