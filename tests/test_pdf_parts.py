"""Long documents are printed by Typst in parts and joined (writers/pdf/parts.py, join.py).

A document printed in parts must be the document printed whole: every page renders to the same
pixels (pdftoppm), and what spans pages is whole again, as pypdf reads it back: the outline,
the tagged structure (its elements, the parent tree every page and link points into, unique
ids), the document information, the XMP page count and the paragraph numbering. The examples are printed in parts of a
dozen blocks, so that each is cut two or three times, between pages of every kind.
"""

from __future__ import annotations

import io
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pypdf
import pytest
import yaml
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from support import MASTHEAD_YAML

import habitat_docs as hd
from habitat_docs.writers.pdf import join as join_module
from habitat_docs.writers.pdf import parts, writer

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _print(
    name: str, lang: str, monkeypatch: pytest.MonkeyPatch, size: int, standard: str | None = None
) -> tuple[bytes, bytes, list[int]]:
    """The example's PDF printed whole, then in parts of ``size`` blocks; the pages each
    part brought."""
    c = hd.compose(hd.load(EXAMPLES / f"{name}.yaml"), lang)
    whole = writer.write_pdf(c, standard=standard)
    added: list[int] = []
    real_add = join_module.Joined.add

    def add(self: join_module.Joined, pdf: bytes, pages: int | None = None) -> int | None:
        kept = real_add(self, pdf, pages)
        added.extend([kept] if kept is not None else [])
        return kept

    monkeypatch.setattr(join_module.Joined, "add", add)
    monkeypatch.setattr(writer, "PART_BLOCKS", size)
    return whole, writer.write_pdf(c, standard=standard), added


