"""Time ``habitat_docs.check`` on a ~100-page PDF against pypdf's own text extraction.

    python benchmarks/bench_check.py [--pages 100] [--repeat 5] [--lang zh]

Builds a long synthetic report with the model classes, converts it with LibreOffice
(``habitat_docs.build`` with ``pdf_engine="libreoffice"``), then prints the best-of-N times of (a) pypdf reading the file and extracting
every page's text in plain mode and (b) ``check()`` on the same file, and their ratio
(target: at most 1.3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader
from timing import best

from habitat_docs import (  # fmt: skip
    Agenda,
    AgendaItem,
    ExecutiveDirectorReport,
    Paragraph,
    Section,
    Session,
    Subparagraph,
    Subsection,
    Symbol,
    Text,
    build,
)
from habitat_docs.check import check
from habitat_docs.writers.office import LibreOfficeError

ZH = (
    "人居署与联合国道德操守办公室合作，加强遵守联合国人员道德守则。这涉及修订和更新其道德操守框架，"
    "并于2024年1月任命了一名道德操守、行为和纪律问题联络人，2023年共审查了114个项目，总价值为"
    "384 586 115美元。"
)
EN = (
    "UN-Habitat has worked with the United Nations Ethics Office to strengthen compliance with "
    "the code of ethics for United Nations personnel. In 2023, the Programme Review Committee "
    "reviewed 114 projects, with a total value of $384,586,115."
)


def long_document(paragraphs: int) -> ExecutiveDirectorReport:
    """Sections of 12 paragraphs (two subsections each), every fifth paragraph with three
    subparagraphs, every seventh with a footnote citing a symbol."""
    sections, n = [], 0

    def para() -> Paragraph:
        nonlocal n
        n += 1
        note_zh = "{note:见ST/SGB/2019/8。}" if n % 7 == 0 else ""
        note_en = "{note:See ST/SGB/2019/8.}" if n % 7 == 0 else ""
        subs = tuple(Subparagraph(Text(zh=ZH, en=EN)) for _ in range(3)) if n % 5 == 0 else ()
        return Paragraph(Text(zh=ZH * 3 + note_zh, en=EN * 3 + note_en), subs)

    while n < paragraphs:
        k = len(sections) + 1
        content = tuple(para() for _ in range(4))
        subs = tuple(
            Subsection(
                Text(zh=f"第{k}.{j}分节", en=f"Subsection {k}.{j}"), tuple(para() for _ in range(4))
            )
            for j in (1, 2)
        )
        sections.append(Section(Text(zh=f"第{k}节", en=f"Section {k}"), content, subs))
    nairobi = Text(en="Nairobi", zh="内罗毕")
    return ExecutiveDirectorReport(
        symbol=Symbol("HSP/EB.2024/11"),
        issued=dt.date(2024, 3, 7),
        session=Session(2024, 1, dt.date(2024, 5, 6), dt.date(2024, 5, 8), nairobi),
        agenda=Agenda(Symbol("HSP/EB.2024/1"), (AgendaItem(12, Text(en="Item", zh="项目")),)),
        title=Text(en="A long report", zh="长篇报告"),
        sections=tuple(sections),
    )


def make_pdf(out: Path, lang: str, pages: int) -> Path:
    per_page = 3.0 if lang == "zh" else 5.0  # paragraphs per page, measured
    doc = long_document(round(pages * per_page))
    try:
        (pdf,) = build(doc, out, (lang,), ("pdf",), pdf_engine="libreoffice", timeout=300)
    except LibreOfficeError as e:  # e.g. no soffice: LibreOffice is needed to make the PDF
        sys.exit(str(e))
    return pdf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--lang", default="zh", choices=("zh", "en"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = make_pdf(Path(tmp), args.lang, args.pages)
        pages = len(PdfReader(pdf).pages)
        findings = len(check(pdf).findings)  # 0 expected: the document is consistent
        t = best(
            {
                "extract": lambda: [p.extract_text() for p in PdfReader(pdf).pages],
                "check": lambda: check(pdf),
            },
            args.repeat,
        )
    (ew, ec), (cw, cc) = t["extract"], t["check"]
    print(
        f"{args.lang} PDF, {pages} pages (LibreOffice), {findings} findings; best of {args.repeat}, wall / CPU:"
    )
    print(
        f"  pypdf extract_text() alone {ew:6.2f} s / {ec:6.2f} s  ({1000 * ec / pages:.1f} ms/page)"
    )
    print(
        f"  habitat_docs.check.check() {cw:6.2f} s / {cc:6.2f} s  ({1000 * cc / pages:.1f} ms/page)"
    )
    print(f"  ratio                      {cw / ew:6.2f}x / {cc / ec:6.2f}x  (target <= 1.30x)")


if __name__ == "__main__":
    main()
