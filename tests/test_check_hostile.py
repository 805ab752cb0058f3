"""Hostile files for the checker (issue 18, points 2, 3, 4 and 7): it answers quickly, in
bounded memory, and refuses what is past its limits with a clear message (exit 2)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import ARABIC_DOC

from habitat_docs.check import check, limits
from habitat_docs.check.findings import CheckError
from habitat_docs.check.reader import MAX_TEXT_LINES, read, sniff
from habitat_docs.cli import main

TEXT = "I. Introduction\n\n1. The Executive Board met.\n\n2. It decided.\n"


def _pdf(pages: int, text: bytes = b"1. Paragraph text") -> bytes:
    """A PDF of ``pages`` pages that all draw one content stream, with one shared font."""
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d /Resources << /Font << /F1 4 0 R >> >> >>" % (kids, pages),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_a_text_that_mentions_the_pdf_magic_is_text(tmp_path: Path) -> None:
    """Only a file that opens with "%PDF-" is a PDF."""
    f = tmp_path / "notes.txt"
    f.write_text("See the attached file (header %PDF-1.7).\n" + TEXT, encoding="utf-8")
    assert sniff(f) == "text" and check(f).ok


@pytest.mark.parametrize("codec", ["utf-32", "utf-16"])
def test_utf32_and_utf16_texts_are_decoded(tmp_path: Path, codec: str) -> None:
    f = tmp_path / f"{codec}.txt"
    f.write_bytes(TEXT.encode(codec))  # with its byte order mark
    assert [ln.text for ln in read(f).lines][:3] == ["I. Introduction", "", "1. The Executive Board met."]


def test_a_zip_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.docx", {"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * (8 * 2**20)})
    assert bomb.stat().st_size < 100_000
    with pytest.raises(CheckError, match="inflates .* times its size"):
        check(bomb)
    assert main(["check", str(bomb)]) == 2


def test_a_docx_of_too_many_parts_is_refused(tmp_path: Path) -> None:
    parts = {f"word/media/p{i}.xml": b"<x/>" for i in range(limits.MAX_MEMBERS + 1)}
    with pytest.raises(CheckError, match="parts: more than"):
        check(_zip(tmp_path / "parts.docx", parts))


def test_a_docx_that_inflates_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The total is read from the archive's directory (the limit lowered to keep the file small)."""
    monkeypatch.setattr(limits, "MAX_INFLATED", 2**20)
    f = _zip(tmp_path / "big.docx", {f"word/p{i}.xml": bytes(range(256)) * 2048 for i in range(3)})
    with pytest.raises(CheckError, match="inflates to"):
        check(f)


def test_a_broken_archive_says_why(tmp_path: Path) -> None:
    f = tmp_path / "broken.docx"
    f.write_bytes(b"PK\x03\x04" + b"\xff" * 64)
    with pytest.raises(CheckError, match="cannot read as DOCX: .+"):
        check(f)


def test_pages_that_share_one_content_stream_are_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PageObject

    f = tmp_path / "shared.pdf"
    f.write_bytes(_pdf(2_000))
    calls = []
    real = PageObject.extract_text
    monkeypatch.setattr(PageObject, "extract_text", lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    doc = read(f)
    assert doc.pages == 2_000 and len(calls) == 1
    assert sum(ln.text.startswith("1. Paragraph") for ln in doc.lines) == 2_000


def test_a_pdf_past_the_page_limit_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "long.pdf"
    f.write_bytes(_pdf(limits.MAX_PAGES + 1))
    with pytest.raises(CheckError, match="pages: more than"):
        check(f)


def test_an_aes_pdf_without_cryptography_says_what_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pypdf needs the 'cryptography' package to decrypt AES; the message names it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import DependencyError

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(1))))
    writer.encrypt(user_password="", owner_password="o", algorithm="RC4-128")
    f = tmp_path / "locked.pdf"
    writer.write(f)

    def needs_cryptography(self: PdfReader, password: str) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", needs_cryptography)
    with pytest.raises(CheckError, match="needs the Python package 'cryptography'"):
        check(f)


def test_an_rc4_pdf_with_an_empty_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(1))))
    writer.encrypt(user_password="", owner_password="o", algorithm="RC4-128")
    f = tmp_path / "rc4.pdf"
    writer.write(f)
    assert any(ln.text.startswith("1. Paragraph") for ln in read(f).lines)


def test_a_text_past_the_line_limit_is_refused_at_once(tmp_path: Path) -> None:
    f = tmp_path / "lines.txt"
    f.write_bytes(b"ab\n" * (MAX_TEXT_LINES + 1))
    with pytest.raises(CheckError, match="lines: not checked"):
        check(f)


