"""scripts/agreement.py: the share of identical lines between the Typst PDF and the LibreOffice
PDF of the DOCX is a real comparison of what each PDF prints (no threshold on today's figure)."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pypdf
import pytest

import habitat_docs as hd
from habitat_docs.writers.office import Office

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hsp-eb-2024-11.yaml"
OTHER = ROOT / "examples" / "hsp-eb-2024-oios-ethics.yaml"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("agreement", ROOT / "scripts" / "agreement.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["agreement"] = module  # attrs resolves the row's annotations through it
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def agreement() -> ModuleType:
    return _script()


@pytest.fixture(scope="module")
def pdfs(agreement: ModuleType) -> dict[str, tuple[bytes, bytes]]:
    with Office() as office:
        return agreement.build_pdfs(EXAMPLE, ("zh", "en"), office)


def _pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.office
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_row_counts_what_both_pdfs_print(agreement: ModuleType, pdfs, lang: str) -> None:  # type: ignore[no-untyped-def]
    typst_pdf, office_pdf = pdfs[lang]
    assert typst_pdf.startswith(b"%PDF") and office_pdf.startswith(b"%PDF")
    row = agreement.measure(typst_pdf, office_pdf, EXAMPLE.stem, lang)
    lines_typst = [x for p in agreement.pdf_pages(typst_pdf) for x in p]
    lines_office = [x for p in agreement.pdf_pages(office_pdf) for x in p]
    assert (row.example, row.lang) == (EXAMPLE.stem, lang)
    assert (row.lines_typst, row.lines_office) == (len(lines_typst), len(lines_office))
    assert (row.pages_typst, row.pages_office) == (_pages(typst_pdf), _pages(office_pdf))
    assert 0 < row.matched <= min(row.lines_typst, row.lines_office)
    assert row.identical == pytest.approx(
        200 * row.matched / (len(lines_typst) + len(lines_office))
    )
    assert "HSP/EB.2024/11" in lines_typst and "HSP/EB.2024/11" in lines_office
    unmatched = agreement.differences(typst_pdf, office_pdf)
    assert sum(1 for a, _ in unmatched if a) == row.lines_typst - row.matched
    assert sum(1 for _, b in unmatched if b) == row.lines_office - row.matched
    table = agreement.table([row]).splitlines()
    assert len(table) == 3 and table[2].startswith(
        f"| {EXAMPLE.stem} | {lang} | {row.lines_typst} |"
    )


@pytest.mark.office
@pytest.mark.slow
def test_a_pdf_agrees_fully_with_itself_and_little_with_another_document(
    agreement: ModuleType, pdfs
) -> None:  # type: ignore[no-untyped-def]
    _, office_pdf = pdfs["en"]
    itself = agreement.measure(office_pdf, office_pdf)
    assert itself.identical == 100.0 and itself.matched == itself.lines_typst > 100
    other = agreement.measure(hd.render(hd.load(OTHER), "en", "pdf"), office_pdf)
    # two documents share their masthead's fixed lines and running-head layout, no prose
    assert other.identical < 25
    assert agreement.differences(office_pdf, office_pdf) == []


def test_reading_order_is_by_position_not_by_stream() -> None:
    agreement = _script()
    boxes = [(120.0, 300.0, "right, row 2"), (100.0, 300.0, "right, row 1"),
             (101.5, 60.0, "left, row 1"), (120.5, 60.0, "left, row 2")]  # fmt: skip
    assert agreement.reading_order(boxes) == ["left, row 1 right, row 1", "left, row 2 right, row 2"]


def test_json_rows_are_machine_readable() -> None:
    agreement = _script()
    row = agreement.Row("x", "en", 10, 12, 9, 1, 2)
    assert row.identical == pytest.approx(100 * 18 / 22)
    [back] = json.loads(agreement.as_json([row]))
    assert back == {
        "example": "x",
        "lang": "en",
        "lines_typst": 10,
        "lines_office": 12,
        "matched": 9,
        "pages_typst": 1,
        "pages_office": 2,
        "identical": 81.8,
    }


STRATEGY = ROOT / "examples" / "hsp-eb-2020-resource-mobilization.yaml"


def _words(data: bytes, text: str) -> list[float]:
    """The left edge of every word ``text`` in a PDF."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return [float(x) for x in re.findall(rf'<word xMin="([\d.]+)"[^>]*>{text}<', xml)]


@pytest.mark.office
@pytest.mark.slow
def test_tables_and_target_boxes_are_set_alike_by_both_engines(agreement: ModuleType) -> None:
    with Office() as office:
        typst_pdf, office_pdf = agreement.build_pdfs(STRATEGY, ("en",), office)["en"]
    # the grid's columns start at the same places (the body text edge, then one column on)
    for head in ("Strengths", "Weaknesses", "Opportunities", "Threats"):
        [a], [b] = _words(typst_pdf, head), _words(office_pdf, head)
        assert a == pytest.approx(b, abs=1.0), head

    # so every cell wraps alike: the grid's lines are the same lines, in the same order
    def grid(data: bytes) -> list[str]:
        lines = [x for p in agreement.pdf_pages(data) for x in p]
        start = next(i for i, x in enumerate(lines) if x.startswith("Strengths"))
        end = next(i for i, x in enumerate(lines) if x.startswith("Sources of funding"))
        return [
            x for x in lines[start:end] if not x.startswith("HSP/EB.2020/20") and not x.isdigit()
        ]

    assert grid(typst_pdf) == grid(office_pdf)
    # each target is a bulleted line in both PDFs, the bullets and texts at the same places
    for data in (typst_pdf, office_pdf):
        lines = [x for p in agreement.pdf_pages(data) for x in p]
        assert "• Number of Member States contributing to core income: 100." in lines
    bullets = _words(typst_pdf, "•"), _words(office_pdf, "•")
    assert len(bullets[0]) == len(bullets[1]) > 10
    assert bullets[0] == pytest.approx(bullets[1], abs=1.0)
