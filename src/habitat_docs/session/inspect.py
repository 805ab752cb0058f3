"""What the index of a session says of each file written: its pages (a PDF's) and what the
numbering checker finds in it."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any

import attrs

from habitat_docs.check import check
from habitat_docs.check.findings import CheckError

__all__ = ["inspect_file"]


def inspect_file(path: FsPath, check_numbering: bool = True) -> dict[str, Any]:
    """``pages`` (PDF only: a DOCX has no pages until Word lays it out) and, when
    ``check_numbering``, ``check``: ``ok``, the ``counts`` line and the ``findings``, each
    located by the file's name (as ``habitat-docs check NAME`` prints them in its folder), or
    the ``error`` of a file the checker cannot read. Plain data, for JSON and for pickling."""
    info: dict[str, Any] = {}
    if path.suffix == ".pdf":
        info["pages"] = _pages(path)
    if check_numbering:
        info["check"] = _numbering(path)
    return info


def _pages(path: FsPath) -> int | None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(path).pages)
    except (OSError, PdfReadError):  # the index still lists the file, without its pages
        return None


def _numbering(path: FsPath) -> dict[str, Any]:
    try:
        report = check(path)
    except CheckError as e:
        return {"ok": False, "error": str(e)}
    return {
        "ok": report.ok,
        "counts": "; ".join(str(c) for c in report.counts),
        "findings": [str(attrs.evolve(f, file=path.name)) for f in report.findings],
    }