def test_paragraph_numbers_past_999_are_checked(tmp_path: Path) -> None:
    """Issue 18, point 6: a missing paragraph 1100 in a long document is found."""
    f = tmp_path / "long.txt"
    f.write_text("I. Introduction\n" + "".join(f"{n}. Paragraph {n}.\n" for n in range(1, 1201) if n != 1100), encoding="utf-8")
    assert [x.message for x in check(f).findings] == ["paragraph 1100. is missing: 1101. follows 1099."]


def test_a_year_at_the_start_of_a_line_is_no_paragraph(tmp_path: Path) -> None:
    f = tmp_path / "year.txt"
    f.write_text("I. Introduction\n1. The Board met in\n2024. The meeting was long.\n2. It decided.\n", encoding="utf-8")
    assert check(f).ok


def _docx_with(tmp_path: Path, name: str, numbers: list[int], build: Callable[[Any, int], None]) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("I. Introduction")
    for n in numbers:
        build(d.add_paragraph(f"{n}. The Board decided on item {n}."), n)
    d.save(tmp_path / name)
    return tmp_path / name


def test_a_paragraph_holding_a_text_box_keeps_its_label(tmp_path: Path) -> None:
    """Issue 18, point 6: paragraph 4 holds a text box; a missing paragraph 5 is found."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
    box = f"<w:r {ns}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>7. Box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"

    def with_box(p: Any, n: int) -> None:
        if n == 4:
            p._p.insert(1, parse_xml(box))

    f = _docx_with(tmp_path, "box.docx", [1, 2, 3, 4, 6, 7], with_box)
    assert [x.message for x in check(f).findings] == ["paragraph 5. is missing: 6. follows 4."]


def test_sections_sharing_one_header_read_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18, point 1: 1,000 section breaks that all point at one large header part."""
    import copy

    import docx
    from docx.enum.section import WD_SECTION

    from habitat_docs.check import docx as docx_reader

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "HSP/EB.2024/11 " + "x" * 100_000
    ref = d.sections[0]._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}headerReference")
    for n in range(1, 1001):
        d.add_paragraph(f"{n}. Paragraph {n}.")
        d.add_section(WD_SECTION.NEW_PAGE)._sectPr.insert(0, copy.deepcopy(ref))
    d.save(tmp_path / "sections.docx")
    reads = []
    real = docx_reader._part_text
    monkeypatch.setattr(docx_reader, "_part_text", lambda part: reads.append(part) or real(part))
    assert read(tmp_path / "sections.docx").headers is not None
    assert len(reads) == 1


def test_an_entity_laden_part_is_never_expanded(tmp_path: Path) -> None:
    """Issue 18, point 5: a footnotes part declaring entities (an XXE or a billion laughs)
    gives a clean refusal naming the part, or is read without expanding them; never a
    traceback, never the file's contents."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENTS", encoding="utf-8")
    import habitat_docs as hd

    good = tmp_path / "good.docx"  # a report with a footnote, so its footnotes part is read
    good.write_bytes(hd.render(hd.load(ARABIC_DOC), "en", "docx"))
    assert any(ln.role == "note" for ln in read(good).lines)
    evil = (
        f'<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="1"><w:p><w:r><w:t>&xxe;&b;</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode()
    bad = tmp_path / "evil.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            out.writestr(item, evil if item.filename == "word/footnotes.xml" else src.read(item.filename))
    try:
        text = " ".join(ln.text for ln in read(bad).lines)
    except CheckError as e:
        assert "footnotes" in str(e) or "cannot read" in str(e)
    else:
        assert "SECRET" not in text and "aaaaaaaaaa" not in text


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/styles.xml"])
@pytest.mark.parametrize(
    "xml",
    [
        b"<w:p xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:r>",  # cut short
        bytes(range(256)) * 40,  # binary
        b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',  # well-formed, foreign
    ],
)
def test_a_broken_part_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, xml: bytes
) -> None:
    """Issue 18, point 5: every XML part the checker reads gives exit 0 or a clean exit 2
    naming the part, never a traceback."""
    import habitat_docs as hd

    good = tmp_path / "good.docx"  # with footnotes and a header
    good.write_bytes(hd.render(hd.load(ARABIC_DOC), "en", "docx"))
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        assert part in src.namelist()
        for item in src.infolist():
            out.writestr(item, xml if item.filename == part else src.read(item.filename))
    code = main(["check", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and f"/{part}" in err or code in (0, 1) and "root:" not in err


def test_the_quote_of_a_huge_line_looks_at_its_opening_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18, point 2: 1,000 pages whose one line is 60,000 characters of one word each took
    39 s measuring the whole word, once per finding, to quote eight words of it."""
    import unicodedata

    from habitat_docs.check import quote

    looked: list[str] = []
    real = unicodedata.east_asian_width
    monkeypatch.setattr(quote.unicodedata, "east_asian_width", lambda c: looked.append(c) or real(c))
    assert quote.opening_words("1. Paragraph " + "x" * 1_000_000) == "1. Paragraph…"
    assert len(looked) < 500