def _pages(pdf: bytes, folder: Path) -> list[bytes]:
    folder.mkdir()
    (folder / "doc.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "36", "-png", str(folder / "doc.pdf"), str(folder / "p")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("p*.png"))]


Mark = tuple[int, str, int | None, float, float, int]


def _outline(reader: pypdf.PdfReader) -> list[Mark]:
    """Every bookmark: depth, title, page, place, and its /Count (negative when closed, 0 or
    none without bookmarks under it)."""

    def walk(items: list[Any], depth: int) -> Iterator[Mark]:
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                page = reader.get_destination_page_number(item)
                at = round(float(item.left), 2), round(float(item.top), 2)
                yield depth, str(item.title), page, *at, int(item.node.get("/Count") or 0)

    return list(walk(reader.outline, 0))


def _elements(reader: pypdf.PdfReader) -> Iterator[DictionaryObject]:
    stack: list[Any] = [reader.root_object["/StructTreeRoot"]["/K"]]
    while stack:
        k = stack.pop()
        k = k.get_object() if isinstance(k, IndirectObject) else k
        if isinstance(k, ArrayObject):
            stack += list(k)
        elif isinstance(k, DictionaryObject) and "/S" in k:
            yield k
            if "/K" in k:
                stack.append(k["/K"])


def _structure(reader: pypdf.PdfReader) -> tuple[Counter[str], list[int], int]:
    """The element types and how many of each, the parent tree's keys and the next key;
    asserts the tree is whole and consistent."""
    root = reader.root_object["/StructTreeRoot"]
    nums = root["/ParentTree"]["/Nums"]
    keys = {int(nums[i]) for i in range(0, len(nums), 2)}
    assert int(root["/ParentTreeNextKey"]) > max(keys)
    pages = {p.indirect_reference.idnum for p in reader.pages}
    for page in reader.pages:
        if "/StructParents" in page:
            assert int(page["/StructParents"]) in keys
        for annot in page.get("/Annots", ()):
            assert int(annot.get_object()["/StructParent"]) in keys
    namespaces = {ns.idnum for ns in root.raw_get("/Namespaces") or ()} if "/Namespaces" in root else set()
    ids, headers, kinds = [], [], Counter[str]()
    for elem in _elements(reader):
        kinds[str(elem["/S"])] += 1
        if "/NS" in elem:  # PDF 2.0: the root lists every namespace the tree uses
            assert elem.raw_get("/NS").idnum in namespaces
        if "/Pg" in elem:
            assert elem.raw_get("/Pg").idnum in pages
        if "/ID" in elem:
            ids.append(str(elem["/ID"]))
        attrs = elem.get("/A", ArrayObject())
        for a in attrs if isinstance(attrs, ArrayObject) else [attrs]:
            headers += [str(h) for h in a.get_object().get("/Headers", ())]
    assert len(ids) == len(set(ids)), "ids repeat"
    assert set(headers) <= set(ids), "a table cell names a header cell that is not there"
    return kinds, sorted(keys), int(root["/ParentTreeNextKey"])


CASES = [
    ("hsp-eb-2024-11", "ar", 12, None),  # right to left, footnotes
    ("hsp-eb-2024-11", "ru", 12, "a-2a"),  # PDF/A-2a
    ("hsp-eb-2020-resource-mobilization", "zh", 12, "ua-1"),  # figures, tables, subsections
    ("hsp-eb-2022-2", "zh", 12, "a-4"),  # a draft decision, an annex; PDF 2.0, no /Info
    ("hsp-eb-2020-1-update", "en", 1, None),  # parts of one block grow until a page ends them
]


@pytest.mark.parametrize(("name", "lang", "size", "standard"), CASES)
def test_a_document_printed_in_parts_is_the_document_printed_whole(
    name: str, lang: str, size: int, standard: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    whole, parted, added = _print(name, lang, monkeypatch, size, standard)
    assert len(added) >= 2, "the document was not printed in parts"
    assert _pages(parted, tmp_path / "parts") == _pages(whole, tmp_path / "whole")
    a, b = pypdf.PdfReader(tmp_path / "whole" / "doc.pdf"), pypdf.PdfReader(tmp_path / "parts" / "doc.pdf")
    assert _outline(b) == _outline(a) and _outline(a)
    if name == "hsp-eb-2020-resource-mobilization":  # a part begins inside a subsection
        assert any(depth == 1 for depth, *_ in _outline(a))
    assert b.metadata == a.metadata and b.root_object["/Lang"] == a.root_object["/Lang"]
    assert _structure(b) == _structure(a)
    xmp = b.xmp_metadata
    assert xmp is not None and f"<xmpTPg:NPages>{len(b.pages)}<" in xmp.stream.get_data().decode()
    reports = [hd.check.check(tmp_path / run / "doc.pdf") for run in ("whole", "parts")]
    assert all(r.ok for r in reports)
    counted_back = [[{**attrs.asdict(c), "file": None} for c in r.counts] for r in reports]
    assert counted_back[0] == counted_back[1] and counted_back[0][0]["paragraphs"] > 0


def test_printing_in_parts_gives_the_same_bytes_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    _, first, added = _print("hsp-eb-2022-2", "zh", monkeypatch, 12)
    _, again, _ = _print("hsp-eb-2022-2", "zh", monkeypatch, 12)
    assert len(added) >= 2 and first == again


class _Layout:
    """A stand-in for Typst: two paragraphs a page, each page beginning with a paragraph."""

    def __init__(self) -> None:
        self.printed: list[tuple[int, int]] = []
        self.data: dict[str, Any] = {}

    def print(self, data: dict[str, Any]) -> bytes:
        first = data["pages-before"] + 1
        self.printed.append((first, len(data["blocks"])))
        self.data = data
        return f"{first} {len(data['blocks'])}".encode()

    def places(self) -> list[parts.Place]:
        data = self.data
        top = data["page"]["margin-cm"]["top"] * 72 / 2.54
        return [parts.Place(i, i // 2 + 1, top if i % 2 == 0 else top + 200) for i, b in enumerate(data["blocks"]) if "probe" in b]

    def forget(self) -> None:
        pass


class _Joined:
    """A stand-in for the join: the pages of the part printed from page 1 up to page 3 have
    a footnote that runs on to page 4, so they cannot stand alone."""

    taken: ClassVar[list[tuple[bytes, int]]] = []

    def __init__(self, levels: list[int]) -> None:
        _Joined.taken = []

    def add(self, pdf: bytes, pages: int | None = None) -> int | None:
        first, blocks = map(int, pdf.split())
        if (first, pages) == (1, 3):
            return None
        kept = (blocks + 1) // 2 if pages is None else pages
        _Joined.taken.append((pdf, kept))
        return kept

    def pdf(self) -> bytes:
        return b"%PDF"


def test_a_part_whose_last_page_runs_on_ends_a_page_earlier(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"page": {"margin-cm": {"top": 2.5}}, "blocks": [{"kind": "para"} for _ in range(30)]}
    monkeypatch.setattr(join_module, "Joined", _Joined)
    layout = _Layout()
    parts.print_in_parts(data, layout, size=10)
    # the first 10 blocks fill pages 1-5; the part may end before page 4 (block 7) or page 3
    # (block 5), not before the last page. Pages 1-3 cannot stand alone: it keeps pages 1-2,
    # and the next part begins with block 5 on page 3.
    assert _Joined.taken[0] == (b"1 10", 2)
    assert layout.printed[:2] == [(1, 10), (3, 10)]
    assert sum(kept for _, kept in _Joined.taken) == 15  # every page once: 30 blocks, 2 a page


def test_a_page_cannot_be_cut_from_a_paragraph_that_runs_on(tmp_path: Path) -> None:
    """Page 1 cut from a PDF whose second paragraph runs on to page 2 would lose the
    paragraph's end: the join refuses it, and takes the whole PDF."""
    words = " ".join(["The programme of work was reviewed by the Board."] * 70)
    body = [{"text": {"en": "Opening paragraph.", "zh": "开头。"}}, {"text": {"en": words, "zh": "段落。"}}]
    path = tmp_path / "runs-on.yaml"
    sections = {"sections": [{"heading": {"en": "Introduction", "zh": "导言"}, "content": body}]}
    path.write_text(MASTHEAD_YAML + yaml.safe_dump(sections, allow_unicode=True), encoding="utf-8")
    pdf = writer.write_pdf(hd.compose(hd.load(path), "en"))
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2 and words[-40:-5] in " ".join(pages[1].extract_text().split())
    assert join_module.Joined([1]).add(pdf, 1) is None
    assert join_module.Joined([1]).add(pdf) == 2


def test_a_join_that_fails_is_a_pdf_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A part pikepdf cannot read ends the build as Typst's errors do, naming the document."""
    import pikepdf

    def unreadable(self: join_module.Joined, pdf: bytes, pages: int | None = None) -> int | None:
        raise pikepdf.PdfError("unexpected end of file")

    monkeypatch.setattr(join_module.Joined, "add", unreadable)
    monkeypatch.setattr(writer, "PART_BLOCKS", 12)
    c = hd.compose(hd.load(EXAMPLES / "hsp-eb-2022-2.yaml"), "en")
    with pytest.raises(writer.PdfError, match=r"could not join the parts of HSP/EB\.2022/4 \(en\): unexpected end"):
        writer.write_pdf(c)
