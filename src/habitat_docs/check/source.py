"""The common input of every check: a document as located lines, whatever it was read from."""

from __future__ import annotations

import os
from pathlib import Path

from attrs import frozen

from habitat_docs.check.findings import CheckError
from habitat_docs.check.furniture import furniture_role

__all__ = ["KINDS", "Header", "Line", "Source", "clean", "from_text", "read", "sniff"]

KINDS = ("text", "docx", "pdf")

# Invisible characters (word joiners keep symbols on one line), non-breaking hyphens and spaces.
_INVISIBLE = str.maketrans({"\u2060": None, "\u200b": None, "\u200c": None, "\u200d": None,
                            "\ufeff": None, "\u00ad": None, "\u2011": "-",
                            "\u00a0": " ", "\u202f": " "})  # fmt: skip


def clean(text: str) -> str:
    """Text without invisible characters and with plain spaces: "HSP⁠/⁠EB.2024⁠/⁠11" reads
    "HSP/EB.2024/11"."""
    return text.translate(_INVISIBLE)


@frozen
class Line:
    """A line of text and where it is. ``role``: body, head (running head, page number),
    foot (footer), note (footnote text), small (table or note text set small), table (a DOCX
    table cell). ``marks`` are footnote reference marks taken out of the text; ``style`` a DOCX
    paragraph style; ``size`` the font size relative to the body text (PDF), else None."""

    page: int | None
    line: int
    text: str
    role: str = "body"
    marks: tuple[str, ...] = ()
    style: str | None = None
    size: float | None = None
    bold: bool | None = None
    sure: bool = True  # False: a footnote told only by where it stands, not by its mark


@frozen
class Header:
    """A DOCX running head: ``where`` says which pages it serves."""

    where: str
    text: str


@frozen
class Source:
    name: str
    kind: str
    lines: tuple[Line, ...]
    pages: int | None = None
    headers: tuple[Header, ...] | None = None  # DOCX only
    symbol_hint: str | None = None  # the document's own symbol when the file says it (DOCX)


def sniff(path: Path) -> str:
    """text, docx or pdf, from the content; CheckError for anything else."""
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise CheckError(f"cannot read: {e.strerror or e}") from None
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if not head.strip():
        raise CheckError("empty file: not a document")
    return "text"


def read(path: str | os.PathLike[str], kind: str | None = None) -> Source:
    """Read a file of the given kind (sniffed when None) into a Source."""
    p = Path(path)
    try:
        return _read(p, kind)
    except CheckError as e:
        e.file = e.file or str(path)
        raise


def _read(p: Path, kind: str | None) -> Source:
    if not p.is_file():
        raise CheckError("no such file" if not p.exists() else "not a file")
    kind = kind or sniff(p)
    if kind not in KINDS:
        raise CheckError(f"unknown kind '{kind}' (expected one of {', '.join(KINDS)})")
    if kind == "pdf":
        from habitat_docs.check.pdf import read_pdf

        return read_pdf(p)
    if kind == "docx":
        from habitat_docs.check.docx import read_docx

        return read_docx(p)
    return from_text(_decode(p), str(p))


def _decode(p: Path) -> str:
    try:
        data = p.read_bytes()
    except OSError as e:
        raise CheckError(f"cannot read: {e.strerror or e}") from None
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data:
        raise CheckError("binary file: not a text, DOCX or PDF document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CheckError("not UTF-8 text, nor a DOCX or PDF document") from None


def from_text(text: str, name: str = "<text>") -> Source:
    """Plain text; form feeds (as pdftotext writes them) separate pages."""
    lines = []
    paged = "\f" in text
    page = 1
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    for n, raw in enumerate(text.split("\n"), 1):  # not splitlines(): it splits on \f too
        for k, piece in enumerate(raw.split("\f")):
            page += 1 if k else 0
            if piece or not k:
                lines.append(
                    Line(page if paged else None, n, piece, furniture_role(piece) or "body")
                )
    return Source(name, "text", tuple(lines), page if paged else None)
