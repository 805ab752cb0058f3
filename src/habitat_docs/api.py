"""The few calls most users need: load, render, build."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from habitat_docs.atomic import write_all_atomic
from habitat_docs.compose.composer import compose
from habitat_docs.compose.measure import prepare as prepare_measure
from habitat_docs.compose.tree import Composed
from habitat_docs.errors import DataError
from habitat_docs.languages_pool import in_parallel
from habitat_docs.load import load, load_with_lines  # noqa: F401 (load: kept importable from here)
from habitat_docs.load.images import setting_image
from habitat_docs.model import Artwork, Document, in_un_order
from habitat_docs.number import number
from habitat_docs.writers import FORMATS, write, write_docx
from habitat_docs.writers.office import Office, pdf_from_docx
from habitat_docs.writers.pdf.writer import prepare as prepare_pdf

__all__ = ["FORMATS", "PDF_ENGINES", "build", "checked_artwork", "output_name", "render"]

PDF_ENGINES = ("typst", "libreoffice")


def output_name(doc: Document, lang: str, fmt: str) -> str:
    """``HSP-EB.2024-11-zh.docx``."""
    return f"{doc.file_stem}-{lang}.{fmt}"


def render(
    doc: Document, lang: str, fmt: str = "docx", *, pdf_standard: str | None = None,
    artwork: Artwork | None = None,
) -> bytes:  # fmt: skip
    """The document in one language and format, as bytes (PDF through Typst;
    ``pdf_standard`` e.g. "a-2a", "ua-1"; ``artwork``: the masthead's image files)."""
    return _write(compose(doc, lang, artwork=checked_artwork(artwork)), fmt, pdf_standard)


def checked_artwork(artwork: Artwork | None, prefix: str = "") -> Artwork | None:
    """``artwork`` with each file checked (PNG, JPEG or GIF, readable, valid) and resolved;
    a DataError names the setting (``prefix`` + "emblem": "--emblem" for an option)."""
    if artwork is None:
        return None
    emblem, logo = artwork.emblem, artwork.logo
    return Artwork(
        emblem=None if emblem is None else setting_image(emblem, prefix + "emblem"),
        logo=None if logo is None else setting_image(logo, prefix + "logo"),
    )


def build(
    source: Document | str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    langs: Sequence[str] | None = None,
    formats: Sequence[str] = ("docx",),
    *,
    pdf_engine: str = "typst",
    pdf_standard: str | None = None,
    timeout: float = 120,
    office: Office | None = None,
    artwork: Artwork | None = None,
    jobs: int | None = None,
) -> list[Path]:
    """Write every language and format of a document into ``out_dir``; return the paths.

    Every file is made in memory before anything is written, so invalid input (or a failing
    writer) writes nothing and leaves the files of an earlier build untouched; the files are
    then written all or not at all (a full disk leaves the earlier build whole, never a mix
    of new and old languages), and each atomically, so even a killed build never leaves a
    partial file. With
    ``pdf_engine="libreoffice"`` the PDFs are LibreOffice conversions of the DOCX (one
    office process for all languages, or ``office`` if given, killed after ``timeout``).
    Errors found after loading (while composing) name the data file and line too.
    ``langs``: the languages to build (default: the document's own, in the UN's order); one
    the document is not issued in is an error, before anything is written.
    ``artwork``: the masthead's image files (the emblem, the logo), before the document's own.
    ``jobs``: processes making the language versions side by side (default: one per core;
    1 when the caller runs its own pool, as a session does)."""
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format '{fmt}' (available: {', '.join(FORMATS)})")
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine '{pdf_engine}' (available: {', '.join(PDF_ENGINES)})")
    artwork = checked_artwork(artwork)
    lines: Mapping[tuple[str | int, ...], int] = {}
    name = None
    if isinstance(source, Document):
        doc = source
    else:
        name = str(source)
        doc, lines = load_with_lines(Path(source))
    out = Path(out_dir)
    via_office = "pdf" in formats and pdf_engine == "libreoffice"
    langs = in_un_order(doc.languages) if langs is None else tuple(langs)
    try:
        doc.require_languages(langs)
        composed, files = _versions(doc, langs, formats, out, artwork, pdf_standard, via_office, jobs)
    except DataError as e:
        raise (e.located(name, lines) if name is not None else e) from None
    if via_office:
        made = {path.name: data for path, data in files if data is not None}
        pdfs = _office_pdfs(doc, composed, made, timeout=timeout, standard=pdf_standard, office=office)
        files = [(path, pdfs[path.name] if data is None else data) for path, data in files]
    out.mkdir(parents=True, exist_ok=True)
    write_all_atomic((path, data) for path, data in files if data is not None)
    return [path for path, _ in files]


def _versions(
    doc: Document, langs: Sequence[str], formats: Sequence[str], out: Path, artwork: Artwork | None,
    pdf_standard: str | None, via_office: bool, jobs: int | None,
) -> tuple[list[Composed], list[tuple[Path, bytes | None]]]:  # fmt: skip
    """Every language version's files (a PDF LibreOffice is to make: None), in memory; the
    composed versions too when LibreOffice needs them, else the versions are made side by
    side (languages_pool)."""
    numbering = number(doc)
    if via_office:
        composed = [compose(doc, lang, numbering, artwork) for lang in langs]
        files = [(out / output_name(doc, c.lang, fmt), None if fmt == "pdf" else _write(c, fmt, pdf_standard))
                 for c in composed for fmt in formats]  # fmt: skip
        return composed, files

    def version(lang: str) -> list[tuple[Path, bytes | None]]:
        c = compose(doc, lang, numbering, artwork)
        return [(out / output_name(doc, lang, fmt), _write(c, fmt, pdf_standard)) for fmt in formats]

    return [], [f for made in in_parallel(langs, version, _prepare, jobs) for f in made]


def _office_pdfs(
    doc: Document, composed: list[Composed], made: dict[str, bytes], *, timeout: float,
    standard: str | None, office: Office | None,
) -> dict[str, bytes]:  # fmt: skip
    """The LibreOffice PDFs of the composed languages, by output file name (made in a
    temporary folder, so that a failed conversion writes nothing). Unlike the DOCX and the
    Typst PDF, these are not byte-identical from one build to the next: LibreOffice stamps
    its own creation time and document id. ``made`` holds the files the build already made,
    by name, so a DOCX that is also an output is not written twice."""
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for c in composed:
            name = output_name(doc, c.lang, "docx")
            source_path = Path(tmp) / name
            source_path.write_bytes(made[name] if name in made else write_docx(c))
            sources.append(source_path)
        pdfs = pdf_from_docx(sources, Path(tmp) / "pdf", timeout=timeout, standard=standard, office=office)
        return {
            output_name(doc, c.lang, "pdf"): pdf.read_bytes()
            for c, pdf in zip(composed, pdfs, strict=True)
        }


def _prepare() -> None:
    """What every language version loads (see languages_pool.in_parallel)."""
    prepare_measure()
    prepare_pdf()


def _write(c: Composed, fmt: str, pdf_standard: str | None) -> bytes:
    return write(c, fmt, pdf_standard)

