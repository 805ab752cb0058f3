"""Long paragraph labels ("12345.", "(viii)") whose box the writer measures for Typst: the PDF
is the one Typst's own measurement gives, and the data says how many steps each box takes."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import habitat_docs as hd
from habitat_docs.compose.tree import Composed, Para
from habitat_docs.writers.pdf import data as pdf_data
from habitat_docs.writers.pdf import write_pdf
from habitat_docs.writers.pdf.data import document_data

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "hsp-eb-2024-11.yaml"
LABELS = ("12345.", "(viii)", "1234567890.", "99999.")


def relabelled(lang: str) -> Composed:
    """The example with its first numbered paragraphs given long labels, one a subparagraph."""
    c = hd.compose(hd.load(EXAMPLE), lang)
    blocks, labels = [], iter(LABELS)
    for b in c.blocks:
        if isinstance(b, Para) and b.label is not None and (label := next(labels, None)):
            b = attrs.evolve(b, label=label, depth=1 if label.startswith("(") else 0)
        blocks.append(b)
    return attrs.evolve(c, blocks=tuple(blocks))


def test_long_labels_get_their_steps() -> None:
    data, _ = document_data(relabelled("en"))
    steps = {b["label"]: b.get("steps") for b in data["blocks"] if b.get("label") in LABELS}
    # en: 10 pt Times New Roman, 1 cm steps: "12345." is 27.5 pt (one step), "(viii)" follows
    # the subparagraph's own step, ten digits take two steps
    assert steps == {"12345.": 1, "(viii)": 2, "1234567890.": 2, "99999.": 1}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_measured_labels_print_as_typst_measures_them(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = relabelled(lang)
    ours = write_pdf(c)
    monkeypatch.setattr(pdf_data, "_DOUBT", 1.0)  # no label is sure: Typst measures each one
    assert not any("steps" in b for b in document_data(c)[0]["blocks"])
    assert write_pdf(c) == ours
