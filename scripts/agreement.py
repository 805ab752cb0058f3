#!/usr/bin/env python3
"""How alike the two PDFs of a document look: Typst's and LibreOffice's (from the DOCX).

    .venv/bin/python scripts/agreement.py [FILE...] [--lang zh,en] [--json] [--show-diff]

For every data file (default: every ``examples/hsp-*.yaml``) and language, the script makes the
Typst PDF and the LibreOffice PDF of the DOCX in memory (one office process for the whole run),
reads the text lines of both and prints one row each: lines in either PDF, the share of
identical lines and the page counts. It measures; it never fails on a low figure (exit 0, or
1 when a document cannot be built). ``--show-diff`` prints the unmatched lines of both PDFs
side by side (to standard error), for finding what makes them differ.

Lines. Both PDFs are read by one extractor, poppler's ``pdftotext -bbox-layout``, which gives
every line with its box. ``pdftotext -layout`` pads columns with spaces and orders a page by
its own column guesses, which differ between two layouts of the same text; pypdf follows the
content stream, whose order is each engine's own. Here a page's lines are put in reading order
by their position only: top to bottom by baseline (lines whose baselines lie within
``SAME_ROW`` points share a row), and left to right within a row. So a masthead's two columns,
or a table's cells, read row by row in both PDFs alike.

A line is its words joined by one space (whitespace collapsed, the invisible bidi isolates and
marks of Arabic text dropped, nothing else changed: straight
and curly quotes, a space between Chinese and Latin text, a word carried to the next line all
count as differences, because a reader sees them). Arabic is the exception: pdftotext rebuilds
its words from glyph clusters, and cuts words and orders vowel marks (tanween, shadda) after
each engine's glyph runs, not as a reader sees them; in a line with Arabic letters, spaces and
Arabic marks are dropped before comparing, so a word carried to the next line still counts.

Agreement. The two sequences of lines (every page, in order) are matched by
``difflib.SequenceMatcher`` (no junk heuristic); ``identical`` is 2 * matched / (lines in the
Typst PDF + lines in the LibreOffice PDF), in per cent: 100 only when both print the same lines
in the same order, and a line missing from one side lowers it as much as an extra one.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import attrs

import habitat_docs as hd
from habitat_docs.compose.composer import compose
from habitat_docs.writers import write_docx, write_pdf
from habitat_docs.writers.office import LibreOfficeError, Office, pdf_from_docx

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("zh", "en")
_ARABIC = re.compile("[\u0600-\u06ff]")
_MARKS = re.compile("[\\s\u064b-\u0652\u0670]")  # whitespace, harakat, superscript alef
# Bidi isolates and marks print nothing; each engine hands them to pdftotext its own way.
_INVISIBLE = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"))
SAME_ROW = 2.0  # points: a superscript or a Latin word in Chinese text sits on the same row
_NS = "{http://www.w3.org/1999/xhtml}"


@attrs.frozen
class Row:
    """One document in one language: the measurement of its two PDFs."""

    example: str
    lang: str
    lines_typst: int
    lines_office: int
    matched: int
    pages_typst: int
    pages_office: int

    @property
    def identical(self) -> float:
        """Identical lines, per cent of the lines of both PDFs."""
        total = self.lines_typst + self.lines_office
        return 100.0 * 2 * self.matched / total if total else 100.0


def pdf_pages(data: bytes) -> list[list[str]]:
    """The text lines of every page of a PDF, in reading order (see the module's docstring)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout
    pages = []
    for page in ET.fromstring(xml).iter(f"{_NS}page"):
        boxes = []
        for line in page.iter(f"{_NS}line"):
            words = " ".join(w.text or "" for w in line.iter(f"{_NS}word")).translate(_INVISIBLE)
            text = " ".join(words.split())
            if text:
                boxes.append((float(line.get("yMax", 0)), float(line.get("xMin", 0)), text))
        pages.append(reading_order(boxes))
    return pages


def reading_order(boxes: list[tuple[float, float, str]]) -> list[str]:
    """Lines by row (baselines within SAME_ROW points), each row one line, its pieces left to
    right: pdftotext makes a label and its text one line or two as the gap between them
    happens to be, so a row, not a pdftotext line, is what is compared."""
    rows: list[list[tuple[float, float, str]]] = []
    for box in sorted(boxes):
        if rows and box[0] - rows[-1][0][0] <= SAME_ROW:
            rows[-1].append(box)
        else:
            rows.append([box])
    lines = [" ".join(text for _, _, text in sorted(row, key=lambda b: b[1])) for row in rows]
    # see the module's docstring: Arabic glyphs split words and order marks per engine
    return [_MARKS.sub("", line) if _ARABIC.search(line) else line for line in lines]


def _matcher(a: list[str], b: list[str]) -> difflib.SequenceMatcher[str]:
    return difflib.SequenceMatcher(None, a, b, autojunk=False)


def measure(typst_pdf: bytes, office_pdf: bytes, example: str = "", lang: str = "") -> Row:
    """The row of one pair of PDFs (any two PDFs: the first is called Typst's)."""
    a, b = pdf_pages(typst_pdf), pdf_pages(office_pdf)
    lines_a, lines_b = [x for p in a for x in p], [x for p in b for x in p]
    matched = sum(m.size for m in _matcher(lines_a, lines_b).get_matching_blocks())
    return Row(example, lang, len(lines_a), len(lines_b), matched, len(a), len(b))


def differences(typst_pdf: bytes, office_pdf: bytes) -> list[tuple[str, str]]:
    """The lines of each PDF that have no identical line in the other, side by side."""
    a = [x for p in pdf_pages(typst_pdf) for x in p]
    b = [x for p in pdf_pages(office_pdf) for x in p]
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in _matcher(a, b).get_opcodes():
        if tag != "equal":
            left, right = a[i1:i2], b[j1:j2]
            n = max(len(left), len(right))
            out += zip(left + [""] * (n - len(left)), right + [""] * (n - len(right)), strict=True)
    return out


def build_pdfs(path: Path, langs: Sequence[str], office: Office) -> dict[str, tuple[bytes, bytes]]:
    """Each language's (Typst PDF, LibreOffice PDF of the DOCX) of one data file."""
    doc = hd.load(path)
    numbering = hd.number(doc)
    composed = [compose(doc, lang, numbering) for lang in langs]
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for c in composed:
            sources.append(Path(tmp) / f"{c.file_stem}-{c.lang}.docx")
            sources[-1].write_bytes(write_docx(c))
        converted = pdf_from_docx(sources, Path(tmp) / "pdf", office=office)
        return {
            c.lang: (write_pdf(c), pdf.read_bytes())
            for c, pdf in zip(composed, converted, strict=True)
        }


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    heads = ("example", "lang", "lines Typst", "lines LibreOffice", "identical lines",
             "pages Typst", "pages LibreOffice")  # fmt: skip
    out = ["| " + " | ".join(heads) + " |", "|---|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        out.append(
            f"| {r.example} | {r.lang} | {r.lines_typst} | {r.lines_office} | "
            f"{r.identical:.1f}% | {r.pages_typst} | {r.pages_office} |"
        )
    return "\n".join(out)


def as_json(rows: Sequence[Row]) -> str:
    """The rows as a JSON list of objects (``identical`` in per cent, one decimal)."""
    return json.dumps(
        [attrs.asdict(r) | {"identical": round(r.identical, 1)} for r in rows], indent=1
    )


def _side_by_side(pairs: list[tuple[str, str]], width: int = 60) -> str:
    return "\n".join(f"  {a[:width]:<{width}} | {b[:width]}" for a, b in pairs)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="*", type=Path, metavar="FILE")
    p.add_argument("--lang", default=",".join(LANGS), help="languages, e.g. zh,en")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    p.add_argument("--show-diff", action="store_true", help="print the unmatched lines too")
    args = p.parse_args(argv)
    files = args.files or sorted((ROOT / "examples").glob("hsp-*.yaml"))
    rows = []
    with Office() as office:
        for path in files:
            try:
                built = build_pdfs(path, args.lang.split(","), office)
            except (hd.DataError, LibreOfficeError) as e:
                print(e, file=sys.stderr)
                return 1
            for lang, (typst_pdf, office_pdf) in built.items():
                rows.append(measure(typst_pdf, office_pdf, path.stem, lang))
                if args.show_diff:
                    print(f"\n{path.stem} {lang}: Typst | LibreOffice", file=sys.stderr)
                    print(_side_by_side(differences(typst_pdf, office_pdf)), file=sys.stderr)
    print(as_json(rows) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
