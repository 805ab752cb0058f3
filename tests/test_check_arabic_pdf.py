"""The checker reads Arabic PDFs in reading order: from the Typst PDF and LibreOffice's PDF of
the DOCX, every right-to-left line comes back as the DOCX stores it (words right to left,
numbers and symbols left to right), the paragraph number at the start of its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import OnDemand, arabic_versions

from habitat_docs.check.document import clean
from habitat_docs.check.pdf import read_pdf
from habitat_docs.check.rtl import Reversal, reading_order

ENGINES = [pytest.param("typst", marks=pytest.mark.slow),
           pytest.param("libreoffice", marks=[pytest.mark.slow, pytest.mark.office])]  # fmt: skip


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> OnDemand:
    """The Typst PDF at once; LibreOffice's PDF of the DOCX when first read."""
    return arabic_versions(tmp_path_factory.mktemp("ar-check"))


def _lines(pdf: Path) -> list[str]:
    """The text of every line the checker reads, bidi controls gone, spaces single."""
    return [" ".join(clean(ln.text).split()) for ln in read_pdf(pdf).lines]


@pytest.mark.parametrize("engine", ENGINES)
def test_arabic_lines_read_in_reading_order(pdfs, engine: str) -> None:  # type: ignore[no-untyped-def]
    lines = _lines(pdfs[engine])
    text = " ".join(lines)
    assert "طلب المجلس التنفيذي في الدورة الأولى لعام 2024" in text
    assert "فترة السنتين 2022-2023" in text  # across a line break
    assert "384 586 115 دولار" in text  # the groups in order, the currency after them
    assert "الأمم المتحدة" in text and "المتحدة الأمم" not in text
    assert "لبرنامج الأمم المتحدة للمستوطنات البشرية" in text  # a word painted in three runs


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraph_numbers_start_their_lines(pdfs, engine: str) -> None:  # type: ignore[no-untyped-def]
    lines = _lines(pdfs[engine])
    starts = {
        "1 -": "طلب المجلس",
        "2 -": "وكما هو مبين",
        "3 -": "استعرض موئل",
    }
    for label, words in starts.items():
        line = next((ln for ln in lines if words in ln), "")
        assert line.startswith(label), (label, line)
    assert [ln[:3] for ln in lines if re.match(r"\(.\)", ln)] == ["(أ)", "(ب)", "(ج)"]


@pytest.mark.parametrize("engine", ENGINES)
def test_left_to_right_lines_stay_as_read(pdfs, engine: str) -> None:  # type: ignore[no-untyped-def]
    lines = _lines(pdfs[engine])
    assert "Original: English" in lines
    note = next(ln for ln in lines if "انظر" in ln)
    assert "HSP/EB.2023/5" in note and note.index("انظر") < note.index("HSP")


def test_runs_turned_back_by_position() -> None:
    """Runs as pypdf gives them (right-to-left runs end for end) in painting order: the line
    reads from its right end, a number between two words kept left to right."""
    turn = Reversal()
    runs = [(" دولار", 10.0), ("384 586 115", 60.0), ("بقيمة ", 120.0)]  # x: left to right
    pieces = [(t[::-1] if turn.turned(t) else t, 10.0, False, x) for t, x in runs]
    order = reading_order(pieces, lambda text, size, largest: False)
    assert order is not None
    assert "".join(t for t, _, _ in order) == "بقيمة 384 586 115 دولار"
