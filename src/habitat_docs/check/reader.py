"""Read a file of any kind (plain text, DOCX, PDF) into a DocumentText, the kind sniffed from
the content when not given."""

from __future__ import annotations

import os
from pathlib import Path

from habitat_docs.check.document import DocumentText, Line, clean
from habitat_docs.check.docx import read_docx
from habitat_docs.check.findings import CheckError
from habitat_docs.check.furniture import furniture_role
from habitat_docs.check.limits import check_zip
from habitat_docs.check.pdf import read_pdf
from habitat_docs.regular import file_kind, read_regular

__all__ = ["KINDS", "MAX_TEXT_BYTES", "MAX_TEXT_LINES", "from_text", "read", "sniff"]

KINDS = ("text", "docx", "pdf")
# A text file is refused past these: a long UN report is about 3,000 lines and 300 KB, so they
# leave room for a whole volume while keeping a hostile file's time and memory bounded.
MAX_TEXT_BYTES = 32 * 2**20
MAX_TEXT_LINES = 500_000
# UTF-32 before UTF-16: the UTF-32 little-endian mark begins with UTF-16's.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))  # fmt: skip


def sniff(path: Path) -> str:
    """text, docx or pdf, from the content; CheckError for anything else."""
    try:
        head = read_regular(path, 1024)
    except OSError as e:
        raise CheckError(f"cannot read: {e.strerror or e}") from None
    if head.lstrip(b"\x00\t\n\f\r ").startswith(b"%PDF-"):  # the magic opens the file
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if not head.strip():
        raise CheckError("empty file: not a document")
    return "text"


def read(path: str | os.PathLike[str], kind: str | None = None) -> DocumentText:
    """Read a file of the given kind (sniffed when None)."""
    p = Path(path)
    try:
        return _read(p, kind)
    except CheckError as e:
        e.file = e.file or str(path)
        raise


def _read(p: Path, kind: str | None) -> DocumentText:
    try:
        kind_of_file = file_kind(p.stat().st_mode)
    except FileNotFoundError:
        raise CheckError("no such file") from None
    except OSError as e:
        raise CheckError(f"cannot read: {e.strerror or e}") from None
    if kind_of_file is not None:  # a FIFO would block the reader, a device never end
        raise CheckError(f"not a regular file ({kind_of_file})")
    kind = kind or sniff(p)
    if kind not in KINDS:
        raise CheckError(f"unknown kind '{kind}' (expected one of {', '.join(KINDS)})")
    if kind == "pdf":
        return read_pdf(p)
    if kind == "docx":
        check_zip(p)
        return read_docx(p)
    return from_text(_decode(p), str(p))


def _decode(p: Path) -> str:
    try:
        if p.stat().st_size > MAX_TEXT_BYTES:
            raise CheckError(f"text file larger than {MAX_TEXT_BYTES // 2**20} MiB: not checked (the limit for text files)")
        data = p.read_bytes()
    except OSError as e:
        raise CheckError(f"cannot read: {e.strerror or e}") from None
    if data.count(b"\n") > MAX_TEXT_LINES:
        raise CheckError(f"text file of more than {MAX_TEXT_LINES:,} lines: not checked (the limit for text files)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data:
        raise CheckError("binary file: not a text, DOCX or PDF document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CheckError("not UTF-8 text, nor a DOCX or PDF document") from None


def from_text(text: str, name: str = "<text>") -> DocumentText:
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
    return DocumentText(name, "text", tuple(lines), page if paged else None)
