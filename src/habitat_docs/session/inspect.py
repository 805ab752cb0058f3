"""What the index of a session says of each file written: its pages (a PDF's) and what the
numbering checker finds in it."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any

import attrs

from habitat_docs.check import check_document
from habitat_docs.check.document import DocumentText
from habitat_docs.check.findings import CheckError
from habitat_docs.check.reader import read

__all__ = ["inspect_file"]


def inspect_file(path: FsPath, check_numbering: bool = True) -> dict[str, Any]:
    """``pages`` (PDF only: a DOCX has no pages until Word lays it out) and, when
    ``check_numbering``, ``check``: ``ok``, the ``counts`` line and the ``findings``, each
    located by the file's name (as ``habitat-docs check NAME`` prints them in its folder), or
    the ``error`` of a file the checker cannot read. Plain data, for JSON and for pickling.

    The file is read once: the checker's reading gives the PDF's pages too."""
    info: dict[str, Any] = {}
    if not check_numbering:
        if path.suffix == ".pdf":
            info["pages"] = _pages(path, None)
        return info
    try:
        text: DocumentText | None = read(path)
    except CheckError as e:
        text, result = None, {"ok": False, "error": str(e)}
    if path.suffix == ".pdf":
        info["pages"] = _pages(path, text)
    if text is not None:
        result = _numbering(path, text)
    info["check"] = result
    return info


def _pages(path: FsPath, text: DocumentText | None) -> int | None:
    """The PDF's pages: as the checker read them, else counted by pypdf (a file the checker
    refuses may still be listed with its pages)."""
    if text is not None and text.pages is not None:
        return text.pages
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(path).pages)
    except (OSError, PdfReadError):  # the index still lists the file, without its pages
        return None


def _numbering(path: FsPath, text: DocumentText) -> dict[str, Any]:
    try:
        report = check_document(text, require_document=True)
    except CheckError as e:
        return {"ok": False, "error": str(e)}
    return {
        "ok": report.ok,
        "counts": "; ".join(str(c) for c in report.counts),
        "findings": [str(attrs.evolve(f, file=path.name)) for f in report.findings],
    }
