"""The few calls most users need: load, render, build."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .compose import compose
from .layout import Composed
from .load import load
from .model import Document
from .number import number
from .writers import write_docx, write_pdf
from .writers.libreoffice import Office, pdf_from_docx

__all__ = ["FORMATS", "PDF_ENGINES", "build", "output_name", "render", "write_atomic"]

FORMATS = ("docx", "pdf")
PDF_ENGINES = ("typst", "libreoffice")


def output_name(doc: Document, lang: str, fmt: str) -> str:
    """``HSP-EB.2024-11-zh.docx``."""
    return f"{doc.file_stem}-{lang}.{fmt}"


def render(doc: Document, lang: str, fmt: str = "docx", *, pdf_standard: str | None = None) -> bytes:
    """The document in one language and format, as bytes (PDF through Typst;
    ``pdf_standard`` e.g. "a-2a", "ua-1")."""
    return _write(compose(doc, lang), fmt, pdf_standard)


def build(
    source: Document | str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    langs: Sequence[str] = ("zh", "en"),
    formats: Sequence[str] = ("docx",),
    *,
    pdf_engine: str = "typst",
    pdf_standard: str | None = None,
    timeout: float = 120,
    office: Office | None = None,
) -> list[Path]:
    """Write every language and format of a document into ``out_dir``; return the paths.

    Everything is composed before anything is written, so invalid input writes nothing;
    each file is written atomically, so a failure never leaves a partial file. With
    ``pdf_engine="libreoffice"`` the PDFs are LibreOffice conversions of the DOCX (one
    office process for all languages, or ``office`` if given, killed after ``timeout``)."""
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format '{fmt}' (available: {', '.join(FORMATS)})")
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine '{pdf_engine}' (available: {', '.join(PDF_ENGINES)})")
    doc = source if isinstance(source, Document) else load(Path(source))
    numbering = number(doc)
    composed: list[Composed] = [compose(doc, lang, numbering) for lang in langs]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    via_office = "pdf" in formats and pdf_engine == "libreoffice"
    paths = []
    for c in composed:
        for fmt in formats:
            path = out / output_name(doc, c.lang, fmt)
            if not (fmt == "pdf" and via_office):
                write_atomic(path, _write(c, fmt, pdf_standard))
            paths.append(path)
    if via_office:
        with tempfile.TemporaryDirectory() as tmp:
            sources = []
            for c in composed:
                source_path = Path(tmp) / output_name(doc, c.lang, "docx")
                source_path.write_bytes(write_docx(c))
                sources.append(source_path)
            pdf_from_docx(sources, out, timeout=timeout, standard=pdf_standard, office=office)
    return paths


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(c: Composed, fmt: str, pdf_standard: str | None) -> bytes:
    if fmt == "docx":
        return write_docx(c)
    if fmt == "pdf":
        return write_pdf(c, standard=pdf_standard)
    raise ValueError(f"unknown format '{fmt}' (available: {', '.join(FORMATS)})")

